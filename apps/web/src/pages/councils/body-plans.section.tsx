import { FormEvent, useState } from 'react';
import { graphql } from '../../api/graphql.client';
import { useQuery } from '../../api/use-query.hook';
import { useI18n } from '../../i18n/i18n.context';
import { DateField, isoToDisplayDate, readDisplayDate } from '../../ui/date-field.component';
import { Field, SelectField, TextAreaField } from '../../ui/field.component';
import { FormAlert } from '../../ui/form-alert.component';
import { useFormSubmit } from '../../ui/form-submit.hook';
import { ActionItemStatus, CW_ACTION_CHECK, CW_ACTION_ITEM_STATUS, CW_ADD_ACTION_ITEM, CW_CREATE_PLAN, CW_DIRECTORY, CwBody, CwPlan } from './councils.operations';
import { ITEM_STATUS_KEY, ITEM_STATUSES, todayIso } from './labels';
import { AttachDocumentForm, DocumentList } from './meeting-parts.component';

type Props = { b: CwBody; onChange: () => void };
type Item = CwPlan['items'][number];

/**
 * Action plans the body drew up or monitors: items with responsible party, deadline, status, evidence
 * and the overdue flag; the plan's own secretary moves items, the monitoring body's secretary records checks.
 */
export function PlansSection({ b, onChange }: Props) {
  const { t, formatDate } = useI18n();
  return (
    <section aria-labelledby="cw-plans">
      <h2 id="cw-plans">{t('councils.web.plans.title')}</h2>
      {b.actionPlans.length === 0 ? (
        <p className="muted">{t('councils.web.plans.none')}</p>
      ) : (
        b.actionPlans.map((p) => {
          const own = p.bodyId === b.id;
          const overdue = p.items.filter((i) => i.overdue).length;
          return (
            <article key={p.id} className="cw-plan" aria-labelledby={`plan-${p.id}`}>
              <h3 id={`plan-${p.id}`}>{p.title}</h3>
              <p className="muted">
                {own ? (p.monitoringBodyId ? t('councils.web.plans.monitored') : t('councils.web.plans.own')) : t('councils.web.plans.weMonitor')}
                {overdue > 0 && (
                  <>
                    {' · '}
                    <strong className="cw-status cw-status--overdue">{t('councils.web.plans.overdueCount', { count: overdue })}</strong>
                  </>
                )}
              </p>
              <ol className="cw-agenda">
                {p.items.map((i) => (
                  <li key={i.id} className="cw-item cw-action-item" data-overdue={i.overdue ? 'true' : 'false'}>
                    <h4 className="cw-item-title">{i.title}</h4>
                    <p className="list__meta">
                      {t('councils.web.plans.responsible', { who: i.responsible })} · {t('councils.web.plans.deadline', { date: formatDate(i.deadline) })} ·{' '}
                      <span className="cw-status">{t(ITEM_STATUS_KEY[i.status])}</span>
                      {i.overdue && (
                        <>
                          {' · '}
                          <strong className="cw-status cw-status--overdue">{t('councils.web.plans.overdue')}</strong>
                        </>
                      )}
                    </p>
                    {i.evidence && <p>{t('councils.web.plans.evidenceShown', { evidence: i.evidence })}</p>}
                    {i.checks.length > 0 && (
                      <ul className="cw-vote-list">
                        {i.checks.map((c) => (
                          <li key={c.id}>
                            {t('councils.web.plans.check', { date: formatDate(c.checkedOn), status: t(ITEM_STATUS_KEY[c.statusFound]) })}: {c.finding}
                          </li>
                        ))}
                      </ul>
                    )}
                    {i.documents.length > 0 && <DocumentList documents={i.documents} label={t('councils.web.documents.ofItem', { item: i.title })} />}
                    {b.viewerIsSecretary && own && <AttachDocumentForm ownerKind="ACTION_ITEM" ownerId={i.id} title={t('councils.web.documents.attachToItem', { item: i.title })} onDone={onChange} folded />}
                    {b.viewerIsSecretary && own && i.status !== 'DONE' && i.status !== 'CANCELLED' && <StatusForm item={i} onChange={onChange} />}
                    {b.viewerIsSecretary && p.monitoringBodyId === b.id && <CheckForm item={i} onChange={onChange} />}
                  </li>
                ))}
              </ol>
              {b.viewerIsSecretary && own && <AddItemForm planId={p.id} onChange={onChange} />}
            </article>
          );
        })
      )}
      {b.viewerIsSecretary && <CreatePlanForm b={b} onChange={onChange} />}
    </section>
  );
}

function CreatePlanForm({ b, onChange }: Props) {
  const { t, pick } = useI18n();
  const [title, setTitle] = useState('');
  const [monitor, setMonitor] = useState('');
  // Who may monitor: the other bodies of the same community (or, for a state body's council, of the same country).
  const others = useQuery(CW_DIRECTORY, { filter: b.communityId ? { communityId: b.communityId } : { country: b.country } });
  const candidates = (others.data?.councilDirectory ?? []).filter((x) => x.id !== b.id);
  const form = useFormSubmit<'title' | 'monitor'>({ 'input.title': 'title', 'input.monitoringBodyId': 'monitor' });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!title.trim()) return form.setErrors({ fields: { title: { key: 'errors.validation.required' } }, general: { key: 'errors.BAD_USER_INPUT' } });
    void form.submit(async () => {
      await graphql.request(CW_CREATE_PLAN, { input: { bodyId: b.id, title: title.trim(), monitoringBodyId: monitor || null } });
      setTitle('');
      setMonitor('');
      onChange();
    });
  };
  return (
    <form className="form cw-form" onSubmit={submit} noValidate aria-labelledby="cw-new-plan">
      <h3 id="cw-new-plan">{t('councils.web.plans.create')}</h3>
      <FormAlert text={form.general} />
      <Field label={t('councils.web.plans.planTitle')} value={title} onChange={(e) => setTitle(e.target.value)} error={form.fieldError('title')} required maxLength={300} />
      <SelectField label={t('councils.web.plans.monitoringBody')} hint={t('councils.web.plans.monitoringBodyHint')} value={monitor} onChange={(e) => setMonitor(e.target.value)} error={form.fieldError('monitor')}>
        <option value="">{t('councils.web.plans.noMonitoringBody')}</option>
        {candidates.map((x) => (
          <option key={x.id} value={x.id}>
            {pick(x.name)}
          </option>
        ))}
      </SelectField>
      <button type="submit" className="button" disabled={form.busy}>
        {t('councils.web.plans.createSubmit')}
      </button>
    </form>
  );
}

type ItemField = 'title' | 'responsible' | 'deadline';

function AddItemForm({ planId, onChange }: { planId: string; onChange: () => void }) {
  const { t } = useI18n();
  const empty = { title: '', responsible: '', deadline: '' };
  const [v, setV] = useState(empty);
  const form = useFormSubmit<ItemField>({ 'input.title': 'title', 'input.responsible': 'responsible', 'input.deadline': 'deadline' });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const deadline = readDisplayDate(v.deadline);
    const fields: Partial<Record<ItemField, { key: string }>> = {};
    if (!v.title.trim()) fields.title = { key: 'errors.validation.required' };
    if (!v.responsible.trim()) fields.responsible = { key: 'errors.validation.required' };
    if (!deadline) fields.deadline = { key: 'errors.validation.invalid' };
    if (Object.keys(fields).length) return form.setErrors({ fields, general: { key: 'errors.BAD_USER_INPUT' } });
    void form.submit(async () => {
      await graphql.request(CW_ADD_ACTION_ITEM, { input: { planId, title: v.title.trim(), responsible: v.responsible.trim(), deadline: deadline! } });
      setV(empty);
      onChange();
    });
  };
  return (
    <details className="cw-tools">
      <summary>{t('councils.web.plans.addItem')}</summary>
      <form className="form cw-form" onSubmit={submit} noValidate aria-label={t('councils.web.plans.addItem')}>
        <FormAlert text={form.general} />
        <Field label={t('councils.web.plans.itemTitle')} value={v.title} onChange={(e) => setV({ ...v, title: e.target.value })} error={form.fieldError('title')} required maxLength={300} />
        <Field label={t('councils.web.plans.responsibleField')} value={v.responsible} onChange={(e) => setV({ ...v, responsible: e.target.value })} error={form.fieldError('responsible')} required maxLength={300} />
        <DateField label={t('councils.web.plans.deadlineField')} value={v.deadline} onChange={(e) => setV({ ...v, deadline: e.target.value })} error={form.fieldError('deadline')} />
        <button type="submit" className="button" disabled={form.busy}>
          {t('councils.web.plans.addItemSubmit')}
        </button>
      </form>
    </details>
  );
}

function StatusForm({ item, onChange }: { item: Item; onChange: () => void }) {
  const { t } = useI18n();
  const [status, setStatus] = useState<ActionItemStatus>(item.status);
  const [evidence, setEvidence] = useState(item.evidence ?? '');
  const form = useFormSubmit<'evidence'>({ 'input.evidence': 'evidence' });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (status === 'DONE' && !evidence.trim()) return form.setErrors({ fields: { evidence: { key: 'errors.councils.evidenceRequired' } }, general: { key: 'errors.BAD_USER_INPUT' } });
    void form.submit(async () => {
      await graphql.request(CW_ACTION_ITEM_STATUS, { input: { itemId: item.id, status, evidence: evidence.trim() || null } });
      onChange();
    });
  };
  return (
    <details className="cw-tools">
      <summary>{t('councils.web.plans.changeStatus', { item: item.title })}</summary>
      <form className="form cw-form" onSubmit={submit} noValidate aria-label={t('councils.web.plans.changeStatus', { item: item.title })}>
        <FormAlert text={form.general} />
        <SelectField label={t('councils.web.plans.status')} value={status} onChange={(e) => setStatus(e.target.value as ActionItemStatus)}>
          {ITEM_STATUSES.map((s) => (
            <option key={s} value={s}>
              {t(ITEM_STATUS_KEY[s])}
            </option>
          ))}
        </SelectField>
        <TextAreaField label={t('councils.web.plans.evidence')} hint={t('councils.web.plans.evidenceHint')} value={evidence} onChange={(e) => setEvidence(e.target.value)} error={form.fieldError('evidence')} rows={2} maxLength={5000} />
        <button type="submit" className="button" disabled={form.busy}>
          {t('councils.web.save')}
        </button>
      </form>
    </details>
  );
}

type CheckField = 'finding' | 'checkedOn';

function CheckForm({ item, onChange }: { item: Item; onChange: () => void }) {
  const { t } = useI18n();
  const [v, setV] = useState({ finding: '', checkedOn: isoToDisplayDate(todayIso()), status: item.status });
  const form = useFormSubmit<CheckField>({ 'input.finding': 'finding', 'input.checkedOn': 'checkedOn' });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const on = readDisplayDate(v.checkedOn);
    const fields: Partial<Record<CheckField, { key: string }>> = {};
    if (!v.finding.trim()) fields.finding = { key: 'errors.validation.required' };
    if (!on) fields.checkedOn = { key: 'errors.validation.invalid' };
    if (Object.keys(fields).length) return form.setErrors({ fields, general: { key: 'errors.BAD_USER_INPUT' } });
    void form.submit(async () => {
      await graphql.request(CW_ACTION_CHECK, { input: { itemId: item.id, checkedOn: on!, finding: v.finding.trim(), statusFound: v.status } });
      setV({ ...v, finding: '' });
      onChange();
    });
  };
  return (
    <details className="cw-tools">
      <summary>{t('councils.web.plans.recordCheck', { item: item.title })}</summary>
      <form className="form cw-form" onSubmit={submit} noValidate aria-label={t('councils.web.plans.recordCheck', { item: item.title })}>
        <FormAlert text={form.general} />
        <DateField label={t('councils.web.plans.checkedOn')} value={v.checkedOn} onChange={(e) => setV({ ...v, checkedOn: e.target.value })} error={form.fieldError('checkedOn')} />
        <SelectField label={t('councils.web.plans.statusFound')} value={v.status} onChange={(e) => setV({ ...v, status: e.target.value as ActionItemStatus })}>
          {ITEM_STATUSES.map((s) => (
            <option key={s} value={s}>
              {t(ITEM_STATUS_KEY[s])}
            </option>
          ))}
        </SelectField>
        <TextAreaField label={t('councils.web.plans.finding')} value={v.finding} onChange={(e) => setV({ ...v, finding: e.target.value })} error={form.fieldError('finding')} rows={2} required maxLength={5000} />
        <button type="submit" className="button" disabled={form.busy}>
          {t('councils.web.plans.checkSubmit')}
        </button>
      </form>
    </details>
  );
}
