import { useI18n } from '../../i18n/i18n.context';

/** A score as a bar of plain HTML/CSS; the bar is decoration (aria-hidden), the number is the text. */
export function ScoreBar({ score, max }: { score: number; max: number }) {
  const { t } = useI18n();
  const width = max > 0 ? Math.min(100, Math.round((score / max) * 100)) : 0;
  return (
    <span className="mi-score">
      <span className="mi-score__value" data-score={score}>
        {t('municipal.web.scoreOf', { score, max })}
      </span>
      <span className="mi-bar" aria-hidden="true">
        <span className="mi-bar__fill" style={{ width: `${width}%` }} />
      </span>
    </span>
  );
}

/** One share of an area's municipalities (0..1), its percentage in text and a bar beside it. */
export function ShareBar({ label, share, text }: { label: string; share: number; text: string }) {
  return (
    <div className="mi-share">
      <dt>{label}</dt>
      <dd>
        <span className="mi-share__value">{text}</span>
        <span className="mi-bar" aria-hidden="true">
          <span className="mi-bar__fill" style={{ width: `${Math.round(Math.min(1, Math.max(0, share)) * 100)}%` }} />
        </span>
      </dd>
    </div>
  );
}
