import { ChangeEvent, useId, useState } from 'react';
import { ApiError, errorMessageKey } from '../../api/graphql-errors';
import { graphql } from '../../api/graphql.client';
import { useI18n } from '../../i18n/i18n.context';
import { IMPORT_STATUS, ImportState, START_IMPORT } from './budget.operations';

/** Upload a CSV/XLSX (lines of the draft, or a spending ledger); follows the job and lists every bad row. */
export function ImportForm({ budgetId, kind, onDone }: { budgetId: string; kind: 'BUDGET' | 'LEDGER'; onDone: () => void }) {
  const { t } = useI18n();
  const id = useId();
  const [state, setState] = useState<ImportState | null>(null);
  const [problem, setProblem] = useState<string | null>(null);

  const follow = async (imp: ImportState) => {
    let cur = imp;
    setState(cur);
    while (cur.status === 'QUEUED' || cur.status === 'RUNNING') {
      await new Promise((r) => setTimeout(r, 500));
      cur = (await graphql.request(IMPORT_STATUS, { id: cur.id })).budgetImport;
      setState(cur);
    }
    if (cur.status === 'DONE') onDone();
  };

  const pick = async (e: ChangeEvent<HTMLInputElement>) => {
    const file = e.target.files?.[0];
    if (!file) return;
    setProblem(null);
    setState(null);
    try {
      const bytes = new Uint8Array(await file.arrayBuffer());
      let binary = '';
      for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
      const started = await graphql.request(START_IMPORT, { input: { budgetId, kind, fileName: file.name, contentBase64: btoa(binary) } });
      await follow(started.startBudgetImport);
    } catch (err) {
      setProblem(err instanceof ApiError ? errorMessageKey(err.errors[0]) : 'errors.INTERNAL_SERVER_ERROR');
    } finally {
      e.target.value = '';
    }
  };

  return (
    <div className="form">
      <div className="field">
        <label htmlFor={id}>{t(kind === 'BUDGET' ? 'budgets.import.linesLabel' : 'budgets.import.ledgerLabel')}</label>
        <p className="field__hint">{t(kind === 'BUDGET' ? 'budgets.import.linesHint' : 'budgets.import.ledgerHint')}</p>
        <input id={id} type="file" accept=".csv,.xlsx,text/csv" onChange={pick} />
      </div>
      {problem && (
        <div className="alert" role="alert">
          <p>{t(problem)}</p>
        </div>
      )}
      {state && (state.status === 'QUEUED' || state.status === 'RUNNING') && (
        <p className="status" role="status">
          {t('budgets.import.progress', { progress: state.progress })} <progress max={100} value={state.progress} aria-hidden="true" />
        </p>
      )}
      {state?.status === 'DONE' && (
        <p className="status" role="status">
          {t('budgets.import.done', { rows: state.importedRows ?? 0 })}
        </p>
      )}
      {state?.status === 'FAILED' && (
        <div className="alert" role="alert">
          <p>{t('budgets.import.failed')}</p>
          <div className="table-scroll">
            <table className="budget-table">
              <thead>
                <tr>
                  <th scope="col">{t('budgets.import.row')}</th>
                  <th scope="col">{t('budgets.import.column')}</th>
                  <th scope="col">{t('budgets.import.problem')}</th>
                </tr>
              </thead>
              <tbody>
                {state.errors.map((er, i) => (
                  <tr key={`${er.line}-${er.column}-${i}`}>
                    <td>{er.line}</td>
                    <td>{er.column ?? '—'}</td>
                    <td>
                      {t(er.messageKey)}
                      {er.value ? ` (${er.value})` : ''}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </div>
      )}
    </div>
  );
}
