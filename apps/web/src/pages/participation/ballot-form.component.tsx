import { FormEvent, useState } from 'react';
import { graphql } from '../../api/graphql.client';
import { useI18n } from '../../i18n/i18n.context';
import { FormAlert } from '../../ui/form-alert.component';
import { useFormSubmit } from '../../ui/form-submit.hook';
import { BallotOption, canAdd, countedCost, rankedChoices, totalCost } from './ballot';
import { forbiddenSays } from './forbidden';
import { useMoney } from './money.hook';
import { PB_CAST_BALLOT, PbProcess } from './participation.operations';

/**
 * The ballot of the voting phase, by the process's kind: approval and knapsack are tick boxes (knapsack with
 * a running total that refuses to go over the envelope), cumulative gives points, ranking gives places.
 * The voter's own ballot is preselected, to change it until close; after casting, the receipt code and how
 * to find it in the published ballots.
 */
export function BallotForm({ process: p, onCast }: { process: PbProcess; onCast: () => void }) {
  const { t, formatNumber } = useI18n();
  const money = useMoney(p.currency);
  const options = p.proposals.filter((x) => x.status === 'FEASIBLE');
  const costs: BallotOption[] = options.map((x) => ({ id: x.id, cost: countedCost(x) }));
  const mine = p.myBallot;
  const [chosen, setChosen] = useState<string[]>(mine?.choices ?? []);
  const [points, setPoints] = useState<Record<string, string>>(() => Object.fromEntries((mine?.choices ?? []).map((id, i) => [id, String(mine?.points?.[i] ?? '')])));
  const [places, setPlaces] = useState<Record<string, number>>(() => Object.fromEntries((mine?.choices ?? []).map((id, i) => [id, i + 1])));
  const [refusal, setRefusal] = useState<string | null>(null);
  const [receipt, setReceipt] = useState<{ code: string; first: boolean } | null>(null);
  const form = useFormSubmit();

  const toggle = (id: string, title: string, on: boolean) => {
    setReceipt(null);
    if (!on) {
      setRefusal(null);
      setChosen((c) => c.filter((x) => x !== id));
      return;
    }
    const check = canAdd(p.ballotKind, p, costs, chosen, id);
    if (!check.ok) {
      setRefusal(
        check.reason === 'overEnvelope'
          ? t('participation.ballot.overEnvelope', { title, cost: money(costs.find((o) => o.id === id)!.cost), total: money(check.total), envelope: money(p.envelope) })
          : t('participation.ballot.tooMany', { max: p.maxChoices ?? 0 }),
      );
      return;
    }
    setRefusal(null);
    setChosen((c) => [...c, id]);
  };

  const given = Object.values(points).reduce((s, v) => s + (Number(v) || 0), 0);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    setReceipt(null);
    let choices: string[];
    let pointList: number[] | undefined;
    if (p.ballotKind === 'CUMULATIVE') {
      const entries = options.map((x) => [x.id, Number(points[x.id] || 0)] as const).filter(([, n]) => n > 0);
      choices = entries.map(([id]) => id);
      pointList = entries.map(([, n]) => n);
      if (p.maxPoints !== null && given > p.maxPoints) {
        form.setErrors({ fields: {}, general: { key: 'errors.participation.ballot.OVER_POINTS_CAP', params: { limit: p.maxPoints } } });
        return;
      }
    } else if (p.ballotKind === 'RANKING') {
      const used = Object.values(places).filter((n) => n > 0);
      if (new Set(used).size !== used.length) {
        form.setErrors({ fields: {}, general: { key: 'participation.ballot.rankDuplicate' } });
        return;
      }
      choices = rankedChoices(places);
    } else {
      // In the order of the list, so the same choice always sends the same ballot.
      choices = options.map((x) => x.id).filter((id) => chosen.includes(id));
    }
    if (choices.length < p.minChoices) {
      form.setErrors({ fields: {}, general: { key: 'errors.participation.ballot.TOO_FEW_PROJECTS', params: { limit: p.minChoices } } });
      return;
    }
    void form.submit(async () => {
      const r = await forbiddenSays('participation.membersOnly', () => graphql.request(PB_CAST_BALLOT, { input: { processId: p.id, choices, ...(pointList ? { points: pointList } : {}) } }));
      setReceipt({ code: r.castBallot.receiptCode, first: r.castBallot.firstBallot });
      onCast();
    });
  };

  const total = totalCost(costs, chosen);
  const left = (BigInt(p.envelope) - BigInt(total)).toString();
  const code = receipt?.code ?? mine?.receiptCode;

  return (
    <form className="form pb-ballot" onSubmit={submit} noValidate aria-labelledby="pb-ballot-heading">
      <h2 id="pb-ballot-heading">{t('participation.ballot.title')}</h2>
      {mine && !receipt && <p className="pb-note">{t('participation.ballot.changing')}</p>}
      <FormAlert text={form.general} />
      {(p.ballotKind === 'APPROVAL' || p.ballotKind === 'KNAPSACK') && (
        <fieldset className="choices pb-choices">
          <legend>{t('participation.ballot.choices')}</legend>
          {options.map((x) => (
            <label key={x.id} className="checkbox pb-choice">
              <input type="checkbox" checked={chosen.includes(x.id)} onChange={(e) => toggle(x.id, x.title, e.target.checked)} />
              {t('participation.ballot.option', { title: x.title, cost: money(countedCost(x)) })}
            </label>
          ))}
        </fieldset>
      )}
      {p.ballotKind === 'CUMULATIVE' &&
        options.map((x) => (
          <div key={x.id} className="field">
            <label htmlFor={`pb-points-${x.id}`}>{t('participation.ballot.points', { title: x.title })}</label>
            <input id={`pb-points-${x.id}`} inputMode="numeric" value={points[x.id] ?? ''} onChange={(e) => setPoints((s) => ({ ...s, [x.id]: e.target.value.replace(/\D/g, '') }))} />
          </div>
        ))}
      {p.ballotKind === 'RANKING' &&
        options.map((x) => (
          <div key={x.id} className="field">
            <label htmlFor={`pb-rank-${x.id}`}>{t('participation.ballot.rank', { title: x.title })}</label>
            <select id={`pb-rank-${x.id}`} value={places[x.id] ?? 0} onChange={(e) => setPlaces((s) => ({ ...s, [x.id]: Number(e.target.value) }))}>
              <option value={0}>{t('participation.ballot.rankNone')}</option>
              {options.slice(0, p.maxChoices ?? options.length).map((_, i) => (
                <option key={i} value={i + 1}>
                  {formatNumber(i + 1)}
                </option>
              ))}
            </select>
          </div>
        ))}
      {/* The running total stays in view on a phone (sticky), and is read out as it changes. */}
      {p.ballotKind === 'KNAPSACK' && (
        <div className="pb-total" role="status">
          <p>{t('participation.ballot.total', { total: money(total), envelope: money(p.envelope) })}</p>
          <p>{t('participation.ballot.left', { left: money(left) })}</p>
        </div>
      )}
      {p.ballotKind === 'CUMULATIVE' && (
        <p className="pb-total" role="status">
          {t('participation.ballot.pointsGiven', { given: formatNumber(given), max: formatNumber(p.maxPoints ?? 0) })}
        </p>
      )}
      <div role="alert" className={refusal ? 'alert' : undefined}>
        {refusal && <p>{refusal}</p>}
      </div>
      <button type="submit" className="button" disabled={form.busy}>
        {mine ? t('participation.ballot.submitChange') : t('participation.ballot.submit')}
      </button>
      {code && (
        <div className="pb-receipt" role="status">
          {receipt && <p>{receipt.first ? t('participation.ballot.done') : t('participation.ballot.changed')}</p>}
          <p className="pb-receipt__code">{t('participation.ballot.receipt', { code })}</p>
          <p>{t('participation.ballot.receiptHelp')}</p>
        </div>
      )}
    </form>
  );
}
