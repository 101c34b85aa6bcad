import { ctx } from '@ashar/graphql';
import { Field, InputType, Int, ObjectType } from '@nestjs/graphql';
import { IsInt, Matches, Max, Min } from 'class-validator';

export const GROUP_KEY = /^[A-Za-z0-9_+-]{1,40}$/;

@InputType('SurveyAgeGroupInput')
export class AgeGroupInput {
  @Field({ description: 'e.g. "18-29"' })
  @Matches(GROUP_KEY, ctx('errors.validation.invalid'))
  key: string;

  @Field(() => Int, { description: 'Inclusive, whole years' })
  @IsInt(ctx('errors.validation.invalid')) @Min(0, ctx('errors.validation.invalid')) @Max(130, ctx('errors.validation.invalid'))
  min: number;

  @Field(() => Int, { description: 'Inclusive, whole years' })
  @IsInt(ctx('errors.validation.invalid')) @Min(0, ctx('errors.validation.invalid')) @Max(130, ctx('errors.validation.invalid'))
  max: number;
}

@ObjectType('SurveyAgeGroup')
export class AgeGroupType {
  @Field() key: string;
  @Field(() => Int) min: number;
  @Field(() => Int) max: number;
}
