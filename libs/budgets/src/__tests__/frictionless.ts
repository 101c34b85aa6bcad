import { mkdtempSync, rmSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';

/** The parts of the frictionless `datapackage` library (npm, 1.1.10, no type definitions) the checks use. */
interface FrictionlessResource {
  name: string;
  read(options: { cast: boolean; keyed?: boolean }): Promise<Array<Record<string, unknown>>>;
}
interface FrictionlessPackage {
  valid: boolean;
  errors: Error[];
  resources: FrictionlessResource[];
}
interface FrictionlessLib {
  Profile: { load(name: string): Promise<{ validate(descriptor: unknown): { valid: boolean; errors: Error[] } }> };
  Package: { load(descriptor: unknown, options: { basePath: string; strict: boolean }): Promise<FrictionlessPackage> };
}
const frictionless = require('datapackage') as FrictionlessLib;

export interface FrictionlessReport {
  /** The `fiscal-data-package` profile (JSON Schema) against the descriptor. */
  profile: string[];
  /** Package.load(strict): the descriptor's own profile (tabular-data-package) and its resources. */
  load: string[];
  /** Each resource read with its schema (`cast: true`): headers against fields, every cell against its type. */
  rows: string[];
  /** The rows as the library cast them, per resource (numbers as numbers). */
  data: Record<string, Array<Record<string, unknown>>>;
}

const messages = (e: unknown): string[] => {
  const err = e as { errors?: Error[]; message?: string };
  return err?.errors?.length ? err.errors.map((x) => x.message) : [String(err?.message ?? e)];
};

/**
 * Runs the frictionless library's checks on a package given as its descriptor and files (written to a
 * temporary folder so that the library reads them as it would from disk).
 */
export async function frictionlessCheck(descriptor: unknown, files: Record<string, string>): Promise<FrictionlessReport> {
  const dir = mkdtempSync(join(tmpdir(), 'fdp-'));
  try {
    for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
    const profile = (await frictionless.Profile.load('fiscal-data-package')).validate(descriptor);
    const report: FrictionlessReport = { profile: profile.errors.map((e) => e.message), load: [], rows: [], data: {} };
    let pkg: FrictionlessPackage;
    try {
      pkg = await frictionless.Package.load(JSON.parse(JSON.stringify(descriptor)), { basePath: dir, strict: true });
    } catch (e) {
      report.load.push(...messages(e));
      return report;
    }
    for (const r of pkg.resources) {
      try {
        report.data[r.name] = await r.read({ cast: true, keyed: true });
      } catch (e) {
        report.rows.push(...messages(e).map((m) => `${r.name}: ${m}`));
      }
    }
    return report;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
