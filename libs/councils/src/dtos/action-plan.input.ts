import { IsSafeText } from '@ashar/kernel';
import { Field, ID, InputType } from '@nestjs/graphql';
import { Transform } from 'class-transformer';
import { IsOptional, IsString, IsUUID, MaxLength, MinLength } from 'class-validator';
import { ctx, trim } from './dto-helpers';

@InputType({ description: 'A plan of the body; another body (an advisory group) may monitor it' })
export class ActionPlanInput {
  @Field(() => ID) @IsUUID('loose', ctx('errors.validation.invalid'))
  bodyId: string;

  @Field(() => ID, { nullable: true }) @IsOptional() @IsUUID('loose', ctx('errors.validation.invalid'))
  monitoringBodyId?: string | null;

  @Field() @Transform(trim) @IsString(ctx('errors.validation.invalid')) @MinLength(1, ctx('errors.validation.required')) @MaxLength(300, ctx('errors.validation.tooLong', { max: 300 })) @IsSafeText()
  title: string;
}
