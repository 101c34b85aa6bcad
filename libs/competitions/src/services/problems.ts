import { InvalidInputError } from '@ashar/kernel';
import type { Problem } from '../domain/form-definition';

/** The first problem as BAD_USER_INPUT with its field path; all of them in the params for the form. */
export function refuse(problems: Problem[]): never {
  const [first] = problems;
  throw new InvalidInputError(first.path, first.key, `${first.path}: ${first.key}`, { ...(first.params ?? {}), problems: problems.slice(0, 50) });
}
