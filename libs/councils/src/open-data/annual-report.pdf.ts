import { Locale, translate } from '@ashar/i18n';
import { PdfDocument, renderPdf } from '@ashar/pdf';
import type { AnnualReport } from '../domain/annual-report';

const ROLE = (r: string) => `councils.web.role.${r}`;
const STATUS = (s: string) => `councils.web.recommendation.${s}`;
const ITEM = (s: string) => `councils.web.itemStatus.${s}`;
const REC_COLUMNS = ['SENT', 'OVERDUE', 'ANSWERED', 'ACCEPTED', 'PARTLY_ACCEPTED', 'REJECTED', 'IMPLEMENTED'] as const;

/** dd.mm.yyyy, the form both countries write (the web shows the same). */
const day = (iso: string) => `${iso.slice(8, 10)}.${iso.slice(5, 7)}.${iso.slice(0, 4)}`;

/**
 * The annual report as an A4 PDF in the report's language (DejaVu embedded by @ashar/pdf, so Kyrgyz and
 * Kazakh letters print). One fact a line, figures as digits, so the text copied out of it reads the same.
 */
export function annualReportPdf(r: AnnualReport, kindLabel: string): Promise<Buffer> {
  const L: Locale = r.language;
  const t = (key: string, params?: Record<string, string | number>) => translate(L, key, params);
  const title = t('councils.report.title', { name: r.body.name, year: r.year });
  return renderPdf({ title, lang: L }, (doc: PdfDocument) => {
    const h1 = (s: string) => doc.font('bold').fontSize(16).text(s).moveDown(0.3).font('regular').fontSize(10);
    const h2 = (s: string) => doc.moveDown(0.6).font('bold').fontSize(12).text(s).moveDown(0.2).font('regular').fontSize(10);
    const line = (s: string) => doc.text(s);

    h1(title);
    line(r.body.stateBody ? `${kindLabel} · ${t('councils.web.attachedState', { name: r.body.stateBody })}` : kindLabel);
    line(t('councils.report.asOf', { date: day(r.asOf) }));

    h2(t('councils.report.members'));
    line(t('councils.report.membersAtEnd', { count: r.members.atEnd.length }));
    for (const m of r.members.atEnd) line(`• ${m.fullName}, ${t(ROLE(m.role))}, ${day(m.termFrom)} – ${m.termTo ? day(m.termTo) : '…'}`);
    line(t('councils.report.joined', { count: r.members.joined.length }));
    for (const m of r.members.joined) line(`• ${m.fullName}, ${t(ROLE(m.role))}, ${day(m.termFrom)}`);
    line(t('councils.report.left', { count: r.members.left.length }));
    for (const m of r.members.left) line(`• ${m.fullName}, ${t(ROLE(m.role))}, ${day(m.termTo)}${m.reason ? ` (${m.reason})` : ''}`);

    h2(t('councils.report.meetings'));
    line(t('councils.report.meetingsHeld', { held: r.meetings.held, scheduled: r.meetings.scheduled }));
    if (r.meetings.attendanceRate !== null) line(t('councils.report.attendanceRate', { rate: String(r.meetings.attendanceRate) }));
    for (const m of r.meetings.list) {
      const who = m.present === null ? t('councils.report.attendanceUnknown') : t('councils.report.attendance', { present: m.present, members: m.members });
      line(`• ${day(m.date)} ${m.title}: ${t(`councils.web.meeting.status.${m.status}`)}, ${who}`);
    }

    h2(t('councils.report.decisions'));
    line(t('councils.report.decisionsCount', { total: r.decisions.total, adopted: r.decisions.adopted, rejected: r.decisions.rejected }));
    for (const d of r.decisions.list) {
      line(`• ${day(d.decidedOn)} ${d.item}: ${t(`councils.web.outcome.${d.outcome}`)} (${t('councils.report.votes', { for: d.for, against: d.against, abstain: d.abstain, absent: d.absent })})`);
      doc.fillColor('#444').text(`  ${d.text}`).fillColor('black');
    }

    h2(t('councils.report.recommendations'));
    line(t('councils.report.recommendationsCount', { total: r.recommendations.total }));
    for (const a of r.recommendations.byAddressee) {
      const parts = REC_COLUMNS.filter((s) => a[s] > 0).map((s) => `${t(STATUS(s))}: ${a[s]}`);
      line(`• ${a.addressee}: ${a.total} (${parts.join('; ')})`);
    }

    h2(t('councils.report.plans'));
    if (r.actionPlans.length === 0) line(t('councils.report.noPlans'));
    for (const p of r.actionPlans) {
      const parts = (['PLANNED', 'IN_PROGRESS', 'DONE', 'CANCELLED'] as const).map((s) => `${t(ITEM(s))}: ${p[s]}`);
      line(`• ${p.title}: ${t('councils.report.planItems', { items: p.items, overdue: p.overdue })} (${parts.join('; ')})`);
    }
  });
}
