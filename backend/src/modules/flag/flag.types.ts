import { Field, ID, ObjectType, registerEnumType } from '@nestjs/graphql';

export enum FlagKind {
  RISK = 'RISK',
  ALLIANCE_RUPTURE = 'ALLIANCE_RUPTURE',
  NOT_ON_TRACK = 'NOT_ON_TRACK',
  DETERIORATION = 'DETERIORATION',
  STALLED = 'STALLED',
  DISENGAGING = 'DISENGAGING',
}
export enum FlagSeverity {
  URGENT = 'URGENT',
  HIGH = 'HIGH',
  MEDIUM = 'MEDIUM',
}
export enum FlagStatus {
  OPEN = 'OPEN',
  ACKNOWLEDGED = 'ACKNOWLEDGED',
  RESOLVED = 'RESOLVED',
  /** The engine found the condition no longer holds (never RISK or DETERIORATION). */
  CLEARED = 'CLEARED',
}
registerEnumType(FlagKind, { name: 'FlagKind' });
registerEnumType(FlagSeverity, { name: 'FlagSeverity' });
registerEnumType(FlagStatus, { name: 'FlagStatus' });

@ObjectType({ description: 'Something about a client that needs the therapist, with the evidence behind it.' })
export class Flag {
  @Field(() => ID) id!: string;
  @Field(() => ID) clientId!: string;
  @Field() clientCode!: string;
  @Field(() => FlagKind) kind!: FlagKind;
  @Field(() => FlagSeverity) severity!: FlagSeverity;
  @Field(() => FlagStatus) status!: FlagStatus;
  @Field({ description: 'Plain wording for the dashboard.' }) description!: string;
  @Field({ description: 'The data points that triggered the flag, as JSON text.' }) evidence!: string;
  @Field() ruleVersion!: string;
  @Field() openedAt!: Date;
  @Field(() => Date, { nullable: true }) acknowledgedAt!: Date | null;
  @Field(() => String, { nullable: true }) acknowledgedByName!: string | null;
  @Field(() => String, { nullable: true }) acknowledgeNote!: string | null;
  @Field(() => Date, { nullable: true }) resolvedAt!: Date | null;
  @Field(() => String, { nullable: true }) resolvedByName!: string | null;
  @Field(() => String, { nullable: true }) resolveNote!: string | null;
  @Field(() => Date, { nullable: true, description: 'When the engine found the condition no longer holds.' })
  clearedAt!: Date | null;
  @Field(() => String, { nullable: true, description: 'Why the engine cleared it, in plain words.' })
  clearReason!: string | null;
  @Field(() => Boolean, {
    nullable: true,
    description:
      "For a rupture: true once a later rating reached the practice's concern line (default 36), false while the ratings since stay below it.",
  })
  repaired!: boolean | null;
  @Field(() => String, {
    nullable: true,
    description: 'For a rupture: "Repair observed (rating 38 on 3 Nov)", for the therapist to confirm.',
  })
  repairObserved!: string | null;
}
