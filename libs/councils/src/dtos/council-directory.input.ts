import { Field, ID, InputType } from '@nestjs/graphql';
import { IsEnum, IsOptional, IsUUID, Matches } from 'class-validator';
import { BodyKindEnum, CouncilCountryEnum } from './councils.enums';
import { ctx } from './dto-helpers';

@InputType()
export class CouncilDirectoryInput {
  @Field(() => BodyKindEnum, { nullable: true }) @IsOptional() @IsEnum(BodyKindEnum, ctx('errors.validation.invalid'))
  kind?: BodyKindEnum | null;

  @Field(() => String, { nullable: true, description: 'Territorial code prefix (region, district)' })
  @IsOptional() @Matches(/^\d{1,20}$/, ctx('errors.validation.unknownTerritory'))
  regionCode?: string | null;

  @Field(() => ID, { nullable: true }) @IsOptional() @IsUUID('loose', ctx('errors.validation.invalid'))
  stateBodyId?: string | null;

  @Field(() => ID, { nullable: true }) @IsOptional() @IsUUID('loose', ctx('errors.validation.invalid'))
  communityId?: string | null;

  @Field(() => CouncilCountryEnum, { nullable: true }) @IsOptional() @IsEnum(CouncilCountryEnum, ctx('errors.validation.invalid'))
  country?: CouncilCountryEnum | null;
}
