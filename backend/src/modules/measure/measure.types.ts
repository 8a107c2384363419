import { Field, ID, Int, ObjectType } from '@nestjs/graphql';

@ObjectType()
export class MeasureResponse {
  @Field(() => ID) id!: string;
  @Field() instrumentCode!: string;
  @Field(() => [Int]) answers!: number[];
  @Field(() => Int) total!: number;
  @Field(() => String, { nullable: true }) band!: string | null;
  @Field() submittedAt!: Date;
  @Field(() => ID, { nullable: true }) sessionId!: string | null;
  @Field(() => Int, { nullable: true }) sessionNumber!: number | null;
  @Field(() => String, { nullable: true }) comment!: string | null;
  @Field() helpNow!: boolean;
  @Field(() => ID, {
    nullable: true,
    description:
      "The episode whose figures it counts in; null when given outside an open episode (it never changes a finished episode's outcome).",
  })
  episodeId!: string | null;
  @Field(() => ID, {
    nullable: true,
    description:
      'The episode it is shown with: its own, or for a response outside an episode the latest one started by then (null before any).',
  })
  contextEpisodeId!: string | null;
}

@ObjectType()
export class CrisisLine {
  @Field() name!: string;
  @Field(() => String, { nullable: true }) phone!: string | null;
  @Field(() => String, { nullable: true }) text!: string | null;
  @Field(() => String, { nullable: true }) url!: string | null;
  @Field() description!: string;
}

@ObjectType({ description: 'Shown to the client at once when they may be at risk.' })
export class CrisisResources {
  @Field() message!: string;
  @Field(() => [CrisisLine]) lines!: CrisisLine[];
}

@ObjectType()
export class QuestionnaireSubmission {
  @Field(() => MeasureResponse) response!: MeasureResponse;
  @Field(() => CrisisResources, { nullable: true }) crisis!: CrisisResources | null;
}

@ObjectType()
export class AllianceSubmission {
  @Field(() => MeasureResponse, {
    nullable: true,
    description: 'Null when the session could not be rated but the client asked for help now (see notRecordedReason).',
  })
  response!: MeasureResponse | null;
  @Field(() => String, {
    nullable: true,
    description:
      'Why the rating was not kept (its session was cancelled, missed or is still to come); the help request was.',
  })
  notRecordedReason!: string | null;
  @Field(() => CrisisResources, { nullable: true }) crisis!: CrisisResources | null;
}

@ObjectType()
export class InstrumentItem {
  @Field() id!: string;
  @Field() text!: string;
  @Field(() => Int) min!: number;
  @Field(() => Int) max!: number;
  @Field(() => String, { nullable: true }) minLabel!: string | null;
  @Field(() => String, { nullable: true }) maxLabel!: string | null;
}

@ObjectType()
export class InstrumentOption {
  @Field(() => Int) value!: number;
  @Field() label!: string;
}

@ObjectType()
export class Instrument {
  @Field() code!: string;
  @Field() version!: string;
  @Field() title!: string;
  @Field(() => String, { nullable: true }) prompt!: string | null;
  @Field(() => [InstrumentOption]) options!: InstrumentOption[];
  @Field(() => [InstrumentItem]) items!: InstrumentItem[];
  @Field() licence!: string;
}
