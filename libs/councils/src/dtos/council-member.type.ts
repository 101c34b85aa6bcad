import { Field, ID, ObjectType } from '@nestjs/graphql';
import { MemberRoleEnum } from './councils.enums';

@ObjectType('CouncilMember', { description: 'One term of one person on a body; contacts only when the person publishes them' })
export class CouncilMemberType {
  @Field(() => ID, { description: 'The membership (term) id' }) id: string;
  @Field(() => ID) personId: string;
  @Field() fullName: string;
  @Field(() => MemberRoleEnum) role: MemberRoleEnum;
  @Field() termFrom: string;
  @Field(() => String, { nullable: true }) termTo: string | null;
  @Field(() => String, { nullable: true }) endReason: string | null;
  @Field() current: boolean;
  @Field() hasAccount: boolean;
  @Field(() => String, { nullable: true }) email: string | null;
  @Field(() => String, { nullable: true }) phone: string | null;
  @Field() createdAt: Date;
  @Field() updatedAt: Date;
}
