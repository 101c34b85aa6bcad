import { Field, ID, ObjectType } from '@nestjs/graphql';
import { TransactionKindEnum } from './budget.enums';
import { MONEY } from './dto-helpers';
import { AttachmentType } from './budget-attachment.type';

@ObjectType('BudgetTransaction')
export class TransactionType {
  @Field(() => ID) id: string;
  @Field(() => ID) lineKey: string;
  @Field(() => TransactionKindEnum) kind: TransactionKindEnum;
  @Field() occurredOn: string;
  @Field({ description: MONEY }) amount: string;
  @Field(() => String, { nullable: true }) counterparty: string | null;
  @Field(() => String, { nullable: true }) purpose: string | null;
  @Field(() => String, { nullable: true }) documentNumber: string | null;
  @Field(() => [AttachmentType]) attachments: AttachmentType[];
  @Field(() => ID, { nullable: true, description: 'The id the phone gave the write, when it came from an offline outbox' }) clientRequestId: string | null;
}
