import { foldForSearch, parseCsv } from '@ashar/kernel';
import { Country, UnitLevel } from './unit-level';

/** A classifier row ready to store: parent given by code, names by language. */
export interface ClassifierUnit {
  country: Country;
  code: string;
  parentCode: string | null;
  level: UnitLevel;
  kind: string;
  names: { ky?: string; ru?: string; en?: string; kk?: string };
  validFrom: string | null;
}

function header(rows: string[][], required: string[], file: string): Record<string, number> {
  const idx: Record<string, number> = {};
  rows[0].forEach((h, i) => (idx[h.trim()] = i));
  for (const r of required) if (!(r in idx)) throw new Error(`${file}: missing column "${r}"`);
  return idx;
}

/**
 * Kyrgyz SOATE (14 digits: 417 OO RRR AAA VVV). Level 3 units with AAA 8xx are aiyl aimaks;
 * others at that level are towns. Bishkek and Osh are cities of republican significance.
 */
export function parseSoateCsv(text: string, validFrom: string | null): ClassifierUnit[] {
  const rows = parseCsv(text).map((r) => r.cells);
  const h = header(rows, ['soate', 'name_ru', 'level', 'kind', 'parent_soate'], 'SOATE');
  return rows.slice(1).map((r) => {
    const code = r[h.soate].trim();
    const depth = Number(r[h.level]);
    const aaa = code.slice(8, 11);
    let level: UnitLevel;
    let kind: string;
    if (depth === 1) {
      level = UnitLevel.REGION;
      kind = code === '41711000000000' || code === '41721000000000' ? 'city_republican' : 'oblast';
    } else if (depth === 2) {
      level = UnitLevel.DISTRICT;
      kind = code.slice(5, 6) === '4' ? 'city_oblast' : 'rayon';
    } else if (depth === 3) {
      level = aaa.startsWith('8') ? UnitLevel.AIMAK : UnitLevel.CITY;
      kind = aaa.startsWith('8') ? 'aiyl_aimak' : 'town';
    } else {
      level = UnitLevel.VILLAGE;
      kind = 'village';
    }
    return {
      country: Country.KG,
      code,
      parentCode: r[h.parent_soate]?.trim() || null,
      level,
      kind,
      names: { ru: r[h.name_ru].trim() },
      validFrom,
    };
  });
}

/**
 * Kazakh KATO (9 digits: AB CD EF HIJ). The source file nests villages under their okrug's centre
 * village; the parent is derived from the code instead (settlement → okrug → district → region).
 */
export function parseKatoCsv(text: string, validFrom: string | null): ClassifierUnit[] {
  const rows = parseCsv(text).map((r) => r.cells);
  const h = header(rows, ['kato', 'name_ru', 'kind_guess'], 'KATO');
  const units = rows.slice(1).map((r) => ({ code: r[h.kato].trim(), name: r[h.name_ru].trim(), guess: r[h.kind_guess].trim() }));
  const codes = new Set(units.map((u) => u.code));
  return units.map((u) => {
    const ab = u.code.slice(0, 2);
    const cd = u.code.slice(2, 4);
    const ef = u.code.slice(4, 6);
    const hij = u.code.slice(6, 9);
    const candidates: string[] = [];
    let level: UnitLevel;
    if (cd === '00' && ef === '00' && hij === '000') level = UnitLevel.REGION;
    else if (ef === '00' && hij === '000') {
      level = UnitLevel.DISTRICT;
      candidates.push(`${ab}0000000`);
    } else if (hij === '000') {
      level = u.guess === 'rural_okrug' ? UnitLevel.AIMAK : UnitLevel.CITY;
      candidates.push(`${ab}${cd}00000`, `${ab}0000000`);
    } else {
      level = /^г\.|^г /.test(u.name) ? UnitLevel.CITY : UnitLevel.VILLAGE;
      candidates.push(`${ab}${cd}${ef}000`, `${ab}${cd}00000`, `${ab}0000000`);
    }
    return {
      country: Country.KZ,
      code: u.code,
      parentCode: candidates.find((c) => c !== u.code && codes.has(c)) ?? null,
      level,
      kind: u.guess,
      names: { ru: u.name },
      validFrom,
    };
  });
}

/** The stored search key: every name of the unit folded, so any language or spelling finds it. */
export function searchKeyOf(names: ClassifierUnit['names']): string {
  return [...new Set(Object.values(names).filter(Boolean).map((n) => foldForSearch(n as string)))].join(' | ');
}
