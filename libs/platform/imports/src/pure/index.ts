// The pure part of the import pipeline: no Nest, TypeORM, Node stream or database (lint-enforced by
// review; see README). Contexts' domain code may import from here (`@ashar/imports/pure`).
export * from './row-error';
export * from './limits';
export * from './zip-inspect';
export * from './sniff';
export * from './csv-text';
export * from './row-schema';
export * from './error-report';
