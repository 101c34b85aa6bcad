import { Field, ID, ObjectType, registerEnumType } from '@nestjs/graphql';
import { LocalizedTextType } from '@ashar/graphql';
import { CommunityKind, Country, UnitLevel } from '../domain/unit-level';

registerEnumType(Country, { name: 'Country' });
registerEnumType(UnitLevel, { name: 'UnitLevel' });
registerEnumType(CommunityKind, { name: 'CommunityKind' });

@ObjectType('TerritorialUnit')
export class TerritorialUnitType {
  @Field(() => ID) id: string;
  @Field({ description: 'SOATE (14 digits, Kyrgyzstan) or KATO (9 digits, Kazakhstan)' }) code: string;
  @Field(() => Country) country: Country;
  @Field(() => UnitLevel) level: UnitLevel;
  @Field() kind: string;
  @Field(() => LocalizedTextType) names: LocalizedTextType;
  @Field(() => String, { nullable: true }) validFrom: string | null;
  @Field(() => String, { nullable: true }) validTo: string | null;
  parentId: string | null;
  successorId: string | null;
}
