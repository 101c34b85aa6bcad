import { Field, InputType } from '@nestjs/graphql';
import { IsEnum, IsString, MaxLength } from 'class-validator';
import { ctx } from './dto-helpers';
import { NationalIdKindEnum } from './national-id.enums';

/** A paper voter on the meeting's list, by the national ID they showed (kept only as a keyed hash). */
@InputType()
export class PaperVoterDocumentInput {
  @Field(() => NationalIdKindEnum)
  @IsEnum(NationalIdKindEnum)
  kind: NationalIdKindEnum;

  @Field()
  @IsString()
  @MaxLength(32, ctx('errors.participation.document.length'))
  number: string;
}
