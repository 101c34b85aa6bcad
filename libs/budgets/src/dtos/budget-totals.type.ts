import { Field, ObjectType } from '@nestjs/graphql';
import { MONEY } from './dto-helpers';

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
}
