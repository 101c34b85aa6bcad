import { Field, Float, ID, Int, ObjectType } from '@nestjs/graphql';
import { ApplicationStatusEnum } from './competitions.enums';
import { ExpertTotalType } from './expert-total.type';

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
