import { anchorSignatureValid, AnchorFormatError, AuditAnchorRef, parseAnchorArg, parseAnchorLines, verifyAuditChain } from '@ashar/audit';
import { readFileSync } from 'fs';
import { DataSource } from 'typeorm';

export interface VerifyArgs {
  anchors: AuditAnchorRef[];
  anchorFiles: string[];
}

/** `audit-verify [--anchor seq:hash]... [--anchor-file FILE]...`; throws AnchorFormatError on bad input. */
export function parseVerifyArgs(args: string[]): VerifyArgs {
  const out: VerifyArgs = { anchors: [], anchorFiles: [] };
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    const [flag, inline] = arg.startsWith('--') && arg.includes('=') ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)] : [arg, undefined];
    if (flag !== '--anchor' && flag !== '--anchor-file') throw new AnchorFormatError(`unknown argument "${arg}" (audit-verify takes --anchor seq:hash and --anchor-file FILE)`);
    const value = inline ?? args[++i];
    if (value === undefined || value === '') throw new AnchorFormatError(`${flag} needs a value`);
    if (flag === '--anchor') out.anchors.push(parseAnchorArg(value));
    else out.anchorFiles.push(value);
  }
  return out;
}

/**
 * Loads the anchors of the arguments and files. With a key, every anchor read from a file must carry a
 * valid signature (a forged anchor file is refused); anchors typed on the command line are the operator's own.
 */
export function loadAnchors(args: VerifyArgs, key: string | null): { anchors: AuditAnchorRef[]; notes: string[] } {
  const anchors = [...args.anchors];
  const notes: string[] = [];
  for (const file of args.anchorFiles) {
    const fromFile = parseAnchorLines(readFileSync(file, 'utf8'), file);
    if (!fromFile.length) throw new AnchorFormatError(`${file} has no "audit anchor" lines`);
    if (key) {
      const bad = fromFile.find((a) => !anchorSignatureValid(a, key));
      if (bad) throw new AnchorFormatError(`${file}: the anchor at seq ${bad.seq} has no valid signature for AUDIT_ANCHOR_KEY`);
    } else if (fromFile.some((a) => a.signature)) {
      notes.push(`signatures in ${file} not checked (AUDIT_ANCHOR_KEY is not set)`);
    }
    anchors.push(...fromFile);
  }
  return { anchors, notes };
}

/** Exit code 0 = intact (and every anchor found), 1 = broken, 2 = bad arguments. Writes one result line. */
export async function auditVerify(dataSource: () => Promise<DataSource>, args: string[], write: (s: string) => void, key: string | null): Promise<number> {
  let anchors: AuditAnchorRef[];
  try {
    const loaded = loadAnchors(parseVerifyArgs(args), key);
    anchors = loaded.anchors;
    for (const n of loaded.notes) write(`note: ${n}\n`);
  } catch (e) {
    if (e instanceof AnchorFormatError || (e as NodeJS.ErrnoException).code === 'ENOENT') {
      write(`audit-verify: ${(e as Error).message}\n`);
      return 2;
    }
    throw e;
  }
  const ds = await dataSource();
  try {
    const result = await verifyAuditChain(ds, { anchors });
    if (result.ok) {
      write(`audit chain intact: ${result.checked} events${anchors.length ? `; ${anchors.length} anchors found in the chain` : ''}\n`);
      return 0;
    }
    const b = result.firstBroken!;
    write(`audit chain BROKEN at seq ${b.seq} (${b.problem}${b.detail ? `: ${b.detail}` : ''}); ${result.checked} events before it are intact\n`);
    return 1;
  } finally {
    await ds.destroy();
  }
}
