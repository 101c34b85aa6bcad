import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { MeetingAccessEnum, MeetingStatusEnum, MinutesStatusEnum } from './councils.enums';

@ObjectType('CouncilMeeting')
export class CouncilMeetingType {
  @Field(() => ID) id: string;
  @Field(() => ID) bodyId: string;
  @Field() title: string;
  @Field() startsAt: Date;
  @Field(() => Date, { nullable: true }) endsAt: Date | null;
  @Field() timeZone: string;
  @Field(() => MeetingAccessEnum) access: MeetingAccessEnum;
  @Field(() => MeetingStatusEnum) status: MeetingStatusEnum;
  @Field(() => String, { nullable: true }) place: string | null;
  @Field(() => String, { nullable: true }) onlineUrl: string | null;
  @Field(() => Date, { nullable: true }) heldAt: Date | null;
  @Field(() => Date, { nullable: true }) publishedAt: Date | null;
  @Field(() => MinutesStatusEnum) minutesStatus: MinutesStatusEnum;
  @Field(() => Date, { nullable: true }) minutesApprovedAt: Date | null;
  @Field() createdAt: Date;
  @Field() updatedAt: Date;
}

@ObjectType('CouncilQuorum', { description: 'From the attendance register and the current members on the meeting day' })
export class MeetingQuorumType {
  @Field(() => Int) members: number;
  @Field(() => Int) present: number;
  @Field(() => Int) needed: number;
  @Field() met: boolean;
}
