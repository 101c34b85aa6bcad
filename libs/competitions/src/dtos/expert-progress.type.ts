import { Field, ID, Int, ObjectType } from '@nestjs/graphql';

@ObjectType('ExpertProgress')
export class ExpertProgressType {
  @Field(() => ID) expertAccountId: string;
  @Field(() => Int) scored: number;
  @Field(() => Int) total: number;
}
