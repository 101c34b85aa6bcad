import { registerEnumType } from '@nestjs/graphql';

export enum ProcessPhaseEnum {
  DRAFT = 'DRAFT',
  IDEAS = 'IDEAS',
  REVIEW = 'REVIEW',
  VOTING = 'VOTING',
  RESULTS = 'RESULTS',
  IMPLEMENTATION = 'IMPLEMENTATION',
}
export enum BallotKindEnum {
  APPROVAL = 'APPROVAL',
  KNAPSACK = 'KNAPSACK',
  CUMULATIVE = 'CUMULATIVE',
  RANKING = 'RANKING',
}
export enum CountingRuleEnum {
  GREEDY = 'GREEDY',
  MES = 'MES',
}
export enum VerificationLevelEnum {
  SELF_DECLARED = 'SELF_DECLARED',
  PHONE = 'PHONE',
  IN_PERSON = 'IN_PERSON',
}
export enum ProposalStatusEnum {
  SUBMITTED = 'SUBMITTED',
  FEASIBLE = 'FEASIBLE',
  REJECTED = 'REJECTED',
  MERGED = 'MERGED',
}
export enum ProcessCurrencyEnum {
  KGS = 'KGS',
  KZT = 'KZT',
}

registerEnumType(ProcessPhaseEnum, { name: 'ProcessPhase', description: 'ideas → review → voting → results → implementation; forward only' });
registerEnumType(BallotKindEnum, { name: 'BallotKind' });
registerEnumType(CountingRuleEnum, { name: 'CountingRule', description: 'GREEDY: most votes first while money lasts; MES: Method of Equal Shares (completed by add-one)' });
registerEnumType(VerificationLevelEnum, { name: 'VerificationLevel' });
registerEnumType(ProposalStatusEnum, { name: 'ProposalStatus' });
registerEnumType(ProcessCurrencyEnum, { name: 'ProcessCurrency' });

export enum PaperSheetStatusEnum {
  PENDING = 'PENDING',
  COUNTED = 'COUNTED',
  MISMATCH = 'MISMATCH',
}
registerEnumType(PaperSheetStatusEnum, { name: 'PaperSheetStatus', description: 'PENDING: entered once; COUNTED: two members entered it alike; MISMATCH: entries differ, not counted' });
