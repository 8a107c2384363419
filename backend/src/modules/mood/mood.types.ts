import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { CrisisResources } from '../measure/measure.types.js';

@ObjectType()
export class MoodEntry {
  @Field(() => ID) id!: string;
  @Field({ description: "The client's own calendar date, YYYY-MM-DD." }) localDate!: string;
  @Field(() => Int) rating!: number;
  @Field(() => String, { nullable: true }) note!: string | null;
  @Field() helpNow!: boolean;
}

@ObjectType()
export class MoodSubmission {
  @Field(() => MoodEntry) entry!: MoodEntry;
  @Field({ description: 'True when this replaced an earlier entry for the same day.' }) replacedPrevious!: boolean;
  @Field(() => CrisisResources, { nullable: true }) crisis!: CrisisResources | null;
}
