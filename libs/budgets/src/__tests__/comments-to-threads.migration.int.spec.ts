import { MIGRATIONS } from '@ashar/database';
import { randomUUID } from 'crypto';
import { DataSource, MigrationInterface } from 'typeorm';
import { gql, ok } from '../../../../test/support/graphql-client';
import { RunningApi, startApi } from '../../../../test/support/api-harness';
import { platformAdmin, publishedBudget, village, Village } from './support';

/**
 * The move of budget comments and monitoring replies onto threads, on a database taken back to the
 * previous schema (the migration's own `down`), with rows written the old way (SQL into the old
 * tables), then migrated up again: nothing lost, ids kept, and the API reads them.
 */
describe('migration BudgetCommentsToThreads', () => {
  let api: RunningApi;
  let owner: DataSource;
  let v: Village;
  const migration = () => {
    const M = MIGRATIONS.find((m) => m.name === 'BudgetCommentsToThreads1796226318720') as (new () => MigrationInterface) | undefined;
    if (!M) throw new Error('migration not registered');
    return new M();
  };
  const run = async (step: 'up' | 'down') => {
    const qr = owner.createQueryRunner();
    await qr.startTransaction();
    try {
      await migration()[step](qr);
      await qr.commitTransaction();
    } catch (e) {
      await qr.rollbackTransaction();
      throw e;
    } finally {
      await qr.release();
    }
  };
  const tableExists = async (t: string) => (await owner.query('SELECT to_regclass($1) AS r', [t]))[0].r !== null;

  beforeAll(async () => {
    api = await startApi({ label: 'comments_mig' });
    owner = new DataSource({ type: 'postgres', url: api.db.url });
    await owner.initialize();
    v = await village(api, await platformAdmin(api), '41707220840000', 'Ак-Дөбө');
  });
  afterAll(async () => {
    await owner?.destroy();
    await api?.stop();
  });

  it('copies every comment and reply with its id, author, text, time and line, then drops the old tables; down brings them back', async () => {
    const b = await publishedBudget(api, v, 2025, [{ direction: 'REVENUE', economicCode: '11111', amount: '1000' }, { direction: 'EXPENDITURE', economicCode: '2111', amount: '1000' }]);
    const b2 = await publishedBudget(api, v, 2026, [{ direction: 'REVENUE', economicCode: '11111', amount: '1000' }]);
    const note = ok(await gql(api.baseUrl, `mutation($input: CreateMonitoringNoteInput!) { createMonitoringNote(input: $input) { id } }`, { input: { budgetId: b.budgetId, lineKey: b.keys['2111'], status: 'RESOLVED', title: 'Табылга', body: 'Текст' } }, { token: v.a.token })).createMonitoringNote;
    // Written through today's code (threads), before going back.
    const viaApi = ok(await gql(api.baseUrl, `mutation($input: AddBudgetCommentInput!) { addBudgetComment(input: $input) { id } }`, { input: { versionId: b.versionId, body: 'Азыркы пикир' } }, { token: v.citizen.token })).addBudgetComment;

    await run('down');
    expect(await tableExists('budget_comments')).toBe(true);
    expect(await tableExists('monitoring_note_replies')).toBe(true);
    expect(await owner.query('SELECT id, body FROM budget_comments')).toEqual([{ id: viaApi.id, body: 'Азыркы пикир' }]);
    expect(Number((await owner.query(`SELECT count(*) AS n FROM threads WHERE context = 'budgets'`))[0].n)).toBe(0);

    // Rows as the previous code wrote them.
    const old = {
      lineComment: { id: randomUUID(), version_id: b.versionId, line_key: b.keys['2111'], author_account_id: v.citizen.id, body: 'Көчө жарыгына көбүрөөк', created_at: new Date('2025-02-01T08:00:00.123Z') },
      otherVersion: { id: randomUUID(), version_id: b2.versionId, line_key: null, author_account_id: v.admin.id, body: "Quote ' and \\ and <b>", created_at: new Date('2025-02-02T09:30:00.000Z') },
      reply1: { id: randomUUID(), note_id: note.id, author_account_id: v.b.id, body: 'Келишим табылды', created_at: new Date('2025-03-01T10:00:00.000Z') },
      reply2: { id: randomUUID(), note_id: note.id, author_account_id: v.a.id, body: 'Рахмат', created_at: new Date('2025-03-02T10:00:00.000Z') },
    };
    for (const c of [old.lineComment, old.otherVersion]) {
      await owner.query('INSERT INTO budget_comments (id, version_id, line_key, author_account_id, body, created_at) VALUES ($1, $2, $3, $4, $5, $6)', [c.id, c.version_id, c.line_key, c.author_account_id, c.body, c.created_at]);
    }
    for (const r of [old.reply1, old.reply2]) {
      await owner.query('INSERT INTO monitoring_note_replies (id, note_id, author_account_id, body, created_at) VALUES ($1, $2, $3, $4, $5)', [r.id, r.note_id, r.author_account_id, r.body, r.created_at]);
    }

    await run('up');
    expect(await tableExists('budget_comments')).toBe(false);
    expect(await tableExists('monitoring_note_replies')).toBe(false);
    const copied = await owner.query(
      `SELECT m.id, t.subject_type, t.subject_id, t.community_id, m.anchor, m.author_account_id, m.body, m.created_at, m.parent_id, m.hidden_at
         FROM thread_messages m JOIN threads t ON t.id = m.thread_id WHERE t.context = 'budgets' ORDER BY m.created_at`,
    );
    const expected = [
      { id: old.lineComment.id, subject_type: 'budget-version', subject_id: b.versionId, anchor: b.keys['2111'], author_account_id: v.citizen.id, body: old.lineComment.body, created_at: old.lineComment.created_at },
      { id: old.otherVersion.id, subject_type: 'budget-version', subject_id: b2.versionId, anchor: null, author_account_id: v.admin.id, body: old.otherVersion.body, created_at: old.otherVersion.created_at },
      { id: old.reply1.id, subject_type: 'monitoring-note', subject_id: note.id, anchor: null, author_account_id: v.b.id, body: old.reply1.body, created_at: old.reply1.created_at },
      { id: old.reply2.id, subject_type: 'monitoring-note', subject_id: note.id, anchor: null, author_account_id: v.a.id, body: old.reply2.body, created_at: old.reply2.created_at },
    ].map((e) => ({ ...e, community_id: v.communityId, parent_id: null, hidden_at: null }));
    expect(copied.filter((r: { id: string }) => r.id !== viaApi.id)).toEqual(expected);
    expect(copied.map((r: { id: string }) => r.id)).toContain(viaApi.id);
    // One thread per subject.
    expect(Number((await owner.query(`SELECT count(*) AS n FROM threads WHERE context = 'budgets'`))[0].n)).toBe(3);

    // The running API reads them as before, and writes on.
    const comments = ok(await gql(api.baseUrl, `query($id: ID!) { budgetVersion(id: $id) { comments { id lineKey body hidden } } }`, { id: b.versionId })).budgetVersion.comments;
    expect(comments).toEqual([
      { id: old.lineComment.id, lineKey: b.keys['2111'], body: old.lineComment.body, hidden: false },
      { id: viaApi.id, lineKey: null, body: 'Азыркы пикир', hidden: false },
    ]);
    const notes = ok(await gql(api.baseUrl, `query($id: ID!) { budget(id: $id) { monitoringNotes { replies { id body author { displayName } } } } }`, { id: b.budgetId })).budget.monitoringNotes;
    expect(notes[0].replies).toEqual([
      { id: old.reply1.id, body: 'Келишим табылды', author: { displayName: 'Бакыт' } },
      { id: old.reply2.id, body: 'Рахмат', author: { displayName: 'Айгүл' } },
    ]);
    ok(await gql(api.baseUrl, `mutation($id: ID!) { replyToMonitoringNote(noteId: $id, body: "Дагы бир жооп") { id } }`, { id: note.id }, { token: v.b.token }));
  });

  it('the old tables are not dropped when a row could not be copied', async () => {
    await run('down');
    // A comment the copy cannot place (its version is gone: only possible without the foreign key).
    await owner.query(`ALTER TABLE budget_comments DROP CONSTRAINT fk_budget_comments_version`);
    await owner.query('INSERT INTO budget_comments (version_id, author_account_id, body) VALUES ($1, $2, $3)', [randomUUID(), v.citizen.id, 'orphan']);
    await expect(run('up')).rejects.toThrow('1 rows were not copied');
    expect(await tableExists('budget_comments')).toBe(true);
    // Back to the current schema for the other suites' sake (this database is dropped anyway).
    await owner.query(`DELETE FROM budget_comments WHERE body = 'orphan'`);
    await owner.query(`ALTER TABLE "budget_comments" ADD CONSTRAINT "fk_budget_comments_version" FOREIGN KEY ("version_id") REFERENCES "budget_versions"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await run('up');
    expect(await tableExists('budget_comments')).toBe(false);
  });
});
