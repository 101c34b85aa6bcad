import { Field, ID, InputType, Int } from '@nestjs/graphql';
import { ArrayMaxSize, IsArray, IsInt, IsOptional, IsUUID, Max, Min } from 'class-validator';
import { ctx } from './dto-helpers';

/** A ballot's content, online or from a paper sheet. */
@InputType({ isAbstract: true })
export class BallotContentInput {
  @Field(() => ID)
  @IsUUID('loose', ctx('errors.validation.invalid'))
  processId: string;

  @Field(() => [ID], { description: 'Chosen proposals; for a ranking, best first' })
  @IsArray(ctx('errors.validation.invalid'))
  @ArrayMaxSize(100, ctx('errors.participation.tooManyChoices', { max: 100 }))
  @IsUUID('loose', { each: true, ...ctx('errors.participation.unknownProposal') })
  choices: string[];

  @Field(() => [Int], { nullable: true, description: 'Cumulative ballots: points for choices[i]' })
  @IsOptional()
  @IsArray(ctx('errors.validation.invalid'))
  @ArrayMaxSize(100, ctx('errors.participation.tooManyChoices', { max: 100 }))
  @IsInt({ each: true, ...ctx('errors.validation.invalid') })
  @Min(0, { each: true, ...ctx('errors.validation.invalid') })
  @Max(1000, { each: true, ...ctx('errors.validation.invalid') })
  points?: number[] | null;
}

@InputType()
export class CastBallotInput extends BallotContentInput {}
