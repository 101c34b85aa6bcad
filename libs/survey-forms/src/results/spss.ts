import { SurveyForm, SurveyLanguage } from '../form';
import { codebook, CodebookOptions, CodebookValue, CodebookVariable } from './codebook';

/**
 * SPSS syntax that reads the answer table's CSV (UTF-8, comma-separated, `"`-quoted, header line)
 * and labels it: GET DATA with every variable's format, VARIABLE LABELS, VALUE LABELS, MISSING
 * VALUES, VARIABLE LEVEL. Strings are in single quotes with quotes doubled, line breaks become
 * spaces, and labels are cut to SPSS's byte limits (variable labels 255 bytes, value labels 120)
 * on a character boundary: Cyrillic letters take two bytes each in UTF-8.
 */
export interface SpssOptions extends CodebookOptions {
  /** The CSV's file name as the syntax names it. */
  file?: string;
}

const encoder = new TextEncoder();
const bytes = (s: string) => encoder.encode(s).length;

export const SPSS_LIMITS = { variableLabel: 255, valueLabel: 120 } as const;

/** A string literal: single-quoted, quotes doubled, no line breaks, at most `maxBytes` bytes of UTF-8 inside. */
export function spssString(s: string, maxBytes = 32767): string {
  let t = s.replace(/\s*[\r\n]+\s*/g, ' ');
  if (bytes(t) > maxBytes) {
    const chars = [...t];
    let n = 0;
    let k = 0;
    for (; k < chars.length && n + bytes(chars[k]) <= maxBytes; k++) n += bytes(chars[k]);
    t = chars.slice(0, k).join('');
  }
  return `'${t.replace(/'/g, "''")}'`;
}

const format = (v: CodebookVariable) => (v.storage === 'string' ? `A${v.width}` : v.storage === 'date' ? 'SDATE10' : `F${v.width}.${v.decimals}`);
const literal = (v: CodebookVariable, x: CodebookValue) => (v.storage === 'string' ? spssString(String(x.code)) : String(x.code));

export function spssSyntax(form: SurveyForm, language: SurveyLanguage, opts: SpssOptions = {}): string {
  const book = codebook(form, language, opts);
  const vars = book.variables;
  const out: string[] = [];
  out.push('* Encoding: UTF-8.');
  out.push(`* ${book.title.replace(/[\r\n]+/g, ' ')} (${book.formId}${book.version ? `, ${book.version}` : ''}).`);
  out.push('GET DATA');
  out.push('  /TYPE=TXT');
  out.push(`  /FILE=${spssString(opts.file ?? `${book.formId}.csv`)}`);
  out.push("  /ENCODING='UTF8'");
  out.push('  /DELCASE=LINE');
  out.push('  /DELIMITERS=","');
  out.push(`  /QUALIFIER='"'`);
  out.push('  /ARRANGEMENT=DELIMITED');
  out.push('  /FIRSTCASE=2');
  out.push('  /VARIABLES=');
  vars.forEach((v, i) => out.push(`    ${v.name} ${format(v)}${i === vars.length - 1 ? '.' : ''}`));
  out.push('');
  out.push('VARIABLE LABELS');
  vars.forEach((v, i) => out.push(`  ${i ? '/' : ''}${v.name} ${spssString(v.label, SPSS_LIMITS.variableLabel)}${i === vars.length - 1 ? '.' : ''}`));
  const labelled = vars.filter((v) => v.values.length || v.missing.length);
  if (labelled.length) {
    out.push('');
    out.push('VALUE LABELS');
    labelled.forEach((v, i) => {
      out.push(`  ${i ? '/' : ''}${v.name}`);
      const values = [...v.values, ...v.missing];
      values.forEach((x, k) => out.push(`    ${literal(v, x)} ${spssString(x.label, SPSS_LIMITS.valueLabel)}${i === labelled.length - 1 && k === values.length - 1 ? '.' : ''}`));
    });
  }
  const withMissing = vars.filter((v) => v.missing.length);
  if (withMissing.length) {
    out.push('');
    out.push('MISSING VALUES');
    withMissing.forEach((v, i) => out.push(`  ${i ? '/' : ''}${v.name} (${v.missing.map((x) => literal(v, x)).join(', ')})${i === withMissing.length - 1 ? '.' : ''}`));
  }
  out.push('');
  const levels = (['nominal', 'ordinal', 'scale'] as const).map((m) => [m, vars.filter((v) => v.measure === m)] as const).filter(([, vs]) => vs.length);
  out.push('VARIABLE LEVEL');
  levels.forEach(([m, vs], i) => out.push(`  ${i ? '/' : ''}${vs.map((v) => v.name).join(' ')} (${m.toUpperCase()})${i === levels.length - 1 ? '.' : ''}`));
  out.push('');
  out.push('EXECUTE.');
  return out.join('\n') + '\n';
}
