import { Field, Float, ID, Int, ObjectType } from '@nestjs/graphql';
import { ScoreSummary, TrajectorySignal } from '../caseload/caseload.types.js';
import { Episode } from '../client/client.types.js';
import { Flag } from '../flag/flag.types.js';
import { Goal } from '../goal/goal.types.js';
import { HomeworkAssignment } from '../homework/homework.types.js';
import { MeasureResponse } from '../measure/measure.types.js';
import { MoodEntry } from '../mood/mood.types.js';
import { TherapySession } from '../session/session.types.js';

@ObjectType()
export class ExpectedBand {
  @Field(() => Int) sessionNumber!: number;
  @Field(() => Float) expected!: number;
  @Field(() => Float) lower!: number;
  @Field(() => Float) upper!: number;
}

@ObjectType()
export class WeekAdherence {
  @Field({ description: 'Monday of the week, YYYY-MM-DD.' }) weekStart!: string;
  @Field(() => Float, { nullable: true }) adherence!: number | null;
}

@ObjectType({ description: "Everything about one client's care, for the client page." })
export class ClientTimeline {
  @Field(() => ID) id!: string;
  @Field() code!: string;
  @Field(() => String, { nullable: true }) displayName!: string | null;
  @Field() timezone!: string;
  @Field() status!: string;
  @Field() therapistName!: string;
  @Field() shareAllianceWithClient!: boolean;
  @Field(() => Episode, { nullable: true }) episode!: Episode | null;
  @Field(() => [Episode]) episodes!: Episode[];
  @Field(() => ScoreSummary) phq9!: ScoreSummary;
  @Field(() => ScoreSummary) gad7!: ScoreSummary;
  @Field(() => [ExpectedBand]) expectedPhq9!: ExpectedBand[];
  @Field(() => [ExpectedBand]) expectedGad7!: ExpectedBand[];
  @Field(() => TrajectorySignal) trajectorySignal!: TrajectorySignal;
  @Field(() => [MeasureResponse], { description: 'Questionnaires (not alliance), oldest first.' })
  measures!: MeasureResponse[];
  @Field(() => [MeasureResponse]) alliance!: MeasureResponse[];
  @Field(() => [MoodEntry]) moods!: MoodEntry[];
  @Field(() => [HomeworkAssignment]) homework!: HomeworkAssignment[];
  @Field(() => [WeekAdherence]) weeklyHomeworkAdherence!: WeekAdherence[];
  @Field(() => [Goal]) goals!: Goal[];
  @Field(() => [TherapySession]) sessions!: TherapySession[];
  @Field(() => [Flag]) flags!: Flag[];
}
