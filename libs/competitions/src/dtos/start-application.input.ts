import { Field, ID, InputType, Int } from '@nestjs/graphql';
import { Transform } from 'class-transformer';
import { IsEnum, IsInt, IsNotEmpty, IsOptional, IsString, IsUUID, Matches, Max, MaxLength, Min } from 'class-validator';
import { IsSafeText } from '@ashar/kernel';
import { ApplicantKindEnum, CallLanguageEnum } from './competitions.enums';
import { ctx, KEY, trim } from './dto-helpers';

@InputType()
export class StartApplicationInput {
  @Field(() => ID)
  @IsUUID('loose', ctx('errors.validation.invalid'))
  callId: string;

  @Field()
  @Matches(KEY, ctx('errors.competitions.unknownDirection'))
  directionKey: string;

  @Field(() => ApplicantKindEnum)
  @IsEnum(ApplicantKindEnum, ctx('errors.validation.invalid'))
  applicantKind: ApplicantKindEnum;

  @Field({ description: 'The lead organisation or group' })
  @Transform(trim)
  @IsString(ctx('errors.validation.invalid'))
  @IsNotEmpty(ctx('errors.validation.required'))
  @MaxLength(300, ctx('errors.validation.tooLong', { max: 300 }))
  @IsSafeText()
  organisationName: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Transform(trim)
  @IsString(ctx('errors.validation.invalid'))
  @MaxLength(300, ctx('errors.validation.tooLong', { max: 300 }))
  @IsSafeText()
  partnerName?: string | null;

  @Field()
  @Transform(trim)
  @IsString(ctx('errors.validation.invalid'))
  @IsNotEmpty(ctx('errors.validation.required'))
  @MaxLength(300, ctx('errors.validation.tooLong', { max: 300 }))
  @IsSafeText()
  targetRegion: string;

  @Field()
  @Transform(trim)
  @IsString(ctx('errors.validation.invalid'))
  @IsNotEmpty(ctx('errors.validation.required'))
  @MaxLength(300, ctx('errors.validation.tooLong', { max: 300 }))
  @IsSafeText()
  title: string;

  @Field(() => CallLanguageEnum, { description: 'The language the application is written in: one the call accepts' })
  @IsEnum(CallLanguageEnum, ctx('errors.validation.invalid'))
  language: CallLanguageEnum;

  @Field(() => Int, { description: 'Planned duration of the project; at most the call’s maximum' })
  @IsInt(ctx('errors.validation.invalid'))
  @Min(1, ctx('errors.validation.invalid'))
  @Max(120, ctx('errors.validation.invalid'))
  durationMonths: number;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString(ctx('errors.validation.invalid'))
  @MaxLength(2000, ctx('errors.validation.tooLong', { max: 2000 }))
  summary?: string | null;
}
