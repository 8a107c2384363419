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

  @Field({ description: 'One of timeZones (IANA names PostgreSQL knows); the client\'s "today" is in this zone.' })
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

export const CLIENT_STATUSES = ['ACTIVE', 'PAUSED', 'DISCHARGED'] as const;

@InputType()
export class UpdateClientInput {
  @Field(() => ID)
  @Id()
  clientId!: string;

  @Field(() => String, { nullable: true, description: 'Left out: unchanged; null: cleared.' })
  @IsOptional()
  @Text(120, 1)
  displayName?: string | null;

  @Field(() => String, { nullable: true, description: 'One of timeZones; left out: unchanged.' })
  @IsOptional()
  @TimeZone()
  timezone?: string | null;

  @Field(() => String, {
    nullable: true,
    description: `${CLIENT_STATUSES.join(' | ')}; discharging needs the open episode ended first.`,
  })
  @IsOptional()
  @OneOf(CLIENT_STATUSES)
  status?: string | null;
}

export const END_REASONS = ['COMPLETED', 'DROPPED_OUT', 'REFERRED_ON', 'OTHER'] as const;

@InputType()
export class EndEpisodeInput {
  @Field(() => ID)
  @Id()
  episodeId!: string;

  @Field({ description: "YYYY-MM-DD, not before the start nor after the client's today." })
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

  @Field(() => String, {
    nullable: true,
    description: "YYYY-MM-DD from 1900-01-01 to the client's today (the default), after the previous episode ended.",
  })
  @IsOptional()
  @LocalDateString()
  startedOn?: string | null;
}
