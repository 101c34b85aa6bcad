import { Field, ID, ObjectType } from '@nestjs/graphql';
import { FlagKindEnum } from './budget.enums';
import { MONEY } from './dto-helpers';

@ObjectType('BudgetFlag')
export class FlagType {
  @Field(() => FlagKindEnum) kind: FlagKindEnum;
  @Field(() => ID, { nullable: true }) lineKey: string | null;
  @Field(() => ID, { nullable: true }) transactionId: string | null;
  @Field(() => String, { nullable: true, description: MONEY }) amount: string | null;
}
