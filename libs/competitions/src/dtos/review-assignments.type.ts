import { Field, ID, Int, ObjectType } from '@nestjs/graphql';

@ObjectType('ReviewAssignmentItem')
export class ReviewAssignmentItemType {
  @Field(() => ID) applicationId: string;
  @Field() title: string;
  @Field() directionKey: string;
  @Field() scored: boolean;
}

/** An expert's own work on a call: "12 of 20 scored". */
@ObjectType('ReviewAssignments')
export class ReviewAssignmentsType {
  @Field(() => Int) scored: number;
  @Field(() => Int) total: number;
  @Field(() => [ReviewAssignmentItemType]) items: ReviewAssignmentItemType[];
}
