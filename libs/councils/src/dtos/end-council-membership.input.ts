import { IsSafeText } from '@ashar/kernel';
import { Field, ID, InputType } from '@nestjs/graphql';
import { IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';
import { ctx, IsIsoDate } from './dto-helpers';

@InputType()
export class EndCouncilMembershipInput {
  @Field(() => ID) @IsUUID('loose', ctx('errors.validation.invalid'))
  membershipId: string;

  @Field({ description: 'Last day of the term' }) @IsIsoDate(ctx('errors.validation.date'))
  termTo: string;

  @Field(() => String, { nullable: true }) @IsOptional() @IsString(ctx('errors.validation.invalid')) @MaxLength(500, ctx('errors.validation.tooLong', { max: 500 })) @IsSafeText()
  reason?: string | null;
}
