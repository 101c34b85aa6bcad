import { RunningApi } from '../../../../test/support/api-harness';
import { gql, GqlResult, ok } from '../../../../test/support/graphql-client';
import { Person, Village } from '../../../budgets/src/__tests__/support';

export const CREATE_BODY = `mutation($input: CreateCouncilBodyInput!) { createCouncilBody(input: $input) { id kind country regionCode rules { quorum { numerator denominator } majority base tie } } }`;
export const ADD_MEMBER = `mutation($input: AddCouncilMemberInput!) { addCouncilMember(input: $input) { id personId fullName role termFrom termTo current hasAccount email } }`;
export const END_MEMBER = `mutation($input: EndCouncilMembershipInput!) { endCouncilMembership(input: $input) { id termTo current } }`;
export const SCHEDULE = `mutation($input: ScheduleMeetingInput!) { scheduleCouncilMeeting(input: $input) { id status access } }`;
export const ADD_ITEM = `mutation($input: AgendaItemInput!) { addAgendaItem(input: $input) { id position } }`;
export const ATTENDANCE = `mutation($input: AttendanceInput!) { recordCouncilAttendance(input: $input) { id quorum { members present needed met } } }`;
export const VOTE = `mutation($id: ID!, $choice: CouncilVoteChoice!) { castCouncilVote(agendaItemId: $id, choice: $choice) { id } }`;
export const ROLL_CALL = `mutation($input: RollCallInput!) { recordCouncilRollCall(input: $input) { id } }`;
export const DECIDE = `mutation($input: DecideAgendaItemInput!) { decideAgendaItem(input: $input) { id outcome votesFor votesAgainst abstentions absent present members explanation } }`;
export const MINUTES = `mutation($input: MinutesInput!) { saveCouncilMinutes(input: $input) { id minutesStatus } }`;
export const CLOSE = `mutation($id: ID!) { closeCouncilMeeting(meetingId: $id) { id status } }`;
export const PUBLISH = `mutation($id: ID!) { publishCouncilMeeting(meetingId: $id) { id publishedAt } }`;
export const MEETING = `query($id: ID!) { councilMeeting(id: $id) { id access status minutesStatus minutes
  agenda { id title decision { id outcome text } votes { membershipId memberName choice } } } }`;
export const SEND = `mutation($input: SendRecommendationInput!) { sendRecommendation(input: $input) { id status deadline } }`;
export const ANSWER = `mutation($input: AnswerRecommendationInput!) { answerRecommendation(input: $input) { id status answerText answerDocumentUrl } }`;
export const ASSESS = `mutation($input: AssessRecommendationInput!) { assessRecommendation(input: $input) { id status } }`;
export const IMPLEMENTED = `mutation($id: ID!, $on: String!) { markRecommendationImplemented(recommendationId: $id, implementedOn: $on) { id status implementedOn } }`;
export const TRACKER = `query { recommendationTracker { addressee { id } total accepted partlyAccepted rejected implemented ignored overdue answered } }`;
export const SEARCH = `query($input: DecisionSearchInput!) { searchCouncilDecisions(input: $input) { id text bodyId } }`;
export const STATE_BODY = `mutation($input: CreateStateBodyInput!) { createStateBody(input: $input) { id } }`;

export const SIMPLE_RULES = { quorum: { numerator: 1, denominator: 2 }, majority: 'SIMPLE', base: 'PRESENT', tie: 'FAILS' };

export const call = (api: RunningApi, who: Person | null, query: string, variables: Record<string, unknown>): Promise<GqlResult> => gql(api.baseUrl, query, variables, who ? { token: who.token } : {});
export const must = async (api: RunningApi, who: Person | null, query: string, variables: Record<string, unknown>) => ok(await call(api, who, query, variables));

export interface Council {
  bodyId: string;
  /** Membership ids, in the order of `people` (the first is the chair, the second the secretary). */
  terms: string[];
  secretary: Person;
  people: Person[];
}

/** A community body whose first person chairs, second is its secretary, the rest members (all from 2026-01-01). */
export async function council(api: RunningApi, v: Village, people: Person[], rules: Record<string, unknown> = SIMPLE_RULES, kind = 'BUDGET_GROUP'): Promise<Council> {
  const bodyId = (await must(api, v.admin, CREATE_BODY, { input: { kind, name: { ky: 'Бюджеттик топ', ru: 'Бюджетная группа' }, mandate: 'Бюджетти талкуулоо', communityId: v.communityId, rules } })).createCouncilBody.id;
  const terms: string[] = [];
  for (const [i, p] of people.entries()) {
    const role = i === 0 ? 'CHAIR' : i === 1 ? 'SECRETARY' : 'MEMBER';
    terms.push((await must(api, v.admin, ADD_MEMBER, { input: { bodyId, accountId: p.id, fullName: `Мүчө ${i + 1}`, role, termFrom: '2026-01-01' } })).addCouncilMember.id);
  }
  return { bodyId, terms, secretary: people[1], people };
}

export async function meeting(api: RunningApi, c: Council, access: 'OPEN' | 'CLOSED' = 'OPEN', title = 'Кезектеги жыйын', startsAt = '2026-11-10T09:00:00Z'): Promise<string> {
  return (await must(api, c.secretary, SCHEDULE, { input: { bodyId: c.bodyId, title, startsAt, timeZone: 'Asia/Bishkek', access, place: 'Айыл өкмөтү, чоң зал' } })).scheduleCouncilMeeting.id;
}

export async function item(api: RunningApi, c: Council, meetingId: string, title: string, extra: Record<string, unknown> = {}): Promise<string> {
  return (await must(api, c.secretary, ADD_ITEM, { input: { meetingId, title, ...extra } })).addAgendaItem.id;
}

/** The secretary enters a roll call: choices in the order of the council's terms. */
export async function rollCall(api: RunningApi, c: Council, agendaItemId: string, choices: string[]) {
  return must(api, c.secretary, ROLL_CALL, { input: { agendaItemId, votes: choices.map((choice, i) => ({ membershipId: c.terms[i], choice })) } });
}
