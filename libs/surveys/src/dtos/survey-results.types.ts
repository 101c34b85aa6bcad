import { Field, Float, ID, Int, ObjectType } from '@nestjs/graphql';

@ObjectType('SurveyBreakdownCell', { description: 'A count and its share; both null when the cell is suppressed (fewer than the threshold, or it would give one away)' })
export class SurveyBreakdownCellType {
  @Field(() => Int, { nullable: true }) count: number | null;
  @Field(() => Float, { nullable: true, description: '0–1: of the column’s respondents (a row total: of all respondents)' }) share: number | null;
}

@ObjectType('SurveyBreakdownRow')
export class SurveyBreakdownRowType {
  @Field({ description: 'Choice name, scale point or bin' }) key: string;
  @Field({ description: 'In the requested language' }) label: string;
}

@ObjectType('SurveyBreakdownColumn')
export class SurveyBreakdownColumnType {
  @Field() key: string;
  @Field(() => ID, { nullable: true }) villageId: string | null;
  @Field(() => String, { nullable: true, description: 'In the requested language' }) villageName: string | null;
  @Field(() => String, { nullable: true }) gender: string | null;
  @Field(() => String, { nullable: true }) ageGroup: string | null;
}

@ObjectType('SurveyBreakdown', { description: 'One question by village, gender and/or age group, with small cells suppressed (primary and secondary)' })
export class SurveyBreakdownType {
  @Field() question: string;
  @Field({ description: 'The question in the requested language' }) label: string;
  @Field({ description: 'single | multiple | scale | bins' }) kind: string;
  @Field(() => Int) threshold: number;
  @Field(() => [SurveyBreakdownRowType]) rows: SurveyBreakdownRowType[];
  @Field(() => [SurveyBreakdownColumnType]) columns: SurveyBreakdownColumnType[];
  @Field(() => [[SurveyBreakdownCellType]], { description: 'rows × columns' }) cells: SurveyBreakdownCellType[][];
  @Field(() => [SurveyBreakdownCellType]) rowTotals: SurveyBreakdownCellType[];
  @Field(() => [Int], { nullable: 'items', description: 'Respondents per column (null when suppressed)' }) respondents: Array<number | null>;
  @Field(() => Int, { nullable: true }) totalRespondents: number | null;
  @Field(() => Int, { description: 'How many figures of the table are hidden' }) suppressedCells: number;
}
