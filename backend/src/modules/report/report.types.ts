import { Field, Float, ID, Int, ObjectType } from '@nestjs/graphql';
import { PAIRED_SCORES_DEFINITION } from '@cairn/shared';

@ObjectType({
  description: 'A proportion with its Wilson 95% interval; rate, lower and upper are null when the denominator is 0.',
})
export class Rate {
  @Field(() => Int) numerator!: number;
  @Field(() => Int) denominator!: number;
  @Field(() => Float, { nullable: true }) rate!: number | null;
  @Field(() => Float, { nullable: true }) lower!: number | null;
  @Field(() => Float, { nullable: true }) upper!: number | null;
}

@ObjectType({
  description:
    'Outcomes over episodes that ended in the period (NHS Talking Therapies definitions). A finished course has >= 2 ' +
    `attended sessions; a finished episode is a finished course with paired scores: ${PAIRED_SCORES_DEFINITION}. ` +
    'On a therapist row with insufficient data every rate and mean is null; the counts stay.',
})
export class OutcomeFigures {
  @Field(() => Int, { description: 'Episodes that started in the period.' }) referrals!: number;
  @Field(() => Int, { description: 'Episodes that ended in the period.' }) episodesEnded!: number;
  @Field(() => Int, { description: 'Ended episodes with >= 2 attended sessions.' }) finishedCourses!: number;
  @Field(() => Int, {
    description: 'Finished courses with paired first and last scores: the base of the outcome rates.',
  })
  finishedEpisodes!: number;
  @Field(() => Int, { description: 'Finished episodes at caseness at the start on either measure.' })
  atCaseness!: number;

  @Field(() => Rate, { nullable: true, description: 'Recovered over finished episodes at caseness.' })
  recovery!: Rate | null;
  @Field(() => Rate, { nullable: true, description: 'Reliably improved over finished episodes.' })
  reliableImprovement!: Rate | null;
  @Field(() => Rate, { nullable: true, description: 'Reliably recovered over finished episodes at caseness.' })
  reliableRecovery!: Rate | null;
  @Field(() => Rate, { nullable: true, description: 'Reliably deteriorated over finished episodes.' })
  reliableDeterioration!: Rate | null;
  @Field(() => Rate, { nullable: true, description: 'PHQ-9 fell by >= 50%, over finished episodes with paired PHQ-9.' })
  phq9Response!: Rate | null;
  @Field(() => Rate, { nullable: true, description: 'Last PHQ-9 < 5, over finished episodes with paired PHQ-9.' })
  phq9Remission!: Rate | null;
  @Field(() => Rate, { nullable: true, description: 'Finished courses with paired first and last scores.' })
  dataCompleteness!: Rate | null;

  @Field({ description: 'The instrument of meanChange and effectSize (PHQ9 or GAD7).' }) instrument!: string;
  @Field(() => Int, { description: 'Finished episodes with paired scores on the instrument.' }) changeEpisodes!: number;
  @Field(() => Float, {
    nullable: true,
    description: 'Mean of last minus first score on the instrument (negative = better).',
  })
  meanChange!: number | null;
  @Field(() => Float, { nullable: true, description: 'Pre-post d = (mean first - mean last) / SD of first scores.' })
  effectSize!: number | null;

  @Field(() => Float, { nullable: true, description: 'Mean attended sessions per ended episode.' })
  meanAttendedSessions!: number | null;
  @Field(() => Float, { nullable: true, description: 'Mean ALLIANCE4 total (0-40) of the ratings in ended episodes.' })
  allianceMean!: number | null;
  @Field(() => Int, { description: 'ALLIANCE4 ratings in ended episodes.' }) allianceRatings!: number;
  @Field(() => Rate, {
    nullable: true,
    description: 'Attended sessions of ended episodes that have an alliance rating.',
  })
  allianceRated!: Rate | null;
  @Field(() => Float, {
    nullable: true,
    description:
      'Mean per episode of homework reported done (partial = 0.5) over expected reports, over episodes with homework.',
  })
  homeworkAdherence!: number | null;
  @Field(() => Int, { description: 'Ended episodes with homework expected.' }) homeworkEpisodes!: number;
  @Field(() => Float, {
    nullable: true,
    description: 'Mean per ended episode of days with a mood entry over days in the episode.',
  })
  moodAdherence!: number | null;
}

@ObjectType()
export class TherapistOutcome {
  @Field(() => ID) therapistId!: string;
  @Field() therapistName!: string;
  @Field(() => OutcomeFigures) figures!: OutcomeFigures;
  @Field({ description: 'Fewer than 15 finished episodes: rates are not shown.' }) insufficientData!: boolean;
}

@ObjectType({ description: "One therapist's recovery rate against the number of finished episodes at caseness." })
export class FunnelPoint {
  @Field(() => ID) therapistId!: string;
  @Field(() => Int) n!: number;
  @Field(() => Float) rate!: number;
}

@ObjectType({ description: 'Control limits around the practice rate at n episodes: 95% and 99.8%.' })
export class FunnelLimit {
  @Field(() => Int) n!: number;
  @Field(() => Float) lower95!: number;
  @Field(() => Float) upper95!: number;
  @Field(() => Float) lower998!: number;
  @Field(() => Float) upper998!: number;
}

@ObjectType({
  description: 'Recovery funnel plot: therapists with sufficient data against limits around the practice rate.',
})
export class Funnel {
  @Field(() => Float, { nullable: true }) practiceRate!: number | null;
  @Field(() => [FunnelPoint]) points!: FunnelPoint[];
  @Field(() => [FunnelLimit]) limits!: FunnelLimit[];
}

@ObjectType()
export class PracticeReport {
  @Field() from!: string;
  @Field() to!: string;
  @Field(() => OutcomeFigures, { description: 'The whole practice, whatever therapistIds selects.' })
  practice!: OutcomeFigures;
  @Field(() => [TherapistOutcome]) therapists!: TherapistOutcome[];
  @Field(() => Funnel) funnel!: Funnel;
}
