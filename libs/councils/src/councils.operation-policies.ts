import { communityRoles, OperationPolicy, Role } from '@ashar/auth';
import { COUNCILS_PERMISSIONS as P } from './councils.permissions';

/**
 * Inside a body the server checks the body's own membership, not community roles. The hardening
 * fixtures make community A's COUNCIL_SECRETARY account the secretary of A's body and its
 * COUNCIL_MEMBER account a member, so these community-role entries describe those fixtures.
 */
const secretary = communityRoles([Role.COUNCIL_SECRETARY]);
const SECRETARY_NOTE = 'the body’s current SECRETARY (a membership of the body, not the community role) and platform admins; another body’s secretary is FORBIDDEN';
const memberManagers = communityRoles([...P['councils.manageBodies'], Role.COUNCIL_SECRETARY]);

export const COUNCILS_OPERATION_POLICIES: readonly OperationPolicy[] = [
  { operation: 'Query.councilDirectory', allow: 'public' },
  { operation: 'Query.councilBody', allow: 'public' },
  { operation: 'Query.stateBodies', allow: 'public' },
  { operation: 'Query.councilMeeting', allow: 'public', publicPart: 'a CLOSED meeting’s agenda, votes, decisions and minutes are empty for non-members until published' },
  { operation: 'Query.searchCouncilDecisions', allow: 'public', publicPart: 'decisions of unpublished CLOSED meetings are left out' },
  { operation: 'Query.councilRecommendation', allow: 'public' },
  { operation: 'Query.recommendationTracker', allow: 'public' },
  { operation: 'Mutation.createStateBody', allow: { scope: 'platform' } },
  { operation: 'Mutation.createCouncilBody', allow: communityRoles(P['councils.manageBodies']), permission: 'councils.manageBodies', note: 'a body attached to a state body: platform admins only' },
  { operation: 'Mutation.updateCouncilBodyRules', allow: memberManagers, note: 'the body’s secretary or chair, or the community admin' },
  { operation: 'Mutation.addCouncilMember', allow: memberManagers, note: 'the body’s secretary or chair, or the community admin' },
  { operation: 'Mutation.endCouncilMembership', allow: memberManagers, note: 'the body’s secretary or chair, or the community admin' },
  { operation: 'Mutation.setMyCouncilContacts', allow: 'authenticated', note: 'the caller’s own contacts; an account that sits on no body gets false and nothing is stored' },
  { operation: 'Mutation.scheduleCouncilMeeting', allow: secretary, note: SECRETARY_NOTE },
  { operation: 'Mutation.addAgendaItem', allow: secretary, note: SECRETARY_NOTE },
  { operation: 'Mutation.recordCouncilAttendance', allow: secretary, note: SECRETARY_NOTE },
  { operation: 'Mutation.saveCouncilMinutes', allow: secretary, note: SECRETARY_NOTE },
  { operation: 'Mutation.closeCouncilMeeting', allow: secretary, note: SECRETARY_NOTE },
  { operation: 'Mutation.publishCouncilMeeting', allow: secretary, note: SECRETARY_NOTE },
  { operation: 'Mutation.attachCouncilDocument', allow: secretary, note: SECRETARY_NOTE },
  { operation: 'Mutation.recordCouncilRollCall', allow: secretary, note: SECRETARY_NOTE },
  { operation: 'Mutation.decideAgendaItem', allow: secretary, note: SECRETARY_NOTE },
  {
    operation: 'Mutation.castCouncilVote',
    allow: communityRoles([Role.COUNCIL_SECRETARY, Role.COUNCIL_MEMBER]),
    note: 'current members of the body on the meeting day only; platform admins get no pass (the fixtures seat the platform admin on both bodies)',
  },
  { operation: 'Mutation.sendRecommendation', allow: secretary, note: SECRETARY_NOTE },
  { operation: 'Mutation.answerRecommendation', allow: secretary, note: SECRETARY_NOTE },
  { operation: 'Mutation.assessRecommendation', allow: secretary, note: SECRETARY_NOTE },
  { operation: 'Mutation.markRecommendationImplemented', allow: secretary, note: SECRETARY_NOTE },
  { operation: 'Mutation.createActionPlan', allow: secretary, note: SECRETARY_NOTE },
  { operation: 'Mutation.addActionItem', allow: secretary, note: SECRETARY_NOTE },
  { operation: 'Mutation.setActionItemStatus', allow: secretary, note: SECRETARY_NOTE },
  { operation: 'Mutation.recordActionCheck', allow: secretary, note: 'the MONITORING body’s current secretary (the fixtures’ advisory group has the same secretary) and platform admins' },
  { operation: 'Mutation.apportionCouncilSeats', allow: secretary, note: SECRETARY_NOTE },
  { operation: 'Mutation.publishSeatApportionment', allow: secretary, note: SECRETARY_NOTE },
  { operation: 'Mutation.askCouncil', allow: 'authenticated' },
  { operation: 'Mutation.answerCouncilQuestion', allow: secretary, note: SECRETARY_NOTE },
  { operation: 'Mutation.putQuestionOnAgenda', allow: secretary, note: SECRETARY_NOTE },
  // Open data (OParl 1.1 + Popolo): what the public pages show, read-only.
  { operation: 'GET /api/public/oparl/v1.1/system', allow: 'public' },
  { operation: 'GET /api/public/oparl/v1.1/bodies', allow: 'public' },
  { operation: 'GET /api/public/oparl/v1.1/body/:bodyId', allow: 'public' },
  { operation: 'GET /api/public/oparl/v1.1/body/:bodyId/vote-events', allow: 'public' },
  { operation: 'GET /api/public/oparl/v1.1/body/:bodyId/:list', allow: 'public' },
  { operation: 'GET /api/public/oparl/v1.1/body/:bodyId/:kind/:id', allow: 'public' },
  { operation: 'GET /api/public/councils/:bodyId/open-data.json', allow: 'public' },
  { operation: 'GET /api/public/councils/:bodyId/annual-report/:year.json', allow: 'public', publicPart: 'decisions of unpublished CLOSED meetings are left out' },
  { operation: 'GET /api/public/councils/:bodyId/annual-report/:year.pdf', allow: 'public', publicPart: 'decisions of unpublished CLOSED meetings are left out' },
];
