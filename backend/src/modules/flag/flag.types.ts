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
  @Field(() => Boolean, { nullable: true, description: 'For a rupture: repaired by a next rating of 36 or more.' })
  repaired!: boolean | null;
}
