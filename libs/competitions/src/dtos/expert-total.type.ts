import { Field, Float, ID, ObjectType } from '@nestjs/graphql';

@ObjectType('ExpertTotal')
export class ExpertTotalType {
  @Field(() => ID) expertAccountId: string;
  @Field(() => Float) total: number;
  @Field(() => Float, { description: 'Normalised against this expert’s own marks' }) z: number;
}
