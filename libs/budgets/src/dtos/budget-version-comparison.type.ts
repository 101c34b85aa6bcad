import { Field, ObjectType } from '@nestjs/graphql';
import { TotalsType } from './budget-totals.type';
import { BudgetVersionType } from './budget-version.type';
import { LineChangeType } from './budget-line-change.type';

@ObjectType('BudgetVersionComparison')
export class VersionComparisonType {
  @Field(() => BudgetVersionType) from: BudgetVersionType;
  @Field(() => BudgetVersionType) to: BudgetVersionType;
  @Field(() => [LineChangeType]) changes: LineChangeType[];
  @Field(() => TotalsType) beforeTotals: TotalsType;
  @Field(() => TotalsType) afterTotals: TotalsType;
}
