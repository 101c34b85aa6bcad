import { asTransaction } from '@ashar/database';
import { gql, ok } from '../../../../test/support/graphql-client';
import { RunningApi, startApi } from '../../../../test/support/api-harness';
import { anchorSignatureValid } from '../audit-anchor';
import { AuditService } from '../services/audit.service';

const KEY = 'anchor-key-for-api-tests-0123456789ab';

describe('auditAnchor query (real API, app role)', () => {
  let api: RunningApi;
  beforeAll(async () => {
    api = await startApi({ label: 'auditanchor', env: { AUDIT_ANCHOR_KEY: KEY } });
  });
  afterAll(() => api?.stop());

  it('is public and names the newest audit event, signed', async () => {
    // Through the API's own pool, i.e. as the application's login.
    const event = await api.dataSource.transaction((m) => new AuditService().record(asTransaction(m), { accountId: null }, { action: 'test.anchor', entityType: 'Test' }));
    const data = ok(await gql<{ auditAnchor: { seq: string; hash: string; at: string; signature: string } }>(api.baseUrl, '{ auditAnchor { seq hash at signature } }'));
    expect(data.auditAnchor).toMatchObject({ seq: event.seq, hash: event.hash });
    expect(new Date(data.auditAnchor.at).toISOString()).toBe(data.auditAnchor.at);
    expect(anchorSignatureValid(data.auditAnchor, KEY)).toBe(true);
  });
});
