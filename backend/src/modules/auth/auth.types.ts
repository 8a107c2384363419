import { Field, ID, ObjectType } from '@nestjs/graphql';
import { Role } from '../../common/roles.js';

@ObjectType({ description: 'The signed-in person.' })
export class Me {
  @Field(() => ID)
  id!: string;

  @Field()
  email!: string;

  @Field()
  displayName!: string;

  @Field(() => Role)
  role!: Role;

  @Field(() => ID)
  practiceId!: string;

  @Field()
  practiceName!: string;

  @Field(() => ID, { nullable: true, description: 'For a client: their own client record.' })
  clientId?: string | null;
}
