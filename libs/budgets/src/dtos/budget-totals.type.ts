import { Field, Int, ObjectType } from '@nestjs/graphql';
import { MONEY } from './dto-helpers';

@ObjectType('BudgetRevenueSources', { description: 'Planned revenue split into what the aiyl okrug raises itself and the transfers it receives, by economic code (see libs/budgets/src/domain/budget-model.ts for the rule)' })
export class RevenueSourcesType {
  @Field({ description: `${MONEY}; own revenues: taxes, fees, non-tax revenues` }) own: string;
  @Field({ description: `${MONEY}; equalisation grant (KG 13111…; KZ subventions)` }) equalisationGrant: string;
  @Field({ description: `${MONEY}; earmarked (categorical) transfers` }) categoricalGrants: string;
  @Field({ description: `${MONEY}; other transfers from other budgets` }) otherTransfers: string;
  @Field({ description: `${MONEY}; all transfers` }) transfers: string;
  @Field(() => Number, { nullable: true, description: 'Own revenues as a percentage of planned revenue (two decimals, rounded down); null without revenue' }) ownPercent: number | null;
}

@ObjectType('BudgetForecastTotals', { description: 'Planned totals of a forecast year of the three-year budget' })
export class ForecastTotalsType {
  @Field(() => Int) fiscalYear: number;
  @Field({ description: MONEY }) revenue: string;
  @Field({ description: MONEY }) expenditure: string;
  @Field({ description: `${MONEY}; revenue − expenditure` }) balance: string;
  @Field(() => Int, { description: 'Lines with an amount for this year; 0 = no forecast' }) lines: number;
}

@ObjectType('BudgetTotals')
export class TotalsType {
  @Field({ description: MONEY }) revenue: string;
  @Field({ description: MONEY }) expenditure: string;
  @Field({ description: `${MONEY}; revenue − expenditure` }) balance: string;
  @Field({ description: MONEY }) revenueActual: string;
  @Field({ description: MONEY }) expenditureActual: string;
  @Field(() => Number, { nullable: true, description: 'Spending as a percentage of planned expenditure' }) expenditurePercent: number | null;
  @Field(() => Number, { nullable: true }) revenuePercent: number | null;
  @Field(() => String, { nullable: true, description: `${MONEY}; planned expenditure per resident` }) expenditurePerResident: string | null;
  @Field(() => String, { nullable: true, description: MONEY }) revenuePerResident: string | null;
  @Field(() => String, { nullable: true, description: `${MONEY}; budget funds of planned revenue (null in a comparison)` }) revenueBudgetFunds: string | null;
  @Field(() => String, { nullable: true, description: `${MONEY}; special funds of planned revenue (null in a comparison)` }) revenueSpecialFunds: string | null;
  @Field(() => String, { nullable: true, description: `${MONEY}; budget funds of planned expenditure (null in a comparison)` }) expenditureBudgetFunds: string | null;
  @Field(() => String, { nullable: true, description: `${MONEY}; special funds of planned expenditure (null in a comparison)` }) expenditureSpecialFunds: string | null;
  @Field(() => RevenueSourcesType, { nullable: true, description: 'Own revenues versus transfers (null in a comparison)' }) revenueSources: RevenueSourcesType | null;
  @Field(() => [ForecastTotalsType], { nullable: true, description: 'The two forecast years (fiscal year + 1, + 2), null in a comparison' }) forecasts: ForecastTotalsType[] | null;
}
