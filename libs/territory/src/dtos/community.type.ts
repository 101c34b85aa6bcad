import { Field, ID, InputType, ObjectType } from '@nestjs/graphql';
import { LocalizedTextInput, LocalizedTextType } from '@ashar/graphql';
import { Type } from 'class-transformer';
import { IsEnum, IsString, Matches, ValidateNested } from 'class-validator';
import { CommunityKind } from '../domain/unit-level';

@ObjectType('Community')
export class CommunityType {
  @Field(() => ID) id: string;
  @Field(() => CommunityKind) kind: CommunityKind;
  @Field(() => LocalizedTextType) names: LocalizedTextType;
  @Field(() => String, { nullable: true, description: 'Short readable address part, e.g. /b/<slug>/<year> for its published budget; never changes' })
  slug: string | null;
  unitId: string;
}

@InputType()
export class CreateCommunityInput {
  @Field()
  @IsString()
  @Matches(/^\d{9}$|^\d{14}$/, { context: { messageKey: 'errors.validation.unknownTerritory' } })
  unitCode: string;

  @Field(() => CommunityKind)
  @IsEnum(CommunityKind)
  kind: CommunityKind;

  @Field(() => LocalizedTextInput)
  @ValidateNested()
  @Type(() => LocalizedTextInput)
  names: LocalizedTextInput;
}
