import { Field, ID, Int, ObjectType } from '@nestjs/graphql';

@ObjectType()
export class GoalRating {
  @Field(() => ID) id!: string;
  @Field(() => ID) goalId!: string;
  @Field(() => Int) rating!: number;
  @Field() ratedAt!: Date;
}

@ObjectType()
export class Goal {
  @Field(() => ID) id!: string;
  @Field(() => ID) clientId!: string;
  @Field() title!: string;
  @Field() status!: string;
  @Field(() => [GoalRating]) ratings!: GoalRating[];
}
