import { Field, ID, InputType } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsUUID, ValidateNested } from 'class-validator';
import { ctx } from './dto-helpers';
import { ScoreInput } from './score.input';

@InputType()
export class SubmitScoresInput {
  @Field(() => ID)
  @IsUUID('loose', ctx('errors.validation.invalid'))
  applicationId: string;

  @Field(() => [ScoreInput], { description: 'One per published criterion' })
  @IsArray(ctx('errors.validation.invalid'))
  @ArrayMaxSize(30, ctx('errors.validation.invalid'))
  @ValidateNested({ each: true })
  @Type(() => ScoreInput)
  scores: ScoreInput[];
}
