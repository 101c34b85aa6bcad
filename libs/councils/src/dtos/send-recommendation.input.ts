import { IsSafeText } from '@ashar/kernel';
import { Field, ID, InputType } from '@nestjs/graphql';
import { Transform } from 'class-transformer';
import { IsOptional, IsString, IsUUID, MaxLength, MinLength } from 'class-validator';
import { ctx, IsIsoDate, trim } from './dto-helpers';

@InputType({ description: 'The deadline may not be before the sending date' })
export class SendRecommendationInput {
  @Field(() => ID) @IsUUID('loose', ctx('errors.validation.invalid'))
  bodyId: string;

  @Field(() => ID, { description: 'The state body addressed' }) @IsUUID('loose', ctx('errors.validation.invalid'))
  addresseeId: string;

  @Field(() => ID, { nullable: true, description: 'The adopted decision it comes from' }) @IsOptional() @IsUUID('loose', ctx('errors.validation.invalid'))
  decisionId?: string | null;

  @Field() @Transform(trim) @IsString(ctx('errors.validation.invalid')) @MinLength(1, ctx('errors.validation.required')) @MaxLength(300, ctx('errors.validation.tooLong', { max: 300 })) @IsSafeText()
  title: string;

  @Field() @IsString(ctx('errors.validation.invalid')) @MinLength(1, ctx('errors.validation.required')) @MaxLength(20000, ctx('errors.validation.tooLong', { max: 20000 })) @IsSafeText()
  text: string;

  @Field() @IsIsoDate(ctx('errors.validation.date'))
  sentOn: string;

  @Field() @IsIsoDate(ctx('errors.validation.date'))
  deadline: string;
}
