import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { ApplicantKindEnum, ApplicationStatusEnum } from './competitions.enums';
import { MONEY } from './dto-helpers';
import { SubmissionType } from './submission.type';

@ObjectType('CompetitionApplication')
export class ApplicationType {
  @Field(() => ID) id: string;
  @Field(() => ID) callId: string;
  @Field() directionKey: string;
  @Field(() => ApplicantKindEnum) applicantKind: ApplicantKindEnum;
  @Field() organisationName: string;
  @Field(() => String, { nullable: true }) partnerName: string | null;
  @Field() targetRegion: string;
  @Field() title: string;
  @Field() language: string;
  @Field(() => Int) durationMonths: number;
  @Field() summary: string;
  @Field(() => ApplicationStatusEnum) status: ApplicationStatusEnum;
  @Field({ description: MONEY }) requestedAmount: string;
  @Field(() => String, { nullable: true, description: MONEY }) awardedAmount: string | null;
  @Field(() => String, { nullable: true }) decisionReason: string | null;
  @Field(() => String, { nullable: true }) exclusionReason: string | null;
  @Field(() => Date, { nullable: true, description: 'The applicant may resubmit the latest stage until then' }) amendmentUntil: Date | null;
  @Field({ description: 'Draft answers per stage (JSON text `{ "1": { ... } }`)' }) drafts: string;
  @Field(() => [SubmissionType]) submissions: SubmissionType[];
  @Field(() => [ID]) editors: string[];
  @Field(() => Int, { description: 'The stage the applicant works on next' }) currentStage: number;
}
