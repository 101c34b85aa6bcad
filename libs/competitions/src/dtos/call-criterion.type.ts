import { LocalizedTextType } from '@ashar/graphql';
import { Field, Int, ObjectType } from '@nestjs/graphql';

@ObjectType('CallCriterion')
export class CallCriterionType {
  @Field() key: string;
  @Field(() => LocalizedTextType) name: LocalizedTextType;
  @Field(() => Int) weight: number;
  @Field(() => Int) min: number;
  @Field(() => Int) max: number;
}
