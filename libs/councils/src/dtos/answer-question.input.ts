import { IsSafeText } from '@ashar/kernel';
import { Field, ID, InputType } from '@nestjs/graphql';
import { Transform } from 'class-transformer';
import { IsString, IsUUID, MaxLength, MinLength } from 'class-validator';
import { ctx, trim } from './dto-helpers';

@InputType()
export class AnswerQuestionInput {
  @Field(() => ID) @IsUUID('loose', ctx('errors.validation.invalid'))
  questionId: string;

  @Field() @Transform(trim) @IsString(ctx('errors.validation.invalid')) @MinLength(1, ctx('errors.validation.required')) @MaxLength(5000, ctx('errors.validation.tooLong', { max: 5000 })) @IsSafeText()
  answer: string;
}
