import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { DecisionOutcomeEnum } from './councils.enums';

@ObjectType('CouncilDecision')
export class CouncilDecisionType {
  @Field(() => ID) id: string;
  @Field(() => ID) agendaItemId: string;
  @Field(() => ID) bodyId: string;
  @Field(() => ID) meetingId: string;
  @Field() text: string;
  @Field(() => DecisionOutcomeEnum) outcome: DecisionOutcomeEnum;
  @Field() decidedOn: string;
  @Field(() => Int) members: number;
  @Field(() => Int) present: number;
  @Field(() => Int) votesFor: number;
  @Field(() => Int) votesAgainst: number;
  @Field(() => Int) abstentions: number;
  @Field(() => Int) absent: number;
  @Field({ description: 'JSON: the count under the body’s rule (quorum and votes needed, tie and how it was settled)' }) explanation: string;
  @Field() createdAt: Date;
}
