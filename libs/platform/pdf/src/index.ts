export { renderPdf, PDF_FONTS, type PdfDocument } from './render-pdf';
