import { firstError, gql, ok } from '../../../../test/support/graphql-client';
import { RunningApi, startApi } from '../../../../test/support/api-harness';
import { APPROVE, count, CREATE_BUDGET, platformAdmin, PUBLISH, publishedBudget, RECORD, SAVE_LINES, SUBMIT, village, Village } from './support';

describe('execution, flags, monitoring notes and the public budget query (real PostgreSQL)', () => {
  let api: RunningApi;
  let v: Village;
  let b: Awaited<ReturnType<typeof publishedBudget>>;

  beforeAll(async () => {
    api = await startApi({ label: 'budgetexec' });
    const platform = await platformAdmin(api);
    v = await village(api, platform, '41707220840000', 'Ак-Дөбө');
    b = await publishedBudget(api, v, 2025, [
      { direction: 'REVENUE', economicCode: '11111', amount: '1000000' },
      { direction: 'EXPENDITURE', economicCode: '2111', functionalCode: '7011', amount: '600000' },
      { direction: 'EXPENDITURE', economicCode: '2231', functionalCode: '7064', amount: '100000' },
      { direction: 'EXPENDITURE', economicCode: '2811', functionalCode: '7013', amount: '50000' },
    ]);
    for (const [key, date, amount, doc] of [
      [b.keys['11111'], '2025-01-20', '400000', 'ТТ-1'],
      [b.keys['11111'], '2025-03-05', '150000.25', 'ТТ-2'],
      [b.keys['2111'], '2025-01-31', '300000', 'ЭА-1'],
      [b.keys['2111'], '2025-02-28', '200000', 'ЭА-2'],
      [b.keys['2231'], '2025-02-10', '90000', 'К-17'],
      [b.keys['2231'], '2025-05-10', '30000', null],
    ] as const) {
      ok(await gql(api.baseUrl, RECORD, { input: { budgetId: b.budgetId, lineKey: key, occurredOn: date, amount, documentNumber: doc, attachments: [] } }, { token: v.a.token }));
    }
  });
  afterAll(() => api?.stop());

  it('records spending and receipts: kind follows the line, dates must fall in the fiscal year, only the group records', async () => {
    expect(await count(api, 'budget_transactions')).toBe(6);
    const kinds = await api.dataSource.query(`SELECT kind, count(*)::int AS n FROM budget_transactions GROUP BY kind ORDER BY kind`);
    expect(kinds).toEqual([{ kind: 'RECEIPT', n: 2 }, { kind: 'SPENDING', n: 4 }]);
    const input = { budgetId: b.budgetId, lineKey: b.keys['2111'], occurredOn: '2024-12-31', amount: '10', attachments: [] };
    expect(firstError(await gql(api.baseUrl, RECORD, { input }, { token: v.a.token })).extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.occurredOn', messageKey: 'errors.budgets.dateOutsideFiscalYear' });
    expect(firstError(await gql(api.baseUrl, RECORD, { input: { ...input, occurredOn: '2025-04-01', amount: 'он сом' } }, { token: v.a.token })).extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.amount' });
    expect(firstError(await gql(api.baseUrl, RECORD, { input: { ...input, occurredOn: '2025-04-01' } }, { token: v.citizen.token })).extensions.code).toBe('FORBIDDEN');
    expect(firstError(await gql(api.baseUrl, RECORD, { input: { ...input, occurredOn: '2025-04-01' } }, { token: v.admin.token })).extensions.code).toBe('FORBIDDEN');
    expect(await count(api, 'budget_transactions')).toBe(6);
  });

  it('plan versus actual per line and per month, with percentages and totals', async () => {
    const q = `query($id: ID!) { budgetVersion(id: $id) { totals { revenue revenueActual expenditure expenditureActual expenditurePercent revenuePercent }
      lines { economicCode amount actual percent monthly } } }`;
    const r = ok(await gql(api.baseUrl, q, { id: b.versionId })).budgetVersion;
    const line = (c: string) => r.lines.find((l: { economicCode: string }) => l.economicCode === c);
    expect(line('11111')).toMatchObject({ amount: '100000000', actual: '55000025', percent: 55 });
    expect(line('11111').monthly.slice(0, 4)).toEqual(['40000000', '0', '15000025', '0']);
    expect(line('2111')).toMatchObject({ actual: '50000000', percent: 83.33 });
    expect(line('2111').monthly.slice(0, 3)).toEqual(['30000000', '20000000', '0']);
    expect(line('2231')).toMatchObject({ actual: '12000000', percent: 120 });
    expect(line('2811')).toMatchObject({ actual: '0', percent: 0 });
    expect(r.totals).toEqual({ revenue: '100000000', revenueActual: '55000025', expenditure: '75000000', expenditureActual: '62000000', expenditurePercent: 82.66, revenuePercent: 55 });
  });

  it('flags what the budget group must look at: overspent, no document, no movement by mid-year (members only)', async () => {
    const q = `query($id: ID!, $asOf: String) { budget(id: $id) { flags(asOf: $asOf) { kind lineKey transactionId amount } } }`;
    const early = ok(await gql(api.baseUrl, q, { id: b.budgetId, asOf: '2025-06-30' }, { token: v.b.token })).budget.flags;
    expect(early.map((f: { kind: string }) => f.kind).sort()).toEqual(['NO_DOCUMENT', 'OVERSPENT']);
    expect(early.find((f: { kind: string }) => f.kind === 'OVERSPENT')).toMatchObject({ lineKey: b.keys['2231'], amount: '2000000' });
    expect(early.find((f: { kind: string }) => f.kind === 'NO_DOCUMENT')).toMatchObject({ lineKey: b.keys['2231'], amount: '3000000' });
    const late = ok(await gql(api.baseUrl, q, { id: b.budgetId, asOf: '2025-07-01' }, { token: v.b.token })).budget.flags;
    expect(late.filter((f: { kind: string }) => f.kind === 'NO_MOVEMENT_BY_MID_YEAR').map((f: { lineKey: string }) => f.lineKey)).toEqual([b.keys['2811']]);
    expect(firstError(await gql(api.baseUrl, q, { id: b.budgetId, asOf: '2025-07-01' }, { token: v.citizen.token })).extensions.code).toBe('FORBIDDEN');
    expect(firstError(await gql(api.baseUrl, q, { id: b.budgetId, asOf: '2025-07-01' })).extensions.code).toBe('UNAUTHENTICATED');
  });

  it('monitoring notes: members discuss findings; the public sees only resolved ones', async () => {
    const create = `mutation($input: CreateMonitoringNoteInput!) { createMonitoringNote(input: $input) { id status lineKey } }`;
    const input = { budgetId: b.budgetId, lineKey: b.keys['2231'], status: 'CONCERN', title: 'Көчө жарыгы ашыкча', body: 'План 100 000, чыгаша 120 000' };
    expect(firstError(await gql(api.baseUrl, create, { input }, { token: v.citizen.token })).extensions.code).toBe('FORBIDDEN');
    const note = ok(await gql(api.baseUrl, create, { input }, { token: v.a.token })).createMonitoringNote;
    const other = ok(await gql(api.baseUrl, create, { input: { ...input, status: 'QUESTION', title: 'Суроо' } }, { token: v.b.token })).createMonitoringNote;
    ok(await gql(api.baseUrl, `mutation($id: ID!) { replyToMonitoringNote(noteId: $id, body: "Кошумча келишим бар экен") { id } }`, { id: note.id }, { token: v.b.token }));
    ok(await gql(api.baseUrl, `mutation($id: ID!) { setMonitoringNoteStatus(noteId: $id, status: RESOLVED) { status } }`, { id: note.id }, { token: v.a.token }));
    const q = `query($id: ID!) { budget(id: $id) { monitoringNotes { id status author { displayName } replies { body author { displayName } } } } }`;
    const pub = ok(await gql(api.baseUrl, q, { id: b.budgetId })).budget.monitoringNotes;
    expect(pub).toEqual([{ id: note.id, status: 'RESOLVED', author: { displayName: 'Айгүл' }, replies: [{ body: 'Кошумча келишим бар экен', author: { displayName: 'Бакыт' } }] }]);
    // The community admin reads findings (open ones too) but does not write them.
    const canView = `query($id: ID!) { budget(id: $id) { viewerCanViewInternal viewerCanEdit } }`;
    expect(ok(await gql(api.baseUrl, canView, { id: b.budgetId }, { token: v.admin.token })).budget).toEqual({ viewerCanViewInternal: true, viewerCanEdit: false });
    expect(ok(await gql(api.baseUrl, canView, { id: b.budgetId }, { token: v.citizen.token })).budget).toEqual({ viewerCanViewInternal: false, viewerCanEdit: false });
    expect(ok(await gql(api.baseUrl, canView, { id: b.budgetId })).budget).toEqual({ viewerCanViewInternal: false, viewerCanEdit: false });
    expect(ok(await gql(api.baseUrl, q, { id: b.budgetId }, { token: v.admin.token })).budget.monitoringNotes).toHaveLength(2);
    expect(firstError(await gql(api.baseUrl, create, { input }, { token: v.admin.token })).extensions.code).toBe('FORBIDDEN');
    const mem = ok(await gql(api.baseUrl, q, { id: b.budgetId }, { token: v.a.token })).budget.monitoringNotes;
    expect(mem.map((n: { id: string }) => n.id)).toEqual([note.id, other.id]);
    const badLine = firstError(await gql(api.baseUrl, create, { input: { ...input, lineKey: '00000000-0000-4000-8000-000000000000' } }, { token: v.a.token }));
    expect(badLine.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.lineKey' });
  });

  it('the public budget page query runs a bounded number of SQL statements, whatever the number of lines', async () => {
    const q = `query($c: ID!, $y: Int!) { budgetFor(communityId: $c, fiscalYear: $y) { id fiscalYear currency population title { ky ru }
      publicVersion { id number status totals { revenue expenditure revenueActual expenditureActual expenditurePerResident }
        lines { lineKey direction economicCode names { ky ru } amount actual percent monthly perResident } exportLinks { csv } }
      versions { id number status } neighbours { unitCode revenue expenditure isSelf } monitoringNotes { title replies { body } } } }`;
    const run = async () => {
      const start = api.sql.length;
      const r = ok(await gql(api.baseUrl, q, { c: v.communityId, y: 2025 }));
      return { r, statements: api.sql.length - start };
    };
    // Published versions' lines are kept in memory (FrozenLinesCache): compare warm reads with warm reads,
    // and bound the first (cold) read of each as well.
    const smallCold = await run();
    const small = await run();
    expect(small.r.budgetFor.publicVersion.lines).toHaveLength(4);
    // Grow the budget: an amendment with 300 more lines (and records on them), approved.
    const amend = ok(await gql(api.baseUrl, `mutation($input: AmendBudgetInput!) { amendBudget(input: $input) { id revision } }`, { input: { versionId: b.versionId, reason: 'Кеңейтилген бюджет' } }, { token: v.a.token })).amendBudget;
    const lines = Array.from({ length: 300 }, (_, i) => ({ direction: 'EXPENDITURE', economicCode: '2215', functionalCode: '7011', amount: String(1000 + i), names: { ky: `Сатып алуу ${i}` } }));
    const saved = ok(await gql(api.baseUrl, `mutation($input: SaveBudgetLinesInput!) { saveBudgetLines(input: $input) { revision } }`, { input: { versionId: amend.id, expectedRevision: amend.revision, lines } }, { token: v.a.token })).saveBudgetLines;
    const sub = ok(await gql(api.baseUrl, `mutation($input: VersionStepInput!) { submitBudgetVersion(input: $input) { revision } }`, { input: { versionId: amend.id, expectedRevision: saved.revision } }, { token: v.a.token })).submitBudgetVersion;
    ok(await gql(api.baseUrl, `mutation($input: PublishVersionInput!) { publishBudgetVersion(input: $input) { revision } }`, { input: { versionId: amend.id, expectedRevision: sub.revision, commentsUntil: '2099-01-01' } }, { token: v.b.token }));
    const bigCold = await run();
    const big = await run();
    expect(big.r.budgetFor.publicVersion.lines).toHaveLength(304);
    expect(big.statements).toBe(small.statements);
    expect(Math.max(smallCold.statements, bigCold.statements, big.statements)).toBeLessThanOrEqual(12);
  });

  it('keeps scanned receipts for the budget group: upload clears the no-document flag, checks type and size', async () => {
    const flagsQ = `query($id: ID!, $asOf: String) { budget(id: $id) { flags(asOf: $asOf) { kind transactionId } } }`;
    const flags = ok(await gql(api.baseUrl, flagsQ, { id: b.budgetId, asOf: '2025-06-30' }, { token: v.b.token })).budget.flags;
    const tx = flags.find((f: { kind: string }) => f.kind === 'NO_DOCUMENT').transactionId as string;
    const png = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.from('IHDR receipt scan')]);
    const post = (body: Buffer, token?: string, name = 'чек.png') =>
      fetch(`${api.baseUrl}/api/budget-transactions/${tx}/documents?fileName=${encodeURIComponent(name)}`, {
        method: 'POST',
        headers: { 'content-type': 'application/octet-stream', ...(token ? { authorization: `Bearer ${token}` } : {}) },
        body: body as never,
      });

    // Refused: not an image or PDF whatever it claims, too large, not signed in, not of the budget group.
    const text = await post(Buffer.from('<html>not a receipt</html>'), v.a.token, 'receipt.pdf');
    expect(text.status).toBe(400);
    expect(await text.json()).toMatchObject({ code: 'BAD_USER_INPUT', field: 'file', messageKey: 'errors.budgets.document.type' });
    const big = await post(Buffer.concat([png, Buffer.alloc(5 * 1024 * 1024)]), v.a.token);
    expect(big.status).toBe(400);
    expect((await post(png)).status).toBe(401);
    expect((await post(png, v.citizen.token)).status).toBe(403);
    expect(await count(api, 'budget_documents')).toBe(0);

    const up = await post(png, v.a.token);
    expect(up.status).toBe(201);
    const { id, url } = (await up.json()) as { id: string; url: string };
    expect(url).toBe(`/api/budget-documents/${id}`);
    const after = ok(await gql(api.baseUrl, flagsQ, { id: b.budgetId, asOf: '2025-06-30' }, { token: v.b.token })).budget.flags;
    expect(after.some((f: { kind: string; transactionId: string }) => f.kind === 'NO_DOCUMENT' && f.transactionId === tx)).toBe(false);

    const get = (token?: string) => fetch(`${api.baseUrl}${url}`, { headers: token ? { authorization: `Bearer ${token}` } : {} });
    const mine = await get(v.b.token);
    expect(mine.status).toBe(200);
    expect(mine.headers.get('content-type')).toBe('image/png');
    expect(Buffer.from(await mine.arrayBuffer()).equals(png)).toBe(true);
    expect((await get()).status).toBe(401);
    expect((await get(v.citizen.token)).status).toBe(404); // not allowed = not there (no existence leak)
    const audit = await api.dataSource.query(`SELECT after->>'sha256' AS sha FROM audit_events WHERE action = 'budget.uploadDocument'`);
    expect(audit).toHaveLength(1);
  });

  describe('loose input never reaches PostgreSQL: 4xx with a stable code, never 500', () => {
    const DASHES = '-'.repeat(36);
    const code = (r: { errors?: { extensions: { code: string } }[] }) => r.errors?.[0]?.extensions.code;

    it('a 36-dash id: BAD_USER_INPUT naming the GraphQL argument, NOT_FOUND in a URL', async () => {
      const cases: Array<[string, Record<string, unknown>, string]> = [
        [`query($id: ID!) { budget(id: $id) { id } }`, { id: DASHES }, 'id'],
        [`query($id: ID!) { budgetVersion(id: $id) { id } }`, { id: DASHES }, 'id'],
        [`query($id: ID!) { budgetFor(communityId: $id, fiscalYear: 2025) { id } }`, { id: DASHES }, 'communityId'],
        [`query($id: ID!) { budgetsOfCommunity(communityId: $id) { id } }`, { id: DASHES }, 'communityId'],
        [`query($a: ID!, $b: ID!) { compareBudgetVersions(fromId: $a, toId: $b) { changes { lineKey } } }`, { a: b.versionId, b: DASHES }, 'toId'],
        [`query($id: ID!) { budgetExport(id: $id) { id } }`, { id: DASHES }, 'id'],
        [`query($id: ID!) { budgetImport(id: $id) { id } }`, { id: DASHES }, 'id'],
        [`mutation($id: ID!) { attachBudgetDocument(transactionId: $id, attachment: { name: "a", url: "https://x.kg/a.pdf" }) { id } }`, { id: DASHES }, 'transactionId'],
        [`mutation($id: ID!) { replyToMonitoringNote(noteId: $id, body: "x") { id } }`, { id: DASHES }, 'noteId'],
        [`mutation($id: ID!) { setBudgetPopulation(budgetId: $id, population: 10) { id } }`, { id: DASHES }, 'budgetId'],
        [RECORD, { input: { budgetId: b.budgetId, lineKey: DASHES, occurredOn: '2025-04-01', amount: '10', attachments: [] } }, 'input.lineKey'],
        [`mutation($input: CreateInvitationInput!) { createInvitation(input: $input) { token } }`, { input: { communityId: DASHES, role: 'CITIZEN' } }, 'input.communityId'],
      ];
      for (const [q, vars, field] of cases) {
        const r = await gql(api.baseUrl, q, vars, { token: v.a.token });
        expect({ q, status: r.status, ext: r.errors?.[0]?.extensions }).toMatchObject({ q, ext: { code: 'BAD_USER_INPUT', field } });
        expect(r.status).toBeLessThan(500);
      }
      // Lookups by id behind other resolvers (territory) and the on-behalf header answer without a 500 too.
      expect(code(await gql(api.baseUrl, `query($id: ID!) { community(id: $id) { id } }`, { id: DASHES }))).toBe('NOT_FOUND');
      const behalf = await gql(api.baseUrl, `query { me { id } }`, {}, { token: v.a.token, headers: { 'x-on-behalf-of': DASHES, 'x-on-behalf-reason': 'paper form' } });
      expect(behalf.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'x-on-behalf-of' });

      const auth = { authorization: `Bearer ${v.a.token}` };
      for (const [method, path] of [
        ['GET', `/api/budget-documents/${DASHES}`],
        ['POST', `/api/budget-transactions/${DASHES}/documents?fileName=a.pdf`],
        ['GET', `/api/budgets/exports/${DASHES}/download`],
        ['GET', `/api/public/budgets/${DASHES}/versions/1/budget.csv`],
      ] as const) {
        const res = await fetch(`${api.baseUrl}${path}`, { method, headers: { ...auth, 'content-type': 'application/octet-stream' }, ...(method === 'POST' ? { body: Buffer.from('%PDF-1.4 x') as never } : {}) });
        expect({ path, status: res.status }).toEqual({ path, status: 404 });
      }
    });

    it('impossible calendar dates that fit YYYY-MM-DD: BAD_USER_INPUT errors.validation.date with the field', async () => {
      const input = { budgetId: b.budgetId, lineKey: b.keys['2111'], amount: '10', attachments: [] };
      for (const occurredOn of ['2025-02-29', '2025-13-01', '2025-04-31', '2025-00-10']) {
        const r = await gql(api.baseUrl, RECORD, { input: { ...input, occurredOn } }, { token: v.a.token });
        expect({ occurredOn, ext: r.errors?.[0]?.extensions }).toMatchObject({ occurredOn, ext: { code: 'BAD_USER_INPUT', field: 'input.occurredOn', messageKey: 'errors.validation.date' } });
      }
      const flags = await gql(api.baseUrl, `query($id: ID!, $asOf: String) { budget(id: $id) { flags(asOf: $asOf) { kind } } }`, { id: b.budgetId, asOf: '2099-02-30' }, { token: v.a.token });
      expect(flags.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'asOf', messageKey: 'errors.validation.date' });
      expect(await count(api, 'budget_transactions')).toBe(6);

      // Publishing and approving a version carry dates too.
      const created = ok(await gql(api.baseUrl, CREATE_BUDGET, { input: { communityId: v.communityId, fiscalYear: 2031, currency: 'KGS', title: { ky: '2031', ru: '2031' } } }, { token: v.a.token })).createBudget;
      const saved = ok(await gql(api.baseUrl, SAVE_LINES, { input: { versionId: created.openVersion.id, expectedRevision: created.openVersion.revision, lines: [{ direction: 'REVENUE', economicCode: '11111', amount: '5' }] } }, { token: v.a.token })).saveBudgetLines;
      const sub = ok(await gql(api.baseUrl, SUBMIT, { input: { versionId: saved.id, expectedRevision: saved.revision } }, { token: v.a.token })).submitBudgetVersion;
      const pub = await gql(api.baseUrl, PUBLISH, { input: { versionId: sub.id, expectedRevision: sub.revision, commentsUntil: '2099-02-30' } }, { token: v.b.token });
      expect(pub.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.commentsUntil', messageKey: 'errors.validation.date' });
      const published = ok(await gql(api.baseUrl, PUBLISH, { input: { versionId: sub.id, expectedRevision: sub.revision, commentsUntil: '2096-02-29' } }, { token: v.b.token })).publishBudgetVersion;
      expect(published.commentsUntil).toBe('2096-02-29');
      const appr = await gql(api.baseUrl, APPROVE, { input: { versionId: sub.id, expectedRevision: published.revision, decisionDate: '2026-02-29', decisionNumber: '7' } }, { token: v.admin.token });
      expect(appr.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.decisionDate', messageKey: 'errors.validation.date' });
      expect(ok(await gql(api.baseUrl, APPROVE, { input: { versionId: sub.id, expectedRevision: published.revision, decisionDate: '2028-02-29', decisionNumber: '7' } }, { token: v.admin.token })).approveBudgetVersion.status).toBe('APPROVED');
    });

    it('negative, zero and huge amounts, and Int overflow: BAD_USER_INPUT, nothing written', async () => {
      const input = { budgetId: b.budgetId, lineKey: b.keys['2111'], occurredOn: '2025-04-01', attachments: [] };
      for (const [amount, messageKey] of [
        ['-5', 'errors.budgets.amount'],
        ['0', 'errors.budgets.amount'],
        ['10000000000000', 'errors.budgets.amountTooLarge'], // 10^13 som = MAX_MONEY_MINOR tyiyn
        ['999999999999999999999', 'errors.budgets.amountTooLarge'],
      ]) {
        const r = await gql(api.baseUrl, RECORD, { input: { ...input, amount } }, { token: v.a.token });
        expect({ amount, ext: r.errors?.[0]?.extensions }).toMatchObject({ amount, ext: { code: 'BAD_USER_INPUT', field: 'input.amount', messageKey } });
      }
      expect(await count(api, 'budget_transactions')).toBe(6);

      const created = ok(await gql(api.baseUrl, CREATE_BUDGET, { input: { communityId: v.communityId, fiscalYear: 2032, currency: 'KGS', title: { ky: '2032', ru: '2032' } } }, { token: v.a.token })).createBudget;
      const save = (amount: string) => gql(api.baseUrl, SAVE_LINES, { input: { versionId: created.openVersion.id, expectedRevision: created.openVersion.revision, lines: [{ direction: 'REVENUE', economicCode: '11111', amount: '1' }, { direction: 'REVENUE', economicCode: '11111', amount }] } }, { token: v.a.token });
      expect((await save('-1')).errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.lines.1.amount', messageKey: 'errors.budgets.amountNegative' });
      expect((await save('10000000000000')).errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.lines.1.amount', messageKey: 'errors.budgets.amountTooLarge' });
      expect(ok(await save('9999999999999.99')).saveBudgetLines.lines[1].amount).toBe('999999999999999');

      const overflow = [
        [`mutation($id: ID!, $p: Int) { setBudgetPopulation(budgetId: $id, population: $p) { id } }`, { id: b.budgetId, p: 2 ** 31 }],
        [`mutation($id: ID!, $p: Int) { setBudgetPopulation(budgetId: $id, population: $p) { id } }`, { id: b.budgetId, p: -1 }],
        [SUBMIT, { input: { versionId: created.openVersion.id, expectedRevision: 2 ** 40 } }],
        [`query($id: ID!, $n: Int) { budget(id: $id) { transactions(limit: $n) { id } } }`, { id: b.budgetId, n: 99999999999 }],
      ] as const;
      for (const [q, vars] of overflow) {
        const r = await gql(api.baseUrl, q, vars, { token: v.a.token });
        expect({ q, code: code(r) }).toEqual({ q, code: 'BAD_USER_INPUT' });
        expect(r.status).toBeLessThan(500);
      }
      // Written in the query itself, graphql-js refuses it while validating: also a 4xx with a stable code.
      const literal = await gql(api.baseUrl, `query($id: ID!) { budget(id: $id) { transactions(limit: 99999999999) { id } } }`, { id: b.budgetId }, { token: v.a.token });
      expect(code(literal)).toBe('GRAPHQL_VALIDATION_FAILED');
      expect(literal.status).toBeLessThan(500);
    });
  });
});
