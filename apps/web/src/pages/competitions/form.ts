/**
 * The stage form as the API sends it (JSON text, the server's own reading of the organiser's definition)
 * and the answers the form keeps while someone types. Pure, so the budget arithmetic is tested without a page.
 */
export type FieldType = 'TEXT' | 'NUMBER' | 'MONEY' | 'CHOICE' | 'FILE' | 'BUDGET';
export interface FormField {
  key: string;
  type: FieldType;
  label: Record<string, string>;
  required: boolean;
  minLength?: number;
  maxLength?: number;
  min?: number;
  max?: number;
  options?: string[];
  allowedTypes?: string[];
  maxLines?: number;
}

export interface BudgetLine {
  item: string;
  quantity: number;
  /** minor units */
  unitCost: string;
}

export function parseForm(json: string): FormField[] {
  try {
    const f = JSON.parse(json) as { fields?: FormField[] };
    return Array.isArray(f.fields) ? f.fields : [];
  } catch {
    return [];
  }
}

export function parseAnswers(json: string | null | undefined): Record<string, unknown> {
  try {
    const a = JSON.parse(json ?? '{}');
    return a && typeof a === 'object' && !Array.isArray(a) ? (a as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}

const MINOR = /^(0|[1-9]\d{0,14})$/;

/** quantity × unit cost per line, exact in BigInt; a line not yet readable counts 0. */
export function lineTotal(l: BudgetLine): bigint {
  return Number.isInteger(l.quantity) && l.quantity > 0 && MINOR.test(l.unitCost) ? BigInt(l.quantity) * BigInt(l.unitCost) : 0n;
}

export function budgetTotal(lines: readonly BudgetLine[]): bigint {
  return lines.reduce((t, l) => t + lineTotal(l), 0n);
}

export function budgetLines(v: unknown): BudgetLine[] {
  const lines = v && typeof v === 'object' && Array.isArray((v as { lines?: unknown }).lines) ? (v as { lines: unknown[] }).lines : [];
  return lines.filter((l): l is BudgetLine => !!l && typeof l === 'object').map((l) => ({ item: String(l.item ?? ''), quantity: Number(l.quantity ?? 0), unitCost: String(l.unitCost ?? '0') }));
}

/** The form field an API error belongs to: "input.answers.budget.lines.0.unitCost" → "budget". */
export function answerFieldOf(apiField: string | undefined): string | null {
  const m = /(?:^|\.)answers\.([a-zA-Z][a-zA-Z0-9_]*)/.exec(apiField ?? '');
  return m ? m[1] : null;
}
