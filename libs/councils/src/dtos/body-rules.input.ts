import { Field, InputType } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import { IsEnum, IsOptional, ValidateNested } from 'class-validator';
import { MajorityBaseEnum, MajorityKindEnum, TieRuleEnum } from './councils.enums';
import { ctx } from './dto-helpers';
import { FractionInput } from './fraction.input';

@InputType()
export class BodyRulesInput {
  @Field(() => FractionInput, { description: 'Share of current members that must be present' })
  @ValidateNested() @Type(() => FractionInput)
  quorum: FractionInput;

  @Field(() => MajorityKindEnum) @IsEnum(MajorityKindEnum, ctx('errors.validation.invalid'))
  majority: MajorityKindEnum;

  @Field(() => FractionInput, { nullable: true, description: 'QUALIFIED only (default 2/3)' })
  @IsOptional() @ValidateNested() @Type(() => FractionInput)
  qualified?: FractionInput | null;

  @Field(() => MajorityBaseEnum) @IsEnum(MajorityBaseEnum, ctx('errors.validation.invalid'))
  base: MajorityBaseEnum;

  @Field(() => TieRuleEnum) @IsEnum(TieRuleEnum, ctx('errors.validation.invalid'))
  tie: TieRuleEnum;
}
