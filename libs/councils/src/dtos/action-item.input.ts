import { IsSafeText } from '@ashar/kernel';
import { Field, ID, InputType } from '@nestjs/graphql';
import { Transform } from 'class-transformer';
import { IsString, IsUUID, MaxLength, MinLength } from 'class-validator';
import { ctx, IsIsoDate, trim } from './dto-helpers';

@InputType()
export class ActionItemInput {
  @Field(() => ID) @IsUUID('loose', ctx('errors.validation.invalid'))
  planId: string;

  @Field() @Transform(trim) @IsString(ctx('errors.validation.invalid')) @MinLength(1, ctx('errors.validation.required')) @MaxLength(300, ctx('errors.validation.tooLong', { max: 300 })) @IsSafeText()
  title: string;

  @Field({ description: 'Who is responsible (an office or a person), as written in the plan' })
  @Transform(trim) @IsString(ctx('errors.validation.invalid')) @MinLength(1, ctx('errors.validation.required')) @MaxLength(300, ctx('errors.validation.tooLong', { max: 300 })) @IsSafeText()
  responsible: string;

  @Field() @IsIsoDate(ctx('errors.validation.date'))
  deadline: string;
}
