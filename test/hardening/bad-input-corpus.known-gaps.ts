/**
 * The bad-input corpus's known gaps: cases that fail today because of a defect another change is
 * fixing. Key: the case as the suite prints it (`operation path label`); value: the defect. The suite
 * fails when a listed case passes, so this list can only shrink: delete the lines with the fix.
 * First generated on 2026-12-02 (1,545 cases, 600 gaps in five defects: variable coercion in the cost check,
 * NUL bytes, loose uuid checks, an unchecked attachment id, an unchecked community); all fixed the same day.
 * Never add a line to silence a new failure.
 */

export const BAD_INPUT_KNOWN_GAPS: Record<string, string> = {};
