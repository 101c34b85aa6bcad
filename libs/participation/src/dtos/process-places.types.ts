import { LocalizedTextType } from '@ashar/graphql';
import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { MONEY } from './dto-helpers';

@ObjectType('ProcessDistrict', { description: 'A district or village of a process, optionally with its own envelope' })
export class ProcessDistrictType {
  @Field(() => ID) id: string;
  @Field(() => LocalizedTextType) name: LocalizedTextType;
  @Field(() => String, { nullable: true, description: MONEY }) envelope: string | null;
  @Field(() => ID, { nullable: true }) unitId: string | null;
}

@ObjectType('ProcessCategory')
export class ProcessCategoryType {
  @Field(() => ID) id: string;
  @Field(() => LocalizedTextType) name: LocalizedTextType;
}

@ObjectType('DistrictOutcome', { description: 'A district with its own envelope, counted apart' })
export class DistrictOutcomeType {
  @Field(() => ID) districtId: string;
  @Field({ description: MONEY }) envelope: string;
  @Field(() => [ID], { description: 'Its winning proposals, in the order the rule chose them' }) selected: string[];
  @Field({ description: MONEY }) totalCost: string;
  @Field(() => Int, { description: 'Ballots that chose at least one of its projects' }) ballotCount: number;
}
