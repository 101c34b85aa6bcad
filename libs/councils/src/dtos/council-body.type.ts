import { LocalizedTextType } from '@ashar/graphql';
import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { BodyKindEnum, CouncilCountryEnum, MajorityBaseEnum, MajorityKindEnum, TieRuleEnum } from './councils.enums';

@ObjectType('Fraction')
export class FractionType {
  @Field(() => Int) numerator: number;
  @Field(() => Int) denominator: number;
}

@ObjectType('CouncilBodyRules')
export class BodyRulesType {
  @Field(() => FractionType) quorum: FractionType;
  @Field(() => MajorityKindEnum) majority: MajorityKindEnum;
  @Field(() => FractionType) qualified: FractionType;
  @Field(() => MajorityBaseEnum) base: MajorityBaseEnum;
  @Field(() => TieRuleEnum) tie: TieRuleEnum;
}

@ObjectType('CouncilBody')
export class CouncilBodyType {
  @Field(() => ID) id: string;
  @Field(() => BodyKindEnum) kind: BodyKindEnum;
  @Field(() => String, { nullable: true }) customLabel: string | null;
  @Field(() => LocalizedTextType) name: LocalizedTextType;
  @Field() mandate: string;
  @Field(() => ID, { nullable: true }) communityId: string | null;
  @Field(() => ID, { nullable: true }) stateBodyId: string | null;
  @Field(() => String, { nullable: true }) regionCode: string | null;
  @Field(() => CouncilCountryEnum) country: CouncilCountryEnum;
  @Field() createdAt: Date;
  @Field() updatedAt: Date;
}
