import { Field, ObjectType } from '@nestjs/graphql';
import { ExpertProgressType } from './expert-progress.type';
import { RankingEntryType } from './ranking-entry.type';

@ObjectType('CallRanking')
export class CallRankingType {
  @Field(() => [RankingEntryType]) entries: RankingEntryType[];
  @Field(() => [ExpertProgressType]) progress: ExpertProgressType[];
}
