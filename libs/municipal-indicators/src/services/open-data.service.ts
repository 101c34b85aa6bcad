import { Locale, pickLocalized } from '@ashar/i18n';
import { safeDownloadName } from '@ashar/imports';
import { Injectable } from '@nestjs/common';
import { exportTable, toCsv, toExcelCsv } from '../domain/export-rows';
import { indicatorsOf, toObservationType } from './observation.mapper';
import { IndicatorsService } from './indicators.service';

/** The open-data files of an area (same rows as the comparison query, in the reader's language). */
@Injectable()
export class OpenDataService {
  constructor(private readonly indicators: IndicatorsService) {}

  async file(areaUnitId: string, kind: 'csv' | 'excel' | 'json', locale: Locale): Promise<{ body: string | Buffer; name: string }> {
    const d = await this.indicators.comparisonData(areaUnitId);
    // A name people recognise (the area's code and name), made safe for a download header.
    const base = safeDownloadName(`municipal-indicators-${d.area.code}-${pickLocalized(d.area.names, locale)}`, `municipal-indicators-${d.area.code}`).slice(0, 120);
    if (kind === 'json') {
      const body = {
        area: { id: d.area.id, code: d.area.code, level: d.area.level, names: d.area.names },
        generatedAt: new Date().toISOString(),
        license: 'CC BY 4.0',
        totals: d.totals,
        municipalities: d.rows.map((r) => ({ id: r.unit.id, code: r.unit.code, kind: r.unit.kind, names: r.unit.names, score: r.score, current: r.current ? (({ recordedAt, ...o }) => ({ ...o, recordedAt: recordedAt.toISOString() }))(toObservationType(r.current)) : null })),
      };
      return { body: JSON.stringify(body), name: `${base}.json` };
    }
    const table = exportTable(d.rows.map((r) => ({ code: r.unit.code, names: r.unit.names, observation: r.current ? { ...indicatorsOf(r.current), source: r.current.source } : null })), locale);
    return kind === 'csv' ? { body: toCsv(table), name: `${base}.csv` } : { body: toExcelCsv(table), name: `${base}-excel.csv` };
  }
}
