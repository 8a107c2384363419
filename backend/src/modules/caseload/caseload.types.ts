import { Field, Float, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { Flag } from '../flag/flag.types.js';

export enum ChangeClass {
  RELIABLE_IMPROVEMENT = 'RELIABLE_IMPROVEMENT',
  NO_RELIABLE_CHANGE = 'NO_RELIABLE_CHANGE',
  RELIABLE_DETERIORATION = 'RELIABLE_DETERIORATION',
}
export enum TrajectorySignal {
  WHITE = 'WHITE',
  GREEN = 'GREEN',
  YELLOW = 'YELLOW',
  RED = 'RED',
}
registerEnumType(ChangeClass, { name: 'ChangeClass' });
registerEnumType(TrajectorySignal, {
  name: 'TrajectorySignal',
  description:
    'Latest score against the expected trajectory: GREEN better, WHITE within, YELLOW worse, RED well worse.',
});

@ObjectType()
export class ScorePoint {
  @Field() at!: Date;
  @Field(() => Int, { nullable: true }) sessionNumber!: number | null;
  @Field(() => Int) total!: number;
}

/** Scores per instrument a caseload row carries after the baseline: its sparkline's recent part. */
export const CASELOAD_RECENT_SCORES = 11;

@ObjectType({ description: 'One questionnaire over the current episode: baseline, latest, and reliable change.' })
export class ScoreSummary {
  @Field() instrumentCode!: string;
  @Field(() => Int, { nullable: true }) baseline!: number | null;
  @Field(() => Int, { nullable: true }) latest!: number | null;
  @Field(() => Date, { nullable: true }) latestAt!: Date | null;
  @Field(() => Int, { nullable: true }) change!: number | null;
  @Field(() => ChangeClass, { nullable: true }) changeClass!: ChangeClass | null;
  @Field(() => String, { nullable: true }) band!: string | null;
  @Field(() => Boolean, { nullable: true }) isCase!: boolean | null;
  @Field(() => [ScorePoint], {
    description: `The current episode's scores, oldest first. On the caseload: the baseline and the latest ${CASELOAD_RECENT_SCORES} (the client's timeline has all).`,
  })
  points!: ScorePoint[];
}

@ObjectType()
export class MoodPoint {
  @Field() date!: string;
  @Field(() => Int) rating!: number;
}

@ObjectType()
export class MoodSummary {
  @Field(() => Float, { nullable: true }) mean7!: number | null;
  @Field(() => Float, { nullable: true }) mean28!: number | null;
  @Field(() => Float, { nullable: true, description: 'Least-squares trend, points per week.' }) slope28!: number | null;
  @Field(() => Float, {
    nullable: true,
    description:
      'Day-to-day instability over 28 days: root mean square of successive differences between entries on consecutive days only (a missed day breaks the pair); null without two consecutive days.',
  })
  rmssd28!: number | null;
  @Field(() => Float) adherence28!: number;
  @Field(() => [MoodPoint], { description: 'The last 28 days, for a sparkline.' }) points!: MoodPoint[];
}

@ObjectType()
export class AllianceSummary {
  @Field(() => Int, { nullable: true }) latest!: number | null;
  @Field(() => Date, { nullable: true }) latestAt!: Date | null;
  @Field(() => Float, { nullable: true, description: 'Mean of up to 3 ratings before the latest.' }) previousMean!:
    number | null;
  @Field(() => Float, { nullable: true, description: 'Latest minus previousMean.' }) trend!: number | null;
}

@ObjectType({ description: 'One client on a caseload, with what the therapist needs to triage.' })
export class CaseloadRow {
  @Field(() => ID) clientId!: string;
  @Field() code!: string;
  @Field(() => String, { nullable: true }) displayName!: string | null;
  @Field() status!: string;
  @Field(() => ScoreSummary) phq9!: ScoreSummary;
  @Field(() => ScoreSummary) gad7!: ScoreSummary;
  @Field(() => TrajectorySignal) trajectorySignal!: TrajectorySignal;
  @Field(() => AllianceSummary) alliance!: AllianceSummary;
  @Field(() => Float, { nullable: true, description: 'Done (partial = 0.5) over expected, last 28 days.' })
  homeworkAdherence28!: number | null;
  @Field(() => MoodSummary) mood!: MoodSummary;
  @Field(() => [Flag]) openFlags!: Flag[];
  @Field(() => String, {
    nullable: true,
    description:
      "What is wrong with this client's stored data (e.g. a time zone the database does not know); null when nothing.",
  })
  dataProblem!: string | null;
  @Field(() => Int, { description: '1 = needs attention first.' }) priority!: number;
  @Field(() => Date, { nullable: true }) lastActivityAt!: Date | null;
}
