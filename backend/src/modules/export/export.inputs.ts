import { Field, InputType } from '@nestjs/graphql';
import { Flag, IsOptional, LocalDateString, OneOf } from '../../common/validation.js';
import { ExportDataset, ExportFormat } from './export.types.js';

@InputType()
export class CreateExportInput {
  @Field(() => ExportFormat)
  @OneOf(Object.values(ExportFormat))
  format!: ExportFormat;

  @Field({ description: 'First day, YYYY-MM-DD: episodes that ended, and responses given, on or after it.' })
  @LocalDateString()
  from!: string;

  @Field({ description: 'Last day, YYYY-MM-DD, at most 5 years after from.' })
  @LocalDateString()
  to!: string;

  @Field(() => Boolean, {
    defaultValue: false,
    description: "Adds clients' names; the download is audited as identifiable.",
  })
  @IsOptional()
  @Flag()
  identifiable?: boolean;

  @Field(() => ExportDataset, { defaultValue: ExportDataset.EPISODES, description: 'CSV only.' })
  @IsOptional()
  @OneOf(Object.values(ExportDataset))
  dataset?: ExportDataset;
}
