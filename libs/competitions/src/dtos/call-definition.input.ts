import { LocalizedTextInput } from '@ashar/graphql';
import { Field, InputType, Int } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsBoolean, IsEnum, IsInt, IsOptional, IsString, Matches, Max, MaxLength, Min, ValidateNested } from 'class-validator';
import { CallCriterionInput } from './call-criterion.input';
import { CallDirectionInput } from './call-direction.input';
import { CallStageInput } from './call-stage.input';
import { ApplicantKindEnum, CallCurrencyEnum, CallLanguageEnum } from './competitions.enums';
import { ctx, MINOR, MONEY } from './dto-helpers';

/** Everything that defines a call; created with its organiser, changed while it is a draft. */
@InputType({ isAbstract: true })
export class CallDefinitionInput {
  @Field(() => LocalizedTextInput)
  @ValidateNested()
  @Type(() => LocalizedTextInput)
  title: LocalizedTextInput;

  @Field(() => LocalizedTextInput, { nullable: true })
  @IsOptional()
  @ValidateNested()
  @Type(() => LocalizedTextInput)
  summary?: LocalizedTextInput | null;

  @Field(() => CallCurrencyEnum)
  @IsEnum(CallCurrencyEnum, ctx('errors.validation.invalid'))
  currency: CallCurrencyEnum;

  @Field({ description: MONEY })
  @Matches(MINOR, ctx('errors.competitions.grantCap'))
  grantCap: string;

  @Field(() => Int)
  @IsInt(ctx('errors.validation.invalid'))
  @Min(1, ctx('errors.validation.invalid'))
  @Max(120, ctx('errors.validation.invalid'))
  maxDurationMonths: number;

  @Field({ description: 'IANA time zone the deadlines are stated in, e.g. Asia/Bishkek' })
  @IsString(ctx('errors.validation.invalid'))
  @MaxLength(64, ctx('errors.validation.tooLong', { max: 64 }))
  timeZone: string;

  @Field(() => [CallLanguageEnum])
  @IsArray(ctx('errors.validation.invalid'))
  @ArrayMinSize(1, ctx('errors.validation.required'))
  @IsEnum(CallLanguageEnum, { each: true, ...ctx('errors.validation.invalid') })
  languages: CallLanguageEnum[];

  @Field(() => [ApplicantKindEnum])
  @IsArray(ctx('errors.validation.invalid'))
  @ArrayMinSize(1, ctx('errors.validation.required'))
  @IsEnum(ApplicantKindEnum, { each: true, ...ctx('errors.validation.invalid') })
  applicantKinds: ApplicantKindEnum[];

  @Field(() => [CallDirectionInput])
  @IsArray(ctx('errors.validation.invalid'))
  @ArrayMinSize(1, ctx('errors.validation.required'))
  @ArrayMaxSize(30, ctx('errors.validation.invalid'))
  @ValidateNested({ each: true })
  @Type(() => CallDirectionInput)
  directions: CallDirectionInput[];

  @Field(() => [CallCriterionInput])
  @IsArray(ctx('errors.validation.invalid'))
  @ArrayMinSize(1, ctx('errors.validation.required'))
  @ArrayMaxSize(30, ctx('errors.validation.invalid'))
  @ValidateNested({ each: true })
  @Type(() => CallCriterionInput)
  criteria: CallCriterionInput[];

  @Field(() => [LocalizedTextInput], { nullable: true, description: 'Documents every applicant must attach (named in the forms as FILE fields)' })
  @IsOptional()
  @IsArray(ctx('errors.validation.invalid'))
  @ArrayMaxSize(30, ctx('errors.validation.invalid'))
  @ValidateNested({ each: true })
  @Type(() => LocalizedTextInput)
  requiredDocuments?: LocalizedTextInput[] | null;

  @Field(() => Boolean, { nullable: true, description: 'Experts see applications without the applicant’s name; default false' })
  @IsOptional()
  @IsBoolean(ctx('errors.validation.invalid'))
  anonymousReview?: boolean | null;

  @Field(() => [CallStageInput], { description: 'In order: stage 1 is open to all, later stages to the shortlisted' })
  @IsArray(ctx('errors.validation.invalid'))
  @ArrayMinSize(1, ctx('errors.validation.required'))
  @ArrayMaxSize(5, ctx('errors.validation.invalid'))
  @ValidateNested({ each: true })
  @Type(() => CallStageInput)
  stages: CallStageInput[];
}
