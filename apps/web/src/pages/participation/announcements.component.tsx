import { FormEvent, useState } from 'react';
import { smsSegments } from '@ashar/kernel/sms';
import { graphql } from '../../api/graphql.client';
import { useQuery } from '../../api/use-query.hook';
import { useI18n } from '../../i18n/i18n.context';
import { TextAreaField } from '../../ui/field.component';
import { FormAlert } from '../../ui/form-alert.component';
import { useFormSubmit } from '../../ui/form-submit.hook';
import { forbiddenSays } from './forbidden';
import { useMoney } from './money.hook';
import { PB_AUDIENCE, PB_SEND_ANNOUNCEMENT, PB_SET_MESSAGE_UPDATES, PbProcess } from './participation.operations';

const LANGUAGES = ['ky', 'ru', 'kk', 'en'] as const;
type Language = (typeof LANGUAGES)[number];
const TEXT_LABEL: Record<Language, string> = { ky: 'participation.announce.text.ky', ru: 'participation.announce.text.ru', kk: 'participation.announce.text.kk', en: 'participation.announce.text.en' };

/** What the organisers announced, newest first: public, as the process is. */
export function AnnouncementList({ process: p }: { process: PbProcess }) {
  const { t, pick, formatDate } = useI18n();
  if (!p.announcements.length) return null;
  return (
    <section aria-labelledby="pb-announcements-heading">
      <h2 id="pb-announcements-heading">{t('participation.announce.listTitle')}</h2>
      <ul className="pb-announcements">
        {p.announcements.map((a) => (
          <li key={a.id}>
            <p>{pick(a.text)}</p>
            <p className="muted">{formatDate(a.createdAt)}</p>
          </li>
        ))}
      </ul>
    </section>
  );
}

/** A resident's own choice: this process's notices by SMS (their verified phone) or else email. */
export function MessageUpdatesToggle({ process: p, onChanged }: { process: PbProcess; onChanged: () => void }) {
  const { t } = useI18n();
  const [on, setOn] = useState(p.messageUpdatesForMe);
  const form = useFormSubmit();
  const change = (next: boolean) => {
    setOn(next);
    void form.submit(async () => {
      try {
        await graphql.request(PB_SET_MESSAGE_UPDATES, { id: p.id, on: next });
        onChanged();
      } catch (e) {
        setOn(!next);
        throw e;
      }
    });
  };
  return (
    <div className="pb-message-updates">
      <FormAlert text={form.general} />
      <label className="checkbox">
        <input type="checkbox" checked={on} disabled={form.busy} onChange={(e) => change(e.target.checked)} />
        {t('participation.messageUpdates.label')}
      </label>
      <p className="muted">{t('participation.messageUpdates.hint')}</p>
    </div>
  );
}

/**
 * The organisers' message editor: one text per language, each with its SMS parts counted here as the gateway
 * bills them (GSM 03.38: any Cyrillic letter makes a part 70 characters), and the cost for the people who would
 * get it by SMS in that language, before anything is sent.
 */
export function AnnouncementForm({ process: p, onSent }: { process: PbProcess; onSent: () => void }) {
  const { t, formatNumber } = useI18n();
  const audience = useQuery(PB_AUDIENCE, { id: p.id });
  const a = audience.data?.processMessageAudience;
  const money = useMoney(a?.currency ?? p.currency);
  const [text, setText] = useState<Record<Language, string>>({ ky: '', ru: '', kk: '', en: '' });
  const [sent, setSent] = useState(false);
  const form = useFormSubmit<Language | 'all'>({ 'input.text.ky': 'ky', 'input.text.ru': 'ru', 'input.text.kk': 'kk', 'input.text.en': 'en', 'input.text': 'all' });
  const maxParts = a?.maxParts ?? 3;

  const submit = (e: FormEvent) => {
    e.preventDefault();
    setSent(false);
    void form.submit(async () => {
      await forbiddenSays('participation.organiser.forbidden', () => graphql.request(PB_SEND_ANNOUNCEMENT, { input: { processId: p.id, text: Object.fromEntries(LANGUAGES.map((l) => [l, text[l].trim() || null])) } }));
      setSent(true);
      setText({ ky: '', ru: '', kk: '', en: '' });
      onSent();
    });
  };

  let total = 0n;
  return (
    <details className="pb-announce">
      <summary>{t('participation.announce.title')}</summary>
      <form className="form" onSubmit={submit} noValidate>
        <FormAlert text={form.general ?? form.fieldError('all')} />
        {a && <p>{t('participation.announce.audience', { inApp: formatNumber(a.inApp) })}</p>}
        {LANGUAGES.map((l) => {
          const s = smsSegments(text[l].trim());
          const by = a?.byLanguage.find((x) => x.language === l);
          const cost = a && by ? BigInt(s.parts) * BigInt(by.sms) * BigInt(a.pricePerPartMinor) : 0n;
          total += cost;
          const over = s.parts > maxParts;
          return (
            <div key={l} className="pb-announce__language">
              <TextAreaField
                label={t(TEXT_LABEL[l])}
                value={text[l]}
                onChange={(e) => setText({ ...text, [l]: e.target.value })}
                error={form.fieldError(l) ?? (over ? t('errors.participation.announcement.tooLong', { parts: s.parts, limit: maxParts }) : null)}
                rows={3}
                maxLength={600}
              />
              <p className="muted" aria-live="polite">
                {s.parts === 0
                  ? t('participation.announce.empty')
                  : t('participation.announce.parts', { characters: s.characters, parts: s.parts, perPart: s.perPart, left: s.remainingInLastPart })}
                {s.parts > 0 && s.encoding === 'UCS-2' && ` ${t('participation.announce.ucs2')}`}
                {by && s.parts > 0 && ` ${t('participation.announce.cost', { people: formatNumber(by.sms), cost: money(String(cost)), emails: formatNumber(by.email) })}`}
              </p>
            </div>
          );
        })}
        {a && <p>{t('participation.announce.total', { cost: money(String(total)) })}</p>}
        <button type="submit" className="button" disabled={form.busy || LANGUAGES.some((l) => smsSegments(text[l].trim()).parts > maxParts)}>
          {t('participation.announce.send')}
        </button>
        <p role="status">{sent ? t('participation.announce.sent') : ''}</p>
      </form>
    </details>
  );
}
