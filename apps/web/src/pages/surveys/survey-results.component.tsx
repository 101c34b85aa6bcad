import { pick, SURVEY_LANGUAGES, SurveyForm, SurveyLanguage } from '@ashar/survey-forms';
import { FormEvent, useState } from 'react';
import { ApiError, errorMessageKey } from '../../api/graphql-errors';
import { graphql } from '../../api/graphql.client';
import { useI18n } from '../../i18n/i18n.context';
import { Field, SelectField } from '../../ui/field.component';
import { FormAlert } from '../../ui/form-alert.component';
import { barPercent, DIMENSION_KEY, EXPORT_KEY, EXPORT_KINDS, exportFile, ExportKind, GENDER_KEY, LANGUAGE_KEY, needsBins, parseBins, sharePercent, tabulatedQuestions } from './organiser';
import { downloadPrivateFile } from './private-download';
import { SV_DIMENSIONS, SV_SURVEY_RESULTS, SvBreakdown, SvBreakdownCell, SvDimension } from './survey-results.operations';

const asSurveyLanguage = (l: string): SurveyLanguage => ((SURVEY_LANGUAGES as readonly string[]).includes(l) ? (l as SurveyLanguage) : 'ky');

/**
 * Results of the newest version for organisers: a question (labels in the UI language), the breakdown
 * dimensions and, for numbers, bin edges; the table comes from `surveyResults`, where the server has
 * already suppressed small cells: a suppressed cell is said in words ("fewer than N"), never a number.
 * Exports (CSV with codes or labels, XLSX, codebook, SPSS syntax) in the chosen language.
 */
export function SurveyResults({ surveyId, form, threshold }: { surveyId: string; form: SurveyForm | null; threshold: number }) {
  const { t, locale, formatNumber } = useI18n();
  const uiLanguage = asSurveyLanguage(locale);
  const questions = tabulatedQuestions(form);
  const [question, setQuestion] = useState(questions[0]?.name ?? '');
  const [by, setBy] = useState<SvDimension[]>(['GENDER']);
  const [bins, setBins] = useState('');
  const [lang, setLang] = useState<SurveyLanguage>(uiLanguage);
  const [includeOverQuota, setIncludeOverQuota] = useState(false);
  const [result, setResult] = useState<SvBreakdown | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [binsError, setBinsError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [exportError, setExportError] = useState<string | null>(null);
  const chosen = questions.find((q) => q.name === question) ?? questions[0];

  const show = async (e: FormEvent) => {
    e.preventDefault();
    setError(null);
    setBinsError(null);
    if (!chosen) return;
    let edges: number[] | null = null;
    if (needsBins(chosen)) {
      edges = parseBins(bins);
      if (!edges) {
        setBinsError(t('surveys.results.binsFormat'));
        return setError(t('surveys.organiser.fixFields'));
      }
    }
    setBusy(true);
    try {
      const data = await graphql.request(SV_SURVEY_RESULTS, { surveyId, question: chosen.name, by, lang, bins: edges, includeOverQuota });
      setResult(data.surveyResults);
    } catch (err) {
      setResult(null);
      const item = err instanceof ApiError ? err.errors[0] : undefined;
      const params = (item?.extensions?.params as Record<string, string | number> | undefined) ?? {};
      if (item?.extensions?.field === 'bins') setBinsError(t(errorMessageKey(item), params));
      setError(t(errorMessageKey(item), params));
    } finally {
      setBusy(false);
    }
  };

  const exportAs = async (kind: ExportKind) => {
    setExportError(null);
    const f = exportFile(surveyId, kind, lang);
    const r = await downloadPrivateFile(f.url, f.fileName);
    if (!r.ok) setExportError(t(r.messageKey));
  };

  return (
    <section aria-labelledby="srv-results-heading">
      <h2 id="srv-results-heading">{t('surveys.results.title')}</h2>
      <p className="field__hint">{t('surveys.results.intro', { threshold })}</p>
      <SelectField label={t('surveys.results.language')} value={lang} onChange={(e) => setLang(asSurveyLanguage(e.target.value))}>
        {SURVEY_LANGUAGES.map((l) => (
          <option key={l} value={l}>
            {t(LANGUAGE_KEY[l])}
          </option>
        ))}
      </SelectField>
      {!form || questions.length === 0 ? (
        <p className="muted">{t('surveys.results.noQuestions')}</p>
      ) : (
        <form className="form" onSubmit={show} noValidate>
          <SelectField label={t('surveys.results.question')} value={chosen?.name ?? ''} onChange={(e) => setQuestion(e.target.value)}>
            {questions.map((q) => (
              <option key={q.name} value={q.name}>
                {pick(q.label, uiLanguage, form.defaultLanguage) || q.name}
              </option>
            ))}
          </SelectField>
          <fieldset className="srv-fieldset">
            <legend>{t('surveys.results.by')}</legend>
            {SV_DIMENSIONS.map((d) => (
              <label key={d} className="checkbox">
                <input type="checkbox" checked={by.includes(d)} onChange={(e) => setBy(e.target.checked ? SV_DIMENSIONS.filter((x) => x === d || by.includes(x)) : by.filter((x) => x !== d))} />
                {t(DIMENSION_KEY[d])}
              </label>
            ))}
          </fieldset>
          {chosen && needsBins(chosen) && <Field label={t('surveys.results.bins')} hint={t('surveys.results.binsHint')} value={bins} error={binsError} onChange={(e) => setBins(e.target.value)} />}
          <label className="checkbox">
            <input type="checkbox" checked={includeOverQuota} onChange={(e) => setIncludeOverQuota(e.target.checked)} />
            {t('surveys.results.includeOverQuota')}
          </label>
          <FormAlert text={error} />
          <button type="submit" className="button" disabled={busy}>
            {t('surveys.results.show')}
          </button>
        </form>
      )}
      {result && <BreakdownTable result={result} formatNumber={formatNumber} />}
      <h3>{t('surveys.results.exports')}</h3>
      <p className="field__hint">{t('surveys.results.exportsHint', { language: t(LANGUAGE_KEY[lang]) })}</p>
      <ul className="list list--plain srv-exports">
        {EXPORT_KINDS.map((k) => (
          <li key={k}>
            <button type="button" className="button button--secondary" onClick={() => void exportAs(k)}>
              {t(EXPORT_KEY[k])}
            </button>
          </li>
        ))}
      </ul>
      <FormAlert text={exportError} />
    </section>
  );
}

function BreakdownTable({ result, formatNumber }: { result: SvBreakdown; formatNumber: (n: number) => string }) {
  const { t } = useI18n();
  const columnLabel = (c: SvBreakdown['columns'][number]) =>
    [c.villageName ?? null, c.gender ? t(GENDER_KEY[c.gender]) : null, c.ageGroup].filter(Boolean).join(' · ') || t('surveys.results.all');
  const figure = (cell: SvBreakdownCell | undefined, whole: number | null) => {
    if (!cell || cell.count === null) return <span className="srv-suppressed">{t('surveys.results.suppressed', { threshold: result.threshold })}</span>;
    const pct = sharePercent(cell.share);
    return (
      <>
        <span className="srv-count">{formatNumber(cell.count)}</span>
        {pct !== null && <span className="srv-share">{t('surveys.results.percent', { value: formatNumber(pct) })}</span>}
        <span className="srv-bar" aria-hidden="true">
          <span className="srv-bar__fill" style={{ width: `${pct ?? barPercent(cell.count, whole)}%` }} />
        </span>
      </>
    );
  };
  return (
    <div className="srv-scroll" tabIndex={0} role="region" aria-labelledby="srv-results-caption">
      <table className="srv-table srv-results">
        <caption id="srv-results-caption">
          {result.label}
          <span className="srv-caption-meta">
            {t('surveys.results.captionMeta', {
              respondents: result.totalRespondents === null ? t('surveys.results.suppressed', { threshold: result.threshold }) : formatNumber(result.totalRespondents),
              suppressed: result.suppressedCells,
              threshold: result.threshold,
            })}
          </span>
        </caption>
        <thead>
          <tr>
            <th scope="col">{t('surveys.results.answer')}</th>
            {result.columns.map((c) => (
              <th scope="col" key={c.key}>
                {columnLabel(c)}
              </th>
            ))}
            <th scope="col">{t('surveys.results.total')}</th>
          </tr>
        </thead>
        <tbody>
          {result.rows.map((r, i) => (
            <tr key={r.key}>
              <th scope="row">{r.label}</th>
              {result.columns.map((c, j) => (
                <td key={c.key}>{figure(result.cells[i]?.[j], result.respondents[j] ?? null)}</td>
              ))}
              <td>{figure(result.rowTotals[i], result.totalRespondents)}</td>
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row">{t('surveys.results.respondents')}</th>
            {result.columns.map((c, j) => (
              <td key={c.key}>{result.respondents[j] == null ? <span className="srv-suppressed">{t('surveys.results.suppressed', { threshold: result.threshold })}</span> : formatNumber(result.respondents[j]!)}</td>
            ))}
            <td>{result.totalRespondents == null ? <span className="srv-suppressed">{t('surveys.results.suppressed', { threshold: result.threshold })}</span> : formatNumber(result.totalRespondents)}</td>
          </tr>
        </tfoot>
      </table>
    </div>
  );
}
