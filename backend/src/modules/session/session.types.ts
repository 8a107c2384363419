import { Field, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { MeasureResponse } from '../measure/measure.types.js';

export enum SessionStatus {
  SCHEDULED = 'SCHEDULED',
  ATTENDED = 'ATTENDED',
  CANCELLED = 'CANCELLED',
  NO_SHOW = 'NO_SHOW',
}
registerEnumType(SessionStatus, { name: 'SessionStatus' });

@ObjectType()
export class TherapySession {
  @Field(() => ID) id!: string;
  @Field(() => ID) clientId!: string;
  @Field(() => ID) episodeId!: string;
  @Field() scheduledAt!: Date;
  @Field(() => Int) durationMinutes!: number;
  @Field(() => Int, { description: 'Order within the episode.' }) number!: number;
  @Field(() => SessionStatus) status!: SessionStatus;
  @Field(() => MeasureResponse, { nullable: true }) alliance?: MeasureResponse | null;
}

@ObjectType()
export class RatingLinkCreated {
  @Field({ description: 'Send this to the client; it works once, for 7 days.' }) url!: string;
  @Field() expiresAt!: Date;
}

@ObjectType({ description: 'What the rating form shows: nothing more.' })
export class RatingLinkInfo {
  @Field() therapistFirstName!: string;
  @Field({ description: "Session date in the client's time zone." }) sessionDate!: string;
  @Field() expiresAt!: Date;
}
