import { LocalizedTextType } from '@ashar/graphql';
import { Field, ID, ObjectType } from '@nestjs/graphql';
import { CouncilCountryEnum, StateBodyKindEnum } from './councils.enums';

@ObjectType('StateBody')
export class StateBodyType {
  @Field(() => ID) id: string;
  @Field(() => StateBodyKindEnum) kind: StateBodyKindEnum;
  @Field(() => LocalizedTextType) name: LocalizedTextType;
  @Field(() => CouncilCountryEnum) country: CouncilCountryEnum;
  @Field(() => String, { nullable: true }) regionCode: string | null;
  @Field(() => String, { nullable: true }) website: string | null;
  @Field() createdAt: Date;
  @Field() updatedAt: Date;
}
