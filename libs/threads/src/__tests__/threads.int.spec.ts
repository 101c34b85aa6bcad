import { Actor, RateLimitRule } from '@ashar/auth';
import { DomainError, ForbiddenError, NotFoundError } from '@ashar/kernel';
import { randomUUID } from 'crypto';
import { RunningApi, startApi } from '../../../../test/support/api-harness';
import { ThreadService } from '../services/thread.service';
import { ThreadPolicyRegistry } from '../services/thread-policy.registry';
import { ThreadPolicy, ThreadSubject } from '../thread-policy';
import { MODERATION_PER_ACCOUNT } from '../threads.rate-limits';

/**
 * The threads library on its own, through a throwaway context registered in a real API on real
 * PostgreSQL: what any context gets by supplying a policy.
 */
const CONTEXT = 'testctx';
const TYPE = 'item';
const COMMUNITY = randomUUID();
const OTHER_COMMUNITY = randomUUID();

const actor = (id: string | null, admin = false) => (id ? new Actor(id, admin, async () => []) : Actor.anonymous());

async function refused(p: Promise<unknown>): Promise<DomainError> {
  try {
    await p;
  } catch (e) {
    if (e instanceof DomainError) return e;
    throw e;
  }
  throw new Error('expected a refusal');
}

describe('threads (a throwaway context on a real API)', () => {
  let api: RunningApi;
  let threads: ThreadService;
  const moderator = randomUUID();
  // Fresh per test: the policy's write limit (3) counts per account.
  let author: string;
  let reader: string;
  const secret = randomUUID(); // a subject nobody but the moderator may read
  const subjects = new Map<string, string>(); // subject id -> community id
  const writeLimit: RateLimitRule = { name: `testctx:${randomUUID()}`, limit: 3, windowSeconds: 600 };
  const policy: ThreadPolicy = {
    context: CONTEXT,
    subjectType: TYPE,
    maxBodyLength: 20,
    writeLimit,
    subjectFor: async (_a, id) => {
      const communityId = subjects.get(id);
      if (!communityId) throw new NotFoundError('Item', id);
      return { context: CONTEXT, subjectType: TYPE, subjectId: id, communityId };
    },
    canRead: async (a, s) => s.subjectId !== secret || a.accountId === moderator,
    assertCanPost: async (_a, _s, draft) => {
      if (draft.anchor === 'closed') throw new DomainError('CONFLICT', 'errors.test.closed');
    },
    canModerate: async (a, s: ThreadSubject) => a.accountId === moderator && s.communityId === COMMUNITY,
  };
  const item = () => {
    const id = randomUUID();
    subjects.set(id, COMMUNITY);
    return id;
  };
  const count = async (sql: string, params: unknown[] = []) => Number((await api.dataSource.query(sql, params))[0].n);

  beforeAll(async () => {
    api = await startApi({ label: 'threads' });
    api.app.get(ThreadPolicyRegistry).register(policy);
    threads = api.app.get(ThreadService);
    subjects.set(secret, COMMUNITY);
  });
  afterAll(async () => {
    await api?.stop();
  });
  beforeEach(() => {
    author = randomUUID();
    reader = randomUUID();
  });

  it('keeps messages with one level of replies, grouped by subject, oldest first, with the audit entry', async () => {
    const [a, b, empty] = [item(), item(), item()];
    const first = await threads.post(actor(author), { context: CONTEXT, subjectType: TYPE, subjectId: a, body: '  first  ', anchor: 'line-1' });
    expect(first).toMatchObject({ body: 'first', anchor: 'line-1', hidden: false, hiddenReason: null, authorAccountId: author, subjectId: a });
    const reply = await threads.post(actor(reader), { context: CONTEXT, subjectType: TYPE, subjectId: a, body: 'a reply', parentId: first.id });
    await threads.post(actor(reader), { context: CONTEXT, subjectType: TYPE, subjectId: a, body: 'second' });
    await threads.post(actor(author), { context: CONTEXT, subjectType: TYPE, subjectId: b, body: 'on b' });

    const deeper = await refused(threads.post(actor(author), { context: CONTEXT, subjectType: TYPE, subjectId: a, body: 'deeper', parentId: reply.id }));
    expect(deeper).toMatchObject({ code: 'BAD_USER_INPUT', messageKey: 'errors.threads.replyToReply', details: { field: 'parentId' } });
    const elsewhere = await refused(threads.post(actor(author), { context: CONTEXT, subjectType: TYPE, subjectId: b, body: 'x', parentId: first.id, parentField: 'input.parentId' }));
    expect(elsewhere).toMatchObject({ code: 'BAD_USER_INPUT', messageKey: 'errors.threads.unknownMessage', details: { field: 'input.parentId' } });

    const [onA, onEmpty, onB] = await threads.messagesOf(actor(null), CONTEXT, TYPE, [a, empty, b]);
    expect(onA.map((m) => [m.body, m.replies.map((r) => r.body)])).toEqual([['first', ['a reply']], ['second', []]]);
    expect(onEmpty).toEqual([]);
    expect(onB.map((m) => m.body)).toEqual(['on b']);
    expect(await count(`SELECT count(*)::int AS n FROM threads WHERE context = $1 AND subject_id = ANY($2::uuid[])`, [CONTEXT, [a, b, empty]])).toBe(2);
    expect(await count(`SELECT count(*)::int AS n FROM audit_events WHERE action = 'thread.message.post' AND entity_id = $1 AND community_id = $2`, [first.id, COMMUNITY])).toBe(1);
  });

  it('refuses what the policy refuses, bodies out of bounds and signed-out writers, before counting', async () => {
    const s = item();
    const post = (body: string, extra: Record<string, unknown> = {}, who = actor(author)) => threads.post(who, { context: CONTEXT, subjectType: TYPE, subjectId: s, body, bodyField: 'input.body', ...extra });
    expect(await refused(post('x', {}, actor(null)))).toMatchObject({ code: 'UNAUTHENTICATED' });
    expect(await refused(post('x', { subjectId: randomUUID() }))).toMatchObject({ code: 'NOT_FOUND' });
    expect(await refused(post('x', { anchor: 'closed' }))).toMatchObject({ code: 'CONFLICT', messageKey: 'errors.test.closed' });
    expect(await refused(post('   '))).toMatchObject({ code: 'BAD_USER_INPUT', messageKey: 'errors.validation.required', details: { field: 'input.body' } });
    expect(await refused(post('x'.repeat(21)))).toMatchObject({ code: 'BAD_USER_INPUT', messageKey: 'errors.validation.tooLong', details: { field: 'input.body', params: { max: 20 } } });
    // None of the refusals counted: the policy's limit (3) still allows three, then refuses.
    for (let i = 0; i < writeLimit.limit; i++) await post(`ok ${i}`);
    expect(await refused(post('one more'))).toMatchObject({ code: 'TOO_MANY_REQUESTS' });
    expect(await count(`SELECT count(*)::int AS n FROM thread_messages m JOIN threads t ON t.id = m.thread_id WHERE t.subject_id = $1`, [s])).toBe(writeLimit.limit);
  });

  it('concurrent first messages on one subject share one thread', async () => {
    const s = item();
    await Promise.all([randomUUID(), randomUUID(), randomUUID()].map((who) => threads.post(actor(who), { context: CONTEXT, subjectType: TYPE, subjectId: s, body: 'race' })));
    expect(await count(`SELECT count(*)::int AS n FROM threads WHERE subject_id = $1`, [s])).toBe(1);
    expect(await count(`SELECT count(*)::int AS n FROM thread_messages m JOIN threads t ON t.id = m.thread_id WHERE t.subject_id = $1`, [s])).toBe(3);
  });

  it('hides with a reason: the public sees that a message was there, its author and the moderator see text and reason; unhide; both audited', async () => {
    const s = item();
    const m = await threads.post(actor(author), { context: CONTEXT, subjectType: TYPE, subjectId: s, body: 'rude words' });
    const hidden = await threads.hide(actor(moderator), m.id, '  insults  ');
    expect(hidden).toMatchObject({ id: m.id, hidden: true, body: 'rude words', hiddenReason: 'insults' });
    const as = async (who: Actor) => (await threads.messagesOf(who, CONTEXT, TYPE, [s]))[0][0];
    expect(await as(actor(null))).toMatchObject({ hidden: true, body: null, hiddenReason: null });
    expect(await as(actor(reader))).toMatchObject({ hidden: true, body: null, hiddenReason: null });
    expect(await as(actor(author))).toMatchObject({ hidden: true, body: 'rude words', hiddenReason: 'insults' });
    expect(await as(actor(moderator))).toMatchObject({ hidden: true, body: 'rude words', hiddenReason: 'insults' });
    expect(await refused(threads.hide(actor(moderator), m.id, 'again'))).toMatchObject({ code: 'CONFLICT', messageKey: 'errors.threads.alreadyHidden' });

    const shown = await threads.unhide(actor(moderator), m.id);
    expect(shown).toMatchObject({ hidden: false, body: 'rude words', hiddenReason: null, hiddenAt: null });
    expect(await as(actor(null))).toMatchObject({ hidden: false, body: 'rude words' });
    expect(await refused(threads.unhide(actor(moderator), m.id))).toMatchObject({ code: 'CONFLICT', messageKey: 'errors.threads.notHidden' });

    const audit = await api.dataSource.query(`SELECT action, actor_account_id, community_id, before, after FROM audit_events WHERE entity_type = 'ThreadMessage' AND entity_id = $1 AND action <> 'thread.message.post' ORDER BY seq`, [m.id]);
    expect(audit).toEqual([
      { action: 'thread.message.hide', actor_account_id: moderator, community_id: COMMUNITY, before: { hidden: false }, after: { hidden: true, reason: 'insults', context: CONTEXT, subjectType: TYPE, subjectId: s } },
      { action: 'thread.message.unhide', actor_account_id: moderator, community_id: COMMUNITY, before: { hidden: true, reason: 'insults', hiddenBy: moderator }, after: { hidden: false, context: CONTEXT, subjectType: TYPE, subjectId: s } },
    ]);
  });

  it('moderation: signed out UNAUTHENTICATED, non-moderators and other communities FORBIDDEN, unreadable NOT_FOUND, bad reasons BAD_USER_INPUT; nothing changes', async () => {
    const s = item();
    const m = await threads.post(actor(author), { context: CONTEXT, subjectType: TYPE, subjectId: s, body: 'text' });
    const foreign = randomUUID();
    subjects.set(foreign, OTHER_COMMUNITY);
    const fm = await threads.post(actor(author), { context: CONTEXT, subjectType: TYPE, subjectId: foreign, body: 'elsewhere' });
    const hiddenRows = () => count(`SELECT count(*)::int AS n FROM thread_messages WHERE id = ANY($1::uuid[]) AND hidden_at IS NOT NULL`, [[m.id, fm.id]]);

    expect(await refused(threads.hide(actor(null), m.id, 'r'))).toMatchObject({ code: 'UNAUTHENTICATED' });
    expect(await refused(threads.hide(actor(author), m.id, 'r'))).toBeInstanceOf(ForbiddenError);
    expect(await refused(threads.hide(actor(moderator), fm.id, 'r'))).toMatchObject({ code: 'FORBIDDEN' });
    expect(await refused(threads.hide(actor(moderator), randomUUID(), 'r'))).toMatchObject({ code: 'NOT_FOUND' });
    expect(await refused(threads.hide(actor(moderator), 'not-a-uuid', 'r'))).toMatchObject({ code: 'NOT_FOUND' });
    expect(await refused(threads.hide(actor(moderator), m.id, '   '))).toMatchObject({ code: 'BAD_USER_INPUT', details: { field: 'reason' } });
    expect(await refused(threads.hide(actor(moderator), m.id, 'x'.repeat(501)))).toMatchObject({ code: 'BAD_USER_INPUT', messageKey: 'errors.validation.tooLong', details: { field: 'reason', params: { max: 500 } } });
    expect(await refused(threads.unhide(actor(author), m.id))).toMatchObject({ code: 'FORBIDDEN' });
    expect(await hiddenRows()).toBe(0);

    // A subject the reader may not see is not there, even for an account that could moderate it otherwise.
    const secretMessage = await threads.post(actor(moderator), { context: CONTEXT, subjectType: TYPE, subjectId: secret, body: 'secret' });
    const readsSecret = { ...policy, canRead: async () => false };
    api.app.get(ThreadPolicyRegistry)['policies'].set(`${CONTEXT}/${TYPE}`, readsSecret);
    try {
      expect(await refused(threads.hide(actor(moderator), secretMessage.id, 'r'))).toMatchObject({ code: 'NOT_FOUND' });
    } finally {
      api.app.get(ThreadPolicyRegistry)['policies'].set(`${CONTEXT}/${TYPE}`, policy);
    }
  });

  it(`limits hide and unhide to ${MODERATION_PER_ACCOUNT.limit} per moderator in ${MODERATION_PER_ACCOUNT.windowSeconds / 60} minutes; refusals do not count`, async () => {
    const busy = randomUUID();
    const mod = actor(busy);
    const s = item();
    const m = await threads.post(actor(author), { context: CONTEXT, subjectType: TYPE, subjectId: s, body: 'flood' });
    const asModerator = { ...policy, canModerate: async (a: Actor) => a.accountId === busy };
    const registry = api.app.get(ThreadPolicyRegistry)['policies'] as Map<string, ThreadPolicy>;
    registry.set(`${CONTEXT}/${TYPE}`, asModerator);
    try {
      expect(await refused(threads.unhide(mod, m.id))).toMatchObject({ code: 'CONFLICT' }); // not counted
      for (let i = 0; i < MODERATION_PER_ACCOUNT.limit; i++) await (i % 2 ? threads.unhide(mod, m.id) : threads.hide(mod, m.id, `r${i}`));
      expect(await refused(threads.hide(mod, m.id, 'one more'))).toMatchObject({ code: 'TOO_MANY_REQUESTS' });
      expect((await api.dataSource.query('SELECT hidden_at FROM thread_messages WHERE id = $1', [m.id]))[0].hidden_at).toBeNull();
    } finally {
      registry.set(`${CONTEXT}/${TYPE}`, policy);
    }
  });

  it('a subject type nobody registered is a programming error, not a silent success', async () => {
    await expect(threads.post(actor(author), { context: CONTEXT, subjectType: 'unknown', subjectId: item(), body: 'x' })).rejects.toThrow('no policy registered for testctx/unknown');
    expect(() => api.app.get(ThreadPolicyRegistry).register({ ...policy })).toThrow('already registered');
  });
});
