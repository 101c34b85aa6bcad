import react from '@vitejs/plugin-react';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const here = (p: string) => fileURLToPath(new URL(p, import.meta.url));
// ASHAR_API_URL points the dev server at an API elsewhere (e.g. one started by a test harness).
const api = process.env.ASHAR_API_URL ?? 'http://127.0.0.1:3000';

export default defineConfig({
  root: here('.'),
  plugins: [
    react(),
    {
      // The allow-list of operations the API enforces in production (apps/web/tools/operations-manifest.ts).
      name: 'ashar-operations-manifest',
      apply: 'build',
      closeBundle() {
        const r = spawnSync(process.execPath, ['-r', '@swc-node/register', here('tools/operations-manifest.ts'), here('../../dist/apps/web')], { cwd: here('../..'), stdio: 'inherit' });
        if (r.status !== 0) throw new Error('writing graphql-operations.json failed');
      },
    },
  ],
  resolve: {
    // Same aliases as tsconfig.base.json paths; only the pure libraries are allowed in the browser.
    alias: {
      // Before '@ashar/i18n', which would otherwise match it as a prefix.
      '@ashar/i18n/core': here('../../libs/shared/i18n/src/core.ts'),
      '@ashar/i18n': here('../../libs/shared/i18n/src/index.ts'),
      // Before '@ashar/kernel', which would otherwise match it as a prefix.
      '@ashar/kernel/entry': here('../../libs/shared/kernel/src/entry.ts'),
      '@ashar/kernel': here('../../libs/shared/kernel/src/index.ts'),
    },
  },
  server: {
    host: '127.0.0.1',
    port: 4200,
    proxy: { '/graphql': api, '/api': api, '/healthz': api, '/readyz': api },
  },
  preview: { host: '127.0.0.1', port: 4300, proxy: { '/graphql': api, '/api': api, '/healthz': api, '/readyz': api } },
  build: {
    outDir: here('../../dist/apps/web'),
    emptyOutDir: true,
    // Cheap Android phones often run an old WebView: keep syntax they understand.
    target: ['es2020', 'chrome80', 'safari13', 'firefox78'],
    sourcemap: true,
    // dist/.vite/manifest.json: the API's shell preloads a route's chunks from it (apps/api/src/web-shell.ts).
    manifest: true,
    reportCompressedSize: true,
  },
});
