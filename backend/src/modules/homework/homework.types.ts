import { Field, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';

export enum HomeworkStatus {
  DONE = 'DONE',
  PARTIAL = 'PARTIAL',
  NOT_DONE = 'NOT_DONE',
}
export enum HomeworkFrequency {
  ONCE = 'ONCE',
  DAILY = 'DAILY',
  WEEKLY = 'WEEKLY',
}
registerEnumType(HomeworkStatus, { name: 'HomeworkStatus' });
registerEnumType(HomeworkFrequency, { name: 'HomeworkFrequency' });

@ObjectType()
export class HomeworkReport {
  @Field(() => ID) id!: string;
  @Field(() => ID) assignmentId!: string;
  @Field() localDate!: string;
  @Field(() => HomeworkStatus) status!: HomeworkStatus;
  @Field(() => Int, { nullable: true }) effort!: number | null;
  @Field(() => Int, { nullable: true }) helpfulness!: number | null;
  @Field(() => String, { nullable: true }) note!: string | null;
}

@ObjectType()
export class HomeworkAssignment {
  @Field(() => ID) id!: string;
  @Field(() => ID) clientId!: string;
  @Field() title!: string;
  @Field(() => String, { nullable: true }) instructions!: string | null;
  @Field(() => HomeworkFrequency) frequency!: HomeworkFrequency;
  @Field() assignedOn!: string;
  @Field(() => String, { nullable: true }) dueOn!: string | null;
  @Field(() => [HomeworkReport]) reports!: HomeworkReport[];
}
