import { ctx, trim } from '@ashar/graphql';
import { isIsoDate } from '@ashar/kernel';
import { Field, ID, InputType, Int } from '@nestjs/graphql';
import { Transform, Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsBoolean, IsEmail, IsEnum, IsInt, IsOptional, IsString, IsUUID, Matches, Max, MaxLength, Min, MinLength, ValidateBy, ValidateIf, ValidateNested, ValidationOptions } from 'class-validator';
import { isWebUrl, LIMITS } from '../domain/indicators';
import { EServiceEnum, ObservationSourceEnum, SocialPlatformEnum, TundukStatusEnum } from './indicators.enums';

const IsIsoDate = (o?: ValidationOptions) => ValidateBy({ name: 'isIsoDate', validator: { validate: (v) => isIsoDate(v), defaultMessage: () => 'must be a date YYYY-MM-DD' } }, o);
const IsWebUrl = (o?: ValidationOptions) => ValidateBy({ name: 'isWebUrl', validator: { validate: (v) => typeof v === 'string' && isWebUrl(v), defaultMessage: () => 'must be an http(s) address' } }, o);
const DATE = ctx('errors.validation.date');
const URL_MSG = ctx('errors.municipal.url');

@InputType()
export class SocialAccountInput {
  @Field(() => SocialPlatformEnum) @IsEnum(SocialPlatformEnum, ctx('errors.validation.invalid'))
  platform: SocialPlatformEnum;

  @Field() @Transform(trim) @IsString(URL_MSG) @IsWebUrl(URL_MSG)
  url: string;

  @Field(() => String, { nullable: true }) @IsOptional() @IsIsoDate(DATE)
  lastPostOn?: string | null;

  @Field(() => Int, { nullable: true }) @IsOptional() @IsInt(ctx('errors.validation.invalid')) @Min(0, ctx('errors.validation.invalid')) @Max(LIMITS.postsPer30Days, ctx('errors.validation.invalid'))
  postsLast30Days?: number | null;
}

@InputType({ description: 'One dated observation of a municipality (an aiyl okrug or a city); immutable once recorded' })
export class RecordMunicipalityObservationInput {
  @Field(() => ID) @IsUUID('loose', ctx('errors.validation.invalid'))
  unitId: string;

  @Field({ description: 'YYYY-MM-DD, not in the future (Bishkek calendar)' }) @IsIsoDate(DATE)
  observedOn: string;

  @Field(() => String, { nullable: true }) @IsOptional() @Transform(trim) @IsString(URL_MSG) @IsWebUrl(URL_MSG)
  websiteUrl?: string | null;

  @Field(() => Boolean, { nullable: true, description: 'Whether the site answered when checked; needs websiteUrl' }) @IsOptional() @IsBoolean(ctx('errors.validation.invalid'))
  websiteAnswered?: boolean | null;

  @Field(() => [SocialAccountInput], { defaultValue: [] }) @IsArray(ctx('errors.validation.invalid')) @ArrayMaxSize(LIMITS.socialAccounts, ctx('errors.validation.tooMany', { max: LIMITS.socialAccounts })) @ValidateNested({ each: true }) @Type(() => SocialAccountInput)
  socialAccounts: SocialAccountInput[];

  @Field(() => [EServiceEnum], { defaultValue: [] }) @IsArray(ctx('errors.validation.invalid')) @ArrayMaxSize(20, ctx('errors.validation.invalid')) @IsEnum(EServiceEnum, { each: true, ...ctx('errors.validation.invalid') })
  eServices: EServiceEnum[];

  @Field(() => String, { nullable: true, description: 'What the OTHER e-services are; needs OTHER in eServices' }) @IsOptional() @Transform(trim) @IsString(ctx('errors.validation.invalid')) @MinLength(1, ctx('errors.validation.required')) @MaxLength(LIMITS.otherText, ctx('errors.validation.tooLong', { max: LIMITS.otherText })) @Matches(/^[^\u0000-\u001f\u202a-\u202e\u2066-\u2069]*$/, ctx('errors.validation.invalidCharacters'))
  eServicesOther?: string | null;

  @Field(() => TundukStatusEnum) @IsEnum(TundukStatusEnum, ctx('errors.validation.invalid'))
  tunduk: TundukStatusEnum;

  @Field(() => String, { nullable: true, description: 'When connected (YES) or when the connection started (IN_PROGRESS)' }) @IsOptional() @IsIsoDate(DATE)
  tundukSince?: string | null;

  @Field(() => String, { nullable: true }) @IsOptional() @Transform(trim) @IsString(ctx('errors.validation.phone')) @Matches(/^\+?[0-9][0-9 ()-]{4,18}[0-9]$/, ctx('errors.validation.phone'))
  contactPhone?: string | null;

  @Field(() => String, { nullable: true }) @IsOptional() @Transform(trim) @IsString(ctx('errors.validation.email')) @MaxLength(200, ctx('errors.validation.tooLong', { max: 200 })) @IsEmail({}, ctx('errors.validation.email'))
  contactEmail?: string | null;

  @Field(() => Boolean, { nullable: true, description: 'Whether the contact answered a test call or message' }) @IsOptional() @IsBoolean(ctx('errors.validation.invalid'))
  contactAnswered?: boolean | null;

  @Field(() => String, { nullable: true }) @IsOptional() @IsIsoDate(DATE)
  contactCheckedOn?: string | null;

  @Field(() => ObservationSourceEnum, { defaultValue: ObservationSourceEnum.MANUAL }) @IsEnum(ObservationSourceEnum, ctx('errors.validation.invalid'))
  source: ObservationSourceEnum;

  @Field(() => String, { nullable: true, description: 'SURVEY: the surveys server’s answer-set id (opaque); one observation per answer set' })
  @ValidateIf((o: RecordMunicipalityObservationInput) => o.source === ObservationSourceEnum.SURVEY || o.surveyAnswerSetId != null)
  @IsString(ctx('errors.municipal.answerSetId')) @Matches(/^[A-Za-z0-9_.:-]{1,100}$/, ctx('errors.municipal.answerSetId'))
  surveyAnswerSetId?: string | null;
}
