import { Field, InputType, Int } from '@nestjs/graphql';
import { IsInt, Max, Min } from 'class-validator';
import { ctx } from './dto-helpers';

@InputType({ description: 'A fraction such as 1/2 or 2/3 (numerator ≤ denominator)' })
export class FractionInput {
  @Field(() => Int) @IsInt(ctx('errors.validation.invalid')) @Min(1, ctx('errors.validation.invalid')) @Max(100, ctx('errors.validation.invalid'))
  numerator: number;

  @Field(() => Int) @IsInt(ctx('errors.validation.invalid')) @Min(1, ctx('errors.validation.invalid')) @Max(100, ctx('errors.validation.invalid'))
  denominator: number;
}
