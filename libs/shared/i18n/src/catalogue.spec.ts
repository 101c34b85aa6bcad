import fs from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { LOCALES } from './locale';
import { messageParams, parseMessage, pluralBranches } from './message-format';
import { CATALOGUES } from './translate';
import { englishWordsIn } from './english-words';

const ROOT = path.resolve(__dirname, '../../../..');
const WEB_SRC = path.join(ROOT, 'apps/web/src');
const allKeys = [...new Set(LOCALES.flatMap((l) => Object.keys(CATALOGUES[l])))].sort();

describe('catalogue completeness', () => {
  test.each(LOCALES)('every key exists and is non-empty in %s', (locale) => {
    const missing = allKeys.filter((k) => !(CATALOGUES[locale][k] ?? '').trim());
    expect(missing).toEqual([]);
  });

  test('every message parses', () => {
    const broken: string[] = [];
    for (const l of LOCALES) {
      for (const [k, v] of Object.entries(CATALOGUES[l])) {
        try {
          parseMessage(v);
        } catch (e) {
          broken.push(`${l}:${k}: ${(e as Error).message}`);
        }
      }
    }
    expect(broken).toEqual([]);
  });

  test('the same {params} appear in every language', () => {
    const mismatched: string[] = [];
    for (const k of allKeys) {
      const reference = JSON.stringify(messageParams(CATALOGUES.en[k] ?? ''));
      for (const l of LOCALES) {
        const params = JSON.stringify(messageParams(CATALOGUES[l][k] ?? ''));
        if (params !== reference) mismatched.push(`${k} ${l}=${params} en=${reference}`);
      }
    }
    expect(mismatched).toEqual([]);
  });

  test("plural messages cover every plural category of their language (Russian one/few/many/other)", () => {
    const gaps: string[] = [];
    for (const l of LOCALES) {
      const needed = new Intl.PluralRules(l).resolvedOptions().pluralCategories;
      for (const [k, v] of Object.entries(CATALOGUES[l])) {
        for (const [arg, branches] of Object.entries(pluralBranches(v))) {
          const lacking = needed.filter((c) => !branches.includes(c));
          if (lacking.length) gaps.push(`${l}:${k} {${arg}} lacks ${lacking.join(',')}`);
        }
      }
    }
    expect(gaps).toEqual([]);
  });

  test('Kyrgyz and Kazakh texts use their own letters, and no word mixes Latin and Cyrillic look-alikes', () => {
    const problems: string[] = [];
    const kazakhOnly = /[әғқұһіӘҒҚҰҺІ]/;
    // language.name.* are endonyms: "Қазақша" is rightly written in Kazakh everywhere.
    for (const [k, v] of Object.entries(CATALOGUES.ky)) {
      if (!k.startsWith('language.name.') && kazakhOnly.test(v)) problems.push(`ky:${k} has a Kazakh letter`);
    }
    for (const l of ['ky', 'ru', 'kk'] as const) {
      for (const [k, v] of Object.entries(CATALOGUES[l])) {
        for (const word of v.split(/[^\p{L}]+/u)) {
          if (/\p{Script=Latin}/u.test(word) && /\p{Script=Cyrillic}/u.test(word)) problems.push(`${l}:${k} "${word}"`);
        }
      }
    }
    expect(problems).toEqual([]);
  });

  test('no English word is left in the Kyrgyz, Russian and Kazakh texts (acronyms and proper names aside)', () => {
    const problems: string[] = [];
    for (const l of ['ky', 'ru', 'kk'] as const) {
      for (const [k, v] of Object.entries(CATALOGUES[l])) {
        const words = englishWordsIn(v);
        if (words.length) problems.push(`${l}:${k} ${words.join(', ')}`);
      }
    }
    expect(problems).toEqual([]);
    // The check can fail: an English text and an English code are caught, acronyms and names are not.
    expect(englishWordsIn('Түрү REVENUE. Fiscal Data Package')).toEqual(['revenue', 'fiscal', 'data', 'package']);
    expect(englishWordsIn('Файл (CSV, XLSX, FDP), Excel, WhatsApp, Ashar')).toEqual([]);
  });

  test('ICU data for Kyrgyz is present (Intl.PluralRules resolves ky, not a fallback)', () => {
    expect(new Intl.PluralRules('ky').resolvedOptions().locale).toBe('ky');
    expect(new Intl.PluralRules('kk').resolvedOptions().locale).toBe('kk');
  });
});

// ---- the web app uses only catalogue strings -------------------------------------------------------

function sourceFiles(dir: string, ext: RegExp): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) return sourceFiles(full, ext);
    return ext.test(e.name) && !/\.spec\.tsx?$/.test(e.name) ? [full] : [];
  });
}

function walk(node: ts.Node, visit: (n: ts.Node) => void) {
  visit(node);
  node.forEachChild((c) => walk(c, visit));
}

const HAS_LETTER = /\p{L}/u;
const TEXT_ATTRIBUTES = new Set(['aria-label', 'aria-description', 'aria-placeholder', 'placeholder', 'title', 'alt', 'label']);

/** UI text written into JSX instead of looked up: text children, {'literals'} and text attributes. */
function hardCodedStrings(file: string): string[] {
  const source = ts.createSourceFile(file, fs.readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true, ts.ScriptKind.TSX);
  const found: string[] = [];
  const where = (n: ts.Node) => `${path.relative(ROOT, file)}:${source.getLineAndCharacterOfPosition(n.getStart()).line + 1}`;
  walk(source, (n) => {
    if (ts.isJsxText(n) && HAS_LETTER.test(n.text)) found.push(`${where(n)} text "${n.text.trim()}"`);
    if (ts.isJsxExpression(n) && n.expression && (ts.isStringLiteral(n.expression) || ts.isNoSubstitutionTemplateLiteral(n.expression))) {
      const inAttribute = ts.isJsxAttribute(n.parent);
      if (!inAttribute && HAS_LETTER.test(n.expression.text)) found.push(`${where(n)} literal "${n.expression.text}"`);
    }
    if (ts.isJsxAttribute(n) && TEXT_ATTRIBUTES.has(n.name.getText())) {
      const init = n.initializer;
      const literal =
        init && ts.isStringLiteral(init)
          ? init
          : init && ts.isJsxExpression(init) && init.expression && ts.isStringLiteral(init.expression)
            ? init.expression
            : null;
      if (literal && HAS_LETTER.test(literal.text)) found.push(`${where(n)} ${n.name.getText()}="${literal.text}"`);
    }
  });
  return found;
}

/** Keys passed to t('…') as literals, and the prefixes of keys built as t(`prefix.${x}`). */
function usedKeys(file: string): { literal: string[]; prefixes: string[] } {
  const source = ts.createSourceFile(file, fs.readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
  const literal: string[] = [];
  const prefixes: string[] = [];
  walk(source, (n) => {
    if (!ts.isCallExpression(n) || !ts.isIdentifier(n.expression) || n.expression.text !== 't') return;
    const arg = n.arguments[0];
    if (arg && (ts.isStringLiteral(arg) || ts.isNoSubstitutionTemplateLiteral(arg))) literal.push(arg.text);
    if (arg && ts.isTemplateExpression(arg)) prefixes.push(arg.head.text);
  });
  return { literal, prefixes };
}

describe('web sources use the catalogue', () => {
  const tsxFiles = sourceFiles(WEB_SRC, /\.tsx$/);
  const tsFiles = sourceFiles(WEB_SRC, /\.tsx?$/);

  test('there are web sources to scan', () => {
    expect(tsxFiles.length).toBeGreaterThan(5);
  });

  test('no JSX text, {"literal"}, aria-label, placeholder, title or alt written in code', () => {
    expect(tsxFiles.flatMap(hardCodedStrings)).toEqual([]);
  });

  test('the scanner itself catches a hard-coded string', () => {
    const probe = path.join(require('node:os').tmpdir(), `probe-${process.pid}.tsx`);
    fs.writeFileSync(probe, `export const P = () => <p title="Hello" aria-label={'Салам'}>Жаңы {'текст'} {t('ok')}</p>;`);
    try {
      expect(hardCodedStrings(probe)).toHaveLength(4);
    } finally {
      fs.unlinkSync(probe);
    }
  });

  test("every key the web passes to t('…') exists in the catalogue", () => {
    const missing = tsFiles.flatMap((f) => usedKeys(f).literal.filter((k) => !(k in CATALOGUES.en)).map((k) => `${path.relative(ROOT, f)}: ${k}`));
    expect(missing).toEqual([]);
  });

  test('keys built from API enums (roles, community kinds, unit levels, countries, languages) are all there', () => {
    const schemaFile = [path.join(ROOT, 'apps/api/schema.gql'), path.join(ROOT, 'docs/api-contract.graphql')].find((f) => fs.existsSync(f))!;
    const schema = fs.readFileSync(schemaFile, 'utf8');
    const enumValues = (name: string) => {
      const body = new RegExp(`enum ${name}\\s*\\{([^}]*)\\}`).exec(schema)?.[1] ?? '';
      return body.replace(/"""[\s\S]*?"""|#.*$/gm, '').split(/[\s,]+/).filter(Boolean);
    };
    const sources: Record<string, string[]> = {
      'role.': enumValues('Role'),
      'communityKind.': enumValues('CommunityKind'),
      'unitLevel.': enumValues('UnitLevel'),
      'country.': enumValues('Country'),
      'language.name.': [...LOCALES],
      'municipal.eservice.': enumValues('MunicipalEService'),
      'municipal.tunduk.': enumValues('TundukStatus'),
      'municipal.source.': enumValues('ObservationSource'),
      'municipal.platform.': enumValues('SocialPlatform'),
    };
    const prefixes = new Set(tsFiles.flatMap((f) => usedKeys(f).prefixes));
    const unknownPrefixes = [...prefixes].filter((p) => !(p in sources));
    expect(unknownPrefixes).toEqual([]); // a new dynamic key family needs its values listed here
    const missing: string[] = [];
    for (const [prefix, values] of Object.entries(sources)) {
      expect(values.length).toBeGreaterThan(0);
      for (const v of values) if (!(`${prefix}${v}` in CATALOGUES.en)) missing.push(`${prefix}${v}`);
    }
    expect(missing).toEqual([]);
  });
});
