import { Field, ID, InputType, Int } from '@nestjs/graphql';
import { ArrayMaxSize, IsArray } from 'class-validator';
import { Flag, Id, IdempotencyKey, IsOptional, Text } from '../../common/validation.js';

@InputType()
export class SubmitQuestionnaireInput {
  @Field({ description: 'PHQ9, GAD7, or an instrument the practice added.' })
  @Text(40, 1)
  instrumentCode!: string;

  @Field(() => [Int], { description: 'One answer per item, in item order; every item is required.' })
  @IsArray({ message: 'answers must be a list of whole numbers' })
  @ArrayMaxSize(100, { message: 'answers must have at most 100 items' })
  answers!: number[];

  @Field()
  @IdempotencyKey()
  idempotencyKey!: string;
}

@InputType()
export class SubmitAllianceRatingInput {
  @Field(() => String, { nullable: true, description: 'The one-time rating link token (no sign-in needed).' })
  @IsOptional()
  @Text(100, 1)
  token?: string | null;

  @Field(() => ID, { nullable: true, description: 'For a signed-in client: the session being rated.' })
  @IsOptional()
  @Id()
  sessionId?: string | null;

  @Field(() => [Int], {
    description:
      'Four answers 0-10: heard and respected; worked on what I wanted; the approach fits me; overall right for me.',
  })
  @IsArray({ message: 'answers must be a list of 4 whole numbers from 0 to 10' })
  @ArrayMaxSize(10, { message: 'answers must have 4 items' })
  answers!: number[];

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Text(2000)
  comment?: string | null;

  @Field(() => Boolean, { nullable: true, description: '"I need help now".' })
  @IsOptional()
  @Flag()
  helpNow?: boolean | null;

  @Field()
  @IdempotencyKey()
  idempotencyKey!: string;
}
