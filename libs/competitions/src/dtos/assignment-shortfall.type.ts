import { Field, ID, Int, ObjectType } from '@nestjs/graphql';

@ObjectType('AssignmentShortfall')
export class AssignmentShortfallType {
  @Field(() => ID) applicationId: string;
  @Field(() => Int, { description: 'Experts it still lacks (too few eligible without a conflict)' }) missing: number;
}
