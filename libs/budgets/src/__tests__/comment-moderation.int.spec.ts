import { firstError, gql, ok } from '../../../../test/support/graphql-client';
import { RunningApi, startApi } from '../../../../test/support/api-harness';
import { member, Person, platformAdmin, publishedBudget, village, Village } from './support';

/** Hearing comments and monitoring replies on threads: hiding and unhiding by a moderator, as each reader sees it. */
const COMMENT = `mutation($input: AddBudgetCommentInput!) { addBudgetComment(input: $input) { id body lineKey hidden hiddenReason } }`;
const HIDE = `mutation($id: ID!, $reason: String!) { hideComment(messageId: $id, reason: $reason) { id body hidden hiddenReason hiddenAt } }`;
const UNHIDE = `mutation($id: ID!) { unhideComment(messageId: $id) { id body hidden hiddenReason hiddenAt } }`;
const COMMENTS = `query($id: ID!) { budgetVersion(id: $id) { comments { id body lineKey hidden hiddenReason } } }`;
const NOTES = `query($id: ID!) { budget(id: $id) { monitoringNotes { id replies { id body hidden hiddenReason author { displayName } } } } }`;

describe('moderation of budget comments and monitoring replies (threads)', () => {
  let api: RunningApi;
  let v: Village;
  let other: Village;
  let moderator: Person;
  let otherModerator: Person;
  let neighbour: Person;
  let budget: Awaited<ReturnType<typeof publishedBudget>>;
  const as = (p: Person | null) => (p ? { token: p.token } : {});

  beforeAll(async () => {
    api = await startApi({ label: 'moderation' });
    const platform = await platformAdmin(api);
    v = await village(api, platform, '41707220840000', 'Ак-Дөбө');
    other = await village(api, platform, '41707220843000', 'Орок');
    moderator = await member(api, platform, v.communityId, 'MODERATOR', 'Модератор');
    otherModerator = await member(api, platform, other.communityId, 'MODERATOR', 'Башка модератор');
    neighbour = await member(api, platform, v.communityId, 'CITIZEN', 'Кошуна');
    budget = await publishedBudget(api, v, 2025, [{ direction: 'REVENUE', economicCode: '11111', amount: '1000' }]);
  });
  afterAll(async () => {
    await api?.stop();
  });

  it('a hidden comment: the public and other residents see that it was there, its author and the moderator see text and reason; unhide restores it', async () => {
    const c = ok(await gql(api.baseUrl, COMMENT, { input: { versionId: budget.versionId, lineKey: budget.keys['11111'], body: 'Орой сөздөр' } }, as(v.citizen))).addBudgetComment;
    expect(c).toMatchObject({ body: 'Орой сөздөр', lineKey: budget.keys['11111'], hidden: false, hiddenReason: null });
    const kept = ok(await gql(api.baseUrl, COMMENT, { input: { versionId: budget.versionId, body: 'Жакшы сунуш' } }, as(neighbour))).addBudgetComment;

    const hidden = ok(await gql(api.baseUrl, HIDE, { id: c.id, reason: 'Кемсинтүү' }, as(moderator))).hideComment;
    expect(hidden).toMatchObject({ id: c.id, body: 'Орой сөздөр', hidden: true, hiddenReason: 'Кемсинтүү' });
    expect(hidden.hiddenAt).toBeTruthy();

    const seenBy = async (p: Person | null) => ok(await gql(api.baseUrl, COMMENTS, { id: budget.versionId }, as(p))).budgetVersion.comments;
    const publicView = [
      { id: c.id, body: null, lineKey: budget.keys['11111'], hidden: true, hiddenReason: null },
      { id: kept.id, body: 'Жакшы сунуш', lineKey: null, hidden: false, hiddenReason: null },
    ];
    expect(await seenBy(null)).toEqual(publicView);
    expect(await seenBy(neighbour)).toEqual(publicView);
    expect(await seenBy(v.a)).toEqual(publicView); // the budget group does not moderate
    const authorView = [{ ...publicView[0], body: 'Орой сөздөр', hiddenReason: 'Кемсинтүү' }, publicView[1]];
    expect(await seenBy(v.citizen)).toEqual(authorView);
    expect(await seenBy(moderator)).toEqual(authorView);
    expect(await seenBy(v.admin)).toEqual(authorView);
    expect(firstError(await gql(api.baseUrl, HIDE, { id: c.id, reason: 'дагы' }, as(moderator))).extensions).toMatchObject({ code: 'CONFLICT', messageKey: 'errors.threads.alreadyHidden' });

    const shown = ok(await gql(api.baseUrl, UNHIDE, { id: c.id }, as(v.admin))).unhideComment;
    expect(shown).toMatchObject({ hidden: false, hiddenReason: null, hiddenAt: null, body: 'Орой сөздөр' });
    expect((await seenBy(null))[0]).toEqual({ ...publicView[0], body: 'Орой сөздөр', hidden: false });
    expect(firstError(await gql(api.baseUrl, UNHIDE, { id: c.id }, as(v.admin))).extensions).toMatchObject({ code: 'CONFLICT', messageKey: 'errors.threads.notHidden' });

    const audit = await api.dataSource.query(`SELECT action, community_id, after FROM audit_events WHERE entity_id = $1 ORDER BY seq`, [c.id]);
    expect(audit.map((r: { action: string }) => r.action)).toEqual(['budget.comment', 'thread.message.hide', 'thread.message.unhide']);
    expect(audit.every((r: { community_id: string }) => r.community_id === v.communityId)).toBe(true);
    expect(audit[1].after).toMatchObject({ reason: 'Кемсинтүү', subjectType: 'budget-version', subjectId: budget.versionId });
  });

  it('only moderators of the comment’s own community may hide or unhide; bad input is BAD_USER_INPUT with its field; nothing changes on refusal', async () => {
    const c = ok(await gql(api.baseUrl, COMMENT, { input: { versionId: budget.versionId, body: 'Дагы бир пикир' } }, as(v.citizen))).addBudgetComment;
    const seq = async () => (await api.dataSource.query('SELECT max(seq)::text AS s FROM audit_events'))[0].s;
    const before = await seq();
    expect(firstError(await gql(api.baseUrl, HIDE, { id: c.id, reason: 'r' })).extensions.code).toBe('UNAUTHENTICATED');
    for (const p of [v.citizen, neighbour, v.a, v.b, otherModerator, other.admin]) {
      expect(firstError(await gql(api.baseUrl, HIDE, { id: c.id, reason: 'r' }, as(p))).extensions).toMatchObject({ code: 'FORBIDDEN', messageKey: 'errors.FORBIDDEN' });
    }
    expect(firstError(await gql(api.baseUrl, HIDE, { id: 'nope', reason: 'r' }, as(moderator))).extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'messageId' });
    expect(firstError(await gql(api.baseUrl, HIDE, { id: '00000000-0000-4000-8000-000000000000', reason: 'r' }, as(moderator))).extensions.code).toBe('NOT_FOUND');
    expect(firstError(await gql(api.baseUrl, HIDE, { id: c.id, reason: '  ' }, as(moderator))).extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'reason', messageKey: 'errors.validation.required' });
    expect(firstError(await gql(api.baseUrl, HIDE, { id: c.id, reason: 'ж'.repeat(501) }, as(moderator))).extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'reason', messageKey: 'errors.validation.tooLong' });
    expect(firstError(await gql(api.baseUrl, UNHIDE, { id: c.id }, as(otherModerator))).extensions.code).toBe('FORBIDDEN');
    expect(await seq()).toBe(before);
    expect((await api.dataSource.query('SELECT hidden_at FROM thread_messages WHERE id = $1', [c.id]))[0].hidden_at).toBeNull();
    // Translated for the client: the messages exist in every language.
    const ru = await gql(api.baseUrl, HIDE, { id: c.id, reason: 'r' }, { token: neighbour.token, headers: { 'x-lang': 'ru' } });
    expect(ru.errors?.[0]?.message).toBeTruthy();
  });

  it('monitoring replies: a moderator who can read the note hides a reply; the public sees the resolved note without the text, the author with it', async () => {
    const note = ok(await gql(api.baseUrl, `mutation($input: CreateMonitoringNoteInput!) { createMonitoringNote(input: $input) { id } }`, { input: { budgetId: budget.budgetId, lineKey: budget.keys['11111'], status: 'QUESTION', title: 'Суроо', body: 'Эмне үчүн?' } }, as(v.a))).createMonitoringNote;
    const reply = ok(await gql(api.baseUrl, `mutation($id: ID!) { replyToMonitoringNote(noteId: $id, body: "Жеке маалымат: 0555 123 456") { id body hidden hiddenReason } }`, { id: note.id }, as(v.b))).replyToMonitoringNote;
    expect(reply).toMatchObject({ body: 'Жеке маалымат: 0555 123 456', hidden: false, hiddenReason: null });
    // An open note is internal: the MODERATOR role does not read it, so for them it is not there.
    expect(firstError(await gql(api.baseUrl, HIDE, { id: reply.id, reason: 'Жеке маалымат' }, as(moderator))).extensions.code).toBe('NOT_FOUND');
    expect(firstError(await gql(api.baseUrl, HIDE, { id: reply.id, reason: 'Жеке маалымат' }, as(v.a))).extensions.code).toBe('FORBIDDEN');
    ok(await gql(api.baseUrl, HIDE, { id: reply.id, reason: 'Жеке маалымат' }, as(v.admin)));
    ok(await gql(api.baseUrl, `mutation($id: ID!) { setMonitoringNoteStatus(noteId: $id, status: RESOLVED) { status } }`, { id: note.id }, as(v.a)));

    const replies = async (p: Person | null) => ok(await gql(api.baseUrl, NOTES, { id: budget.budgetId }, as(p))).budget.monitoringNotes.find((n: { id: string }) => n.id === note.id).replies;
    const hiddenView = { id: reply.id, body: null, hidden: true, hiddenReason: null, author: { displayName: 'Бакыт' } };
    expect(await replies(null)).toEqual([hiddenView]);
    expect(await replies(v.a)).toEqual([hiddenView]);
    expect(await replies(v.b)).toEqual([{ ...hiddenView, body: 'Жеке маалымат: 0555 123 456', hiddenReason: 'Жеке маалымат' }]);
    expect(await replies(moderator)).toEqual([{ ...hiddenView, body: 'Жеке маалымат: 0555 123 456', hiddenReason: 'Жеке маалымат' }]);
    // Resolved, the note is public, so the moderator may now act on it.
    ok(await gql(api.baseUrl, UNHIDE, { id: reply.id }, as(moderator)));
    expect((await replies(null))[0]).toMatchObject({ hidden: false, body: 'Жеке маалымат: 0555 123 456' });
  });

  it('comments of many versions load in one statement (DataLoader), hidden or not', async () => {
    const q = `query($id: ID!) { budget(id: $id) { versions { id comments { id body hidden } } monitoringNotes { replies { id body } } } }`;
    api.sql.length = 0;
    ok(await gql(api.baseUrl, q, { id: budget.budgetId }, as(moderator)));
    expect(api.sql.filter((s) => s.includes('FROM thread_messages')).length).toBe(2); // one for comments, one for replies
  });
});
