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
  @Field({ description: MONEY }) amount: string;
  @Field({ description: MONEY }) actual: string;
  @Field(() => Number, { nullable: true }) percent: number | null;
  @Field(() => [String], { description: `${MONEY}, January first` }) monthly: string[];
  @Field(() => String, { nullable: true, description: MONEY }) perResident: string | null;
  @Field(() => Int) position: number;
}
