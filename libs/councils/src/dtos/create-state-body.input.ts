import { LocalizedTextInput } from '@ashar/graphql';
import { IsSafeText } from '@ashar/kernel';
import { Field, InputType } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import { IsEnum, IsOptional, IsUrl, Matches, MaxLength, ValidateNested } from 'class-validator';
import { CouncilCountryEnum, StateBodyKindEnum } from './councils.enums';
import { ctx, URL_RULE } from './dto-helpers';

@InputType()
export class CreateStateBodyInput {
  @Field(() => StateBodyKindEnum) @IsEnum(StateBodyKindEnum, ctx('errors.validation.invalid'))
  kind: StateBodyKindEnum;

  @Field(() => LocalizedTextInput) @ValidateNested() @Type(() => LocalizedTextInput)
  name: LocalizedTextInput;

  @Field(() => CouncilCountryEnum) @IsEnum(CouncilCountryEnum, ctx('errors.validation.invalid'))
  country: CouncilCountryEnum;

  @Field(() => String, { nullable: true, description: 'Territorial code of the region it serves' })
  @IsOptional() @Matches(/^\d{1,20}$/, ctx('errors.validation.unknownTerritory'))
  regionCode?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional() @IsUrl(URL_RULE, ctx('errors.validation.url')) @MaxLength(500, ctx('errors.validation.tooLong', { max: 500 })) @IsSafeText()
  website?: string | null;
}
