import * as path from 'node:path';
import { existsSync, readdirSync } from 'node:fs';

/** The shared pabulib folder: a sibling of the repository root, or $ASHAR_SHARED_DIR. */
export function sharedPabulibDir(): string {
  const base = process.env.ASHAR_SHARED_DIR
    ? path.resolve(process.env.ASHAR_SHARED_DIR)
    : path.resolve(__dirname, '../../../..', '../shared');
  const dir = path.join(base, 'data', 'pabulib');
  return existsSync(dir) ? dir : base;
}

export function sharedPbFiles(): string[] {
  return readdirSync(sharedPabulibDir())
    .filter((f) => f.endsWith('.pb'))
    .sort();
}
