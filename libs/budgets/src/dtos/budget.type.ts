import { LocalizedTextType } from '@ashar/graphql';
import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { CurrencyEnum } from './budget.enums';

@ObjectType('Budget')
export class BudgetType {
  @Field(() => ID) id: string;
  @Field(() => ID) communityId: string;
  @Field(() => Int) fiscalYear: number;
  @Field(() => CurrencyEnum) currency: CurrencyEnum;
  @Field(() => Int, { nullable: true }) population: number | null;
  @Field(() => LocalizedTextType) title: LocalizedTextType;
}
