import { IsSafeText } from '@ashar/kernel';
import { Field, ID, InputType } from '@nestjs/graphql';
import { IsString, IsUUID, MaxLength, MinLength } from 'class-validator';
import { ctx } from './dto-helpers';

@InputType()
export class MinutesInput {
  @Field(() => ID) @IsUUID('loose', ctx('errors.validation.invalid'))
  meetingId: string;

  @Field() @IsString(ctx('errors.validation.invalid')) @MinLength(1, ctx('errors.validation.required')) @MaxLength(100000, ctx('errors.validation.tooLong', { max: 100000 })) @IsSafeText()
  text: string;
}
