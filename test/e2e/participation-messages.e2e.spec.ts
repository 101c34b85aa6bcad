/**
 * Issue 14 (SMS as a full channel) in the browser, on a phone (360×740 Chromium, Kyrgyz): a resident asks for the
 * vote's notices by SMS; the organiser writes an announcement in Kyrgyz and Russian and sees, before sending, the
 * SMS parts of each text (Cyrillic: 70 per part) and what it costs for the people who asked; an over-long text is
 * stopped with the parts named; the sent message shows to everyone on the process page. Screenshots pbm-*.png.
 */
import { translate } from '@ashar/i18n';
import { smsSegments } from '@ashar/kernel/sms';
import type { RunningApi } from '../support/api-harness';
import { platformAdmin, village, Village, PASSWORD } from '../../libs/budgets/src/__tests__/support';
import { processInVoting } from '../../libs/participation/src/__tests__/support';
import { artifact, webOnApi } from './browser.support';

const PHONE = { viewport: { width: 360, height: 740 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true };
const tr = (key: string, params?: Record<string, string | number>) => translate('ky', key, params);
const web = webOnApi('e2epbmsg');
let api: RunningApi;
let v: Village;
let processId: string;

beforeAll(async () => {
  ({ api } = web);
  const platform = await platformAdmin(api);
  v = await village(api, platform, '41707220840000', 'Ак-Дөбө айылы');
  ({ processId } = await processInVoting(api, v, ['10000000', '20000000']));
});

test('a resident asks for SMS; the organiser sees parts and cost per language before sending, and everyone reads it', async () => {
  const resident = await web.open(`${api.baseUrl}/participation/${processId}`, { login: v.citizen.email, password: PASSWORD }, PHONE);
  const ask = resident.getByLabel(tr('participation.messageUpdates.label'));
  await ask.waitFor();
  expect(await ask.isChecked()).toBe(false);
  await ask.check();
  const asked = async () => Number((await api.dataSource.query(`SELECT count(*)::int AS n FROM pb_message_updates WHERE process_id = $1 AND account_id = $2`, [processId, v.citizen.id]))[0].n);
  for (let i = 0; i < 50 && (await asked()) === 0; i++) await new Promise((r) => setTimeout(r, 100));
  expect(await asked()).toBe(1);
  await resident.screenshot({ path: artifact('pbm-01-resident-asks-ky.png'), fullPage: true });

  const organiser = await web.open(`${api.baseUrl}/participation/${processId}`, { login: v.admin.email, password: PASSWORD }, PHONE);
  await organiser.getByText(tr('participation.announce.title')).click();
  const ky = 'Эртең саат 10до айыл өкмөтүндө жолугушуу болот. Келиңиздер!';
  const ru = 'Завтра в 10:00 встреча в айыл окмоту.';
  await organiser.getByLabel(tr('participation.announce.text.ky')).fill(ky);
  await organiser.getByLabel(tr('participation.announce.text.ru')).fill(ru);
  const s = smsSegments(ky);
  expect(s).toMatchObject({ encoding: 'UCS-2', parts: 1 });
  await organiser.getByText(tr('participation.announce.parts', { characters: s.characters, parts: 1, perPart: 70, left: s.remainingInLastPart }), { exact: false }).waitFor();
  // The resident who asked reads Kyrgyz and has no verified phone: an email, no SMS cost.
  await organiser.getByText(tr('participation.announce.audience', { inApp: '1' })).waitFor();
  await organiser.getByText(tr('participation.announce.cost', { people: '0', cost: tr('participation.money', { amount: '0', currency: tr('budgets.currency.KGS') }), emails: '1' }), { exact: false }).waitFor();

  // Too long in Russian (4 parts): stopped on the phone with the parts named, the button disabled.
  await organiser.getByLabel(tr('participation.announce.text.ru')).fill('Очень длинное сообщение для жителей. '.repeat(6));
  await organiser.getByText(tr('errors.participation.announcement.tooLong', { parts: 4, limit: 3 })).waitFor();
  expect(await organiser.getByRole('button', { name: tr('participation.announce.send') }).isDisabled()).toBe(true);
  await organiser.screenshot({ path: artifact('pbm-02-editor-too-long-ky.png'), fullPage: true });
  await organiser.getByLabel(tr('participation.announce.text.ru')).fill(ru);
  await organiser.getByRole('button', { name: tr('participation.announce.send') }).click();
  await organiser.getByRole('status').filter({ hasText: tr('participation.announce.sent') }).waitFor();
  await organiser.screenshot({ path: artifact('pbm-03-sent-ky.png'), fullPage: true });

  const stored = await api.dataSource.query(`SELECT text FROM pb_announcements WHERE process_id = $1`, [processId]);
  expect(stored).toEqual([{ text: { ky, ru } }]);
  await resident.reload({ waitUntil: 'networkidle' });
  await resident.getByRole('heading', { name: tr('participation.announce.listTitle') }).waitFor();
  await resident.getByText(ky).waitFor();
  await resident.screenshot({ path: artifact('pbm-04-resident-reads-ky.png'), fullPage: true });
});
