/**
 * The import preview's choices (pure): a field per file column, the fields taken off a column, the unit,
 * the side rule; and the settings they send with `previewBudgetImportUpload` and
 * `confirmBudgetImportUpload` (import-form.component.tsx), so the confirm runs with exactly what was previewed.
 */
import type { BudgetImportSideFrom, BudgetImportUnit } from '../../api/generated/graphql';
import type { UploadPreview } from './import-preview.operations';

/**
 * What the person chose in the preview: a field per file column (by index; '' = left out), the fields
 * they took off a column (sent as "no column", so they are not found by name again), the unit, the side rule.
 */
export interface PreviewChoices {
  assign: Record<number, string>;
  cleared: string[];
  unit: BudgetImportUnit | null;
  side: { from: BudgetImportSideFrom | ''; revenue: string; expenditure: string };
  save: boolean;
  /** TREASURY: the report's as-of date chosen (YYYY-MM-DD; '' = read from the file's title). */
  asOf: string;
}

export function choicesOf(p: UploadPreview, unit: BudgetImportUnit | null, save = true, cleared: string[] = [], asOf = ''): PreviewChoices {
  return {
    assign: Object.fromEntries(p.fileColumns.map((c) => [c.index, c.field ?? ''])),
    cleared,
    unit,
    side: { from: (p.side.from as BudgetImportSideFrom | null) ?? '', revenue: p.side.revenue ?? '', expenditure: p.side.expenditure ?? '' },
    save,
    asOf,
  };
}

/**
 * The settings sent with a preview and the confirm: each field read from a column with that column's
 * header, each field taken off a column with null (no column); the others are left to be found by name.
 */
export function settingsOf(p: UploadPreview, c: PreviewChoices) {
  const columns = p.fields.flatMap(({ field }): Array<{ field: string; header: string | null }> => {
    const col = p.fileColumns.find((fc) => c.assign[fc.index] === field && fc.header.trim());
    if (col) return [{ field, header: col.header }];
    return c.cleared.includes(field) ? [{ field, header: null }] : [];
  });
  const side = c.side.from || c.side.revenue.trim() || c.side.expenditure.trim() ? { from: c.side.from || null, revenue: c.side.revenue.trim() || null, expenditure: c.side.expenditure.trim() || null } : null;
  // The as-of date goes only when chosen (the API refuses it for other kinds of file).
  return { uploadId: p.uploadId!, unit: c.unit, columns, side, ...(c.asOf ? { asOf: c.asOf } : {}) };
}

