// Module-boundary rules per context, derived from the libraries themselves so that adding a context
// needs no edit here: a library tagged `context:<name>` may import the shared libraries (and, unless it
// is pure, the platform) plus the contexts its project.json names with `uses:<context>` tags.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const NOT_A_CONTEXT = new Set(['context:shared', 'context:platform']);

function projectFiles(dir, out = []) {
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    if (e.name === 'node_modules' || e.name.startsWith('.')) continue;
    const p = join(dir, e.name);
    if (e.isDirectory()) projectFiles(p, out);
    else if (e.name === 'project.json') out.push(p);
  }
  return out;
}

export function contextDepConstraints(root) {
  const libs = join(root, 'libs');
  if (!existsSync(libs)) return [];
  const rules = [];
  for (const file of projectFiles(libs).sort()) {
    const tags = JSON.parse(readFileSync(file, 'utf8')).tags ?? [];
    const context = tags.find((t) => t.startsWith('context:'));
    if (!context || NOT_A_CONTEXT.has(context) || !tags.some((t) => t === 'kind:server' || t === 'kind:pure')) continue;
    const uses = tags.filter((t) => t.startsWith('uses:')).map((t) => `context:${t.slice('uses:'.length)}`);
    const base = tags.includes('kind:pure') ? ['context:shared'] : ['context:shared', 'context:platform'];
    rules.push({ sourceTag: context, onlyDependOnLibsWithTags: [...base, ...uses] });
  }
  return rules;
}
