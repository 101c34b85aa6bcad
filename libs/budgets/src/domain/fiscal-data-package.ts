import { formatMinorAsDecimal, parseCsv, toCsv } from '@ashar/kernel';
import { Direction } from './types';

/**
 * Fiscal Data Package 0.3 (openspending): a datapackage.json descriptor with a logical model
 * (measures, dimensions) mapped onto CSV resources. `buildFiscalDataPackage` writes one,
 * `checkFiscalDataPackage` checks every property the spec requires plus the Table Schema rules a
 * strict reader needs (headers equal field names, every cell casts), and `readFiscalDataPackage`
 * loads any package, ours or the spec's own examples, reporting problems instead of throwing.
 */
export interface FdpLine {
  lineKey: string;
  direction: Direction;
  economicCode: string;
  economicTitle: string;
  functionalCode: string | null;
  functionalTitle: string | null;
  planned: bigint;
  executed: bigint;
  /** The part of `planned` that is special funds (атайын каражаттар); 0 when absent. */
  specialFunds?: bigint;
  /** Forecasts for fiscal year + 1 and + 2, when given. */
  forecastYear1?: bigint | null;
  forecastYear2?: bigint | null;
}

export interface FdpBuildInput {
  /** Slug: lower-case letters, digits, '-', '_', '.'. */
  name: string;
  title: string;
  countryCode: string;
  currency: string;
  fiscalYear: number;
  phase: 'proposed' | 'approved' | 'adjusted';
  versionNumber: number;
  /** The date (YYYY-MM-DD) up to which the `executed` amounts are recorded (cumulative since the year began). */
  executedAsOf: string;
  /** Where `executed` comes from: the treasury's report as of that date, or the payments entered (default). */
  executedSource?: 'treasury' | 'payments';
  lines: ReadonlyArray<FdpLine>;
  homepage?: string;
}

export const FDP_RESOURCE_PATH = 'budget.csv';
const FIELDS = ['line_id', 'direction', 'economic_code', 'economic_title', 'functional_code', 'functional_title', 'fiscal_year', 'planned', 'executed', 'special_funds', 'forecast_year1', 'forecast_year2'] as const;

export function buildFiscalDataPackage(input: FdpBuildInput): { descriptor: Record<string, any>; csv: string } {
  const rows = input.lines.map((l) => [
    l.lineKey,
    l.direction.toLowerCase(),
    l.economicCode,
    l.economicTitle,
    l.functionalCode ?? '',
    l.functionalTitle ?? '',
    input.fiscalYear,
    formatMinorAsDecimal(l.planned),
    formatMinorAsDecimal(l.executed),
    formatMinorAsDecimal(l.specialFunds ?? 0n),
    l.forecastYear1 === null || l.forecastYear1 === undefined ? '' : formatMinorAsDecimal(l.forecastYear1),
    l.forecastYear2 === null || l.forecastYear2 === undefined ? '' : formatMinorAsDecimal(l.forecastYear2),
  ]);
  const csv = toCsv([[...FIELDS], ...rows]);
  const str = (name: string, title: string) => ({ name, title, type: 'string' });
  const descriptor = {
    name: input.name,
    title: input.title,
    license: 'odc-pddl',
    licenses: [{ name: 'ODC-PDDL-1.0', path: 'https://opendatacommons.org/licenses/pddl/1-0/', title: 'Open Data Commons Public Domain Dedication and License v1.0' }],
    // ISO 3166-1 alpha-2 in upper case: the frictionless fiscal-data-package profile refuses "kg".
    countryCode: input.countryCode.toUpperCase(),
    profile: 'tabular-data-package',
    profiles: { fiscal: '*', tabular: '*' },
    granularity: 'aggregated',
    fiscalPeriod: { start: `${input.fiscalYear}-01-01`, end: `${input.fiscalYear}-12-31` },
    version: String(input.versionNumber),
    ...(input.homepage ? { homepage: input.homepage } : {}),
    resources: [
      {
        name: 'budget',
        title: input.title,
        description: `Budget lines with the planned amounts (${input.phase}) and the amounts executed as of ${input.executedAsOf}, in ${input.currency}.`,
        path: FDP_RESOURCE_PATH,
        profile: 'tabular-data-resource',
        format: 'csv',
        mediatype: 'text/csv',
        encoding: 'utf-8',
        schema: {
          fields: [
            str('line_id', 'Line'),
            { name: 'direction', title: 'Direction', type: 'string', constraints: { enum: ['revenue', 'expenditure'] } },
            str('economic_code', 'Economic classification code'),
            str('economic_title', 'Economic classification'),
            str('functional_code', 'Functional classification code'),
            str('functional_title', 'Functional classification'),
            { name: 'fiscal_year', title: 'Fiscal year', type: 'year' },
            { name: 'planned', title: `Planned (${input.phase})`, type: 'number', decimalChar: '.' },
            { name: 'executed', title: `Executed as of ${input.executedAsOf}`, description: `Cumulative amount ${input.executedSource === 'treasury' ? "in the treasury's execution report" : 'recorded'} from ${input.fiscalYear}-01-01 up to and including ${input.executedAsOf}`, type: 'number', decimalChar: '.' },
            { name: 'special_funds', title: `Special funds (${input.phase})`, description: 'The part of the planned amount that is special funds (атайын каражаттар / специальные средства); the rest is budget funds', type: 'number', decimalChar: '.' },
            { name: 'forecast_year1', title: `Forecast ${input.fiscalYear + 1}`, description: `Forecast amount for ${input.fiscalYear + 1} (the three-year budget); empty when not given`, type: 'number', decimalChar: '.' },
            { name: 'forecast_year2', title: `Forecast ${input.fiscalYear + 2}`, description: `Forecast amount for ${input.fiscalYear + 2} (the three-year budget); empty when not given`, type: 'number', decimalChar: '.' },
          ],
          primaryKey: ['line_id'],
        },
      },
    ],
    model: {
      measures: {
        planned: { source: 'planned', resource: 'budget', currency: input.currency, factor: 1, phase: input.phase },
        // Spec 0.3 allows other properties on a measure: the execution's as-of date travels with it.
        executed: { source: 'executed', resource: 'budget', currency: input.currency, factor: 1, phase: 'executed', asOf: input.executedAsOf, description: `Executed from ${input.fiscalYear}-01-01 to ${input.executedAsOf} (cumulative, ${input.executedSource === 'treasury' ? "the treasury's execution report" : 'payments entered'})` },
        special_funds: { source: 'special_funds', resource: 'budget', currency: input.currency, factor: 1, phase: input.phase, description: 'Special funds: part of planned' },
        forecast_year1: { source: 'forecast_year1', resource: 'budget', currency: input.currency, factor: 1, phase: 'proposed', fiscalYear: input.fiscalYear + 1, description: `Forecast for ${input.fiscalYear + 1}` },
        forecast_year2: { source: 'forecast_year2', resource: 'budget', currency: input.currency, factor: 1, phase: 'proposed', fiscalYear: input.fiscalYear + 2, description: `Forecast for ${input.fiscalYear + 2}` },
      },
      dimensions: {
        line: { dimensionType: 'fact', attributes: { id: { source: 'line_id' } }, primaryKey: 'id' },
        direction: { dimensionType: 'other', attributes: { direction: { source: 'direction' } }, primaryKey: 'direction' },
        date: { dimensionType: 'datetime', attributes: { year: { source: 'fiscal_year' } }, primaryKey: 'year' },
        economic: {
          dimensionType: 'classification',
          classificationType: 'economic',
          attributes: { code: { source: 'economic_code' }, title: { source: 'economic_title', labelfor: 'code' } },
          primaryKey: 'code',
        },
        functional: {
          dimensionType: 'classification',
          classificationType: 'functional',
          attributes: { code: { source: 'functional_code' }, title: { source: 'functional_title', labelfor: 'code' } },
          primaryKey: 'code',
        },
      },
    },
  };
  return { descriptor, csv };
}

const SLUG = /^[a-z0-9._-]+$/;
const PHASES = ['proposed', 'approved', 'adjusted', 'executed'];
const DIRECTIONS = ['expenditure', 'revenue'];
const DIMENSION_TYPES = ['datetime', 'entity', 'classification', 'activity', 'fact', 'location', 'other'];
const CLASSIFICATION_TYPES = ['functional', 'administrative', 'economic'];
const FIELD_TYPES = ['string', 'number', 'integer', 'boolean', 'object', 'array', 'date', 'time', 'datetime', 'year', 'yearmonth', 'duration', 'geopoint', 'geojson', 'any'];

/** Every cell of a Table Schema type must cast (default formats only; `format` other than default is refused for numbers). */
export function castProblem(type: string, format: string | undefined, value: string): string | null {
  if (value === '') return null;
  switch (type) {
    case 'number':
      if (format && format !== 'default') return `number format "${format}" is not defined by Table Schema`;
      return /^[-+]?(\d+(\.\d*)?|\.\d+)([eE][-+]?\d+)?$|^(NaN|INF|-INF)$/.test(value) ? null : `"${value}" is not a number`;
    case 'integer':
      return /^[-+]?\d+$/.test(value) ? null : `"${value}" is not an integer`;
    case 'year':
      return /^\d{4}$/.test(value) ? null : `"${value}" is not a year`;
    case 'date': {
      if (format && format !== 'default' && format !== 'any') return null;
      const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
      if (!m) return `"${value}" is not an ISO date (YYYY-MM-DD)`;
      const d = new Date(Date.UTC(+m[1], +m[2] - 1, +m[3]));
      return d.getUTCMonth() === +m[2] - 1 && d.getUTCDate() === +m[3] ? null : `"${value}" is not a valid date`;
    }
    case 'boolean':
      return /^(true|false|yes|no|1|0)$/i.test(value) ? null : `"${value}" is not a boolean`;
    default:
      return null;
  }
}

export interface FdpProblem {
  /** JSON-pointer-like location: "model.measures.amount.source", "budget.csv:2:amount". */
  at: string;
  message: string;
}

/** Checks a descriptor and its CSV files; returns every problem found (empty = valid). */
export function checkFiscalDataPackage(descriptor: unknown, files: Record<string, string | undefined>): FdpProblem[] {
  const p: FdpProblem[] = [];
  const add = (at: string, message: string) => p.push({ at, message });
  const d = descriptor as Record<string, any>;
  if (!d || typeof d !== 'object' || Array.isArray(d)) return [{ at: '', message: 'descriptor must be a JSON object' }];
  if (typeof d.name !== 'string' || !SLUG.test(d.name)) add('name', 'required: a url-compatible short name (lower-case slug)');
  if (typeof d.title !== 'string' || !d.title.trim()) add('title', 'required: a human readable title');
  if (d.profiles !== undefined && (d.profiles?.fiscal !== '*' || d.profiles?.tabular !== '*' || Object.keys(d.profiles).length !== 2)) {
    add('profiles', 'when present must be {"fiscal": "*", "tabular": "*"}');
  }
  if (d.countryCode !== undefined) {
    const codes = Array.isArray(d.countryCode) ? d.countryCode : [d.countryCode];
    if (!codes.every((c: unknown) => typeof c === 'string' && /^[A-Z]{2}$/.test(c))) add('countryCode', 'must be ISO 3166-1 alpha-2 code(s) in upper case ("KG")');
  }
  const resources: Array<Record<string, any>> = Array.isArray(d.resources) ? d.resources : [];
  if (!resources.length) add('resources', 'required: at least one CSV resource');
  const fieldsOf = new Map<string, Array<Record<string, any>>>();
  resources.forEach((r, i) => {
    const at = `resources.${i}`;
    if (typeof r?.name !== 'string' || !r.name) add(`${at}.name`, 'required: every resource needs a name');
    if (typeof r?.path !== 'string' || !/\.csv$/i.test(r.path)) add(`${at}.path`, 'data files must be CSV');
    const fields = r?.schema?.fields;
    if (!Array.isArray(fields) || !fields.length) {
      add(`${at}.schema`, 'required: a table schema with fields');
      return;
    }
    fields.forEach((f: Record<string, any>, j: number) => {
      if (typeof f?.name !== 'string' || !f.name) add(`${at}.schema.fields.${j}.name`, 'required');
      if (f?.type !== undefined && !FIELD_TYPES.includes(f.type)) add(`${at}.schema.fields.${j}.type`, `unknown type "${f.type}"`);
      if (f?.type === 'number' && f.format !== undefined && f.format !== 'default') add(`${at}.schema.fields.${j}.format`, `number format "${f.format}" is not defined by Table Schema`);
    });
    if (typeof r.name === 'string') fieldsOf.set(r.name, fields);
    const pk = r.schema.primaryKey;
    if (pk !== undefined) for (const k of Array.isArray(pk) ? pk : [pk]) if (!fields.some((f: any) => f.name === k)) add(`${at}.schema.primaryKey`, `"${k}" is not a field`);
    // The data itself: header equals field names, every value casts to its type.
    const text = typeof r.path === 'string' ? files[r.path] : undefined;
    if (text === undefined) {
      add(`${at}.path`, `file ${r.path} is missing`);
      return;
    }
    let rows;
    try {
      rows = parseCsv(text);
    } catch (e) {
      add(r.path, `unreadable CSV: ${(e as Error).message}`);
      return;
    }
    const names = fields.map((f: any) => f.name);
    const header = rows[0]?.cells ?? [];
    if (header.join(',') !== names.join(',')) add(`${r.path}:1`, `CSV header "${header.join(',')}" does not match the schema fields "${names.join(',')}"`);
    let reported = 0;
    for (const row of rows.slice(1)) {
      if (row.cells.length !== names.length) {
        add(`${r.path}:${row.line}`, `has ${row.cells.length} cells, schema has ${names.length} fields`);
        if (++reported > 20) break;
        continue;
      }
      fields.forEach((f: any, j: number) => {
        const problem = castProblem(f.type ?? 'string', f.format, row.cells[j]);
        if (problem && reported++ <= 20) add(`${r.path}:${row.line}:${f.name}`, problem);
      });
    }
  });
  const firstResource = resources[0]?.name;
  const hasField = (resource: string | undefined, field: string) => (fieldsOf.get(resource ?? firstResource) ?? []).some((f) => f.name === field);
  const model = d.model;
  if (!model || typeof model !== 'object') {
    add('model', 'required: the logical model (measures, dimensions)');
    return p;
  }
  const measures = model.measures && typeof model.measures === 'object' ? Object.entries(model.measures as Record<string, any>) : [];
  if (!measures.length) add('model.measures', 'required: at least one measure');
  for (const [k, m] of measures) {
    const at = `model.measures.${k}`;
    if (typeof m?.source !== 'string') add(`${at}.source`, 'required: the source field');
    else if (!hasField(m.resource, m.source)) add(`${at}.source`, `"${m.source}" is not a field of resource "${m.resource ?? firstResource}"`);
    if (typeof m?.currency !== 'string' || !/^[A-Z]{3}$/.test(m.currency)) add(`${at}.currency`, 'required: an ISO 4217 currency code');
    if (m?.factor !== undefined && typeof m.factor !== 'number') add(`${at}.factor`, 'must be a number');
    if (m?.direction !== undefined && !DIRECTIONS.includes(m.direction)) add(`${at}.direction`, 'must be expenditure or revenue');
    if (m?.phase !== undefined && !PHASES.includes(m.phase)) add(`${at}.phase`, `must be one of ${PHASES.join(', ')}`);
    if (m?.resource !== undefined && !fieldsOf.has(m.resource)) add(`${at}.resource`, `no resource named "${m.resource}"`);
  }
  const dimensions = model.dimensions && typeof model.dimensions === 'object' ? Object.entries(model.dimensions as Record<string, any>) : [];
  if (!dimensions.length) add('model.dimensions', 'required: at least one dimension');
  for (const [k, dim] of dimensions) {
    const at = `model.dimensions.${k}`;
    const attrs = dim?.attributes && typeof dim.attributes === 'object' ? (dim.attributes as Record<string, any>) : null;
    if (!attrs || !Object.keys(attrs).length) {
      add(`${at}.attributes`, 'required: at least one attribute');
      continue;
    }
    for (const [ak, a] of Object.entries(attrs)) {
      const aat = `${at}.attributes.${ak}`;
      if (a?.source === undefined && a?.constant === undefined) add(aat, 'an attribute needs a source or a constant');
      if (typeof a?.source === 'string' && !hasField(a.resource, a.source)) add(`${aat}.source`, `"${a.source}" is not a field of resource "${a.resource ?? firstResource}"`);
      if (a?.resource !== undefined && !fieldsOf.has(a.resource)) add(`${aat}.resource`, `no resource named "${a.resource}"`);
      if (a?.labelfor !== undefined && !(a.labelfor in attrs)) add(`${aat}.labelfor`, `"${a.labelfor}" is not an attribute of this dimension`);
      if (a?.parent !== undefined && !(a.parent in attrs)) add(`${aat}.parent`, `"${a.parent}" is not an attribute of this dimension`);
    }
    const pk = dim.primaryKey;
    const pks = Array.isArray(pk) ? pk : typeof pk === 'string' ? [pk] : [];
    if (!pks.length) add(`${at}.primaryKey`, 'required: attribute key(s)');
    for (const key of pks) if (!(key in attrs)) add(`${at}.primaryKey`, `"${key}" is not an attribute`);
    if (dim.dimensionType !== undefined && !DIMENSION_TYPES.includes(dim.dimensionType)) add(`${at}.dimensionType`, `must be one of ${DIMENSION_TYPES.join(', ')}`);
    if (dim.classificationType !== undefined && !CLASSIFICATION_TYPES.includes(dim.classificationType)) add(`${at}.classificationType`, `must be one of ${CLASSIFICATION_TYPES.join(', ')}`);
    if (dim.dimensionType === 'classification' && !('code' in attrs)) add(`${at}.attributes`, 'a classification dimension must have a "code" attribute');
  }
  return p;
}

export interface FdpReadResult {
  name: string | null;
  title: string | null;
  problems: FdpProblem[];
  measures: Array<{ name: string; source: string; currency: string | null; phase: string | null; direction: string | null; factor: number }>;
  dimensions: Array<{ name: string; type: string | null; attributes: string[] }>;
  /** Rows of the first resource as header → value (the CSV as it is, even when it disagrees with the schema). */
  rows: Array<Record<string, string>>;
}

/** Loads a package leniently: whatever can be read is returned, and every problem is listed. */
export function readFiscalDataPackage(descriptorJson: string, files: Record<string, string | undefined>): FdpReadResult {
  let d: Record<string, any>;
  try {
    d = JSON.parse(descriptorJson);
  } catch (e) {
    return { name: null, title: null, problems: [{ at: 'datapackage.json', message: `not JSON: ${(e as Error).message}` }], measures: [], dimensions: [], rows: [] };
  }
  const problems = checkFiscalDataPackage(d, files);
  const measures = Object.entries((d?.model?.measures ?? {}) as Record<string, any>).map(([name, m]) => ({
    name,
    source: String(m?.source ?? ''),
    currency: typeof m?.currency === 'string' ? m.currency : null,
    phase: typeof m?.phase === 'string' ? m.phase : null,
    direction: typeof m?.direction === 'string' ? m.direction : null,
    factor: typeof m?.factor === 'number' ? m.factor : 1,
  }));
  const dimensions = Object.entries((d?.model?.dimensions ?? {}) as Record<string, any>).map(([name, dim]) => ({
    name,
    type: typeof dim?.dimensionType === 'string' ? dim.dimensionType : null,
    attributes: Object.keys(dim?.attributes ?? {}),
  }));
  const first = Array.isArray(d?.resources) ? d.resources[0] : undefined;
  let rows: Array<Record<string, string>> = [];
  const text = typeof first?.path === 'string' ? files[first.path] : undefined;
  if (text !== undefined) {
    try {
      const parsed = parseCsv(text);
      const header = parsed[0]?.cells ?? [];
      rows = parsed.slice(1).map((r) => Object.fromEntries(header.map((h, i) => [h, r.cells[i] ?? ''])));
    } catch {
      /* reported by the check */
    }
  }
  return { name: typeof d?.name === 'string' ? d.name : null, title: typeof d?.title === 'string' ? d.title : null, problems, measures, dimensions, rows };
}
