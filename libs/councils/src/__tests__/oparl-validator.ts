import Ajv from 'ajv';
import { readdirSync, readFileSync } from 'fs';
import { join } from 'path';

/**
 * The OParl 1.1 JSON schemas (../shared/data/oparl-1.1/schema, unchanged from the spec) compiled once,
 * and a check that walks an object and every OParl object embedded in it (a meeting's agenda items and
 * location, an agenda item's files, a paper's consultations).
 */
export function oparlValidator(schemaDir: string) {
  // `references`, `backreference` and `schema` are the spec's own annotations: ignored, not refused.
  const ajv = new Ajv({ allErrors: true, format: 'full', unknownFormats: 'ignore' });
  const byType = new Map<string, Ajv.ValidateFunction>();
  for (const f of readdirSync(schemaDir).filter((n) => n.endsWith('.json'))) {
    const schema = JSON.parse(readFileSync(join(schemaDir, f), 'utf8'));
    byType.set(`https://schema.oparl.org/1.1/${f.replace(/\.json$/, '')}`, ajv.compile(schema));
  }
  /** Problems found (empty when every object validates), with the JSON path of each. */
  return function check(value: unknown, opts: { deep?: boolean } = {}): string[] {
    const deep = opts.deep ?? true;
    const problems: string[] = [];
    const walk = (v: unknown, p: string) => {
      if (Array.isArray(v)) return v.forEach((x, i) => walk(x, `${p}[${i}]`));
      if (!v || typeof v !== 'object') return;
      const obj = v as Record<string, unknown>;
      if (typeof obj.type === 'string' && obj.type.startsWith('https://schema.oparl.org/1.1/')) {
        const validate = byType.get(obj.type);
        if (!validate) problems.push(`${p}: no schema for ${obj.type}`);
        else if (!validate(obj)) problems.push(...(validate.errors ?? []).map((e: Ajv.ErrorObject) => `${p}${e.dataPath} ${e.message}`));
      }
      if (!deep) return; // the object alone, as a validator of one file would see it
      for (const [k, x] of Object.entries(obj)) if (x && typeof x === 'object') walk(x, `${p}.${k}`);
    };
    walk(value, '$');
    return problems;
  };
}
