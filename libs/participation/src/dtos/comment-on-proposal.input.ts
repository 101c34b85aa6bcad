import { Field, ID, InputType } from '@nestjs/graphql';
import { IsBoolean, IsOptional, IsString, IsUUID } from 'class-validator';
import { ctx } from './dto-helpers';

@InputType()
export class CommentOnProposalInput {
  @Field(() => ID)
  @IsUUID('loose', ctx('errors.validation.invalid'))
  proposalId: string;

  @Field({ description: 'Trimmed; 1 to 4000 characters (threads checks it)' })
  @IsString(ctx('errors.validation.required'))
  body: string;

  @Field(() => ID, { nullable: true, description: 'The comment this answers (one level of replies)' })
  @IsOptional()
  @IsUUID('loose', ctx('errors.validation.invalid'))
  parentId?: string | null;

  @Field(() => Boolean, { nullable: true, description: 'About the project’s implementation (a winning proposal being built)' })
  @IsOptional()
  @IsBoolean(ctx('errors.validation.invalid'))
  aboutImplementation?: boolean | null;
}
