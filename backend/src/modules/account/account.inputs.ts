import { applyDecorators } from '@nestjs/common';
import { Field, ID, InputType } from '@nestjs/graphql';
import { IsEmail, IsString, MaxLength } from 'class-validator';
import { Id, IsOptional } from '../../common/validation.js';

/** Checked for shape only; what makes a password strong enough is the password policy's word. */
const PasswordText = () =>
  applyDecorators(
    IsString({ message: 'password must be text' }),
    MaxLength(1024, { message: 'password must be at most 1024 characters' }),
  );

export const EmailAddress = () =>
  applyDecorators(
    MaxLength(254, { message: '$property must be at most 254 characters' }),
    IsEmail({}, { message: '$property must be one e-mail address, such as name@example.org' }),
  );

@InputType()
export class ChoosePasswordInput {
  // Any malformed token is just an unknown link (NOT_FOUND), like every other unusable one.
  @Field({ description: 'The token from the one-time link.' })
  @IsString({ message: 'token must be text' })
  token!: string;

  @Field({ description: 'At least 12 characters and not easy to guess; a refusal says why.' })
  @PasswordText()
  password!: string;
}

@InputType()
export class InviteClientInput {
  @Field(() => ID)
  @Id()
  clientId!: string;

  @Field(() => String, {
    nullable: true,
    description: "Where to send the invitation; saved as the client's contact e-mail. Left out: the saved one.",
  })
  @IsOptional()
  @EmailAddress()
  email?: string | null;
}

@InputType()
export class SetClientContactInput {
  @Field(() => ID)
  @Id()
  clientId!: string;

  @Field(() => String, { nullable: true, description: 'null removes it.' })
  @IsOptional()
  @EmailAddress()
  email?: string | null;
}
