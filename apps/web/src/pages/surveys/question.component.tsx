import { Choice, pick, Question, SurveyForm, SurveyLanguage } from '@ashar/survey-forms';
import { useId } from 'react';

export type RawAnswers = Record<string, unknown>;

interface Props {
  form: SurveyForm;
  q: Question;
  lang: SurveyLanguage;
  value: unknown;
  error?: string;
  onChange: (value: unknown) => void;
}

const label = (form: SurveyForm, q: { label: Question['label'] }, lang: SurveyLanguage) => pick(q.label, lang, form.defaultLanguage);
const choiceLabel = (form: SurveyForm, c: Choice, lang: SurveyLanguage) => pick(c.label, lang, form.defaultLanguage) || c.name;

/** One question of the form, by its type; label, hint and error tied to the control(s). */
export function QuestionField({ form, q, lang, value, error, onChange }: Props) {
  const id = useId();
  const hint = q.hint ? pick(q.hint, lang, form.defaultLanguage) : '';
  const describedBy = [error ? `${id}-error` : null, hint ? `${id}-hint` : null].filter(Boolean).join(' ') || undefined;
  const a11y = { 'aria-invalid': error ? (true as const) : undefined, 'aria-describedby': describedBy, 'aria-required': q.required ? (true as const) : undefined };
  const text = label(form, q, lang);
  const notes = (
    <>
      {hint && (
        <p className="field__hint" id={`${id}-hint`}>
          {hint}
        </p>
      )}
      {error && (
        <p className="field__error" id={`${id}-error`}>
          {error}
        </p>
      )}
    </>
  );
  if (q.type === 'note') return <p className="survey__note">{text}</p>;
  if (q.type === 'select_one' || q.type === 'select_multiple') {
    const choices = form.choices[q.listName ?? ''] ?? [];
    const many = q.type === 'select_multiple';
    const selected = many ? (Array.isArray(value) ? (value as string[]) : []) : value;
    return (
      <fieldset className={error ? 'field field--error survey__choices' : 'field survey__choices'} {...a11y} name={q.name}>
        <legend>{text}</legend>
        {notes}
        {choices.map((c) => (
          <label key={c.name} className="survey__choice">
            <input
              type={many ? 'checkbox' : 'radio'}
              name={`${id}-${q.name}`}
              value={c.name}
              checked={many ? (selected as string[]).includes(c.name) : selected === c.name}
              onChange={(e) => {
                if (!many) return onChange(c.name);
                const now = new Set(selected as string[]);
                if (e.target.checked) now.add(c.name);
                else now.delete(c.name);
                onChange(choices.map((x) => x.name).filter((n) => now.has(n)));
              }}
            />
            {choiceLabel(form, c, lang)}
          </label>
        ))}
      </fieldset>
    );
  }
  if (q.type === 'range' && q.range) {
    const steps: number[] = [];
    for (let v = q.range.start; v <= q.range.end && steps.length < 21; v += q.range.step || 1) steps.push(v);
    return (
      <fieldset className={error ? 'field field--error survey__scale' : 'field survey__scale'} {...a11y}>
        <legend>{text}</legend>
        {notes}
        <div className="survey__scale-row">
          {steps.map((v) => (
            <label key={v} className="survey__scale-step">
              <input type="radio" name={`${id}-${q.name}`} value={v} checked={value === v} onChange={() => onChange(v)} />
              {String(v)}
            </label>
          ))}
        </div>
      </fieldset>
    );
  }
  const input =
    q.type === 'text' ? (
      <textarea id={id} {...a11y} value={typeof value === 'string' ? value : ''} onChange={(e) => onChange(e.target.value)} rows={3} />
    ) : (
      <input
        id={id}
        {...a11y}
        type={q.type === 'date' ? 'date' : 'number'}
        inputMode={q.type === 'integer' ? 'numeric' : q.type === 'decimal' ? 'decimal' : undefined}
        step={q.type === 'decimal' ? 'any' : undefined}
        value={value === undefined || value === null ? '' : String(value)}
        onChange={(e) => {
          const raw = e.target.value;
          if (q.type === 'date') return onChange(raw || undefined);
          onChange(raw === '' ? undefined : Number(raw));
        }}
      />
    );
  return (
    <div className={error ? 'field field--error' : 'field'}>
      <label htmlFor={id}>{text}</label>
      {notes}
      {input}
    </div>
  );
}

/** A matrix group (selects sharing one list) as a table: a row per question, a column per choice. */
export function MatrixField({ form, title, questions, lang, answers, errors, onChange }: { form: SurveyForm; title: string; questions: Question[]; lang: SurveyLanguage; answers: RawAnswers; errors: Record<string, string>; onChange: (name: string, value: unknown) => void }) {
  const id = useId();
  const choices = form.choices[questions[0]?.listName ?? ''] ?? [];
  return (
    <fieldset className="field survey__matrix">
      <legend>{title}</legend>
      <div className="survey__matrix-scroll">
        <table>
          <thead>
            <tr>
              <td />
              {choices.map((c) => (
                <th key={c.name} scope="col">
                  {choiceLabel(form, c, lang)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {questions.map((q) => {
              const rowLabel = label(form, q, lang);
              const err = errors[q.name];
              return (
                <tr key={q.name} className={err ? 'survey__matrix-row--error' : undefined}>
                  <th scope="row" id={`${id}-${q.name}`}>
                    {rowLabel}
                    {err && (
                      <span className="field__error" id={`${id}-${q.name}-error`}>
                        {err}
                      </span>
                    )}
                  </th>
                  {choices.map((c) => (
                    <td key={c.name}>
                      <input
                        type="radio"
                        name={`${id}-${q.name}`}
                        value={c.name}
                        aria-label={`${rowLabel}: ${choiceLabel(form, c, lang)}`}
                        aria-invalid={err ? true : undefined}
                        aria-describedby={err ? `${id}-${q.name}-error` : undefined}
                        checked={answers[q.name] === c.name}
                        onChange={() => onChange(q.name, c.name)}
                      />
                    </td>
                  ))}
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </fieldset>
  );
}
