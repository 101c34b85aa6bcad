import { IsSafeText } from '@ashar/kernel';
import { Field, ID, InputType } from '@nestjs/graphql';
import { Transform } from 'class-transformer';
import { IsDate, IsEnum, IsOptional, IsString, IsUrl, IsUUID, MaxLength, MinLength } from 'class-validator';
import { MeetingAccessEnum } from './councils.enums';
import { ctx, trim, URL_RULE } from './dto-helpers';

@InputType({ description: 'A place, an online link, or both' })
export class ScheduleMeetingInput {
  @Field(() => ID) @IsUUID('loose', ctx('errors.validation.invalid'))
  bodyId: string;

  @Field() @Transform(trim) @IsString(ctx('errors.validation.invalid')) @MinLength(1, ctx('errors.validation.required')) @MaxLength(300, ctx('errors.validation.tooLong', { max: 300 })) @IsSafeText()
  title: string;

  @Field(() => Date) @IsDate(ctx('errors.validation.invalid'))
  startsAt: Date;

  @Field(() => Date, { nullable: true }) @IsOptional() @IsDate(ctx('errors.validation.invalid'))
  endsAt?: Date | null;

  @Field({ description: 'IANA time zone, e.g. Asia/Bishkek' }) @IsString(ctx('errors.validation.invalid')) @MaxLength(40, ctx('errors.validation.tooLong', { max: 40 }))
  timeZone: string;

  @Field(() => MeetingAccessEnum) @IsEnum(MeetingAccessEnum, ctx('errors.validation.invalid'))
  access: MeetingAccessEnum;

  @Field(() => String, { nullable: true }) @IsOptional() @IsString(ctx('errors.validation.invalid')) @MaxLength(500, ctx('errors.validation.tooLong', { max: 500 })) @IsSafeText()
  place?: string | null;

  @Field(() => String, { nullable: true }) @IsOptional() @IsUrl(URL_RULE, ctx('errors.validation.url')) @MaxLength(500, ctx('errors.validation.tooLong', { max: 500 }))
  onlineUrl?: string | null;
}
