import { inflateSync } from 'node:zlib';

/**
 * The text of a pdfkit PDF, line by line, read the way a PDF reader copies it: each text object's glyph
 * codes mapped back through its font's ToUnicode CMap. Enough for the files `@ashar/pdf` writes (embedded
 * TrueType subsets, 2-byte codes, Flate streams); not a general PDF parser. Also lists the embedded fonts.
 */
export function pdfText(pdf: Buffer): { lines: string[]; fonts: string[]; cmaps: string[] } {
  const raw = pdf.toString('latin1');
  const objects = new Map<number, { dict: string; stream: string | null }>();
  // Objects are read one after another, each stream by its /Length: compressed bytes may hold anything
  // (a trailing \r, the word "endobj"), so nothing is found by searching for the closing keywords.
  const head = /(\d+) 0 obj\s*/g;
  let m: RegExpExecArray | null;
  while ((m = head.exec(raw))) {
    const start = m.index + m[0].length;
    const streamAt = raw.indexOf('stream', start);
    const endAt = raw.indexOf('endobj', start);
    let dict = raw.slice(start, endAt);
    let stream: string | null = null;
    const length = /\/Length (\d+)(?! \d+ R)/.exec(raw.slice(start, streamAt >= 0 ? streamAt : start))?.[1];
    if (streamAt >= 0 && streamAt < endAt && length !== undefined) {
      dict = raw.slice(start, streamAt);
      const dataAt = streamAt + 'stream'.length + (raw[streamAt + 6] === '\r' ? 2 : 1);
      const data = raw.slice(dataAt, dataAt + Number(length));
      stream = dict.includes('/FlateDecode') ? inflateSync(Buffer.from(data, 'latin1')).toString('latin1') : data;
      head.lastIndex = raw.indexOf('endobj', dataAt + Number(length)) + 'endobj'.length;
    } else {
      head.lastIndex = endAt + 'endobj'.length;
    }
    objects.set(Number(m[1]), { dict, stream });
  }

  // Font resource names (/F1 12 0 R) → the font object → its ToUnicode map.
  const cmaps = new Map<number, Map<number, string>>();
  const fonts: string[] = [];
  for (const [n, o] of objects) {
    if (!/\/Type\s*\/Font\b/.test(o.dict)) continue;
    const base = /\/BaseFont\s*\/([^\s/>]+)/.exec(o.dict)?.[1];
    if (base) fonts.push(base);
    const tu = /\/ToUnicode\s+(\d+) 0 R/.exec(o.dict);
    if (tu) cmaps.set(n, readCmap(objects.get(Number(tu[1]))?.stream ?? ''));
  }
  const byName = new Map<string, Map<number, string>>();
  for (const o of objects.values()) {
    for (const f of o.dict.matchAll(/\/Font\s*<<([\s\S]*?)>>/g)) {
      for (const r of f[1].matchAll(/\/([A-Za-z0-9]+)\s+(\d+) 0 R/g)) {
        const map = cmaps.get(Number(r[2]));
        if (map) byName.set(r[1], map);
      }
    }
  }

  const lines: string[] = [];
  for (const o of objects.values()) {
    if (!o.stream || !/\bBT\b/.test(o.stream)) continue;
    let font: Map<number, string> | undefined;
    let current = '';
    for (const tok of o.stream.matchAll(/\/([A-Za-z0-9]+)\s+[\d.]+\s+Tf|<([0-9a-fA-F]*)>|\bET\b/g)) {
      if (tok[1]) font = byName.get(tok[1]);
      else if (tok[2] !== undefined) {
        for (let i = 0; i + 4 <= tok[2].length; i += 4) current += font?.get(parseInt(tok[2].slice(i, i + 4), 16)) ?? '';
      } else {
        if (current) lines.push(current);
        current = '';
      }
    }
  }
  const cmapTexts = [...objects.values()].map((o) => o.stream ?? '').filter((t) => /beginbf(char|range)/.test(t));
  return { lines, fonts, cmaps: cmapTexts };
}

function utf16(hex: string): string {
  let s = '';
  for (let i = 0; i + 4 <= hex.length; i += 4) s += String.fromCharCode(parseInt(hex.slice(i, i + 4), 16));
  return s;
}

function readCmap(text: string): Map<number, string> {
  const map = new Map<number, string>();
  for (const block of text.matchAll(/beginbfchar([\s\S]*?)endbfchar/g)) {
    for (const m of block[1].matchAll(/<([0-9a-fA-F]+)>\s*<([0-9a-fA-F]+)>/g)) map.set(parseInt(m[1], 16), utf16(m[2]));
  }
  for (const block of text.matchAll(/beginbfrange([\s\S]*?)endbfrange/g)) {
    for (const m of block[1].matchAll(/<([0-9a-fA-F]+)>\s*<([0-9a-fA-F]+)>\s*(\[[^\]]*\]|<[0-9a-fA-F]+>)/g)) {
      const lo = parseInt(m[1], 16);
      const hi = parseInt(m[2], 16);
      if (m[3].startsWith('[')) {
        [...m[3].matchAll(/<([0-9a-fA-F]+)>/g)].forEach((d, i) => map.set(lo + i, utf16(d[1])));
      } else {
        const start = parseInt(m[3].slice(1, -1), 16);
        for (let c = lo; c <= hi; c++) map.set(c, String.fromCharCode(start + c - lo));
      }
    }
  }
  return map;
}
