import { Field, Float, Int, ObjectType } from '@nestjs/graphql';
import { ScoreSheetType } from './score-sheet.type';

/** Everyone's scores (anonymised) and the average: readable by an expert only once they submitted their own. */
@ObjectType('ScoreSummary')
export class ScoreSummaryType {
  @Field(() => Int) reviews: number;
  @Field(() => Float) weightedMean: number;
  @Field(() => Float) spread: number;
  @Field(() => [ScoreSheetType]) sheets: ScoreSheetType[];
}
