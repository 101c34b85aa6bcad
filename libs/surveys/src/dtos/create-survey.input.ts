import { ctx, LocalizedTextInput } from '@ashar/graphql';
import { Field, ID, InputType, Int } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsBoolean, IsInt, IsOptional, IsUUID, Max, Min, ValidateNested } from 'class-validator';
import { AgeGroupInput } from './age-group.input';
import { ConsentTextInput } from './consent-text.input';

@InputType()
export class CreateSurveyInput {
  @Field(() => ID)
  @IsUUID('loose', ctx('errors.validation.invalid'))
  communityId: string;

  @Field(() => LocalizedTextInput)
  @ValidateNested() @Type(() => LocalizedTextInput)
  title: LocalizedTextInput;

  @Field(() => ConsentTextInput, { description: 'Read to the respondent before the first question' })
  @ValidateNested() @Type(() => ConsentTextInput)
  consent: ConsentTextInput;

  @Field(() => Int, { nullable: true, description: 'Results cells under this many people are suppressed (default 5)' })
  @IsOptional() @IsInt(ctx('errors.validation.invalid')) @Min(1, ctx('errors.validation.invalid')) @Max(1000, ctx('errors.validation.invalid'))
  suppressionThreshold?: number | null;

  @Field(() => Boolean, { nullable: true, description: 'true (default): answer sets never name a resident' })
  @IsOptional() @IsBoolean(ctx('errors.validation.invalid'))
  anonymous?: boolean | null;

  @Field(() => [AgeGroupInput], { nullable: true })
  @IsOptional() @IsArray(ctx('errors.validation.invalid')) @ArrayMaxSize(20, ctx('errors.validation.invalid')) @ValidateNested({ each: true }) @Type(() => AgeGroupInput)
  ageGroups?: AgeGroupInput[] | null;
}
