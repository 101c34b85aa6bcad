import { IsSafeText } from '@ashar/kernel';
import { Field, ID, InputType } from '@nestjs/graphql';
import { Transform } from 'class-transformer';
import { IsEnum, IsString, IsUrl, IsUUID, Matches, MaxLength, MinLength } from 'class-validator';
import { DocumentOwnerKindEnum } from './councils.enums';
import { ctx, trim, URL_RULE } from './dto-helpers';

@InputType()
export class CouncilDocumentInput {
  @Field(() => DocumentOwnerKindEnum) @IsEnum(DocumentOwnerKindEnum, ctx('errors.validation.invalid'))
  ownerKind: DocumentOwnerKindEnum;

  @Field(() => ID) @IsUUID('loose', ctx('errors.validation.invalid'))
  ownerId: string;

  @Field() @Transform(trim) @IsString(ctx('errors.validation.invalid')) @MinLength(1, ctx('errors.validation.required')) @MaxLength(300, ctx('errors.validation.tooLong', { max: 300 })) @IsSafeText()
  name: string;

  @Field() @IsUrl(URL_RULE, ctx('errors.validation.url')) @MaxLength(500, ctx('errors.validation.tooLong', { max: 500 }))
  url: string;

  @Field() @Matches(/^[a-z]+\/[a-z0-9.+-]{1,80}$/, ctx('errors.validation.invalid'))
  mimeType: string;
}
