import { FormEvent, useState } from 'react';
import { graphql } from '../../api/graphql.client';
import { useI18n } from '../../i18n/i18n.context';
import { Field, SelectField } from '../../ui/field.component';
import { FormAlert } from '../../ui/form-alert.component';
import { useFormSubmit } from '../../ui/form-submit.hook';
import { minorToDecimalText, readAmountMinor } from '../../ui/number-input';
import { ApportionmentBasis, ApportionmentMethod, CW_APPORTION, CW_PUBLISH_APPORTIONMENT, CwApportionment, CwBody } from './councils.operations';
import { BASIS_KEY, METHOD_KEY, readExplanation } from './labels';

type Props = { b: CwBody; onChange: () => void };

/** A random uuid for a group typed in (crypto.randomUUID needs a secure context; getRandomValues does not). */
function newId(): string {
  const b = crypto.getRandomValues(new Uint8Array(16));
  b[6] = (b[6] & 0x0f) | 0x40;
  b[8] = (b[8] & 0x3f) | 0x80;
  const h = Array.from(b, (x) => x.toString(16).padStart(2, '0')).join('');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

/** Seats shared among villages, each with the engine's explanation; the secretary computes drafts and publishes them. */
export function SeatsSection({ b, onChange }: Props) {
  const { t } = useI18n();
  return (
    <section aria-labelledby="cw-seats">
      <h2 id="cw-seats">{t('councils.web.seats.title')}</h2>
      {b.apportionments.length === 0 ? <p className="muted">{t('councils.web.seats.none')}</p> : b.apportionments.map((a) => <Apportionment key={a.id} a={a} secretary={b.viewerIsSecretary} onChange={onChange} />)}
      {b.viewerIsSecretary && <ApportionForm b={b} onChange={onChange} />}
    </section>
  );
}

function Apportionment({ a, secretary, onChange }: { a: CwApportionment; secretary: boolean; onChange: () => void }) {
  const { t, formatNumber, formatDate } = useI18n();
  const x = readExplanation(a.explanation);
  const form = useFormSubmit();
  const name = new Map(a.figures.map((f) => [f.id, f.name]));
  // Revenue is kept in minor units: quotients and the quota are shown in the currency's main unit.
  const unit = a.basis === 'REVENUE' ? 100 : 1;
  const round = (n: number) => formatNumber(Math.round((n / unit) * 100) / 100);
  const weight = (w: string) => (a.basis === 'REVENUE' ? t('councils.web.seats.money', { amount: minorToDecimalText(w) }) : formatNumber(Number(w)));
  return (
    <article className="cw-plan" aria-labelledby={`seats-${a.id}`} data-apportionment={a.id}>
      <h3 id={`seats-${a.id}`}>{t('councils.web.seats.heading', { seats: a.seats, basis: t(BASIS_KEY[a.basis]), method: t(METHOD_KEY[a.method]) })}</h3>
      <p className="muted">{a.publishedAt ? t('councils.web.seats.publishedOn', { date: formatDate(a.publishedAt.slice(0, 10)) }) : t('councils.web.seats.draft')}</p>
      <table className="cw-votes">
        <caption>{t('councils.web.seats.result')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('councils.web.seats.group')}</th>
            <th scope="col">{t(BASIS_KEY[a.basis])}</th>
            <th scope="col">{t('councils.web.seats.seatsColumn')}</th>
          </tr>
        </thead>
        <tbody>
          {a.figures.map((f) => (
            <tr key={f.id}>
              <th scope="row">
                {f.name}
                {f.source && <span className="list__meta cw-source">{t('councils.web.seats.sourceShown', { source: f.source })}</span>}
              </th>
              <td>{weight(f.weight)}</td>
              <td data-seats={f.name}>{a.allocation.find((s) => s.id === f.id)?.seats ?? 0}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {x && (
        <details className="cw-votes-details">
          <summary>{t('councils.web.seats.explanation')}</summary>
          {x.awards && (
            <>
              <p>{t(a.method === 'DHONDT' ? 'councils.web.seats.dhondtHow' : 'councils.web.seats.sainteLagueHow')}</p>
              <ol className="cw-vote-list">
                {x.awards.map((w) => (
                  <li key={w.seat}>{t('councils.web.seats.award', { seat: w.seat, name: name.get(w.party) ?? w.party, quotient: round(w.quotient) })}</li>
                ))}
              </ol>
            </>
          )}
          {x.rows && (
            <>
              <p>{t('councils.web.seats.hareHow', { quota: round(x.quota ?? 0) })}</p>
              <ul className="cw-vote-list">
                {x.rows.map((r) => (
                  <li key={r.party}>
                    {t(r.extraSeat ? 'councils.web.seats.rowExtra' : 'councils.web.seats.row', { name: name.get(r.party) ?? r.party, ideal: r.idealExact, automatic: r.automaticSeats })}
                  </li>
                ))}
              </ul>
            </>
          )}
        </details>
      )}
      {secretary && !a.publishedAt && (
        <>
          <FormAlert text={form.general} />
          <button type="button" className="button" disabled={form.busy} onClick={() => void form.submit(async () => (await graphql.request(CW_PUBLISH_APPORTIONMENT, { id: a.id }), onChange()))}>
            {t('councils.web.seats.publish')}
          </button>
        </>
      )}
    </article>
  );
}

interface Row {
  id: string;
  name: string;
  weight: string;
  source: string;
}

function ApportionForm({ b, onChange }: Props) {
  const { t } = useI18n();
  const row = (): Row => ({ id: newId(), name: '', weight: '', source: '' });
  const [basis, setBasis] = useState<ApportionmentBasis>('POPULATION');
  const [method, setMethod] = useState<ApportionmentMethod>('DHONDT');
  const [seats, setSeats] = useState('');
  const [rows, setRows] = useState<Row[]>(() => [row(), row()]);
  const [rowErrors, setRowErrors] = useState<Record<string, string>>({});
  const form = useFormSubmit<'seats' | 'figures'>({ 'input.seats': 'seats', 'input.figures': 'figures' });
  const set = (i: number, patch: Partial<Row>) => setRows((rs) => rs.map((r, j) => (j === i ? { ...r, ...patch } : r)));
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const errs: Record<string, string> = {};
    const figures = rows.map((r, i) => {
      let weight: string | null = null;
      if (basis === 'REVENUE') {
        const m = readAmountMinor(r.weight);
        weight = m.ok ? m.value : null;
      } else weight = /^\d{1,15}$/.test(r.weight.trim()) ? r.weight.trim() : null;
      if (!r.name.trim()) errs[`${i}.name`] = t('errors.validation.required');
      if (!weight) errs[`${i}.weight`] = t('errors.validation.invalid');
      if (basis === 'REVENUE' && !r.source.trim()) errs[`${i}.source`] = t('errors.councils.revenueSource');
      return { id: r.id, name: r.name.trim(), weight: weight ?? '', source: r.source.trim() || null };
    });
    setRowErrors(errs);
    const n = Number(seats);
    if (!Number.isInteger(n) || n < 1) return form.setErrors({ fields: { seats: { key: 'errors.validation.invalid' } }, general: { key: 'errors.BAD_USER_INPUT' } });
    if (Object.keys(errs).length) return form.setErrors({ fields: {}, general: { key: 'errors.BAD_USER_INPUT' } });
    void form.submit(async () => {
      await graphql.request(CW_APPORTION, { input: { bodyId: b.id, basis, method, seats: n, figures } });
      setRows([row(), row()]);
      onChange();
    });
  };
  return (
    <form className="form cw-form" onSubmit={submit} noValidate aria-labelledby="cw-apportion">
      <h3 id="cw-apportion">{t('councils.web.seats.compute')}</h3>
      <p className="muted">{t('councils.web.seats.revenueNote')}</p>
      <FormAlert text={form.general ?? form.fieldError('figures')} />
      <SelectField label={t('councils.web.seats.basis')} value={basis} onChange={(e) => setBasis(e.target.value as ApportionmentBasis)}>
        {(['POPULATION', 'VOTERS', 'REVENUE'] as const).map((k) => (
          <option key={k} value={k}>
            {t(BASIS_KEY[k])}
          </option>
        ))}
      </SelectField>
      <SelectField label={t('councils.web.seats.method')} value={method} onChange={(e) => setMethod(e.target.value as ApportionmentMethod)}>
        {(['DHONDT', 'SAINTE_LAGUE', 'LARGEST_REMAINDER'] as const).map((k) => (
          <option key={k} value={k}>
            {t(METHOD_KEY[k])}
          </option>
        ))}
      </SelectField>
      <Field label={t('councils.web.seats.seats')} inputMode="numeric" value={seats} onChange={(e) => setSeats(e.target.value)} error={form.fieldError('seats')} />
      {rows.map((r, i) => (
        <fieldset key={r.id} className="cw-figure">
          <legend>{t('councils.web.seats.groupN', { n: i + 1 })}</legend>
          <Field label={t('councils.web.seats.groupName', { n: i + 1 })} value={r.name} onChange={(e) => set(i, { name: e.target.value })} error={rowErrors[`${i}.name`]} maxLength={200} />
          <Field
            label={basis === 'REVENUE' ? t('councils.web.seats.revenueAmount', { n: i + 1 }) : t('councils.web.seats.weight', { n: i + 1 })}
            inputMode={basis === 'REVENUE' ? 'decimal' : 'numeric'}
            value={r.weight}
            onChange={(e) => set(i, { weight: e.target.value })}
            error={rowErrors[`${i}.weight`]}
          />
          <Field label={t('councils.web.seats.source', { n: i + 1 })} hint={t('councils.web.seats.sourceHint')} value={r.source} onChange={(e) => set(i, { source: e.target.value })} error={rowErrors[`${i}.source`]} maxLength={300} />
          {rows.length > 1 && (
            <button type="button" className="button button--secondary" onClick={() => setRows((rs) => rs.filter((_, j) => j !== i))}>
              {t('councils.web.seats.removeGroup', { n: i + 1 })}
            </button>
          )}
        </fieldset>
      ))}
      <button type="button" className="button button--secondary" onClick={() => setRows((rs) => [...rs, row()])}>
        {t('councils.web.seats.addGroup')}
      </button>
      <button type="submit" className="button" disabled={form.busy}>
        {t('councils.web.seats.computeSubmit')}
      </button>
    </form>
  );
}
