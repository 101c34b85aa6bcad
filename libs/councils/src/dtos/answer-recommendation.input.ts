import { IsSafeText } from '@ashar/kernel';
import { Field, ID, InputType } from '@nestjs/graphql';
import { IsOptional, IsString, IsUrl, IsUUID, Matches, MaxLength, MinLength } from 'class-validator';
import { ctx, IsIsoDate, URL_RULE } from './dto-helpers';

@InputType({ description: 'The addressee’s answer as received, with its document' })
export class AnswerRecommendationInput {
  @Field(() => ID) @IsUUID('loose', ctx('errors.validation.invalid'))
  recommendationId: string;

  @Field() @IsString(ctx('errors.validation.invalid')) @MinLength(1, ctx('errors.validation.required')) @MaxLength(20000, ctx('errors.validation.tooLong', { max: 20000 })) @IsSafeText()
  answerText: string;

  @Field() @IsIsoDate(ctx('errors.validation.date'))
  answeredOn: string;

  @Field(() => String, { nullable: true }) @IsOptional() @IsUrl(URL_RULE, ctx('errors.validation.url')) @MaxLength(500, ctx('errors.validation.tooLong', { max: 500 }))
  documentUrl?: string | null;

  @Field(() => String, { nullable: true }) @IsOptional() @IsString(ctx('errors.validation.invalid')) @MaxLength(300, ctx('errors.validation.tooLong', { max: 300 })) @IsSafeText()
  documentName?: string | null;

  @Field(() => String, { nullable: true }) @IsOptional() @Matches(/^[a-z]+\/[a-z0-9.+-]{1,80}$/, ctx('errors.validation.invalid'))
  documentMimeType?: string | null;
}
