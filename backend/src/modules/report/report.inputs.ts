import { Field, ID, InputType } from '@nestjs/graphql';
import { ArrayMaxSize, IsArray, IsUUID } from 'class-validator';
import { IsOptional, LocalDateString, OneOf } from '../../common/validation.js';

export const REPORT_INSTRUMENTS = ['PHQ9', 'GAD7'] as const;
export type ReportInstrument = (typeof REPORT_INSTRUMENTS)[number];

@InputType()
export class PracticeReportInput {
  @Field({ description: 'First day of the period, YYYY-MM-DD (episodes that ended on or after it).' })
  @LocalDateString()
  from!: string;

  @Field({ description: 'Last day of the period, YYYY-MM-DD, at most 5 years after from.' })
  @LocalDateString()
  to!: string;

  @Field(() => [ID], { nullable: true, description: 'Therapist rows to show (default: every therapist).' })
  @IsOptional()
  @IsArray({ message: 'therapistIds must be a list of ids' })
  @ArrayMaxSize(1000, { message: 'therapistIds must have at most 1000 ids' })
  @IsUUID('all', { each: true, message: 'therapistIds must be ids (UUID)' })
  therapistIds?: string[] | null;

  @Field(() => String, {
    nullable: true,
    description: 'Instrument of mean change and effect size: PHQ9 (default) or GAD7.',
  })
  @IsOptional()
  @OneOf(REPORT_INSTRUMENTS)
  instrument?: ReportInstrument | null;
}
