/**
 * `import url from './x.worker?worker&url'`: Vite bundles the worker and gives its URL. Declared here (not
 * only by vite/client) so the repository-wide type check, which has no Vite types and compiles to CommonJS
 * (no `import.meta`), reads the recount page too.
 */
declare module '*.worker?worker&url' {
  const url: string;
  export default url;
}
