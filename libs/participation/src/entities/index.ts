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
import { ProcessCategory } from './process-category.entity';
import { ProcessDistrict } from './process-district.entity';
import { Project } from './project.entity';
import { ProjectSubscription } from './project-subscription.entity';
import { ProjectUpdate } from './project-update.entity';
import { ProposalPhoto } from './proposal-photo.entity';

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
export * from './process-category.entity';
export * from './process-district.entity';
export * from './project.entity';
export * from './project-subscription.entity';
export * from './project-update.entity';
export * from './proposal-photo.entity';

export * from './message-update-subscription.entity';
import { MessageUpdateSubscription } from './message-update-subscription.entity';

export const PARTICIPATION_ENTITIES = [ParticipatoryProcess, Proposal, ProposalSupport, VoterRegistration, Ballot, ProcessOutcome, PaperSheet, PaperEntry, ProcessPhaseStart, InPersonVerification, VoterDocument, ProcessDistrict, ProcessCategory, Project, ProjectUpdate, ProjectSubscription, ProposalPhoto, MessageUpdateSubscription];
