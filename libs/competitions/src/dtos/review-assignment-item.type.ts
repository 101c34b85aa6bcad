import { Field, ID, ObjectType } from '@nestjs/graphql';

@ObjectType('ReviewAssignmentItem')
export class ReviewAssignmentItemType {
  @Field(() => ID) applicationId: string;
  @Field() title: string;
  @Field() directionKey: string;
  @Field() scored: boolean;
  @Field({ description: 'Scored on an earlier version: the application was amended since' }) outdated: boolean;
}
