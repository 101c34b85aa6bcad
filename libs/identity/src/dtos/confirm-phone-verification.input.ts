import { Field, InputType } from '@nestjs/graphql';
import { IsString, MaxLength } from 'class-validator';

@InputType()
export class ConfirmPhoneVerificationInput {
  @Field({ description: 'The 6-digit code of the SMS' })
  @IsString()
  @MaxLength(16)
  code: string;
}
