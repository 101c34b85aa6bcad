#!/usr/bin/env node
// Backups: `npm run backup -- FILE` and `npm run restore -- FILE` (see infra/backup/README.md).
// Everything the platform keeps is in PostgreSQL, scanned receipts and export files included, so
// one pg_dump is a whole backup. Next to it goes FILE.anchor.json: the audit chain head read
// before the dump; a restore is accepted only when the restored chain verifies and still holds
// that head, so a backup tampered with (or cut short) after it was taken is refused.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const say = (msg) => process.stdout.write(`[backup] ${msg}\n`);
const fail = (msg) => {
  process.stderr.write(`[backup] ${msg}\n`);
  process.exit(1);
};

/** psql/pg_dump/pg_restore of the server's major version (an older pg_dump refuses a newer server). */
function pgBin(name, url) {
  if (process.env.PG_BIN) return join(process.env.PG_BIN, name);
  const psql = ['/usr/bin/psql', 'psql'].find((p) => p === 'psql' || existsSync(p));
  const num = execFileSync(psql, [url, '-XAtc', 'SHOW server_version_num'], { encoding: 'utf8' }).trim();
  const major = Math.floor(Number(num) / 10000);
  const debian = `/usr/lib/postgresql/${major}/bin/${name}`;
  return existsSync(debian) ? debian : name;
}

function psqlValue(url, sql) {
  return execFileSync(pgBin('psql', url), [url, '-XAtc', sql], { encoding: 'utf8' }).trim();
}

function run(cmd, args, env = process.env) {
  const r = spawnSync(cmd, args, { stdio: ['ignore', 'inherit', 'inherit'], env });
  if (r.error) fail(`${cmd}: ${r.error.message}`);
  if (r.status !== 0) fail(`${cmd} ${args[0] ?? ''} failed (exit ${r.status})`);
}

function backup(file, url) {
  const [seq, hash] = (psqlValue(url, 'SELECT seq, hash FROM audit_events ORDER BY seq DESC LIMIT 1') || '0|').split('|');
  // Custom format: compressed, and pg_restore can restore it in one transaction.
  run(pgBin('pg_dump', url), ['--format=custom', '--no-owner', '--file', file, url]);
  const anchor = { seq, hash: hash || null, at: new Date().toISOString() };
  writeFileSync(`${file}.anchor.json`, JSON.stringify(anchor, null, 2) + '\n');
  say(`wrote ${file} (audit head seq ${seq}) and ${file}.anchor.json`);
}

function restore(file, url) {
  if (!existsSync(file)) fail(`${file} does not exist`);
  const tables = Number(psqlValue(url, "SELECT count(*) FROM information_schema.tables WHERE table_schema = 'public'"));
  if (tables > 0) fail('the target database is not empty: restore into a fresh database (createdb), never over a live one');
  // All or nothing: a restore that stops half-way leaves the target empty.
  run(pgBin('pg_restore', url), ['--no-owner', '--single-transaction', '--exit-on-error', '--dbname', url, file]);
  const anchorFile = `${file}.anchor.json`;
  const verify = spawnSync(process.execPath, ['-r', '@swc-node/register', join(root, 'apps/cli/src/main.ts'), 'audit-verify'], {
    cwd: root,
    env: { ...process.env, DATABASE_URL: url },
    encoding: 'utf8',
  });
  process.stdout.write(verify.stdout ?? '');
  if (verify.status !== 0) fail(`the restored audit chain does not verify: ${(verify.stderr ?? '').trim()}`);
  if (existsSync(anchorFile)) {
    const anchor = JSON.parse(readFileSync(anchorFile, 'utf8'));
    if (anchor.hash) {
      const found = psqlValue(url, `SELECT hash FROM audit_events WHERE seq = ${Number(anchor.seq)}`);
      if (found !== anchor.hash) fail(`the restored audit chain does not hold the head recorded at backup time (seq ${anchor.seq})`);
    }
    say(`restored; audit chain verified and holds the backup's head (seq ${anchor.seq})`);
  } else {
    say(`restored; audit chain verified (no ${anchorFile} to compare the head with)`);
  }
}

const [command, file] = process.argv.slice(2);
const url = process.env.BACKUP_DATABASE_URL ?? process.env.MIGRATION_DATABASE_URL ?? process.env.DATABASE_URL;
if (!['backup', 'restore'].includes(command) || !file) fail('usage: backup.mjs backup|restore FILE (database from DATABASE_URL)');
if (!url) fail('set DATABASE_URL (or BACKUP_DATABASE_URL) to the database to back up or restore into');
if (command === 'backup') backup(resolve(file), url);
else restore(resolve(file), url);
