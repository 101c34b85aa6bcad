import { FormEvent, useState } from 'react';
import { useLocation } from 'react-router';
import type { Message } from '../../api/graphql-errors';
import { graphql } from '../../api/graphql.client';
import { useI18n } from '../../i18n/i18n.context';
import { Field } from '../../ui/field.component';
import { FormAlert } from '../../ui/form-alert.component';
import { useFormSubmit } from '../../ui/form-submit.hook';
import { forbiddenSays } from './forbidden';
import { PHASE_KEY } from './labels';
import { PB_SET_SCHEDULE, PbProcess, ProcessPhase } from './participation.operations';
import { formatInZone, instantToWall, laterPhases, PlanProblem, readPlan, zoneLabel } from './schedule';

export type PlanDraft = Partial<Record<ProcessPhase, string>>;

/** One datetime-local input per later phase, read as wall time in `timeZone` (named in the hint). */
export function ScheduleFields({ phases, draft, onChange, timeZone, problem }: { phases: ProcessPhase[]; draft: PlanDraft; onChange: (d: PlanDraft) => void; timeZone: string | null; problem: PlanProblem | null }) {
  const { t } = useI18n();
  return (
    <fieldset className="pb-schedule-fields">
      <legend>{t('participation.schedule.title')}</legend>
      <p className="muted">
        {timeZone ? t('participation.schedule.zone', { zone: zoneLabel(timeZone) }) : t('participation.schedule.zoneCommunity')} {t('participation.schedule.hint')}
      </p>
      {phases.map((phase) => (
        <Field
          key={phase}
          type="datetime-local"
          label={t('participation.schedule.field', { phase: t(PHASE_KEY[phase]) })}
          value={draft[phase] ?? ''}
          onChange={(e) => onChange({ ...draft, [phase]: e.target.value })}
          error={problem?.phase === phase ? t(problem.key) : null}
        />
      ))}
    </fieldset>
  );
}

/** The planned starts, shown to everyone in the community's zone with the zone named; organisers change them here. */
export function ScheduleSection({ process: p, onSaved }: { process: PbProcess; onSaved: () => void }) {
  const { t, locale } = useI18n();
  const phases = laterPhases(p.phase);
  const planned = p.schedule.filter((s) => phases.includes(s.phase));
  const [draft, setDraft] = useState<PlanDraft>(() => Object.fromEntries(planned.map((s) => [s.phase, instantToWall(s.startsAt, p.timeZone)])));
  const [problem, setProblem] = useState<PlanProblem | null>(null);
  const [saved, setSaved] = useState(false);
  const form = useFormSubmit();
  // The create form's plan, refused after the process was made: said here, beside the plan's form.
  const refused = (useLocation().state as { planRefused?: Message } | null)?.planRefused;
  if (!phases.length || (!planned.length && !p.viewerCanManage)) return null;

  const submit = (e: FormEvent) => {
    e.preventDefault();
    setSaved(false);
    const read = readPlan(draft, phases, p.timeZone);
    setProblem(read.ok ? null : read.problem);
    if (!read.ok) return;
    void form.submit(async () => {
      await forbiddenSays('participation.organiser.forbidden', () => graphql.request(PB_SET_SCHEDULE, { id: p.id, phases: read.phases }));
      setSaved(true);
      onSaved();
    });
  };

  return (
    <section aria-labelledby="pb-schedule-heading" className="pb-schedule">
      <h2 id="pb-schedule-heading">{t('participation.schedule.title')}</h2>
      {planned.length ? (
        <>
          <p className="muted">{t('participation.schedule.zone', { zone: zoneLabel(p.timeZone) })}</p>
          <ul className="pb-schedule__list">
            {planned.map((s) => (
              <li key={s.phase}>{t('participation.schedule.starts', { phase: t(PHASE_KEY[s.phase]), date: formatInZone(s.startsAt, p.timeZone, locale) })}</li>
            ))}
          </ul>
        </>
      ) : (
        <p className="muted">{t('participation.schedule.none')}</p>
      )}
      {p.viewerCanManage && (
        <form className="form" onSubmit={submit} noValidate>
          <FormAlert text={form.general ?? (refused && !saved ? t(refused.key, refused.params) : null)} />
          <ScheduleFields phases={phases} draft={draft} onChange={setDraft} timeZone={p.timeZone} problem={problem} />
          <button type="submit" className="button button--secondary" disabled={form.busy}>
            {t('participation.schedule.save')}
          </button>
          <p role="status">{saved ? t('participation.schedule.saved') : ''}</p>
        </form>
      )}
    </section>
  );
}
