import { LocalizedTextType } from '@ashar/graphql';
import { Field, Float, ID, Int, ObjectType } from '@nestjs/graphql';
import { MONEY } from './dto-helpers';
import { DistrictOutcomeType } from './process-places.types';
import { BallotKindEnum, CountingRuleEnum, PaperSheetStatusEnum, ProcessCurrencyEnum, ProcessPhaseEnum, ProposalStatusEnum, VerificationLevelEnum } from './participation.enums';

@ObjectType('ParticipatoryProcess')
export class ProcessType {
  @Field(() => ID) id: string;
  @Field(() => ID) communityId: string;
  @Field(() => LocalizedTextType) title: LocalizedTextType;
  @Field(() => LocalizedTextType) description: LocalizedTextType;
  @Field(() => ProcessCurrencyEnum) currency: ProcessCurrencyEnum;
  @Field({ description: MONEY }) envelope: string;
  @Field(() => BallotKindEnum) ballotKind: BallotKindEnum;
  @Field(() => Int) minChoices: number;
  @Field(() => Int, { nullable: true }) maxChoices: number | null;
  @Field(() => Int, { nullable: true }) maxPoints: number | null;
  @Field(() => CountingRuleEnum) countingRule: CountingRuleEnum;
  @Field(() => VerificationLevelEnum) verification: VerificationLevelEnum;
  @Field(() => Int, { nullable: true }) minAge: number | null;
  @Field(() => ProcessPhaseEnum) phase: ProcessPhaseEnum;
  @Field(() => Date, { nullable: true, description: 'When voting opened and the rules froze' }) rulesFrozenAt: Date | null;
}

@ObjectType('Proposal')
export class ProposalType {
  @Field(() => ID) id: string;
  @Field(() => ID) processId: string;
  @Field() title: string;
  @Field() description: string;
  @Field({ description: MONEY }) estimatedCost: string;
  @Field(() => String, { nullable: true, description: MONEY }) reviewedCost: string | null;
  @Field(() => ProposalStatusEnum) status: ProposalStatusEnum;
  @Field(() => String, { nullable: true }) rejectionReason: string | null;
  @Field(() => ID, { nullable: true }) villageUnitId: string | null;
  @Field(() => String, { nullable: true }) category: string | null;
  @Field(() => Float, { nullable: true }) latitude: number | null;
  @Field(() => Float, { nullable: true }) longitude: number | null;
  @Field(() => ID, { nullable: true, description: 'The process’s district it is for' }) districtId: string | null;
  @Field(() => ID, { nullable: true, description: 'The process’s category' }) categoryId: string | null;
  @Field(() => ID, { nullable: true, description: 'MERGED: the proposal it was merged into (its supports moved there)' }) mergedIntoId: string | null;
  @Field(() => Date) createdAt: Date;
}

@ObjectType('BallotReceipt')
export class BallotReceiptType {
  @Field({ description: 'Find it among the published ballots (the .pb file’s voter ids) after the count' }) receiptCode: string;
  @Field({ description: 'False when this replaced the voter’s earlier ballot' }) firstBallot: boolean;
}

@ObjectType('MyBallot')
export class MyBallotType {
  @Field() receiptCode: string;
  @Field(() => [ID]) choices: string[];
  @Field(() => [Int], { nullable: true }) points: number[] | null;
}

@ObjectType('ParticipationCell')
export class StatCellType {
  @Field({ description: 'Village unit id, gender, age group ("30-44") or "GENDER:AGE"; UNKNOWN when not given' }) key: string;
  @Field(() => Int, { nullable: true, description: 'null: fewer than 5 people (or hidden so that such a cell cannot be worked out)' }) count: number | null;
}

@ObjectType('ParticipationVillageCell', { description: 'Turnout of one village (the territorial unit of the residents’ profiles); `name` in the reader’s language' })
export class VillageCellType {
  @Field({ description: 'Territorial unit id; UNKNOWN when the profile names none' }) key: string;
  @Field(() => Int, { nullable: true, description: 'null: fewer than 5 people (or hidden so that such a cell cannot be worked out)' }) count: number | null;
}

@ObjectType('ParticipationStats')
export class ParticipationStatsType {
  @Field(() => Int) voters: number;
  @Field(() => [VillageCellType]) byVillage: VillageCellType[];
  @Field(() => [StatCellType]) byGender: StatCellType[];
  @Field(() => [StatCellType]) byAgeGroup: StatCellType[];
  @Field(() => [StatCellType]) byGenderAndAge: StatCellType[];
}

@ObjectType('ProcessOutcome')
export class OutcomeType {
  @Field(() => ParticipationStatsType, { description: 'Who took part (online and paper), small cells suppressed' }) participation: ParticipationStatsType;
  @Field() rule: string;
  @Field(() => [ID], { description: 'Winning proposals, in the order the rule chose them' }) selected: string[];
  @Field({ description: MONEY }) totalCost: string;
  @Field(() => Int) ballotCount: number;
  @Field({ description: 'SHA-256 of the published ballot set (the .pb text)' }) ballotSetSha256: string;
  @Field({ description: 'The engine’s structured explanation, as JSON text (rendered in every UI language by the web)' }) explanation: string;
  @Field({ description: 'The ballot set counted, in the pabulib .pb format: recount it with any pabulib tool' }) ballotSet: string;
  @Field(() => [DistrictOutcomeType], { description: 'Districts with their own envelope, each counted apart' }) districts: DistrictOutcomeType[];
  @Field(() => Date) computedAt: Date;
}

@ObjectType('ProcessTurnout')
export class TurnoutType {
  @Field(() => Int) voters: number;
}

@ObjectType('PaperBallotEntryResult')
export class PaperEntryResultType {
  @Field() sheetCode: string;
  @Field(() => PaperSheetStatusEnum) status: PaperSheetStatusEnum;
}

@ObjectType('PaperSheetEntry')
export class PaperEntryType {
  @Field(() => ID) id: string;
  @Field(() => ID) enteredBy: string;
  @Field(() => [ID]) choices: string[];
  @Field(() => [Int], { nullable: true }) points: number[] | null;
  @Field(() => Date) createdAt: Date;
}

@ObjectType('PaperSheet')
export class PaperSheetType {
  @Field() sheetCode: string;
  @Field(() => PaperSheetStatusEnum) status: PaperSheetStatusEnum;
  @Field(() => [PaperEntryType]) entries: PaperEntryType[];
}

@ObjectType('PaperVotersResult')
export class PaperVotersResultType {
  @Field(() => Int) registered: number;
  @Field(() => [ID], { description: 'Already voted online: not registered again' }) alreadyVoted: string[];
}
