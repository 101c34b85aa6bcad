import { LocalizedTextInput } from '@ashar/graphql';
import { Field, ID, InputType } from '@nestjs/graphql';
import { Transform, Type } from 'class-transformer';
import { IsEnum, IsOptional, IsString, IsUUID, Matches, ValidateNested } from 'class-validator';
import { DirectionEnum } from './budget.enums';
import { ctx, trim, UUID, AMOUNT_TEXT } from './dto-helpers';

@InputType()
export class BudgetLineInput {
  @Field(() => ID, { nullable: true, description: 'Omit for a new line' })
  @IsOptional()
  @IsUUID(UUID, ctx('errors.validation.invalid'))
  lineKey?: string | null;

  @Field(() => DirectionEnum)
  @IsEnum(DirectionEnum, ctx('errors.validation.invalid'))
  direction: DirectionEnum;

  @Field()
  @Transform(trim)
  @IsString(ctx('errors.validation.required'))
  @Matches(/^\d{1,20}$/, ctx('errors.budgets.unknownCode'))
  economicCode: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Transform(trim)
  @Matches(/^\d{1,20}$/, ctx('errors.budgets.unknownCode'))
  functionalCode?: string | null;

  @Field(() => LocalizedTextInput, { nullable: true })
  @IsOptional()
  @ValidateNested()
  @Type(() => LocalizedTextInput)
  names?: LocalizedTextInput | null;

  @Field({ description: 'Decimal amount in som/tenge as typed: "1 234,50" or "1234.5"; the line\'s whole amount for the fiscal year (budget funds + special funds)' })
  @IsString(ctx('errors.budgets.amount'))
  @Matches(AMOUNT_TEXT, ctx('errors.budgets.amount'))
  amount: string;

  @Field(() => String, { nullable: true, description: 'Special funds (атайын каражаттар / специальные средства), the part of amount that is not budget funds, as typed; omitted = 0' })
  @IsOptional()
  @IsString(ctx('errors.budgets.amount'))
  @Matches(AMOUNT_TEXT, ctx('errors.budgets.amount'))
  specialFunds?: string | null;

  @Field(() => String, { nullable: true, description: 'Forecast amount for fiscal year + 1, as typed; omitted = no forecast' })
  @IsOptional()
  @IsString(ctx('errors.budgets.amount'))
  @Matches(AMOUNT_TEXT, ctx('errors.budgets.amount'))
  forecastYear1?: string | null;

  @Field(() => String, { nullable: true, description: 'Forecast amount for fiscal year + 2, as typed; omitted = no forecast' })
  @IsOptional()
  @IsString(ctx('errors.budgets.amount'))
  @Matches(AMOUNT_TEXT, ctx('errors.budgets.amount'))
  forecastYear2?: string | null;
}
