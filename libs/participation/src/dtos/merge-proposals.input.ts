import { Field, ID, InputType } from '@nestjs/graphql';
import { IsUUID } from 'class-validator';
import { ctx } from './dto-helpers';

@InputType()
export class MergeProposalsInput {
  @Field(() => ID, { description: 'The duplicate: marked MERGED, its supports move' })
  @IsUUID('loose', ctx('errors.validation.invalid'))
  duplicateId: string;

  @Field(() => ID, { description: 'The proposal kept' })
  @IsUUID('loose', ctx('errors.validation.invalid'))
  intoId: string;
}
