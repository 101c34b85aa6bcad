import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { DirectionEnum } from './budget.enums';
import { MONEY } from './dto-helpers';

@ObjectType('BudgetQuarter', { description: 'One quarter of plan vs actual, from the treasury reports or from the payments entered' })
export class QuarterType {
  @Field(() => Int, { description: '1–4' }) quarter: number;
  @Field({ description: `${MONEY}; a quarter of the year's plan (the budget has no quarterly allocation; Q4 takes the remainder, so the four add up to the plan)` }) planned: string;
  @Field(() => String, { nullable: true, description: `${MONEY}; the treasury's actual in the quarter (its report's cumulative minus the newest earlier report's); null without a report in the quarter` }) treasuryActual: string | null;
  @Field(() => String, { nullable: true, description: 'YYYY-MM-DD: the as-of date of that report (a report "as of 1 April" closes Q1)' }) treasuryAsOf: string | null;
  @Field({ description: `${MONEY}; the payments entered with a date in the quarter` }) paymentsActual: string;
  @Field({ description: `${MONEY}; treasuryActual when there is one, else paymentsActual` }) actual: string;
  @Field({ description: 'TREASURY or PAYMENTS: where actual comes from' }) source: string;
}

@ObjectType('BudgetQuarterlyLine')
export class QuarterlyLineType {
  @Field(() => ID) lineKey: string;
  @Field(() => DirectionEnum) direction: DirectionEnum;
  @Field() economicCode: string;
  @Field(() => String, { nullable: true }) functionalCode: string | null;
  @Field({ description: `${MONEY}; the line's plan for the year` }) planned: string;
  @Field(() => [QuarterType]) quarters: QuarterType[];
}

@ObjectType('BudgetQuarterlySide')
export class QuarterlySideType {
  @Field(() => DirectionEnum) direction: DirectionEnum;
  @Field({ description: MONEY }) planned: string;
  @Field(() => [QuarterType], { description: "Per side the treasury figures are the reports' totals (every code that is not a group, also codes without a budget line)" }) quarters: QuarterType[];
}

@ObjectType('BudgetTreasurySideTotals')
export class TreasurySideTotalsType {
  @Field(() => String, { nullable: true, description: `${MONEY}; null when the report gives none` }) approvedPlan: string | null;
  @Field(() => String, { nullable: true, description: MONEY }) revisedPlan: string | null;
  @Field({ description: `${MONEY}; cumulative from 1 January to asOf` }) actual: string;
}

@ObjectType('BudgetTreasurySnapshot', { description: "The treasury's execution report as of a date (imported, kind TREASURY), kept beside the payment records" })
export class TreasurySnapshotType {
  @Field(() => ID) id: string;
  @Field({ description: 'YYYY-MM-DD' }) asOf: string;
  @Field(() => Int) lineCount: number;
  @Field(() => TreasurySideTotalsType) revenue: TreasurySideTotalsType;
  @Field(() => TreasurySideTotalsType) expenditure: TreasurySideTotalsType;
}

@ObjectType('BudgetQuarterlyView', {
  description:
    'Q1–Q4 plan vs actual per line and side. "Executed" on the public page: the newest treasury report\'s cumulative actual as of its date when there is one, else the payments entered; both are given.',
})
export class QuarterlyViewType {
  @Field(() => [QuarterlySideType]) sides: QuarterlySideType[];
  @Field(() => [QuarterlyLineType]) lines: QuarterlyLineType[];
  @Field(() => TreasurySnapshotType, { nullable: true, description: 'The newest treasury report (null: none imported)' }) treasury: TreasurySnapshotType | null;
  @Field({ description: `${MONEY}; the payments entered on revenue lines` }) paymentsRevenue: string;
  @Field({ description: `${MONEY}; the payments entered on expenditure lines` }) paymentsExpenditure: string;
  @Field({ description: 'TREASURY or PAYMENTS: which figure the page calls executed' }) executedSource: string;
  @Field(() => String, { nullable: true, description: 'YYYY-MM-DD of the treasury report chosen (null: the payments, as of today)' }) executedAsOf: string | null;
}
