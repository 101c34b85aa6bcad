import { LocalizedTextType } from '@ashar/graphql';
import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { DirectionEnum } from './budget.enums';
import { MONEY } from './dto-helpers';

@ObjectType('BudgetLine')
export class BudgetLineType {
  @Field(() => ID) id: string;
  @Field(() => ID, { description: 'Stable across versions' }) lineKey: string;
  @Field(() => DirectionEnum) direction: DirectionEnum;
  @Field() economicCode: string;
  @Field(() => String, { nullable: true }) functionalCode: string | null;
  @Field(() => LocalizedTextType, { description: 'The line wording, falling back to the classification name' }) names: LocalizedTextType;
  @Field(() => LocalizedTextType, { nullable: true }) functionalNames: LocalizedTextType | null;
  @Field({ description: `${MONEY}; the planned amount for the fiscal year: budgetFunds + specialFunds` }) amount: string;
  @Field({ description: `${MONEY}; budget funds (бюджеттик каражаттар / бюджетные средства): amount − specialFunds` }) budgetFunds: string;
  @Field({ description: `${MONEY}; special funds (атайын каражаттар / специальные средства), part of amount; "0" when none` }) specialFunds: string;
  @Field(() => String, { nullable: true, description: `${MONEY}; forecast for fiscal year + 1, null when not given` }) forecastYear1: string | null;
  @Field(() => String, { nullable: true, description: `${MONEY}; forecast for fiscal year + 2, null when not given` }) forecastYear2: string | null;
  @Field({ description: MONEY }) actual: string;
  @Field(() => Number, { nullable: true }) percent: number | null;
  @Field(() => [String], { description: `${MONEY}, January first` }) monthly: string[];
  @Field(() => String, { nullable: true, description: MONEY }) perResident: string | null;
  @Field(() => Int) position: number;
}
