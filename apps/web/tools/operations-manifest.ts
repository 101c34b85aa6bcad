// The GraphQL operations the web client can send, as the allow-list the API enforces in production
// (`GRAPHQL_OPERATIONS_FILE`, see apps/api/README.md). Every operation lives as an exported string in a
// `*.operations.ts` module (type-only imports, so Node can load them); the manifest holds the SHA-256 of
// each exact string. Run by the web build (vite.config.ts) into the build folder:
//   node -r @swc-node/register apps/web/tools/operations-manifest.ts dist/apps/web
import { createHash } from 'crypto';
import { mkdirSync, readdirSync, statSync, writeFileSync } from 'fs';
import { join, relative, resolve } from 'path';

export const OPERATIONS_MANIFEST = 'graphql-operations.json';

export interface CollectedOperation {
  module: string;
  name: string;
  sha256: string;
  source: string;
}

const OPERATION = /^\s*(query|mutation|subscription)\b/;

function modules(dir: string, out: string[] = []): string[] {
  for (const entry of readdirSync(dir)) {
    const p = join(dir, entry);
    if (statSync(p).isDirectory()) {
      if (entry !== '__tests__') modules(p, out);
    } else if (entry.endsWith('.operations.ts')) out.push(p);
  }
  return out.sort();
}

export function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

/** Every exported operation string of the web client's `*.operations.ts` modules (fragments left out). */
export function collectOperations(srcDir: string): CollectedOperation[] {
  const found: CollectedOperation[] = [];
  for (const file of modules(srcDir)) {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const exported = require(file) as Record<string, unknown>;
    for (const [name, value] of Object.entries(exported)) {
      if (typeof value === 'string' && OPERATION.test(value)) found.push({ module: relative(srcDir, file), name, sha256: sha256(value), source: value });
    }
  }
  return found;
}

export function writeOperationsManifest(srcDir: string, outDir: string): string {
  // The text too: the API runs a page's first query itself and puts the answer in the HTML (apps/api/src/web-shell.ts).
  const operations = collectOperations(srcDir).map(({ module, name, sha256, source }) => ({ module, name, sha256, source }));
  mkdirSync(outDir, { recursive: true });
  const file = join(outDir, OPERATIONS_MANIFEST);
  writeFileSync(file, JSON.stringify({ version: 1, operations }, null, 1) + '\n');
  return file;
}

if (require.main === module) {
  const out = resolve(process.argv[2] ?? 'dist/apps/web');
  const file = writeOperationsManifest(join(__dirname, '../src'), out);
  process.stdout.write(`${file}\n`);
}
