import { Field, ID, ObjectType } from '@nestjs/graphql';

/** An in-app message of the signed-in account, rendered in the request's language. */
@ObjectType('Notification')
export class NotificationType {
  @Field(() => ID) id: string;
  @Field({ description: 'Catalogue key of the message (what it is about)' }) templateKey: string;
  @Field({ description: "The message in the request's language" }) text: string;
  @Field() createdAt: string;
  @Field(() => String, { nullable: true }) readAt: string | null;
}
