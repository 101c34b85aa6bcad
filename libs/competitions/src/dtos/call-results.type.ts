import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { MONEY } from './dto-helpers';

@ObjectType('CallResultCount')
export class ResultCountType {
  @Field() directionKey: string;
  @Field(() => Int) stageNumber: number;
  @Field(() => Int) applications: number;
}

@ObjectType('SelectedProject')
export class SelectedProjectType {
  @Field(() => ID) applicationId: string;
  @Field() title: string;
  @Field() directionKey: string;
  @Field() targetRegion: string;
  @Field() organisationName: string;
  @Field(() => String, { nullable: true }) partnerName: string | null;
  @Field() summary: string;
  @Field({ description: MONEY }) amount: string;
  @Field(() => String, { nullable: true, description: 'Excluded later: the published reason' }) exclusionReason: string | null;
}

/** The public page of a call's results: "58 applied, 9 selected". */
@ObjectType('CallResults')
export class CallResultsType {
  @Field(() => ID) callId: string;
  @Field() currency: string;
  @Field(() => Int, { description: 'Applications submitted (stage 1)' }) applied: number;
  @Field(() => [ResultCountType], { description: 'Submitted applications per direction and stage' }) counts: ResultCountType[];
  @Field(() => Int) selectedCount: number;
  @Field({ description: `Sum of the grants of the selected (excluded ones left out). ${MONEY}` }) totalAwarded: string;
  @Field(() => [SelectedProjectType]) selected: SelectedProjectType[];
}
