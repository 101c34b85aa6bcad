import { Field, Int, ObjectType } from '@nestjs/graphql';

@ObjectType('CriterionScore')
export class ScoreType {
  @Field() criterionKey: string;
  @Field(() => Int) score: number;
  @Field(() => String, { nullable: true }) comment: string | null;
}
