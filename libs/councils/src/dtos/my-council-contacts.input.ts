import { Field, InputType } from '@nestjs/graphql';
import { IsBoolean, IsEmail, IsOptional, Matches, MaxLength } from 'class-validator';
import { ctx } from './dto-helpers';

@InputType({ description: 'The contacts a member chooses to publish on the bodies they sit on' })
export class MyCouncilContactsInput {
  @Field(() => String, { nullable: true }) @IsOptional() @IsEmail({}, ctx('errors.validation.email')) @MaxLength(200, ctx('errors.validation.tooLong', { max: 200 }))
  email?: string | null;

  @Field(() => String, { nullable: true }) @IsOptional() @Matches(/^\+[1-9]\d{6,14}$/, ctx('errors.validation.phone'))
  phone?: string | null;

  @Field() @IsBoolean(ctx('errors.validation.invalid'))
  publish: boolean;
}
