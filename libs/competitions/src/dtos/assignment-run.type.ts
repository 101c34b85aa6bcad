import { Field, Int, ObjectType } from '@nestjs/graphql';
import { AssignmentShortfallType } from './assignment-shortfall.type';

@ObjectType('AssignmentRun')
export class AssignmentRunType {
  @Field(() => Int) created: number;
  @Field(() => [AssignmentShortfallType]) short: AssignmentShortfallType[];
}
