import { useI18n } from '../../i18n/i18n.context';
import type { PbOutcome } from './participation.operations';

const GENDER_KEY: Record<string, string> = {
  FEMALE: 'participation.who.gender.FEMALE',
  MALE: 'participation.who.gender.MALE',
  OTHER: 'participation.who.gender.OTHER',
  UNKNOWN: 'participation.who.notGiven',
};

type Cell = { key: string; count: number | null; name?: string | null };

/**
 * Who took part (online and on paper), from the outcome's statistics: by village (named by the API in the
 * reader's language), by gender and by age group. Cells of fewer than 5 people come from the API as null and
 * are shown as "fewer than 5", never as a number.
 */
export function ParticipationStats({ stats }: { stats: PbOutcome['participation'] }) {
  const { t, formatNumber } = useI18n();
  const count = (c: Cell) => (c.count === null ? t('participation.who.fewer') : formatNumber(c.count));
  const table = (caption: string, cells: Cell[], label: (key: string) => string) =>
    cells.length > 0 && (
      <table className="pb-stats">
        <caption>{caption}</caption>
        <tbody>
          {cells.map((c) => (
            <tr key={c.key}>
              <th scope="row">{label(c.key)}</th>
              <td>{count(c)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    );
  return (
    <section aria-labelledby="pb-who-heading">
      <h3 id="pb-who-heading">{t('participation.who.title')}</h3>
      <p>{t('participation.who.voters', { count: stats.voters })}</p>
      {table(t('participation.who.byVillage'), stats.byVillage, (k) => stats.byVillage.find((c) => c.key === k)?.name ?? t('participation.who.notGiven'))}
      {table(t('participation.who.byGender'), stats.byGender, (k) => t(GENDER_KEY[k] ?? GENDER_KEY.UNKNOWN))}
      {table(t('participation.who.byAge'), stats.byAgeGroup, (k) => (k === 'UNKNOWN' ? t('participation.who.notGiven') : t('participation.who.ageGroup', { group: k.replace('-', '–') })))}
      <p className="muted">{t('participation.who.suppressed')}</p>
    </section>
  );
}
