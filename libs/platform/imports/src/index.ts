// @ashar/imports: the file import pipeline every context uses (see README).
export * from './pure';
export * from './reader/read-rows';
export * from './import-store';
export * from './import-pipeline';
export * from './repositories/sql-import-store';
export * from './http/upload';
export * from './http/answer';
export * from './http/content-disposition';
export * from './http/request-locale';
