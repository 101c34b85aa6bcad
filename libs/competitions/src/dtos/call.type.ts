import { LocalizedTextType } from '@ashar/graphql';
import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { CallCriterionType } from './call-criterion.type';
import { CallDirectionType } from './call-direction.type';
import { CallStageType } from './call-stage.type';
import { ApplicantKindEnum, CallStatusEnum } from './competitions.enums';
import { MONEY } from './dto-helpers';

@ObjectType('CompetitionCall')
export class CallType {
  @Field(() => ID) id: string;
  @Field(() => ID, { description: 'The organiser community' }) communityId: string;
  @Field(() => LocalizedTextType) title: LocalizedTextType;
  @Field(() => LocalizedTextType) summary: LocalizedTextType;
  @Field(() => CallStatusEnum) status: CallStatusEnum;
  @Field() currency: string;
  @Field({ description: MONEY }) grantCap: string;
  @Field(() => Int) maxDurationMonths: number;
  @Field() timeZone: string;
  @Field(() => [String]) languages: string[];
  @Field(() => [ApplicantKindEnum]) applicantKinds: ApplicantKindEnum[];
  @Field(() => [CallDirectionType]) directions: CallDirectionType[];
  @Field(() => [CallCriterionType], { description: 'Published criteria with weights and scales' }) criteria: CallCriterionType[];
  @Field(() => [LocalizedTextType]) requiredDocuments: LocalizedTextType[];
  @Field() anonymousReview: boolean;
  @Field(() => [CallStageType]) stages: CallStageType[];
}
