import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { VerificationLevelEnum } from './participation.enums';
import { NationalIdKindEnum } from './national-id.enums';

@ObjectType('InPersonVerification')
export class InPersonVerificationType {
  @Field(() => ID) communityId: string;
  @Field(() => ID) accountId: string;
  @Field(() => NationalIdKindEnum) documentKind: NationalIdKindEnum;
  @Field() verifiedAt: Date;
}

@ObjectType('VoterVerification', { description: 'How far the signed-in account is verified in a community (SELF_DECLARED < PHONE < IN_PERSON)' })
export class VoterVerificationType {
  @Field(() => VerificationLevelEnum) level: VerificationLevelEnum;
  @Field(() => String, { nullable: true, description: 'The verified phone (E.164), if any' }) phone: string | null;
  @Field(() => Date, { nullable: true }) inPersonVerifiedAt: Date | null;
}

@ObjectType('PaperVotersByDocumentResult')
export class PaperVotersByDocumentResultType {
  @Field(() => Int, { description: 'New registry rows' }) registered: number;
  @Field(() => [Int], { description: 'Positions (from 0) in the list of people who already voted online: not registered on paper' }) alreadyVotedOnline: number[];
  @Field(() => Int, { description: 'Documents already on a paper list of this process' }) alreadyOnPaper: number;
}
