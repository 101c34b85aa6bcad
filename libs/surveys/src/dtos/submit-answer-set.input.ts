import { ctx, JsonScalar } from '@ashar/graphql';
import { Field, ID, InputType, Int } from '@nestjs/graphql';
import { Allow, IsBoolean, IsDate, IsEnum, IsInt, IsOptional, IsUUID, Matches, Max, Min } from 'class-validator';
import { GROUP_KEY } from './age-group.input';
import { SurveyGender, SurveyLanguageCode } from './surveys.enums';

@InputType()
export class SubmitSurveyAnswerSetInput {
  @Field(() => ID, { description: 'Made on the phone (a UUID); the same id with the same content is accepted again, with other content a CONFLICT' })
  @IsUUID('loose', ctx('errors.validation.invalid'))
  instanceId: string;

  @Field(() => ID, { nullable: true, description: 'The outbox’s id of this write; the instance id is what makes a re-send count once' })
  @IsOptional() @IsUUID('loose', ctx('errors.validation.invalid'))
  clientRequestId?: string | null;

  @Field(() => ID)
  @IsUUID('loose', ctx('errors.validation.invalid'))
  assignmentId: string;

  @Field(() => ID, { description: 'The form version the questionnaire was filled on (kept with the answer set)' })
  @IsUUID('loose', ctx('errors.validation.invalid'))
  formVersionId: string;

  @Field(() => ID)
  @IsUUID('loose', ctx('errors.validation.invalid'))
  villageId: string;

  @Field(() => SurveyGender)
  @IsEnum(SurveyGender, ctx('errors.validation.invalid'))
  gender: SurveyGender;

  @Field(() => Int, { nullable: true, description: 'Age in whole years; or give ageGroup' })
  @IsOptional() @IsInt(ctx('errors.validation.invalid')) @Min(0, ctx('errors.validation.invalid')) @Max(130, ctx('errors.validation.invalid'))
  age?: number | null;

  @Field(() => String, { nullable: true })
  @IsOptional() @Matches(GROUP_KEY, ctx('errors.validation.invalid'))
  ageGroup?: string | null;

  @Field(() => JsonScalar, { description: 'Answers by question name, judged by checkAnswers of that form version' })
  @Allow()
  answers: unknown;

  @Field(() => Boolean, { description: 'The respondent agreed after the consent text was read; false is refused' })
  @IsBoolean(ctx('errors.validation.invalid'))
  consentGiven: boolean;

  @Field(() => SurveyLanguageCode, { description: 'The language the consent was read in (and the form was filled in)' })
  @IsEnum(SurveyLanguageCode, ctx('errors.validation.invalid'))
  consentLanguage: SurveyLanguageCode;

  @Field(() => Date)
  @IsDate(ctx('errors.validation.invalid'))
  startedAt: Date;

  @Field(() => Date)
  @IsDate(ctx('errors.validation.invalid'))
  completedAt: Date;

  @Field(() => ID, { nullable: true, description: 'An edit: the instance id of the answer set it replaces (kept, marked superseded)' })
  @IsOptional() @IsUUID('loose', ctx('errors.validation.invalid'))
  replacesInstanceId?: string | null;

  @Field(() => ID, { nullable: true, description: 'A resident’s account (member of the community), for a survey that is not anonymous' })
  @IsOptional() @IsUUID('loose', ctx('errors.validation.invalid'))
  residentAccountId?: string | null;
}
