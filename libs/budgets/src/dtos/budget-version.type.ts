import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { VersionKindEnum, VersionStatusEnum } from './budget.enums';

@ObjectType('BudgetVersion')
export class BudgetVersionType {
  @Field(() => ID) id: string;
  budgetId: string;
  @Field(() => Int) number: number;
  @Field(() => VersionStatusEnum) status: VersionStatusEnum;
  @Field(() => VersionKindEnum, { description: 'Its place in the cycle: the first version, the final budget, or an amendment' }) kind: VersionKindEnum;
  @Field(() => Int, { description: 'Send back with edits: a stale revision is a CONFLICT' }) revision: number;
  @Field(() => String, { nullable: true }) reason: string | null;
  @Field(() => String, { nullable: true }) commentsUntil: string | null;
  @Field(() => String, { nullable: true }) decisionDate: string | null;
  @Field(() => String, { nullable: true }) decisionNumber: string | null;
  @Field(() => String, { nullable: true }) decisionFileUrl: string | null;
  @Field(() => Date, { nullable: true }) submittedAt: Date | null;
  @Field(() => Date, { nullable: true }) publishedAt: Date | null;
  @Field(() => Date, { nullable: true }) approvedAt: Date | null;
  @Field() createdAt: Date;
}
