import { Field, ID, InputType, Int } from '@nestjs/graphql';
import { IsInt, IsOptional, IsString, IsUUID, Max, MaxLength, Min } from 'class-validator';
import { ctx, IsIsoDate } from './dto-helpers';

@InputType({ description: 'Every word must match (the last one as a prefix); Kyrgyz and Kazakh letters fold to Russian ones' })
export class DecisionSearchInput {
  @Field(() => String, { nullable: true }) @IsOptional() @IsString(ctx('errors.validation.invalid')) @MaxLength(200, ctx('errors.validation.tooLong', { max: 200 }))
  text?: string | null;

  @Field(() => ID, { nullable: true }) @IsOptional() @IsUUID('loose', ctx('errors.validation.invalid'))
  bodyId?: string | null;

  @Field(() => ID, { nullable: true, description: 'Decisions with a recommendation to this state body' }) @IsOptional() @IsUUID('loose', ctx('errors.validation.invalid'))
  addresseeId?: string | null;

  @Field(() => String, { nullable: true }) @IsOptional() @IsIsoDate(ctx('errors.validation.date'))
  from?: string | null;

  @Field(() => String, { nullable: true }) @IsOptional() @IsIsoDate(ctx('errors.validation.date'))
  to?: string | null;

  @Field(() => Int, { nullable: true, description: 'Default 50, at most 200' }) @IsOptional() @IsInt(ctx('errors.validation.invalid')) @Min(1, ctx('errors.validation.invalid')) @Max(200, ctx('errors.validation.invalid'))
  limit?: number | null;
}
