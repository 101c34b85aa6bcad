import { LocalizedTextInput } from '@ashar/graphql';
import { Field, InputType } from '@nestjs/graphql';
import { Transform, Type } from 'class-transformer';
import { IsEnum, IsOptional, IsString, Matches, MaxLength, MinLength, ValidateNested } from 'class-validator';
import { DirectionEnum, ClassificationSchemeEnum } from './budget.enums';
import { ctx, trim } from './dto-helpers';

@InputType()
export class ClassificationInput {
  @Field()
  @Matches(/^(KG|KZ)$/, ctx('errors.validation.invalid'))
  country: string;

  @Field(() => ClassificationSchemeEnum)
  @IsEnum(ClassificationSchemeEnum, ctx('errors.validation.invalid'))
  scheme: ClassificationSchemeEnum;

  @Field()
  @Matches(/^\d{1,20}$/, ctx('errors.budgets.unknownCode'))
  code: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Matches(/^\d{1,20}$/, ctx('errors.budgets.unknownCode'))
  parentCode?: string | null;

  @Field(() => DirectionEnum, { nullable: true })
  @IsOptional()
  @IsEnum(DirectionEnum, ctx('errors.validation.invalid'))
  direction?: DirectionEnum | null;

  @Field(() => LocalizedTextInput)
  @ValidateNested()
  @Type(() => LocalizedTextInput)
  names: LocalizedTextInput;

  @Field()
  @Transform(trim)
  @IsString(ctx('errors.validation.required'))
  @MinLength(3, ctx('errors.validation.required'))
  @MaxLength(500, ctx('errors.validation.tooLong', { max: 500 }))
  source: string;
}
