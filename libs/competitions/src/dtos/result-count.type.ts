import { Field, Int, ObjectType } from '@nestjs/graphql';

@ObjectType('CallResultCount')
export class ResultCountType {
  @Field() directionKey: string;
  @Field(() => Int) stageNumber: number;
  @Field(() => Int) applications: number;
}
