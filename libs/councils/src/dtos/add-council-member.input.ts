import { IsSafeText } from '@ashar/kernel';
import { Field, ID, InputType } from '@nestjs/graphql';
import { Transform } from 'class-transformer';
import { IsBoolean, IsEmail, IsEnum, IsOptional, IsString, IsUUID, Matches, MaxLength, MinLength } from 'class-validator';
import { MemberRoleEnum } from './councils.enums';
import { ctx, IsIsoDate, trim } from './dto-helpers';

@InputType({ description: 'A platform account (accountId) or a named person without one (fullName)' })
export class AddCouncilMemberInput {
  @Field(() => ID) @IsUUID('loose', ctx('errors.validation.invalid'))
  bodyId: string;

  @Field(() => ID, { nullable: true }) @IsOptional() @IsUUID('loose', ctx('errors.validation.invalid'))
  accountId?: string | null;

  @Field(() => String, { nullable: true, description: 'The name shown; required without an account' })
  @IsOptional() @Transform(trim) @IsString(ctx('errors.validation.invalid')) @MinLength(1, ctx('errors.validation.required')) @MaxLength(200, ctx('errors.validation.tooLong', { max: 200 })) @IsSafeText()
  fullName?: string | null;

  @Field(() => MemberRoleEnum) @IsEnum(MemberRoleEnum, ctx('errors.validation.invalid'))
  role: MemberRoleEnum;

  @Field() @IsIsoDate(ctx('errors.validation.date'))
  termFrom: string;

  @Field(() => String, { nullable: true }) @IsOptional() @IsIsoDate(ctx('errors.validation.date'))
  termTo?: string | null;

  @Field(() => String, { nullable: true, description: 'Contacts of a person without an account, with their consent to publish' })
  @IsOptional() @IsEmail({}, ctx('errors.validation.email')) @MaxLength(200, ctx('errors.validation.tooLong', { max: 200 }))
  email?: string | null;

  @Field(() => String, { nullable: true }) @IsOptional() @Matches(/^\+[1-9]\d{6,14}$/, ctx('errors.validation.phone'))
  phone?: string | null;

  @Field(() => Boolean, { nullable: true }) @IsOptional() @IsBoolean(ctx('errors.validation.invalid'))
  contactsPublic?: boolean | null;
}
