import { Field, ID, InputType } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsEnum, IsUUID, ValidateNested } from 'class-validator';
import { VoteChoiceEnum } from './councils.enums';
import { ctx } from './dto-helpers';

@InputType()
export class MemberVoteInput {
  @Field(() => ID) @IsUUID('loose', ctx('errors.validation.invalid'))
  membershipId: string;

  @Field(() => VoteChoiceEnum) @IsEnum(VoteChoiceEnum, ctx('errors.validation.invalid'))
  choice: VoteChoiceEnum;
}

@InputType({ description: 'The secretary enters the roll call (members without an account included)' })
export class RollCallInput {
  @Field(() => ID) @IsUUID('loose', ctx('errors.validation.invalid'))
  agendaItemId: string;

  @Field(() => [MemberVoteInput]) @IsArray(ctx('errors.validation.invalid')) @ArrayMaxSize(500, ctx('errors.validation.invalid')) @ValidateNested({ each: true }) @Type(() => MemberVoteInput)
  votes: MemberVoteInput[];
}
