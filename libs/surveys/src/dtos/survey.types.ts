import { JsonScalar, LocalizedTextType } from '@ashar/graphql';
import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { AgeGroupType } from './age-group.input';
import { SurveyAnswerSetStatus, SurveyGender } from './surveys.enums';

@ObjectType()
export class SurveyFormVersionType {
  @Field(() => ID) id: string;
  @Field(() => Int, { description: '1, 2, … in publication order' }) number: number;
  @Field(() => JsonScalar, { description: 'The SurveyForm of @ashar/survey-forms' }) form: unknown;
  @Field() createdAt: Date;
}

@ObjectType('SurveyVillage')
export class SurveyVillageType {
  @Field(() => ID) id: string;
  @Field({ description: 'In the request language' }) name: string;
  @Field(() => LocalizedTextType) names: LocalizedTextType;
}

@ObjectType('SurveyQuotaCell')
export class SurveyQuotaCellType {
  @Field(() => ID) villageId: string;
  @Field(() => SurveyGender) gender: SurveyGender;
  @Field() ageGroup: string;
  @Field(() => Int, { description: 'For an assignment with a quota share: this phone’s part of the cell' }) target: number;
  @Field(() => Int, { description: 'Answer sets counted (not over quota, not superseded)' }) accepted: number;
}

@ObjectType('SurveyQuotaProgress')
export class SurveyQuotaProgressType extends SurveyQuotaCellType {
  @Field(() => Int, { description: 'Answer sets kept that arrived for the cell once it was full' }) overQuota: number;
}

@ObjectType('SurveySummary', { description: 'A survey as an interviewer’s phone needs it' })
export class SurveySummaryType {
  @Field(() => ID) id: string;
  @Field({ description: 'In the request language' }) title: string;
  @Field({ description: 'In the request language' }) consent: string;
  @Field(() => JsonScalar, { description: 'Every language: { ky, ru, kk, en }' }) titles: unknown;
  @Field(() => JsonScalar, { description: 'Every language: { ky, ru, kk, en }' }) consents: unknown;
  @Field() anonymous: boolean;
}

@ObjectType('SurveyAssignment')
export class SurveyAssignmentType {
  @Field(() => ID) id: string;
  @Field(() => ID) accountId: string;
  @Field(() => SurveySummaryType) survey: SurveySummaryType;
  @Field(() => SurveyFormVersionType, { nullable: true, description: 'The newest published version; null before the first' }) formVersion: SurveyFormVersionType | null;
  @Field(() => [AgeGroupType]) ageGroups: AgeGroupType[];
  @Field(() => [SurveyVillageType]) villages: SurveyVillageType[];
  @Field(() => [SurveyQuotaCellType], { description: 'The cells of this assignment’s villages' }) quotaCells: SurveyQuotaCellType[];
  @Field(() => Int, { nullable: true }) quotaShare: number | null;
}

@ObjectType('Survey')
export class SurveyType {
  @Field(() => ID) id: string;
  @Field(() => ID) communityId: string;
  @Field({ description: 'In the request language' }) title: string;
  @Field(() => JsonScalar, { description: 'Every language' }) titles: unknown;
  @Field({ description: 'In the request language' }) consent: string;
  @Field(() => JsonScalar, { description: 'Every language' }) consents: unknown;
  @Field(() => Int) suppressionThreshold: number;
  @Field() anonymous: boolean;
  @Field(() => [AgeGroupType]) ageGroups: AgeGroupType[];
  @Field(() => [SurveyFormVersionType], { description: 'Newest first' }) versions: SurveyFormVersionType[];
  @Field(() => [SurveyQuotaProgressType]) quotaProgress: SurveyQuotaProgressType[];
  @Field(() => [SurveyAssignmentType]) assignments: SurveyAssignmentType[];
  @Field(() => Int, { description: 'Answer sets that count (not superseded)' }) answerSets: number;
}

@ObjectType('SurveyAnswerSetReceipt')
export class SurveyAnswerSetReceiptType {
  @Field(() => ID) instanceId: string;
  @Field(() => SurveyAnswerSetStatus) status: SurveyAnswerSetStatus;
  @Field({ description: 'Kept, but arrived for a cell already full' }) overQuota: boolean;
  @Field(() => ID, { nullable: true }) replacedInstanceId: string | null;
}

@ObjectType('SurveyAnswerSetError')
export class SurveyAnswerSetErrorType {
  @Field({ description: 'BAD_USER_INPUT, FORBIDDEN, NOT_FOUND, CONFLICT' }) code: string;
  @Field() messageKey: string;
  @Field(() => String, { nullable: true, description: 'The field, e.g. answers.q1' }) field: string | null;
}

@ObjectType('SurveyAnswerSetResult', { description: 'One item of a batch: its receipt or its error' })
export class SurveyAnswerSetResultType {
  @Field(() => ID) instanceId: string;
  @Field(() => SurveyAnswerSetReceiptType, { nullable: true }) receipt: SurveyAnswerSetReceiptType | null;
  @Field(() => SurveyAnswerSetErrorType, { nullable: true }) error: SurveyAnswerSetErrorType | null;
}
