// XLSForm in and out. Node only (exceljs, zlib): imported as `@ashar/survey-forms/xlsform`, never from
// the library's index, so the web bundle does not pull exceljs.
export * from './read-xlsform';
export * from './write-xlsform';
export { cellText, columnLetters } from './cell-text';
export { languageOf, LANGUAGE_COLUMN } from './columns';
export { checkZip } from './zip-guard';
