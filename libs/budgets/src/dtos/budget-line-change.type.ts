import { LocalizedTextType } from '@ashar/graphql';
import { Field, ID, ObjectType } from '@nestjs/graphql';
import { DirectionEnum, LineChangeKindEnum } from './budget.enums';
import { MONEY } from './dto-helpers';

@ObjectType('BudgetLineChange')
export class LineChangeType {
  @Field(() => LineChangeKindEnum) kind: LineChangeKindEnum;
  @Field(() => ID) lineKey: string;
  @Field(() => DirectionEnum) direction: DirectionEnum;
  @Field() economicCode: string;
  @Field(() => String, { nullable: true }) functionalCode: string | null;
  @Field(() => LocalizedTextType) names: LocalizedTextType;
  @Field(() => String, { nullable: true, description: MONEY }) before: string | null;
  @Field(() => String, { nullable: true, description: MONEY }) after: string | null;
  @Field({ description: MONEY }) delta: string;
  @Field(() => [String]) fields: string[];
}
