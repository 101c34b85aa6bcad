// Run as a child process by import.int.spec.ts: starts an import and stalls inside its transaction
// after the first chunk, so the test can SIGKILL this process mid-way.
import 'reflect-metadata';
import { AuditService } from '@ashar/audit';
import { buildDataSourceOptions } from '@ashar/database';
import { DataSource } from 'typeorm';
import { runImport } from './run-import';
import { ALL_ENTITIES } from '../../../../test/support/all-entities';

async function main() {
  const [url, importId] = process.argv.slice(2);
  const ds = new DataSource(buildDataSourceOptions(url, ALL_ENTITIES));
  await ds.initialize();
  await runImport(ds, new AuditService(), importId, async (pct) => {
    if (pct > 20) {
      process.stdout.write(`stalled at ${pct}\n`);
      await new Promise((r) => setTimeout(r, 60_000));
    }
  });
}
void main();
