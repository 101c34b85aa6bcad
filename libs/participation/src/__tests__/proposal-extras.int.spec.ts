import { RunningApi, startApi } from '../../../../test/support/api-harness';
import { eventually } from '../../../../test/support/eventually';
import { firstError, gql, ok } from '../../../../test/support/graphql-client';
import { count, member, person, platformAdmin, Person, village, Village } from '../../../budgets/src/__tests__/support';
import { cast, CREATE_PROCESS, KNAPSACK, MOVE, REVIEW, SUBMIT, SUPPORT } from './support';

/** Districts with their own envelopes and categories, merging duplicates, comments through threads. */
let api: RunningApi;
let platform: Person;
let v: Village;

beforeAll(async () => {
  api = await startApi({ label: 'pbextras', worker: true });
  platform = await platformAdmin(api);
  v = await village(api, platform, '41707220840000', 'Ак-Дөбө');
});
afterAll(() => api?.stop());

const DISTRICT = `mutation($input: AddProcessDistrictInput!) { addProcessDistrict(input: $input) { id envelope name { ky } } }`;
const CATEGORY = `mutation($input: AddProcessCategoryInput!) { addProcessCategory(input: $input) { id name { ky } } }`;
const MERGE = `mutation($input: MergeProposalsInput!) { mergeProposals(input: $input) { id supportCount } }`;
const COMMENT = `mutation($input: CommentOnProposalInput!) { commentOnProposal(input: $input) { id body aboutImplementation } }`;
const VIEW = `query($id: ID!) { participatoryProcess(id: $id) { districts { id envelope } categories { id }
  proposals { id status mergedIntoId districtId categoryId supportCount comments { id body hidden replies { id body } } }
  outcome { selected districts { districtId envelope selected totalCost ballotCount } } } }`;
const newProcess = async () => ok(await gql(api.baseUrl, CREATE_PROCESS, { input: { communityId: v.communityId, title: { ky: 'Айылдар' }, currency: 'KGS', rules: KNAPSACK } }, { token: v.admin.token })).createParticipatoryProcess.id as string;
const submit = async (who: Person, input: Record<string, unknown>) => gql(api.baseUrl, SUBMIT, { input: { description: 'Долбоор', ...input } }, { token: who.token });

test('districts with their own envelopes: proposals name one, ballots fit each envelope, each district counted apart', async () => {
  const processId = await newProcess();
  const north = ok(await gql(api.baseUrl, DISTRICT, { input: { processId, name: { ky: 'Ак-Дөбө' }, envelope: '50000000' } }, { token: v.admin.token })).addProcessDistrict.id;
  const south = ok(await gql(api.baseUrl, DISTRICT, { input: { processId, name: { ky: 'Кызыл-Сай' }, envelope: '40000000' } }, { token: v.a.token })).addProcessDistrict.id;
  const roads = ok(await gql(api.baseUrl, CATEGORY, { input: { processId, name: { ky: 'Жолдор' } } }, { token: v.admin.token })).addProcessCategory.id;
  // A draft is the organisers' own: residents do not even see it.
  expect(firstError(await gql(api.baseUrl, CATEGORY, { input: { processId, name: { ky: 'Суу' } } }, { token: v.citizen.token }))?.extensions?.code).toBe('NOT_FOUND');
  expect(firstError(await gql(api.baseUrl, DISTRICT, { input: { processId, name: { ky: '  ' } } }, { token: v.admin.token }))?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.name' });
  ok(await gql(api.baseUrl, MOVE, { id: processId, phase: 'IDEAS' }, { token: v.admin.token }));

  // A district is required once the process has any, and must be the process's; so must the category.
  expect(firstError(await submit(v.citizen, { processId, title: 'Жол', estimatedCost: '1000' }))?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.districtId', messageKey: 'errors.participation.districtRequired' });
  expect(firstError(await submit(v.citizen, { processId, title: 'Жол', estimatedCost: '1000', districtId: roads }))?.extensions).toMatchObject({ field: 'input.districtId', messageKey: 'errors.participation.unknownDistrict' });
  expect(firstError(await submit(v.citizen, { processId, title: 'Жол', estimatedCost: '1000', districtId: north, categoryId: north }))?.extensions).toMatchObject({ field: 'input.categoryId', messageKey: 'errors.participation.unknownCategory' });
  expect(firstError(await submit(v.citizen, { processId, title: 'Жол', estimatedCost: '1000', districtId: north, latitude: 42.5 }))?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.longitude' });
  expect(firstError(await submit(v.citizen, { processId, title: 'Жол', estimatedCost: '1000', districtId: north, latitude: 91, longitude: 72 }))?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.latitude' });
  const ids: string[] = [];
  for (const [district, cost] of [[north, '30000000'], [north, '25000000'], [south, '35000000']]) {
    ids.push(ok(await submit(v.citizen, { processId, title: `Долбоор ${ids.length}`, estimatedCost: cost, districtId: district, categoryId: roads, latitude: 42.33, longitude: 72.1 })).submitProposal.id);
  }
  ok(await gql(api.baseUrl, MOVE, { id: processId, phase: 'REVIEW' }, { token: v.admin.token }));
  for (const id of ids) ok(await gql(api.baseUrl, REVIEW, { input: { proposalId: id, feasible: true } }, { token: v.a.token }));
  ok(await gql(api.baseUrl, MOVE, { id: processId, phase: 'VOTING' }, { token: v.admin.token }));
  // Frozen with the rules.
  expect(firstError(await gql(api.baseUrl, DISTRICT, { input: { processId, name: { ky: 'Жаңы' } } }, { token: v.admin.token }))?.extensions?.messageKey).toBe('errors.participation.rulesFrozen');

  // Both northern projects (55 000 000) fit the process's 100 000 000 but not the north's 50 000 000.
  const over = firstError(await cast(api, v.citizen, processId, [ids[0], ids[1]]));
  expect(over?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.choices', messageKey: 'errors.participation.ballot.DISTRICT_OVER_ENVELOPE' });
  // A paper sheet is held to the same envelopes.
  const paper = await gql(api.baseUrl, `mutation($input: EnterPaperBallotInput!) { enterPaperBallot(input: $input) { status } }`, { input: { processId, sheetCode: '1', choices: [ids[0], ids[1]] } }, { token: v.a.token });
  expect(firstError(paper)?.extensions?.messageKey).toBe('errors.participation.ballot.DISTRICT_OVER_ENVELOPE');
  expect(await count(api, 'pb_ballots', `process_id = '${processId}'`)).toBe(0);
  expect(await count(api, 'pb_paper_entries', `process_id = '${processId}'`)).toBe(0);
  ok(await cast(api, v.citizen, processId, [ids[0], ids[2]]));
  ok(await cast(api, v.a, processId, [ids[1]]));
  ok(await cast(api, v.b, processId, [ids[1], ids[2]]));
  ok(await gql(api.baseUrl, MOVE, { id: processId, phase: 'RESULTS' }, { token: v.admin.token }));
  const outcome = await eventually(async () => ok(await gql(api.baseUrl, VIEW, { id: processId })).participatoryProcess.outcome);
  expect(outcome.districts).toEqual([
    { districtId: north, envelope: '50000000', selected: [ids[1]], totalCost: '25000000', ballotCount: 3 },
    { districtId: south, envelope: '40000000', selected: [ids[2]], totalCost: '35000000', ballotCount: 2 },
  ]);
  const view = ok(await gql(api.baseUrl, VIEW, { id: processId })).participatoryProcess;
  expect(view.proposals.every((p: { districtId: string; categoryId: string }) => p.categoryId === roads && [north, south].includes(p.districtId))).toBe(true);
});

test('merging a duplicate moves its supports (one per resident), marks it MERGED with a link, is audited', async () => {
  const processId = await newProcess();
  ok(await gql(api.baseUrl, MOVE, { id: processId, phase: 'IDEAS' }, { token: v.admin.token }));
  const kept = ok(await submit(v.citizen, { processId, title: 'Көпүрө', estimatedCost: '1000000' })).submitProposal.id;
  const dup = ok(await submit(v.b, { processId, title: 'Көпүрө курулсун', estimatedCost: '1200000' })).submitProposal.id;
  const other = await member(api, platform, v.communityId, 'CITIZEN', 'Айжан');
  for (const who of [v.citizen, v.a]) ok(await gql(api.baseUrl, SUPPORT, { id: kept, support: true }, { token: who.token }));
  for (const who of [v.citizen, v.b, other]) ok(await gql(api.baseUrl, SUPPORT, { id: dup, support: true }, { token: who.token }));

  expect(firstError(await gql(api.baseUrl, MERGE, { input: { duplicateId: dup, intoId: kept } }, { token: v.citizen.token }))?.extensions?.code).toBe('FORBIDDEN');
  expect(firstError(await gql(api.baseUrl, MERGE, { input: { duplicateId: dup, intoId: dup } }, { token: v.a.token }))?.extensions?.messageKey).toBe('errors.participation.mergeSelf');
  // citizen supported both: counted once; b and Айжан move over.
  expect(ok(await gql(api.baseUrl, MERGE, { input: { duplicateId: dup, intoId: kept } }, { token: v.a.token })).mergeProposals).toEqual({ id: kept, supportCount: 4 });
  const view = ok(await gql(api.baseUrl, VIEW, { id: processId })).participatoryProcess;
  expect(view.proposals.find((p: { id: string }) => p.id === dup)).toMatchObject({ status: 'MERGED', mergedIntoId: kept, supportCount: 0 });
  expect(await count(api, 'audit_events', `action = 'participation.proposal.merge' AND entity_id = '${dup}'`)).toBe(1);
  // The duplicate is closed: no support, no edit, no second merge, no review.
  expect(firstError(await gql(api.baseUrl, SUPPORT, { id: dup, support: true }, { token: other.token }))?.extensions?.messageKey).toBe('errors.participation.alreadyMerged');
  expect(firstError(await gql(api.baseUrl, MERGE, { input: { duplicateId: dup, intoId: kept } }, { token: v.a.token }))?.extensions?.messageKey).toBe('errors.participation.alreadyMerged');
  expect(firstError(await gql(api.baseUrl, MERGE, { input: { duplicateId: kept, intoId: dup } }, { token: v.a.token }))?.extensions?.messageKey).toBe('errors.participation.alreadyMerged');
  ok(await gql(api.baseUrl, MOVE, { id: processId, phase: 'REVIEW' }, { token: v.admin.token }));
  expect(firstError(await gql(api.baseUrl, REVIEW, { input: { proposalId: dup, feasible: true } }, { token: v.a.token }))?.extensions?.messageKey).toBe('errors.participation.alreadyMerged');
});

test('comments through threads: residents post and reply, organisers hide; implementation comments need a project', async () => {
  const processId = await newProcess();
  ok(await gql(api.baseUrl, MOVE, { id: processId, phase: 'IDEAS' }, { token: v.admin.token }));
  const id = ok(await submit(v.citizen, { processId, title: 'Спорт аянты', estimatedCost: '1000000' })).submitProposal.id;
  const outsider = await person(api, 'Сырттан');
  const c1 = ok(await gql(api.baseUrl, COMMENT, { input: { proposalId: id, body: '  Жакшы идея  ' } }, { token: v.b.token })).commentOnProposal;
  expect(c1).toMatchObject({ body: 'Жакшы идея', aboutImplementation: false });
  ok(await gql(api.baseUrl, COMMENT, { input: { proposalId: id, body: 'Макулмун', parentId: c1.id } }, { token: v.citizen.token }));
  expect(firstError(await gql(api.baseUrl, COMMENT, { input: { proposalId: id, body: 'x' } }, { token: outsider.token }))?.extensions?.code).toBe('FORBIDDEN');
  expect(firstError(await gql(api.baseUrl, COMMENT, { input: { proposalId: id, body: 'x' } }))?.extensions?.code).toBe('UNAUTHENTICATED');
  expect(firstError(await gql(api.baseUrl, COMMENT, { input: { proposalId: id, body: '   ' } }, { token: v.b.token }))?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.body' });
  expect(firstError(await gql(api.baseUrl, COMMENT, { input: { proposalId: id, body: 'Качан?', aboutImplementation: true } }, { token: v.b.token }))?.extensions?.messageKey).toBe('errors.participation.notAProject');

  const HIDE = `mutation($id: ID!) { hideComment(messageId: $id, reason: "Кемсинтүү") { id hidden } }`;
  expect(firstError(await gql(api.baseUrl, HIDE, { id: c1.id }, { token: v.citizen.token }))?.extensions?.code).toBe('FORBIDDEN');
  ok(await gql(api.baseUrl, HIDE, { id: c1.id }, { token: v.admin.token }));
  const comments = ok(await gql(api.baseUrl, VIEW, { id: processId })).participatoryProcess.proposals[0].comments;
  expect(comments).toEqual([{ id: c1.id, body: null, hidden: true, replies: [{ id: expect.any(String), body: 'Макулмун' }] }]);
  expect(await count(api, 'audit_events', `action = 'participation.comment'`)).toBe(2);
});

test('photos: the author while ideas are taken, organisers any time; typed by their bytes; public like the proposal', async () => {
  const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3, 4]);
  const JPEG = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 9, 9, 9]);
  const post = (who: Person | null, proposalId: string, body: Buffer, query = 'fileName=p.png') =>
    fetch(`${api.baseUrl}/api/pb-proposals/${proposalId}/photos?${query}`, { method: 'POST', body: new Uint8Array(body), headers: { 'content-type': 'application/octet-stream', ...(who ? { authorization: `Bearer ${who.token}` } : {}) } });
  const processId = await newProcess();
  ok(await gql(api.baseUrl, MOVE, { id: processId, phase: 'IDEAS' }, { token: v.admin.token }));
  const id = ok(await submit(v.citizen, { processId, title: 'Бак', estimatedCost: '1000000' })).submitProposal.id;

  const first = await post(v.citizen, id, PNG);
  expect(first.status).toBe(201);
  const { id: photoId, url } = (await first.json()) as { id: string; url: string };
  // The same bytes again are the same photo.
  expect(((await (await post(v.citizen, id, PNG)).json()) as { id: string }).id).toBe(photoId);
  expect((await post(v.b, id, JPEG)).status).toBe(201); // an organiser
  expect((await post(null, id, PNG)).status).toBe(401);
  const other = await member(api, platform, v.communityId, 'CITIZEN', 'Бермет');
  expect((await post(other, id, JPEG)).status).toBe(403);
  const bad = await post(v.citizen, id, Buffer.from('<html>not a photo</html>'));
  expect(bad.status).toBe(400);
  expect(JSON.stringify(await bad.json())).toContain('errors.participation.photoType');
  expect(await count(api, 'pb_photos', `proposal_id = '${id}'`)).toBe(2);

  const got = await fetch(`${api.baseUrl}${url}`);
  expect(got.status).toBe(200);
  expect(got.headers.get('content-type')).toBe('image/png');
  expect(got.headers.get('x-content-type-options')).toBe('nosniff');
  expect(Buffer.from(await got.arrayBuffer()).equals(PNG)).toBe(true);
  const listed = ok(await gql(api.baseUrl, `query($id: ID!) { participatoryProcess(id: $id) { proposals { photos { id url updateId } } } }`, { id: processId })).participatoryProcess.proposals[0].photos;
  expect(listed.map((p: { id: string }) => p.id)).toContain(photoId);
  expect(await count(api, 'audit_events', `action = 'participation.photo.upload'`)).toBeGreaterThanOrEqual(2);

  // Review phase: the author may no longer add one.
  ok(await gql(api.baseUrl, MOVE, { id: processId, phase: 'REVIEW' }, { token: v.admin.token }));
  expect((await post(v.citizen, id, JPEG)).status).toBe(403);
});
