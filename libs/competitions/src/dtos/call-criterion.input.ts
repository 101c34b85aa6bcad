import { LocalizedTextInput } from '@ashar/graphql';
import { Field, InputType, Int } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import { IsInt, Matches, Max, Min, ValidateNested } from 'class-validator';
import { ctx, KEY } from './dto-helpers';

/** A published criterion: its weight and its scale (integers from min to max). */
@InputType()
export class CallCriterionInput {
  @Field()
  @Matches(KEY, ctx('errors.competitions.badKey'))
  key: string;

  @Field(() => LocalizedTextInput)
  @ValidateNested()
  @Type(() => LocalizedTextInput)
  name: LocalizedTextInput;

  @Field(() => Int)
  @IsInt(ctx('errors.validation.invalid'))
  @Min(1, ctx('errors.validation.invalid'))
  @Max(100, ctx('errors.validation.invalid'))
  weight: number;

  @Field(() => Int)
  @IsInt(ctx('errors.validation.invalid'))
  @Min(0, ctx('errors.validation.invalid'))
  @Max(100, ctx('errors.validation.invalid'))
  min: number;

  @Field(() => Int)
  @IsInt(ctx('errors.validation.invalid'))
  @Min(1, ctx('errors.validation.invalid'))
  @Max(100, ctx('errors.validation.invalid'))
  max: number;
}
