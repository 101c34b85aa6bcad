import { Field, ID, InputType } from '@nestjs/graphql';
import { IsEnum, IsString, IsUUID, MaxLength } from 'class-validator';
import { ctx } from './dto-helpers';
import { NationalIdKindEnum } from './national-id.enums';

@InputType()
export class VerifyInPersonInput {
  @Field(() => ID)
  @IsUUID('loose', ctx('errors.validation.invalid'))
  communityId: string;

  @Field(() => ID, { description: 'The resident (a member of the community) whose document was seen' })
  @IsUUID('loose', ctx('errors.validation.invalid'))
  accountId: string;

  @Field(() => NationalIdKindEnum)
  @IsEnum(NationalIdKindEnum)
  documentKind: NationalIdKindEnum;

  @Field({ description: 'As written on the document (spaces allowed); kept only as a keyed hash, never stored or logged' })
  @IsString()
  @MaxLength(32, ctx('errors.participation.document.length'))
  documentNumber: string;
}
