import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { AgendaLinkKindEnum, VoteChoiceEnum } from './councils.enums';

@ObjectType('AgendaItem')
export class AgendaItemType {
  @Field(() => ID) id: string;
  @Field(() => ID) meetingId: string;
  @Field(() => Int) position: number;
  @Field() title: string;
  @Field() description: string;
  @Field(() => AgendaLinkKindEnum, { nullable: true }) linkKind: AgendaLinkKindEnum | null;
  @Field(() => ID, { nullable: true }) linkId: string | null;
  @Field(() => String, { nullable: true }) linkUrl: string | null;
  @Field() createdAt: Date;
  @Field() updatedAt: Date;
}

@ObjectType('CouncilVote')
export class CouncilVoteType {
  @Field(() => ID) membershipId: string;
  @Field() memberName: string;
  @Field(() => VoteChoiceEnum) choice: VoteChoiceEnum;
  @Field() recordedAt: Date;
}
