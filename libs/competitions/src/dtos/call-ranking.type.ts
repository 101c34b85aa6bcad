import { Field, Float, ID, Int, ObjectType } from '@nestjs/graphql';
import { ApplicationStatusEnum } from './competitions.enums';

@ObjectType('ExpertTotal')
export class ExpertTotalType {
  @Field(() => ID) expertAccountId: string;
  @Field(() => Float) total: number;
  @Field(() => Float, { description: 'Normalised against this expert’s own marks' }) z: number;
}

@ObjectType('RankingEntry')
export class RankingEntryType {
  @Field(() => ID) applicationId: string;
  @Field() title: string;
  @Field() directionKey: string;
  @Field(() => ApplicationStatusEnum) status: ApplicationStatusEnum;
  @Field(() => Int) reviews: number;
  @Field(() => Float) weightedMean: number;
  @Field(() => Float) meanZ: number;
  @Field(() => Float, { description: 'Highest minus lowest expert total: discuss the large ones' }) spread: number;
  @Field(() => [ExpertTotalType]) perExpert: ExpertTotalType[];
}

@ObjectType('ExpertProgress')
export class ExpertProgressType {
  @Field(() => ID) expertAccountId: string;
  @Field(() => Int) scored: number;
  @Field(() => Int) total: number;
}

@ObjectType('CallRanking')
export class CallRankingType {
  @Field(() => [RankingEntryType]) entries: RankingEntryType[];
  @Field(() => [ExpertProgressType]) progress: ExpertProgressType[];
}
