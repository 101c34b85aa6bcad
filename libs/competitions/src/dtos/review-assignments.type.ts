import { Field, Int, ObjectType } from '@nestjs/graphql';
import { ReviewAssignmentItemType } from './review-assignment-item.type';

/** An expert's own work on a call: "12 of 20 scored". */
@ObjectType('ReviewAssignments')
export class ReviewAssignmentsType {
  @Field(() => Int) scored: number;
  @Field(() => Int) total: number;
  @Field(() => [ReviewAssignmentItemType]) items: ReviewAssignmentItemType[];
}
