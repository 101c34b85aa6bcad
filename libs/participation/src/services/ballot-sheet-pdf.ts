import { PdfDocument, renderPdf } from '@ashar/pdf';
import { BallotSheetData, formatMinor, instructionsOf, SheetTranslate } from '../domain/ballot-sheet';

const MM = 72 / 25.4;

/**
 * The printable paper ballot as a PDF (the same content as the HTML sheet: title, community, envelope,
 * instructions per ballot kind, one numbered row per feasible project with its cost and a box, the serial),
 * one A4 page per serial and more when the projects do not fit on one. DejaVu is embedded by `@ashar/pdf`,
 * so Kyrgyz and Kazakh letters print on any printer.
 */
export function renderBallotSheetPdf(d: BallotSheetData, t: SheetTranslate): Promise<Buffer> {
  const wide = d.ballotKind === 'CUMULATIVE' || d.ballotKind === 'RANKING';
  return renderPdf({ title: t('participation.sheet.pageTitle', { title: d.processTitle }), lang: d.locale, margin: 14 * MM }, (doc) => {
    d.serials.forEach((serial, i) => {
      if (i > 0) doc.addPage();
      sheet(doc, d, t, serial, wide);
    });
  });
}

function sheet(doc: PdfDocument, d: BallotSheetData, t: SheetTranslate, serial: string, wide: boolean): void {
  const left = doc.page.margins.left;
  const width = doc.page.width - left - doc.page.margins.right;
  const serialW = 40 * MM;
  const top = doc.y;
  // Serial box, top right: the number the budget group types as sheetCode.
  doc.rect(left + width - serialW, top, serialW, 16 * MM).lineWidth(1.5).stroke();
  doc.font('regular').fontSize(8).text(t('participation.sheet.serial'), left + width - serialW, top + 2 * MM, { width: serialW, align: 'center' });
  doc.font('bold').fontSize(16).text(serial, left + width - serialW, top + 6 * MM, { width: serialW, align: 'center' });
  doc.font('bold').fontSize(15).text(d.processTitle, left, top, { width: width - serialW - 4 * MM });
  doc.font('regular').fontSize(10).text(d.communityName, { width: width - serialW - 4 * MM });
  doc.text(t('participation.sheet.envelope', { envelope: formatMinor(d.envelope, d.currency, d.locale) }), { width: width - serialW - 4 * MM });
  doc.y = Math.max(doc.y, top + 18 * MM);
  doc.moveTo(left, doc.y).lineTo(left + width, doc.y).lineWidth(1.5).stroke();
  doc.moveDown(0.6);
  doc.font('bold').fontSize(11).text(t('participation.sheet.howTitle'), left, doc.y, { width });
  doc.font('regular').fontSize(10);
  for (const line of instructionsOf(d, t)) doc.text(line, { width });
  doc.moveDown(0.6);

  const cols = { n: 10 * MM, cost: 38 * MM, mark: 22 * MM };
  const titleW = width - cols.n - cols.cost - cols.mark;
  const header = () => {
    const y = doc.y;
    doc.font('bold').fontSize(9);
    row(doc, left, y, [cols.n, titleW, cols.cost, cols.mark], ['№', t('participation.sheet.project'), t('participation.sheet.cost'), t(`participation.sheet.mark.${d.ballotKind}`)], 7 * MM);
    doc.font('regular').fontSize(11);
  };
  header();
  d.projects.forEach((p, i) => {
    const h = Math.max(12 * MM, doc.heightOfString(p.title, { width: titleW - 4 * MM }) + 5 * MM);
    if (doc.y + h > doc.page.height - doc.page.margins.bottom - 12 * MM) {
      doc.addPage();
      doc.font('regular').fontSize(9).text(`${d.processTitle} · ${t('participation.sheet.serial')} ${serial}`, left, doc.y, { width });
      doc.moveDown(0.4);
      header();
    }
    const y = doc.y;
    row(doc, left, y, [cols.n, titleW, cols.cost, cols.mark], [String(i + 1), p.title, formatMinor(p.cost, d.currency, d.locale), ''], h);
    const box = wide ? 16 * MM : 9 * MM;
    doc.rect(left + width - cols.mark / 2 - box / 2, y + (h - 9 * MM) / 2, box, 9 * MM).lineWidth(1.5).stroke();
  });
  doc.moveDown(1);
  doc.font('regular').fontSize(9).text(t('participation.sheet.footer'), left, doc.y, { width });
}

/** One table row of bordered cells; texts vertically centred. Leaves `doc.y` under the row. */
function row(doc: PdfDocument, x: number, y: number, widths: number[], texts: string[], h: number): void {
  let cx = x;
  widths.forEach((w, i) => {
    doc.rect(cx, y, w, h).lineWidth(0.75).stroke();
    const text = texts[i];
    if (text) {
      const th = doc.heightOfString(text, { width: w - 4 * MM });
      doc.text(text, cx + 2 * MM, y + Math.max(1.5 * MM, (h - th) / 2), { width: w - 4 * MM, align: i === 0 ? 'center' : i === 2 ? 'right' : 'left' });
    }
    cx += w;
  });
  doc.x = x;
  doc.y = y + h;
}
