import PDFDocument from 'pdfkit';
import { dirname, join } from 'node:path';

export type PdfDocument = InstanceType<typeof PDFDocument>;

// PDF's standard fonts have no Cyrillic: Kyrgyz (ң ө ү) and Kazakh (ә ғ қ ң ө ұ ү һ і) need an embedded font.
// DejaVu ships as an npm package, so a server without system fonts renders the same file.
const fontDir = join(dirname(require.resolve('dejavu-fonts-ttf/package.json')), 'ttf');
export const PDF_FONTS = {
  regular: join(fontDir, 'DejaVuSans.ttf'),
  bold: join(fontDir, 'DejaVuSans-Bold.ttf'),
} as const;

/**
 * Renders a PDF in memory. `build` draws on a document whose fonts `regular` and `bold` are registered
 * (and `regular` selected); the metadata names the title and language so screen readers announce it.
 */
export async function renderPdf(
  meta: { title: string; lang: string; size?: string; margin?: number },
  build: (doc: PdfDocument) => void | Promise<void>,
): Promise<Buffer> {
  const doc = new PDFDocument({
    size: meta.size ?? 'A4',
    margin: meta.margin ?? 48,
    lang: meta.lang,
    displayTitle: true,
    info: { Title: meta.title, Creator: 'Ashar' },
    bufferPages: true,
  });
  doc.registerFont('regular', PDF_FONTS.regular);
  doc.registerFont('bold', PDF_FONTS.bold);
  doc.font('regular');
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('data', (c: Buffer) => chunks.push(c));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  try {
    await build(doc);
  } finally {
    doc.end();
  }
  return done;
}
