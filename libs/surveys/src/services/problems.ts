import { InvalidInputError } from '@ashar/kernel';
import type { Problem } from '@ashar/survey-forms';

/** The first problem as BAD_USER_INPUT with its field path (and its form message); all of them in the params. */
export function refuse(problems: Array<Problem & { message?: string }>): never {
  const [first] = problems;
  throw new InvalidInputError(first.path, first.key, first.message ?? `${first.path}: ${first.key}`, { ...(first.params ?? {}), ...(first.message ? { message: first.message } : {}), problems: problems.slice(0, 50) });
}
