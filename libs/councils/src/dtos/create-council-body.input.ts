import { LocalizedTextInput } from '@ashar/graphql';
import { IsSafeText } from '@ashar/kernel';
import { Field, ID, InputType } from '@nestjs/graphql';
import { Transform, Type } from 'class-transformer';
import { IsEnum, IsOptional, IsString, IsUUID, MaxLength, ValidateNested } from 'class-validator';
import { BodyRulesInput } from './body-rules.input';
import { BodyKindEnum } from './councils.enums';
import { ctx, trim } from './dto-helpers';

@InputType({ description: 'Exactly one of communityId and stateBodyId' })
export class CreateCouncilBodyInput {
  @Field(() => BodyKindEnum) @IsEnum(BodyKindEnum, ctx('errors.validation.invalid'))
  kind: BodyKindEnum;

  @Field(() => String, { nullable: true, description: 'The kind’s name when kind is CUSTOM' })
  @IsOptional() @Transform(trim) @IsString(ctx('errors.validation.invalid')) @MaxLength(120, ctx('errors.validation.tooLong', { max: 120 })) @IsSafeText()
  customLabel?: string | null;

  @Field(() => LocalizedTextInput) @ValidateNested() @Type(() => LocalizedTextInput)
  name: LocalizedTextInput;

  @Field(() => String, { nullable: true })
  @IsOptional() @IsString(ctx('errors.validation.invalid')) @MaxLength(10000, ctx('errors.validation.tooLong', { max: 10000 })) @IsSafeText()
  mandate?: string | null;

  @Field(() => ID, { nullable: true }) @IsOptional() @IsUUID('loose', ctx('errors.validation.invalid'))
  communityId?: string | null;

  @Field(() => ID, { nullable: true }) @IsOptional() @IsUUID('loose', ctx('errors.validation.invalid'))
  stateBodyId?: string | null;

  @Field(() => BodyRulesInput) @ValidateNested() @Type(() => BodyRulesInput)
  rules: BodyRulesInput;
}
