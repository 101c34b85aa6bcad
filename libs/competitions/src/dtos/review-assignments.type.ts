import { Field, ID, Int, ObjectType } from '@nestjs/graphql';

@ObjectType('ReviewAssignmentItem')
export class ReviewAssignmentItemType {
  @Field(() => ID) applicationId: string;
  @Field() title: string;
  @Field() directionKey: string;
  @Field() scored: boolean;
  @Field({ description: 'Scored on an earlier version: the application was amended since' }) outdated: boolean;
}

/** An expert's own work on a call: "12 of 20 scored". */
@ObjectType('ReviewAssignments')
export class ReviewAssignmentsType {
  @Field(() => Int) scored: number;
  @Field(() => Int) total: number;
  @Field(() => [ReviewAssignmentItemType]) items: ReviewAssignmentItemType[];
}
