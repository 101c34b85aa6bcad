import { Field, ID, Int, ObjectType } from '@nestjs/graphql';

@ObjectType('SurveyObservationSkipped')
export class SurveyObservationSkippedType {
  @Field(() => ID) instanceId: string;
  @Field({ description: 'BAD_USER_INPUT, FORBIDDEN, CONFLICT…' }) code: string;
  @Field() messageKey: string;
  @Field(() => String, { nullable: true }) field: string | null;
}

@ObjectType('SurveyObservationsResult')
export class SurveyObservationsResultType {
  @Field(() => Int, { description: 'Observations recorded now' }) recorded: number;
  @Field(() => Int, { description: 'Answer sets recorded before (nothing new)' }) unchanged: number;
  @Field(() => [SurveyObservationSkippedType]) skipped: SurveyObservationSkippedType[];
}
