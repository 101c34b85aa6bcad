import type { Message } from '../../api/graphql-errors';
import type { BallotKind, CountingRule, ProcessRulesInput, VerificationLevel } from '../../api/generated/graphql';
import { useI18n } from '../../i18n/i18n.context';
import { Field, SelectField } from '../../ui/field.component';
import { cleanNumberInput, minorToDecimalText, readAmountMinor, readWhole } from '../../ui/number-input';
import { CURRENCY_KEY } from './labels';

const KINDS: Record<BallotKind, string> = {
  APPROVAL: 'participation.create.kind.APPROVAL',
  KNAPSACK: 'participation.create.kind.KNAPSACK',
  CUMULATIVE: 'participation.create.kind.CUMULATIVE',
  RANKING: 'participation.create.kind.RANKING',
};
const RULES: Record<CountingRule, string> = { GREEDY: 'participation.create.rule.GREEDY', MES: 'participation.create.rule.MES' };
const LEVELS: Record<VerificationLevel, string> = {
  SELF_DECLARED: 'participation.create.verification.SELF_DECLARED',
  PHONE: 'participation.create.verification.PHONE',
  IN_PERSON: 'participation.create.verification.IN_PERSON',
};

/** The rules as typed (text boxes keep what the person wrote until it is read). */
export interface RulesDraft {
  envelope: string;
  ballotKind: BallotKind;
  minChoices: string;
  maxChoices: string;
  maxPoints: string;
  countingRule: CountingRule;
  verification: VerificationLevel;
  minAge: string;
}

export type RulesField = 'envelope' | 'minChoices' | 'maxChoices' | 'maxPoints' | 'minAge';

/** The API's field paths → the boxes, under `prefix` ("input.rules" when creating, "rules" when changing). */
export const rulesFieldMap = (prefix: string): Record<string, RulesField> => ({
  [`${prefix}.envelope`]: 'envelope',
  [`${prefix}.minChoices`]: 'minChoices',
  [`${prefix}.maxChoices`]: 'maxChoices',
  [`${prefix}.maxPoints`]: 'maxPoints',
  [`${prefix}.minAge`]: 'minAge',
});

export const NEW_RULES: RulesDraft = { envelope: '', ballotKind: 'KNAPSACK', minChoices: '1', maxChoices: '', maxPoints: '10', countingRule: 'GREEDY', verification: 'SELF_DECLARED', minAge: '' };

export function draftOf(p: { envelope: string; ballotKind: BallotKind; minChoices: number; maxChoices: number | null; maxPoints: number | null; countingRule: CountingRule; verification: VerificationLevel; minAge: number | null }): RulesDraft {
  return {
    envelope: minorToDecimalText(p.envelope).replace(/\.00$/, ''),
    ballotKind: p.ballotKind,
    minChoices: String(p.minChoices),
    maxChoices: p.maxChoices === null ? '' : String(p.maxChoices),
    maxPoints: p.maxPoints === null ? '10' : String(p.maxPoints),
    countingRule: p.countingRule,
    verification: p.verification,
    minAge: p.minAge === null ? '' : String(p.minAge),
  };
}

/** What the boxes say as the API's rules, or the message for each box that cannot be read. */
export function readRules(d: RulesDraft): { ok: true; rules: ProcessRulesInput } | { ok: false; fields: Partial<Record<RulesField, Message>> } {
  const amount = readAmountMinor(d.envelope);
  const min = readWhole(d.minChoices);
  const max = readWhole(d.maxChoices);
  const points = readWhole(d.maxPoints, { required: d.ballotKind === 'CUMULATIVE' });
  const age = readWhole(d.minAge);
  const fields: Partial<Record<RulesField, Message>> = {};
  if (!amount.ok) fields.envelope = amount.message;
  else if (amount.value === null) fields.envelope = { key: 'errors.validation.required' };
  if (!min.ok) fields.minChoices = min.message;
  if (!max.ok) fields.maxChoices = max.message;
  if (!points.ok) fields.maxPoints = points.message;
  if (!age.ok) fields.minAge = age.message;
  if (Object.keys(fields).length || !amount.ok || !min.ok || !max.ok || !points.ok || !age.ok) return { ok: false, fields };
  return {
    ok: true,
    rules: {
      envelope: amount.value!,
      ballotKind: d.ballotKind,
      minChoices: min.value ?? 1,
      maxChoices: max.value,
      maxPoints: d.ballotKind === 'CUMULATIVE' ? points.value : null,
      // Ranked ballots are counted by Borda score whatever is chosen; the choice is kept for the record.
      countingRule: d.countingRule,
      verification: d.verification,
      minAge: age.value,
    },
  };
}

/** The boxes of a process's rules: the money set aside, the ballot and its limits, the count, who may vote. */
export function RulesFields({ draft: d, onChange, currency, error }: { draft: RulesDraft; onChange: (d: RulesDraft) => void; currency: string; error: (f: RulesField) => string | null }) {
  const { t } = useI18n();
  const set = <K extends keyof RulesDraft>(k: K, v: RulesDraft[K]) => onChange({ ...d, [k]: v });
  const digits = (s: string) => s.replace(/\D/g, '');
  return (
    <>
      <Field label={t('participation.create.envelope', { currency: t(CURRENCY_KEY[currency] ?? CURRENCY_KEY.KGS) })} hint={t('participation.propose.costHint')} inputMode="decimal" value={d.envelope} onChange={(e) => set('envelope', cleanNumberInput(e.target.value))} error={error('envelope')} required />
      <SelectField label={t('participation.create.ballotKind')} value={d.ballotKind} onChange={(e) => set('ballotKind', e.target.value as BallotKind)}>
        {(Object.keys(KINDS) as BallotKind[]).map((k) => (
          <option key={k} value={k}>
            {t(KINDS[k])}
          </option>
        ))}
      </SelectField>
      <Field label={t('participation.create.minChoices')} inputMode="numeric" value={d.minChoices} onChange={(e) => set('minChoices', digits(e.target.value))} error={error('minChoices')} />
      <Field label={t('participation.create.maxChoices')} inputMode="numeric" value={d.maxChoices} onChange={(e) => set('maxChoices', digits(e.target.value))} error={error('maxChoices')} />
      {d.ballotKind === 'CUMULATIVE' && <Field label={t('participation.create.maxPoints')} inputMode="numeric" value={d.maxPoints} onChange={(e) => set('maxPoints', digits(e.target.value))} error={error('maxPoints')} />}
      {d.ballotKind !== 'RANKING' && (
        <SelectField label={t('participation.create.countingRule')} value={d.countingRule} onChange={(e) => set('countingRule', e.target.value as CountingRule)}>
          {(Object.keys(RULES) as CountingRule[]).map((r) => (
            <option key={r} value={r}>
              {t(RULES[r])}
            </option>
          ))}
        </SelectField>
      )}
      <SelectField label={t('participation.create.verification')} value={d.verification} onChange={(e) => set('verification', e.target.value as VerificationLevel)}>
        {(Object.keys(LEVELS) as VerificationLevel[]).map((l) => (
          <option key={l} value={l}>
            {t(LEVELS[l])}
          </option>
        ))}
      </SelectField>
      <Field label={t('participation.create.minAge')} inputMode="numeric" value={d.minAge} onChange={(e) => set('minAge', digits(e.target.value))} error={error('minAge')} />
    </>
  );
}
