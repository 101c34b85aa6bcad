import react from '@vitejs/plugin-react';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { build, defineConfig } from 'vite';

const here = (p: string) => fileURLToPath(new URL(p, import.meta.url));
// ASHAR_API_URL points the dev server at an API elsewhere (e.g. one started by a test harness).
const api = process.env.ASHAR_API_URL ?? 'http://127.0.0.1:3000';

/** Where the server's render of public pages is built; the API finds it next to the web's dist (apps/api/src/web-shell.ts). */
const SERVER_RENDER_DIR = here('../../dist/apps/web-server');

export default defineConfig({
  root: here('.'),
  plugins: [
    react(),
    {
      // The allow-list of operations the API enforces in production (apps/web/tools/operations-manifest.ts).
      name: 'ashar-operations-manifest',
      apply: (_config, env) => env.command === 'build' && !env.isSsrBuild,
      closeBundle() {
        const r = spawnSync(process.execPath, ['-r', '@swc-node/register', here('tools/operations-manifest.ts'), here('../../dist/apps/web')], { cwd: here('../..'), stdio: 'inherit' });
        if (r.status !== 0) throw new Error('writing graphql-operations.json failed');
      },
    },
    {
      // Every web build also builds the server's render of public pages (src/server/render-page.tsx), so the
      // two never differ: one CommonJS file the API requires; react and react-router come from node_modules.
      name: 'ashar-server-render',
      apply: (_config, env) => env.command === 'build' && !env.isSsrBuild,
      async closeBundle() {
        await build({
          configFile: here('vite.config.ts'),
          logLevel: 'warn',
          publicDir: false,
          build: {
            ssr: here('src/server/render-page.tsx'),
            outDir: SERVER_RENDER_DIR,
            emptyOutDir: true,
            manifest: false,
            sourcemap: false,
            target: 'node20',
            rollupOptions: { output: { format: 'cjs', entryFileNames: 'render-page.cjs', codeSplitting: false } },
          },
        });
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
      '@ashar/kernel/csv': here('../../libs/shared/kernel/src/csv.ts'),
      '@ashar/kernel/sms': here('../../libs/shared/kernel/src/sms-segments.ts'),
      '@ashar/kernel': here('../../libs/shared/kernel/src/index.ts'),
      // The tally engine, for the recount page's Web Worker (pure: no Node globals, libs/tally browser-bundle.spec.ts).
      '@ashar/tally': here('../../libs/tally/src/index.ts'),
      // Questionnaire model, skip logic and quota arithmetic: the interviewer's phone judges like the server.
      '@ashar/survey-forms': here('../../libs/survey-forms/src/index.ts'),
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
