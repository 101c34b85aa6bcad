import { LocalizedTextInput } from '@ashar/graphql';
import { Field, ID, InputType, Int } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import { IsBoolean, IsEnum, IsInt, IsOptional, IsUUID, Max, Min, ValidateNested } from 'class-validator';
import { CurrencyEnum } from './budget.enums';
import { ctx, UUID } from './dto-helpers';

@InputType()
export class CreateBudgetInput {
  @Field(() => ID)
  @IsUUID(UUID, ctx('errors.validation.invalid'))
  communityId: string;

  @Field(() => Int)
  @IsInt(ctx('errors.validation.invalid'))
  @Min(2000, ctx('errors.budgets.fiscalYear', { min: 2000, max: 2100 }))
  @Max(2100, ctx('errors.budgets.fiscalYear', { min: 2000, max: 2100 }))
  fiscalYear: number;

  @Field(() => CurrencyEnum)
  @IsEnum(CurrencyEnum, ctx('errors.validation.invalid'))
  currency: CurrencyEnum;

  @Field(() => Int, { nullable: true })
  @IsOptional()
  @IsInt(ctx('errors.validation.invalid'))
  @Min(1, ctx('errors.budgets.population'))
  @Max(5_000_000, ctx('errors.budgets.population'))
  population?: number | null;

  @Field(() => LocalizedTextInput)
  @ValidateNested()
  @Type(() => LocalizedTextInput)
  title: LocalizedTextInput;

  @Field({ defaultValue: false, description: "Start from the latest version of last year's budget" })
  @IsBoolean()
  copyFromPreviousYear: boolean;
}
