import { ctx } from '@ashar/graphql';
import { Field, ID, InputType, Int } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsEnum, IsInt, IsOptional, IsUUID, Matches, Max, Min, ValidateNested } from 'class-validator';
import { AgeGroupInput, GROUP_KEY } from './age-group.input';
import { SurveyGender } from './surveys.enums';

@InputType('SurveyQuotaCellInput')
export class QuotaCellInput {
  @Field(() => ID, { description: 'A village (territorial unit) of the community' })
  @IsUUID('loose', ctx('errors.validation.invalid'))
  villageId: string;

  @Field(() => SurveyGender)
  @IsEnum(SurveyGender, ctx('errors.validation.invalid'))
  gender: SurveyGender;

  @Field()
  @Matches(GROUP_KEY, ctx('errors.validation.invalid'))
  ageGroup: string;

  @Field(() => Int)
  @IsInt(ctx('errors.validation.invalid')) @Min(0, ctx('errors.validation.invalid')) @Max(100000, ctx('errors.validation.invalid'))
  target: number;
}

@InputType()
export class SetSurveyQuotasInput {
  @Field(() => ID)
  @IsUUID('loose', ctx('errors.validation.invalid'))
  surveyId: string;

  @Field(() => [AgeGroupInput], { nullable: true, description: 'Replaces the age groups (CONFLICT once answer sets arrived and they differ)' })
  @IsOptional() @IsArray(ctx('errors.validation.invalid')) @ArrayMaxSize(20, ctx('errors.validation.invalid')) @ValidateNested({ each: true }) @Type(() => AgeGroupInput)
  ageGroups?: AgeGroupInput[] | null;

  @Field(() => [QuotaCellInput], { description: 'The whole sample plan (replaces the previous one)' })
  @IsArray(ctx('errors.validation.invalid')) @ArrayMaxSize(2000, ctx('errors.validation.invalid')) @ValidateNested({ each: true }) @Type(() => QuotaCellInput)
  cells: QuotaCellInput[];
}
