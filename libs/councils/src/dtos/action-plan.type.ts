import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { ActionItemStatusEnum } from './councils.enums';

@ObjectType('ActionPlan')
export class ActionPlanType {
  @Field(() => ID) id: string;
  @Field(() => ID) bodyId: string;
  @Field(() => ID, { nullable: true }) monitoringBodyId: string | null;
  @Field() title: string;
  @Field() createdAt: Date;
  @Field() updatedAt: Date;
}

@ObjectType('ActionItem')
export class ActionItemType {
  @Field(() => ID) id: string;
  @Field(() => ID) planId: string;
  @Field(() => Int) position: number;
  @Field() title: string;
  @Field() responsible: string;
  @Field() deadline: string;
  @Field(() => ActionItemStatusEnum) status: ActionItemStatusEnum;
  @Field(() => String, { nullable: true }) evidence: string | null;
  @Field(() => Date, { nullable: true, description: 'When the overdue job flagged it' }) overdueAt: Date | null;
  @Field() createdAt: Date;
  @Field() updatedAt: Date;
}

@ObjectType('ActionCheck')
export class ActionCheckType {
  @Field(() => ID) id: string;
  @Field(() => ID) itemId: string;
  @Field(() => ID) monitoringBodyId: string;
  @Field() checkedOn: string;
  @Field(() => ActionItemStatusEnum) statusFound: ActionItemStatusEnum;
  @Field() finding: string;
  @Field() createdAt: Date;
}
