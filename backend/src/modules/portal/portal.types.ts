import { Field, ID, ObjectType } from '@nestjs/graphql';
import { ScoreSummary } from '../caseload/caseload.types.js';
import { Goal } from '../goal/goal.types.js';
import { HomeworkAssignment } from '../homework/homework.types.js';
import { MeasureResponse } from '../measure/measure.types.js';
import { MoodEntry } from '../mood/mood.types.js';

@ObjectType({ description: "The signed-in client's own view: what is due today and their progress." })
export class Portal {
  @Field(() => ID) clientId!: string;
  @Field() code!: string;
  @Field() timezone!: string;
  @Field({ description: "Today in the client's time zone." }) today!: string;
  @Field(() => MoodEntry, { nullable: true }) todayMood!: MoodEntry | null;
  @Field(() => [String], { description: 'Instrument codes due (none in the last 7 days).' })
  pendingQuestionnaires!: string[];
  @Field(() => [HomeworkAssignment], { description: 'Current assignments with reports from the last 7 days.' })
  homework!: HomeworkAssignment[];
  @Field(() => [Goal]) goals!: Goal[];
  @Field(() => ScoreSummary) phq9!: ScoreSummary;
  @Field(() => ScoreSummary) gad7!: ScoreSummary;
  @Field(() => [MeasureResponse], {
    nullable: true,
    description: 'Null when the therapist keeps alliance results private.',
  })
  alliance!: MeasureResponse[] | null;
  @Field(() => [MoodEntry], { description: 'The last 28 days.' }) moods!: MoodEntry[];
}
