import { createTestDatabase } from '@ashar/database/testing';
import { copyFileSync, mkdtempSync, readFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { pendingSchemaChanges } from '../../../cli/src/commands/schema-drift';
import { startApi } from '../../../../test/support/api-harness';

const COMMITTED = join(__dirname, '../../schema.gql');

describe('schemas stay in step with the code', () => {
  it('migrations produce exactly what the entities describe (no missing migration)', async () => {
    const db = await createTestDatabase('drift');
    try {
      const { up } = await pendingSchemaChanges(db.url);
      expect(up).toEqual([]);
    } finally {
      await db.drop();
    }
  });

  it('the committed apps/api/schema.gql equals the schema the code emits (npm run schema updates it)', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'ashar-schema-')), 'schema.gql');
    const api = await startApi({ label: 'schema', schemaFile: file });
    await api.stop();
    if (process.env.UPDATE_SCHEMA === '1') copyFileSync(file, COMMITTED);
    expect(readFileSync(file, 'utf8')).toBe(readFileSync(COMMITTED, 'utf8'));
  });
});
