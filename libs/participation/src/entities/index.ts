import { Ballot } from './ballot.entity';
import { PaperEntry, PaperSheet } from './paper-sheet.entity';
import { ParticipatoryProcess } from './participatory-process.entity';
import { ProcessOutcome } from './process-outcome.entity';
import { ProcessPhaseStart } from './process-phase-start.entity';
import { ProposalSupport } from './proposal-support.entity';
import { Proposal } from './proposal.entity';
import { VoterRegistration } from './voter-registration.entity';
import { InPersonVerification } from './in-person-verification.entity';
import { VoterDocument } from './voter-document.entity';

export * from './ballot.entity';
export * from './paper-sheet.entity';
export * from './participatory-process.entity';
export * from './process-outcome.entity';
export * from './process-phase-start.entity';
export * from './proposal-support.entity';
export * from './proposal.entity';
export * from './voter-registration.entity';
export * from './in-person-verification.entity';
export * from './voter-document.entity';

export const PARTICIPATION_ENTITIES = [ParticipatoryProcess, Proposal, ProposalSupport, VoterRegistration, Ballot, ProcessOutcome, PaperSheet, PaperEntry, ProcessPhaseStart, InPersonVerification, VoterDocument];
