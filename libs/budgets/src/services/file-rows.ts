import { parseCsv } from '@ashar/kernel';
import ExcelJS from 'exceljs';
import type { RawRow } from '../domain/import-rows';

/** CSV (UTF-8, comma or semicolon) or the first worksheet of an XLSX, as rows of text cells. */
export async function readRows(format: 'CSV' | 'XLSX', content: Buffer): Promise<RawRow[]> {
  if (format === 'CSV') {
    const text = content.toString('utf8');
    const firstLine = text.slice(0, Math.min(text.length, 4096)).split(/\r?\n/)[0] ?? '';
    const sep = (firstLine.match(/;/g)?.length ?? 0) > (firstLine.match(/,/g)?.length ?? 0) ? ';' : ',';
    return parseCsv(text, sep);
  }
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(content as never);
  const ws = wb.worksheets[0];
  if (!ws) return [];
  const rows: RawRow[] = [];
  ws.eachRow({ includeEmpty: false }, (row, number) => {
    const cells: string[] = [];
    for (let c = 1; c <= row.cellCount; c++) cells.push(cellText(row.getCell(c).value));
    rows.push({ line: number, cells });
  });
  return rows;
}

function cellText(v: ExcelJS.CellValue): string {
  if (v === null || v === undefined) return '';
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  if (typeof v === 'number') return String(v);
  if (typeof v === 'object') {
    if ('result' in v) return cellText((v as ExcelJS.CellFormulaValue).result as ExcelJS.CellValue);
    if ('richText' in v) return (v as ExcelJS.CellRichTextValue).richText.map((t) => t.text).join('');
    if ('text' in v) return String((v as { text: unknown }).text);
  }
  return String(v);
}

export function detectFormat(fileName: string, content: Buffer): 'CSV' | 'XLSX' {
  return content.length > 4 && content[0] === 0x50 && content[1] === 0x4b && /\.xlsx$/i.test(fileName) ? 'XLSX' : 'CSV';
}
