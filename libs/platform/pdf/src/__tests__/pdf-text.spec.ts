import { deflateSync } from 'node:zlib';
import { pdfText } from '../testing';

/** A one-font PDF skeleton whose page stream is `content` (Flate-compressed), with a ToUnicode map for codes 1..3. */
function pdfWith(content: Buffer): Buffer {
  const cmap = Buffer.from('beginbfchar\n<0001> <0410>\n<0002> <04A3>\n<0003> <0037>\nendbfchar\n', 'latin1');
  const parts: Buffer[] = [
    Buffer.from('%PDF-1.3\n1 0 obj\n<< /Type /Font /BaseFont /DejaVuSans /ToUnicode 2 0 R >>\nendobj\n', 'latin1'),
    Buffer.from(`2 0 obj\n<< /Length ${cmap.length} >>\nstream\n`, 'latin1'), cmap, Buffer.from('\nendstream\nendobj\n', 'latin1'),
    Buffer.from('3 0 obj\n<< /Type /Page /Resources << /Font << /F1 1 0 R >> >> >>\nendobj\n', 'latin1'),
    Buffer.from(`4 0 obj\n<< /Length ${content.length} /Filter /FlateDecode >>\nstream\n`, 'latin1'), content, Buffer.from('\nendstream\nendobj\n', 'latin1'),
  ];
  return Buffer.concat(parts);
}

describe('pdfText (the test reader of the PDFs @ashar/pdf writes)', () => {
  const page = Buffer.from('BT /F1 12 Tf [<00010002> 20 <0003>] TJ ET', 'latin1');

  it('reads a page through its font ToUnicode map', () => {
    expect(pdfText(pdfWith(deflateSync(page))).lines).toEqual(['Аң7']);
  });

  // Found in CI: one ballot sheet in three languages lost its second page's text, because the reader cut each
  // stream at "\r\nendstream" and a compressed stream that ends with the byte \r lost that byte.
  it('reads a stream by its /Length even when its compressed bytes end with \\r or hold the word endobj', () => {
    // zlib ends with the Adler-32 checksum, so some padding of the page makes the last byte \r (0x0d).
    let padded = page;
    for (let n = 0; deflateSync(padded).at(-1) !== 0x0d; n++) padded = Buffer.concat([page, Buffer.from(' '.repeat(n) + '%', 'latin1')]);
    expect(pdfText(pdfWith(deflateSync(padded))).lines).toEqual(['Аң7']);
    const withWord = Buffer.concat([page, Buffer.from(' % endobj 9 0 obj', 'latin1')]);
    // Level 0 stores the bytes as they are, so the stream holds "endobj 9 0 obj" literally.
    expect(pdfText(pdfWith(deflateSync(withWord, { level: 0 }))).lines).toEqual(['Аң7']);
  });
});
