import { Field, ID, InputType } from '@nestjs/graphql';
import { Matches } from 'class-validator';
import { Id, IsOptional, LocalDateString, OneOf, Text, TimeZone } from '../../common/validation.js';

@InputType()
export class CreateClientInput {
  @Field({ description: 'Pseudonymous code, e.g. RIV-0042: letters, digits, - and _.' })
  @Matches(/^[A-Za-z0-9_-]{2,40}$/, { message: 'code must be 2 to 40 letters, digits, - or _' })
  code!: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Text(120, 1)
  displayName?: string | null;

  @Field({ description: 'IANA time zone; the client\'s "today" is in this zone.' })
  @TimeZone()
  timezone!: string;

  @Field(() => ID, {
    nullable: true,
    description: 'Required for a manager; a therapist creates for their own caseload.',
  })
  @IsOptional()
  @Id()
  therapistId?: string | null;
}

export const END_REASONS = ['COMPLETED', 'DROPPED_OUT', 'REFERRED_ON', 'OTHER'] as const;

@InputType()
export class EndEpisodeInput {
  @Field(() => ID)
  @Id()
  episodeId!: string;

  @Field({ description: 'YYYY-MM-DD, not before the start.' })
  @LocalDateString()
  endedOn!: string;

  @Field({ description: END_REASONS.join(' | ') })
  @OneOf(END_REASONS)
  endReason!: string;
}

@InputType()
export class StartEpisodeInput {
  @Field(() => ID)
  @Id()
  clientId!: string;

  @Field(() => String, { nullable: true, description: "Defaults to today in the client's time zone." })
  @IsOptional()
  @LocalDateString()
  startedOn?: string | null;
}
