import { RunningApi } from '../../../../test/support/api-harness';
import { gql, ok } from '../../../../test/support/graphql-client';
import { Person, Village } from '../../../budgets/src/__tests__/support';

export const CREATE_PROCESS = `mutation($input: CreateProcessInput!) { createParticipatoryProcess(input: $input) { id phase envelope ballotKind rulesFrozenAt } }`;
export const MOVE = `mutation($id: ID!, $phase: ProcessPhase!) { moveProcessPhase(processId: $id, phase: $phase) { id phase rulesFrozenAt } }`;
export const RULES = `mutation($id: ID!, $rules: ProcessRulesInput!) { updateProcessRules(processId: $id, rules: $rules) { id envelope } }`;
export const SUBMIT = `mutation($input: SubmitProposalInput!) { submitProposal(input: $input) { id status estimatedCost } }`;
export const REVIEW = `mutation($input: ReviewProposalInput!) { reviewProposal(input: $input) { id status reviewedCost rejectionReason } }`;
export const SUPPORT = `mutation($id: ID!, $support: Boolean!) { supportProposal(proposalId: $id, support: $support) { id supportCount supportedByMe } }`;
export const CAST = `mutation($input: CastBallotInput!) { castBallot(input: $input) { receiptCode firstBallot } }`;
export const PROCESS = `query($id: ID!) { participatoryProcess(id: $id) { id phase turnout { voters } myBallot { receiptCode choices points }
  proposals { id title status supportCount reviewedCost rejectionReason }
  outcome { rule selected totalCost ballotCount ballotSetSha256 explanation ballotSet
    participation { voters byVillage { key count } byGender { key count } byAgeGroup { key count } byGenderAndAge { key count } } } } }`;

export type Rules = { envelope: string; ballotKind: string; minChoices?: number; maxChoices?: number | null; maxPoints?: number | null; countingRule: string; verification: string; minAge?: number | null };

export const KNAPSACK: Rules = { envelope: '100000000', ballotKind: 'KNAPSACK', minChoices: 1, countingRule: 'GREEDY', verification: 'SELF_DECLARED' };

/** A process in its voting phase with feasible proposals of these costs (minor units); the ids in cost order. */
export async function processInVoting(api: RunningApi, v: Village, costs: string[], rules: Rules = KNAPSACK): Promise<{ processId: string; proposals: string[] }> {
  const processId = ok(await gql(api.baseUrl, CREATE_PROCESS, { input: { communityId: v.communityId, title: { ky: 'Ашар 2027' }, currency: 'KGS', rules } }, { token: v.admin.token })).createParticipatoryProcess.id;
  ok(await gql(api.baseUrl, MOVE, { id: processId, phase: 'IDEAS' }, { token: v.admin.token }));
  const proposals: string[] = [];
  for (const [i, cost] of costs.entries()) {
    proposals.push(ok(await gql(api.baseUrl, SUBMIT, { input: { processId, title: `Долбоор ${i + 1}`, description: 'Көпүрө', estimatedCost: cost } }, { token: v.citizen.token })).submitProposal.id);
  }
  ok(await gql(api.baseUrl, MOVE, { id: processId, phase: 'REVIEW' }, { token: v.admin.token }));
  for (const id of proposals) ok(await gql(api.baseUrl, REVIEW, { input: { proposalId: id, feasible: true } }, { token: v.a.token }));
  ok(await gql(api.baseUrl, MOVE, { id: processId, phase: 'VOTING' }, { token: v.admin.token }));
  return { processId, proposals };
}

export const cast = (api: RunningApi, who: Person, processId: string, choices: string[], points?: number[]) => gql(api.baseUrl, CAST, { input: { processId, choices, ...(points ? { points } : {}) } }, { token: who.token });
