import { Field, Float, ObjectType } from '@nestjs/graphql';
import { ScoreType } from './score.type';

@ObjectType('ScoreSheet')
export class ScoreSheetType {
  @Field(() => Float, { description: 'Weighted mean of this sheet' }) total: number;
  @Field(() => [ScoreType]) scores: ScoreType[];
}
