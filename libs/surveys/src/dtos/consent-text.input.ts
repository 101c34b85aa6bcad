import { ctx } from '@ashar/graphql';
import { Field, InputType } from '@nestjs/graphql';
import { IsOptional, IsString, MaxLength } from 'class-validator';

const MAX = ctx('errors.validation.tooLong', { max: 4000 });

/** The consent read to a respondent, per language (longer than a title). */
@InputType('SurveyConsentInput')
export class ConsentTextInput {
  @Field(() => String, { nullable: true }) @IsOptional() @IsString() @MaxLength(4000, MAX) ky?: string | null;
  @Field(() => String, { nullable: true }) @IsOptional() @IsString() @MaxLength(4000, MAX) ru?: string | null;
  @Field(() => String, { nullable: true }) @IsOptional() @IsString() @MaxLength(4000, MAX) kk?: string | null;
  @Field(() => String, { nullable: true }) @IsOptional() @IsString() @MaxLength(4000, MAX) en?: string | null;
}
