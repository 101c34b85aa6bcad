import { Field, InputType, Int } from '@nestjs/graphql';
import { IsInt, IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import { ctx, KEY } from './dto-helpers';

@InputType()
export class ScoreInput {
  @Field()
  @Matches(KEY, ctx('errors.competitions.score.unknownCriterion'))
  criterionKey: string;

  @Field(() => Int)
  @IsInt(ctx('errors.validation.invalid'))
  score: number;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString(ctx('errors.validation.invalid'))
  @MaxLength(5000, ctx('errors.validation.tooLong', { max: 5000 }))
  comment?: string | null;
}
