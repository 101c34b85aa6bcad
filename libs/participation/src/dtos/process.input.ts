import { LocalizedTextInput } from '@ashar/graphql';
import { Field, ID, InputType, Int } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import { IsEnum, IsInt, IsOptional, IsUUID, Matches, Max, Min, ValidateNested } from 'class-validator';
import { ctx, MINOR, MONEY } from './dto-helpers';
import { BallotKindEnum, CountingRuleEnum, ProcessCurrencyEnum, VerificationLevelEnum } from './participation.enums';

@InputType()
export class ProcessRulesInput {
  @Field({ description: MONEY })
  @Matches(MINOR, ctx('errors.participation.envelope'))
  envelope: string;

  @Field(() => BallotKindEnum)
  @IsEnum(BallotKindEnum, ctx('errors.validation.invalid'))
  ballotKind: BallotKindEnum;

  @Field(() => Int, { nullable: true, description: 'Default 1' })
  @IsOptional()
  @IsInt(ctx('errors.validation.invalid'))
  @Min(0, ctx('errors.validation.invalid'))
  @Max(100, ctx('errors.validation.invalid'))
  minChoices?: number | null;

  @Field(() => Int, { nullable: true })
  @IsOptional()
  @IsInt(ctx('errors.validation.invalid'))
  @Min(1, ctx('errors.validation.invalid'))
  @Max(100, ctx('errors.validation.invalid'))
  maxChoices?: number | null;

  @Field(() => Int, { nullable: true, description: 'Cumulative ballots: the points each voter shares out' })
  @IsOptional()
  @IsInt(ctx('errors.validation.invalid'))
  @Min(1, ctx('errors.validation.invalid'))
  @Max(1000, ctx('errors.validation.invalid'))
  maxPoints?: number | null;

  @Field(() => CountingRuleEnum)
  @IsEnum(CountingRuleEnum, ctx('errors.validation.invalid'))
  countingRule: CountingRuleEnum;

  @Field(() => VerificationLevelEnum)
  @IsEnum(VerificationLevelEnum, ctx('errors.validation.invalid'))
  verification: VerificationLevelEnum;

  @Field(() => Int, { nullable: true })
  @IsOptional()
  @IsInt(ctx('errors.validation.invalid'))
  @Min(14, ctx('errors.validation.invalid'))
  @Max(30, ctx('errors.validation.invalid'))
  minAge?: number | null;
}

@InputType()
export class CreateProcessInput {
  @Field(() => ID)
  @IsUUID('loose', ctx('errors.validation.invalid'))
  communityId: string;

  @Field(() => LocalizedTextInput)
  @ValidateNested()
  @Type(() => LocalizedTextInput)
  title: LocalizedTextInput;

  @Field(() => LocalizedTextInput, { nullable: true })
  @IsOptional()
  @ValidateNested()
  @Type(() => LocalizedTextInput)
  description?: LocalizedTextInput | null;

  @Field(() => ProcessCurrencyEnum)
  @IsEnum(ProcessCurrencyEnum, ctx('errors.validation.invalid'))
  currency: ProcessCurrencyEnum;

  @Field(() => ProcessRulesInput)
  @ValidateNested()
  @Type(() => ProcessRulesInput)
  rules: ProcessRulesInput;
}
