import { Field, ID, InputType } from '@nestjs/graphql';
import { Transform } from 'class-transformer';
import { IsOptional, IsUUID, Matches } from 'class-validator';
import { BallotContentInput } from './cast-ballot.input';
import { ctx, trim } from './dto-helpers';

@InputType()
export class EnterPaperBallotInput extends BallotContentInput {
  @Field({ description: 'The number written or printed on the sheet' })
  @Transform(trim)
  @Matches(/^[\p{L}\p{N}][\p{L}\p{N} ./-]{0,39}$/u, ctx('errors.participation.sheetCode'))
  sheetCode: string;

  @Field(() => ID, { nullable: true, description: 'Made on the phone (offline outbox): the same id with the same content is accepted again' })
  @IsOptional()
  @IsUUID('loose', ctx('errors.validation.invalid'))
  clientRequestId?: string | null;
}
