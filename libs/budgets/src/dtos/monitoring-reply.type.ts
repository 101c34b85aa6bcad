import { Field, ID, ObjectType } from '@nestjs/graphql';

@ObjectType('MonitoringReply')
export class ReplyType {
  @Field(() => ID) id: string;
  @Field() body: string;
  @Field() createdAt: Date;
  authorAccountId: string;
}
