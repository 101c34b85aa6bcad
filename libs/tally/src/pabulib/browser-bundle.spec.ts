import { buildSync } from 'esbuild';
import { join } from 'path';
import { runInNewContext } from 'vm';

/**
 * The engine (and the shared CSV reader it uses) must run in a browser: bundled for the browser the way
 * Vite/esbuild do it, then run where there is no `Buffer`, `process` or `require`.
 */
describe('tally in a browser bundle', () => {
  it('parses a quoted pabulib file and tallies it without any Node global', () => {
    const entry = join(__dirname, '..', 'index.ts');
    const out = buildSync({
      stdin: { contents: `import { parsePabulib, tally, csvToElection } from ${JSON.stringify(entry)}; globalThis.run = (pb, csv) => { const e = parsePabulib(pb); const c = csvToElection(csv); return { names: e.projects.map((p) => p.name), winners: tally(e, { rule: "greedy" }).selected, csvProjects: c.projects.length }; };`, resolveDir: __dirname, loader: 'ts' },
      bundle: true,
      platform: 'browser',
      format: 'iife',
      write: false,
      logLevel: 'silent',
    });
    const sandbox: Record<string, unknown> = {};
    sandbox.globalThis = sandbox;
    runInNewContext(out.outputFiles[0].text, sandbox);
    expect(sandbox.Buffer).toBeUndefined();
    const pb = ['META', 'key;value', 'budget;100', 'vote_type;approval', 'PROJECTS', 'project_id;cost;name', '1;60;"Park ""Green""; phase 1"', '2;50;"Odkupmy" i my', 'VOTES', 'voter_id;vote', 'a;1,2', 'b;1'].join('\n');
    const csv = ['type,id,value,name', 'meta,budget,10', 'project,1,5,"a, b"'].join('\n');
    const r = (sandbox.run as (pb: string, csv: string) => { names: string[]; winners: string[]; csvProjects: number })(pb, csv);
    expect(JSON.parse(JSON.stringify(r))).toEqual({ names: ['Park "Green"; phase 1', 'Odkupmy i my'], winners: ['1'], csvProjects: 1 });
  });
});
