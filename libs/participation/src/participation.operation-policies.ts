import { communityRoles, OperationPolicy } from '@ashar/auth';
import { PARTICIPATION_PERMISSIONS as P } from './participation.permissions';

const manage = communityRoles(P['participation.manage']);
const residents = communityRoles(P['participation.vote']);

/** Who may call each participation operation, read from the services' checks. */
export const PARTICIPATION_OPERATION_POLICIES: readonly OperationPolicy[] = [
  { operation: 'Query.participatoryProcess', allow: 'public', publicPart: 'a DRAFT process answers NOT_FOUND to all but its organisers' },
  { operation: 'Query.participatoryProcesses', allow: 'public', publicPart: 'DRAFT processes are left out for all but the organisers' },
  { operation: 'Mutation.createParticipatoryProcess', allow: manage, permission: 'participation.manage' },
  { operation: 'Mutation.updateProcessRules', allow: manage, permission: 'participation.manage', note: 'CONFLICT (rulesFrozen) once voting has opened, and the attempt is audited' },
  { operation: 'Mutation.moveProcessPhase', allow: manage, permission: 'participation.manage' },
  { operation: 'Mutation.setProcessSchedule', allow: manage, permission: 'participation.manage', note: 'CONFLICT for a phase already begun' },
  { operation: 'Mutation.reviewProposal', allow: manage, permission: 'participation.manage' },
  { operation: 'Mutation.submitProposal', allow: communityRoles(P['participation.propose']), permission: 'participation.propose' },
  { operation: 'Mutation.editProposal', allow: { scope: 'own' }, note: 'only the proposal’s author (and platform admins), in the ideas phase' },
  { operation: 'Mutation.supportProposal', allow: communityRoles(P['participation.propose']), permission: 'participation.propose' },
  { operation: 'Mutation.castBallot', allow: residents, permission: 'participation.vote', note: 'also FORBIDDEN below the process’s verification level (extensions.reason) or minimum age' },
  { operation: 'Mutation.enterPaperBallot', allow: manage, permission: 'participation.manage', note: 'CONFLICT for the same member’s second entry of a sheet, and for a counted sheet' },
  { operation: 'Mutation.registerPaperVoters', allow: manage, permission: 'participation.manage' },
  { operation: 'Query.paperSheets', allow: manage, permission: 'participation.manage' },
  { operation: 'Mutation.verifyResidentInPerson', allow: manage, permission: 'participation.manage', note: 'FORBIDDEN for the member’s own account; CONFLICT when the document verified another account' },
  { operation: 'Mutation.registerPaperVotersByDocument', allow: manage, permission: 'participation.manage' },
  { operation: 'Query.myVoterVerification', allow: 'authenticated', note: 'the caller’s own level' },
  { operation: 'GET /api/public/participation/processes/:processId/ballot-sheet', allow: 'public', publicPart: 'only a process in its voting phase; any other answers 404' },
  { operation: 'GET /api/public/participation/processes/:processId/ballot-sheet.pdf', allow: 'public', publicPart: 'the same sheet as a PDF: only a process in its voting phase; any other answers 404' },
  { operation: 'Mutation.addProcessDistrict', allow: manage, permission: 'participation.manage', note: 'CONFLICT (rulesFrozen) once voting has opened' },
  { operation: 'Mutation.addProcessCategory', allow: manage, permission: 'participation.manage', note: 'CONFLICT (rulesFrozen) once voting has opened' },
  { operation: 'Mutation.mergeProposals', allow: manage, permission: 'participation.manage', note: 'ideas and review phases only (CONFLICT after)' },
  { operation: 'Mutation.recordProjectUpdate', allow: manage, permission: 'participation.manage' },
  { operation: 'Mutation.linkProjectBudgetLine', allow: manage, permission: 'participation.manage', note: 'the line must be an expenditure line of a budget of the same community (BAD_USER_INPUT)' },
  { operation: 'Mutation.commentOnProposal', allow: communityRoles(P['participation.propose']), permission: 'participation.propose', note: 'threads: body checked after the permission (BAD_USER_INPUT)' },
  { operation: 'POST /api/pb-proposals/:proposalId/photos', allow: manage, permission: 'participation.manage', note: 'also the proposal’s author while ideas are taken; with updateId organisers only' },
  { operation: 'GET /api/pb-photos/:id', allow: 'public', publicPart: 'a DRAFT process’s photos answer NOT_FOUND to all but its organisers' },
  { operation: 'Mutation.sendProcessAnnouncement', allow: manage, permission: 'participation.manage', note: 'BAD_USER_INPUT over 3 SMS parts in a language or with no text; 5 per process a day (TOO_MANY_REQUESTS)' },
  { operation: 'Query.processMessageAudience', allow: manage, permission: 'participation.manage', note: 'recipient counts and the SMS price: organisers only' },
  { operation: 'Mutation.subscribeToProject', allow: communityRoles(P['participation.propose']), permission: 'participation.propose' },
  { operation: 'Mutation.setProcessMessageUpdates', allow: communityRoles(P['participation.vote']), permission: 'participation.vote', note: 'the caller’s own opt-in to the process’s SMS/email notices' },
];
