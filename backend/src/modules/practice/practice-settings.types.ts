import { Field, Float, InputType, ObjectType } from '@nestjs/graphql';
import { ArrayMaxSize, IsNumber, IsString, Matches, ValidateNested } from 'class-validator';
import { Type } from 'class-transformer';
import { IsOptional, Text, TimeZone } from '../../common/validation.js';

@ObjectType({ description: 'A flag rule threshold: the practice value and the built-in default.' })
export class FlagThreshold {
  @Field({ description: 'The setting, e.g. allianceTotalBelow.' }) key!: string;
  @Field(() => Float) value!: number;
  @Field(() => Float) defaultValue!: number;
}

@ObjectType({ description: "The practice's own settings (managers)." })
export class PracticeSettings {
  @Field() name!: string;
  @Field({ description: 'Suggested for new clients; each client keeps their own zone.' }) defaultTimeZone!: string;
  @Field({
    description: 'Two-letter country code whose crisis lines clients are shown (US, GB; others: international).',
  })
  crisisRegion!: string;
  @Field(() => [FlagThreshold]) flagThresholds!: FlagThreshold[];
}

@InputType()
export class FlagThresholdInput {
  @Field()
  @IsString({ message: 'key must be text' })
  key!: string;

  @Field(() => Float)
  @IsNumber({ allowNaN: false, allowInfinity: false }, { message: 'value must be a number' })
  value!: number;
}

@InputType({ description: 'Fields left out stay as they are.' })
export class UpdatePracticeSettingsInput {
  @Field(() => String, { nullable: true })
  @IsOptional()
  @Text(120, 1)
  name?: string | null;

  @Field(() => String, { nullable: true, description: 'One of timeZones.' })
  @IsOptional()
  @TimeZone()
  defaultTimeZone?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Matches(/^[A-Z]{2}$/, { message: 'crisisRegion must be a two-letter country code such as US or GB' })
  crisisRegion?: string | null;

  @Field(() => [FlagThresholdInput], {
    nullable: true,
    description: 'The thresholds that differ from the defaults; the list replaces the previous one.',
  })
  @IsOptional()
  @ArrayMaxSize(50, { message: 'flagThresholds must list at most 50 settings' })
  @ValidateNested({ each: true })
  @Type(() => FlagThresholdInput)
  flagThresholds?: FlagThresholdInput[] | null;
}
