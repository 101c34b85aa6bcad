import { Field, ID, InputType, Int } from '@nestjs/graphql';
import { Transform } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsInt, IsOptional, IsUUID, Matches, Max, Min } from 'class-validator';
import { ctx, trim } from './dto-helpers';

@InputType()
export class EnterPaperBallotInput {
  @Field(() => ID)
  @IsUUID('loose', ctx('errors.validation.invalid'))
  processId: string;

  @Field({ description: 'The number written or printed on the sheet' })
  @Transform(trim)
  @Matches(/^[\p{L}\p{N}][\p{L}\p{N} ./-]{0,39}$/u, ctx('errors.participation.sheetCode'))
  sheetCode: string;

  @Field(() => [ID])
  @IsArray(ctx('errors.validation.invalid'))
  @ArrayMaxSize(100, ctx('errors.participation.tooManyChoices', { max: 100 }))
  @IsUUID('loose', { each: true, ...ctx('errors.participation.unknownProposal') })
  choices: string[];

  @Field(() => [Int], { nullable: true })
  @IsOptional()
  @IsArray(ctx('errors.validation.invalid'))
  @ArrayMaxSize(100, ctx('errors.participation.tooManyChoices', { max: 100 }))
  @IsInt({ each: true, ...ctx('errors.validation.invalid') })
  @Min(0, { each: true, ...ctx('errors.validation.invalid') })
  @Max(1000, { each: true, ...ctx('errors.validation.invalid') })
  points?: number[] | null;

  @Field(() => ID, { nullable: true, description: 'Made on the phone (offline outbox): the same id with the same content is accepted again' })
  @IsOptional()
  @IsUUID('loose', ctx('errors.validation.invalid'))
  clientRequestId?: string | null;
}
