export type ImportFormat = 'CSV' | 'XLSX';

/**
 * The format of an upload from its content, never its name: an XLSX is a ZIP (local header `PK\3\4`)
 * whose directory holds a workbook part; anything else is read as delimited text. A ZIP that is not
 * a workbook, or a damaged one, is still XLSX here: the reader then refuses it as unreadable.
 */
export function sniffFormat(content: Uint8Array): ImportFormat {
  if (content.length < 4 || content[0] !== 0x50 || content[1] !== 0x4b || content[2] !== 0x03 || content[3] !== 0x04) return 'CSV';
  return 'XLSX';
}
