import { IsSafeText } from '@ashar/kernel';
import { Field, ID, InputType, Int } from '@nestjs/graphql';
import { Transform, Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsEnum, IsInt, IsOptional, IsString, IsUUID, Matches, Max, MaxLength, Min, MinLength, ValidateNested } from 'class-validator';
import { ApportionmentBasisEnum, ApportionmentMethodEnum } from './councils.enums';
import { ctx, trim } from './dto-helpers';

@InputType()
export class ApportionmentFigureInput {
  @Field(() => ID, { description: 'The village (territorial unit) id, or any stable id of the group' }) @IsUUID('loose', ctx('errors.validation.invalid'))
  id: string;

  @Field() @Transform(trim) @IsString(ctx('errors.validation.invalid')) @MinLength(1, ctx('errors.validation.required')) @MaxLength(200, ctx('errors.validation.tooLong', { max: 200 })) @IsSafeText()
  name: string;

  @Field({ description: 'People, voters, or revenue in minor units, as a whole number' }) @Matches(/^\d{1,15}$/, ctx('errors.validation.invalid'))
  weight: string;

  @Field(() => String, { nullable: true, description: 'Where the figure comes from (census, voter list, the budget execution report and its date); required for REVENUE' })
  @IsOptional() @Transform(trim) @IsString(ctx('errors.validation.invalid')) @MaxLength(300, ctx('errors.validation.tooLong', { max: 300 })) @IsSafeText()
  source?: string | null;
}

@InputType()
export class ApportionSeatsInput {
  @Field(() => ID) @IsUUID('loose', ctx('errors.validation.invalid'))
  bodyId: string;

  @Field(() => ApportionmentBasisEnum) @IsEnum(ApportionmentBasisEnum, ctx('errors.validation.invalid'))
  basis: ApportionmentBasisEnum;

  @Field(() => ApportionmentMethodEnum) @IsEnum(ApportionmentMethodEnum, ctx('errors.validation.invalid'))
  method: ApportionmentMethodEnum;

  @Field(() => Int) @IsInt(ctx('errors.validation.invalid')) @Min(1, ctx('errors.validation.invalid')) @Max(500, ctx('errors.validation.invalid'))
  seats: number;

  @Field(() => [ApportionmentFigureInput]) @IsArray(ctx('errors.validation.invalid')) @ArrayMinSize(1, ctx('errors.validation.required')) @ArrayMaxSize(200, ctx('errors.validation.invalid')) @ValidateNested({ each: true }) @Type(() => ApportionmentFigureInput)
  figures: ApportionmentFigureInput[];
}
