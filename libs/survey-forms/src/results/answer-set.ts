import type { Answers } from '../answers';

/**
 * An answer set as results read it: the stored (checked) answers and who gave them, in the cells of
 * the sample plan. The remaining fields go to the answer table and codebook only.
 */
export interface ResultAnswerSet {
  answers: Answers;
  villageKey: string;
  /** FEMALE / MALE (quota.ts GENDERS). */
  gender: string;
  ageGroup: string;
  /** Made on the phone. */
  instanceId?: string;
  /** The platform's form version the answers were given on. */
  formVersion?: string | number;
  interviewer?: string;
  consent?: boolean;
}

export const DIMENSIONS = ['territory', 'gender', 'ageGroup'] as const;
export type Dimension = (typeof DIMENSIONS)[number];

export const dimensionValue = (s: ResultAnswerSet, d: Dimension): string => (d === 'territory' ? s.villageKey : d === 'gender' ? s.gender : s.ageGroup);

/** The keys a ResultsError carries: for the i18n catalogue. */
export const RESULTS_MESSAGE_KEYS = ['unknownQuestion', 'dimension', 'threshold', 'binsRequired', 'bins', 'notTabulated'].map((k) => `errors.surveys.results.${k}`);

export class ResultsError extends Error {
  constructor(
    readonly key: string,
    readonly params: Record<string, unknown> = {},
  ) {
    super(key);
  }
}
