import { Field, ID, ObjectType } from '@nestjs/graphql';

@ObjectType()
export class Episode {
  @Field(() => ID) id!: string;
  @Field(() => ID) clientId!: string;
  @Field() startedOn!: string;
  @Field(() => String, { nullable: true }) endedOn!: string | null;
  @Field(() => String, { nullable: true }) endReason!: string | null;
}

@ObjectType()
export class Client {
  @Field(() => ID) id!: string;
  @Field({ description: 'Pseudonymous code used everywhere but identifiable views.' }) code!: string;
  @Field(() => String, { nullable: true }) displayName!: string | null;
  @Field() timezone!: string;
  @Field() status!: string;
  @Field(() => ID) therapistId!: string;
  @Field() shareAllianceWithClient!: boolean;
  @Field(() => Episode, { nullable: true }) episode!: Episode | null;
}
