/**
 * The printable paper ballot of a process (pure): an HTML page, one A4 sheet per serial number, with a
 * checkbox (or a box for points or a rank) per feasible project and its cost, the instructions for the
 * ballot kind, and the sheet's serial that the budget group types in as `sheetCode` when entering it.
 * Every text comes from the catalogue through `t`; every stored text is escaped.
 */
export type SheetBallotKind = 'APPROVAL' | 'KNAPSACK' | 'CUMULATIVE' | 'RANKING';

export interface BallotSheetData {
  locale: string;
  processTitle: string;
  communityName: string;
  currency: 'KGS' | 'KZT';
  envelope: string;
  ballotKind: SheetBallotKind;
  minChoices: number;
  maxChoices: number | null;
  maxPoints: number | null;
  projects: ReadonlyArray<{ title: string; cost: string }>;
  /** One sheet per serial. */
  serials: readonly string[];
}

export type SheetTranslate = (key: string, params?: Record<string, string | number>) => string;

export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

/** Minor units as the reader's money ("1 234 567 сом", "12 500,50 ₸"); exact for bigint input. */
export function formatMinor(minor: string, currency: 'KGS' | 'KZT', locale: string): string {
  const v = BigInt(minor);
  const major = v / 100n;
  const cents = v % 100n;
  const region = currency === 'KZT' ? 'KZ' : 'KG';
  const grouped = new Intl.NumberFormat(`${locale}-${region}`, { maximumFractionDigits: 0 }).format(major);
  const decimal = new Intl.NumberFormat(`${locale}-${region}`).formatToParts(1.5).find((p) => p.type === 'decimal')?.value ?? ',';
  const amount = cents ? `${grouped}${decimal}${String(cents).padStart(2, '0')}` : grouped;
  return `${amount}\u00a0${currency === 'KZT' ? '₸' : 'сом'}`;
}

/** The instruction lines for the ballot kind and its limits. */
export function instructionsOf(d: BallotSheetData, t: SheetTranslate): string[] {
  const lines: string[] = [];
  const max = d.maxChoices ?? d.projects.length;
  switch (d.ballotKind) {
    case 'APPROVAL':
      lines.push(t('participation.sheet.howApproval', { min: d.minChoices, max }));
      break;
    case 'KNAPSACK':
      lines.push(t('participation.sheet.howKnapsack', { envelope: formatMinor(d.envelope, d.currency, d.locale) }));
      break;
    case 'CUMULATIVE':
      lines.push(t('participation.sheet.howCumulative', { points: d.maxPoints ?? 0 }));
      break;
    case 'RANKING':
      lines.push(t('participation.sheet.howRanking', { max }));
      break;
  }
  lines.push(t('participation.sheet.spoiled'));
  return lines;
}

const CSS = `@page { size: A4; margin: 14mm; }
* { box-sizing: border-box; }
body { font-family: "DejaVu Sans", "Noto Sans", Arial, sans-serif; font-size: 11pt; color: #000; margin: 0; }
.sheet { width: 182mm; min-height: 265mm; margin: 0 auto 10mm; page-break-after: always; break-after: page; }
.sheet:last-child { page-break-after: auto; break-after: auto; }
header { display: flex; justify-content: space-between; align-items: flex-start; border-bottom: 2px solid #000; padding-bottom: 3mm; }
h1 { font-size: 15pt; margin: 0 0 1mm; }
.community { font-size: 10pt; }
.serial { border: 2px solid #000; padding: 2mm 4mm; text-align: center; min-width: 34mm; }
.serial b { display: block; font-size: 16pt; letter-spacing: 1px; font-family: "DejaVu Sans Mono", monospace; }
.how { margin: 4mm 0; padding: 3mm; border: 1px solid #000; }
.how p { margin: 1mm 0; }
table { width: 100%; border-collapse: collapse; }
th, td { border: 1px solid #000; padding: 2.5mm 2mm; text-align: left; vertical-align: middle; }
th { font-size: 9pt; }
td.n { width: 10mm; text-align: center; }
td.cost { width: 38mm; text-align: right; white-space: nowrap; }
td.mark { width: 22mm; }
.box { display: block; width: 9mm; height: 9mm; border: 2px solid #000; margin: 0 auto; }
.box.wide { width: 16mm; }
footer { margin-top: 6mm; font-size: 9pt; }
.no-print { margin: 4mm auto; width: 182mm; font-size: 10pt; }
@media print { .no-print { display: none; } .sheet { margin: 0; } }`;

export function renderBallotSheet(d: BallotSheetData, t: SheetTranslate): string {
  const e = escapeHtml;
  const wide = d.ballotKind === 'CUMULATIVE' || d.ballotKind === 'RANKING';
  const markHeader = t(`participation.sheet.mark.${d.ballotKind}`);
  const rows = d.projects
    .map((p, i) => `<tr><td class="n">${i + 1}</td><td>${e(p.title)}</td><td class="cost">${e(formatMinor(p.cost, d.currency, d.locale))}</td><td class="mark"><span class="box${wide ? ' wide' : ''}"></span></td></tr>`)
    .join('\n');
  const how = instructionsOf(d, t).map((l) => `<p>${e(l)}</p>`).join('');
  const sheet = (serial: string) => `<section class="sheet">
<header><div><h1>${e(d.processTitle)}</h1><div class="community">${e(d.communityName)}</div><div class="community">${e(t('participation.sheet.envelope', { envelope: formatMinor(d.envelope, d.currency, d.locale) }))}</div></div>
<div class="serial">${e(t('participation.sheet.serial'))}<b>${e(serial)}</b></div></header>
<div class="how"><p><strong>${e(t('participation.sheet.howTitle'))}</strong></p>${how}</div>
<table><thead><tr><th>№</th><th>${e(t('participation.sheet.project'))}</th><th>${e(t('participation.sheet.cost'))}</th><th>${e(markHeader)}</th></tr></thead>
<tbody>
${rows}
</tbody></table>
<footer>${e(t('participation.sheet.footer'))}</footer>
</section>`;
  return `<!doctype html>
<html lang="${e(d.locale)}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${e(t('participation.sheet.pageTitle', { title: d.processTitle }))}</title>
<style>${CSS}</style></head>
<body><p class="no-print">${e(t('participation.sheet.printHint'))}</p>
${d.serials.map(sheet).join('\n')}
</body></html>`;
}
