import type { VerificationLevel } from './verification.operations';

const ORDER: Record<VerificationLevel, number> = { SELF_DECLARED: 0, PHONE: 1, IN_PERSON: 2 };

/** Whether a resident at `level` meets a process that asks for `needed` (SELF_DECLARED < PHONE < IN_PERSON). */
export function meetsLevel(level: VerificationLevel, needed: VerificationLevel): boolean {
  return ORDER[level] >= ORDER[needed];
}

export const LEVEL_KEY: Record<VerificationLevel, string> = {
  SELF_DECLARED: 'verification.level.SELF_DECLARED',
  PHONE: 'verification.level.PHONE',
  IN_PERSON: 'verification.level.IN_PERSON',
};
