import { Field, ID, InputType, Int } from '@nestjs/graphql';
import { IsDate } from 'class-validator';
import { Id, IntRange, IsOptional, OneOf } from '../../common/validation.js';
import { SessionStatus } from './session.types.js';

@InputType()
export class ScheduleSessionInput {
  @Field(() => ID)
  @Id()
  clientId!: string;

  @Field({ description: 'ISO date-time with zone, e.g. 2026-05-01T14:00:00Z.' })
  @IsDate({ message: 'scheduledAt must be an ISO date-time such as 2026-05-01T14:00:00Z' })
  scheduledAt!: Date;

  @Field(() => Int, { nullable: true, description: '5 to 480; default 50.' })
  @IsOptional()
  @IntRange(5, 480)
  durationMinutes?: number | null;
}

@InputType()
export class RecordAttendanceInput {
  @Field(() => ID)
  @Id()
  sessionId!: string;

  @Field(() => SessionStatus, { description: 'ATTENDED, CANCELLED or NO_SHOW.' })
  @OneOf(['ATTENDED', 'CANCELLED', 'NO_SHOW'])
  status!: SessionStatus;
}
