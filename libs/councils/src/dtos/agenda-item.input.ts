import { IsSafeText } from '@ashar/kernel';
import { Field, ID, InputType } from '@nestjs/graphql';
import { Transform } from 'class-transformer';
import { IsEnum, IsOptional, IsString, IsUrl, IsUUID, MaxLength, MinLength } from 'class-validator';
import { AgendaLinkKindEnum } from './councils.enums';
import { ctx, trim, URL_RULE } from './dto-helpers';

@InputType({ description: 'Added at the end of the agenda. A link: kind + linkId, or DOCUMENT + linkUrl; MINUTES links a meeting of the same body whose minutes this item approves' })
export class AgendaItemInput {
  @Field(() => ID) @IsUUID('loose', ctx('errors.validation.invalid'))
  meetingId: string;

  @Field() @Transform(trim) @IsString(ctx('errors.validation.invalid')) @MinLength(1, ctx('errors.validation.required')) @MaxLength(300, ctx('errors.validation.tooLong', { max: 300 })) @IsSafeText()
  title: string;

  @Field(() => String, { nullable: true }) @IsOptional() @IsString(ctx('errors.validation.invalid')) @MaxLength(10000, ctx('errors.validation.tooLong', { max: 10000 })) @IsSafeText()
  description?: string | null;

  @Field(() => AgendaLinkKindEnum, { nullable: true }) @IsOptional() @IsEnum(AgendaLinkKindEnum, ctx('errors.validation.invalid'))
  linkKind?: AgendaLinkKindEnum | null;

  @Field(() => ID, { nullable: true }) @IsOptional() @IsUUID('loose', ctx('errors.validation.invalid'))
  linkId?: string | null;

  @Field(() => String, { nullable: true }) @IsOptional() @IsUrl(URL_RULE, ctx('errors.validation.url')) @MaxLength(500, ctx('errors.validation.tooLong', { max: 500 }))
  linkUrl?: string | null;
}
