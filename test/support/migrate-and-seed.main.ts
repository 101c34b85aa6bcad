// Run as its own process by template-database.ts: `node -r @swc-node/register test/support/migrate-and-seed.main.ts URL`.
// Loading every context (the manifest list) inside Jest's globalSetup would register their GraphQL
// types in the outer realm; a child process keeps that realm clean and uses the cli's own code path.
import 'reflect-metadata';
import { migrateAndSeed } from '../../apps/cli/src/commands/migrate';

migrateAndSeed(process.argv[2]).then(
  (r) => {
    process.stdout.write(JSON.stringify({ migrations: r.migrations.length, ...r.seeded }) + '\n');
    process.exit(0);
  },
  (err) => {
    process.stderr.write(`migrate-and-seed: ${err?.stack ?? err}\n`);
    process.exit(1);
  },
);
