import { pdfText } from '../testing';
import { renderPdf } from '../render-pdf';

describe('renderPdf', () => {
  it('writes a PDF with the title and embeds a font that carries Kyrgyz and Kazakh letters', async () => {
    const pdf = await renderPdf({ title: 'Бюллетень', lang: 'ky' }, (doc) => {
      doc.fontSize(14).text('Долбоорлор: көпүрө, мектеп, суу; Қазақ: әғқңөұүһі');
    });
    const text = pdf.toString('latin1');
    expect(text.startsWith('%PDF-')).toBe(true);
    expect(text).toContain('/FontFile2'); // an embedded TrueType subset, not a standard font
    expect(text).toMatch(/DejaVuSans/);
    // The glyphs used are mapped back to Unicode (ToUnicode CMap), so copying text out of the PDF works.
    const cmap = pdfText(pdf).cmaps.join('\n');
    expect(cmap.toLowerCase()).toContain('04a3'); // ң U+04A3
  });
});
