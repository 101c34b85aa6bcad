import { LocalizedTextType } from '@ashar/graphql';
import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { MONEY } from './dto-helpers';

@ObjectType('NeighbourBudget')
export class NeighbourBudgetType {
  @Field(() => ID) budgetId: string;
  @Field(() => ID) communityId: string;
  @Field(() => LocalizedTextType) unitNames: LocalizedTextType;
  @Field() unitCode: string;
  @Field(() => Int, { nullable: true }) population: number | null;
  @Field({ description: MONEY }) revenue: string;
  @Field({ description: MONEY }) expenditure: string;
  @Field(() => String, { nullable: true, description: MONEY }) expenditurePerResident: string | null;
  @Field() isSelf: boolean;
}
