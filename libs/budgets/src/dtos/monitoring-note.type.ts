import { Field, ID, ObjectType } from '@nestjs/graphql';
import { NoteStatusEnum } from './budget.enums';
import { ReplyType } from './monitoring-reply.type';

@ObjectType('MonitoringNote')
export class MonitoringNoteType {
  @Field(() => ID) id: string;
  @Field(() => ID, { nullable: true }) lineKey: string | null;
  @Field(() => ID, { nullable: true }) transactionId: string | null;
  @Field(() => NoteStatusEnum) status: NoteStatusEnum;
  @Field() title: string;
  @Field() body: string;
  @Field() createdAt: Date;
  @Field(() => Date, { nullable: true }) resolvedAt: Date | null;
  @Field(() => [ReplyType]) replies: ReplyType[];
  @Field(() => ID, { nullable: true, description: 'The id the phone gave the write, when it came from an offline outbox' }) clientRequestId: string | null;
}
