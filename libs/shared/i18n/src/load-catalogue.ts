import type { Locale } from './locale';
import type { Catalogue } from './translator';

// One chunk per language: a phone downloads the ~11 KB (gzip) of the language it shows, not all four.
const LOADERS: Record<Locale, () => Promise<{ default: Catalogue }>> = {
  ky: () => import('./catalogues/ky.json'),
  ru: () => import('./catalogues/ru.json'),
  en: () => import('./catalogues/en.json'),
  kk: () => import('./catalogues/kk.json'),
};

const loading = new Map<Locale, Promise<Catalogue>>();

/** The catalogue of `locale`, fetched once (a failed fetch is tried again on the next call). */
export function loadCatalogue(locale: Locale): Promise<Catalogue> {
  let p = loading.get(locale);
  if (!p) {
    p = LOADERS[locale]().then((m) => m.default);
    p.catch(() => loading.delete(locale));
    loading.set(locale, p);
  }
  return p;
}
