import { foldForSearch } from '@ashar/kernel';

/**
 * The folded text a decision or recommendation is searched by (PostgreSQL 'simple' configuration over
 * it): lower case, Kyrgyz and Kazakh letters folded to their Russian look-alikes (ө→о, ү→у, ң→н, ә→а,
 * ғ→г, қ→к, ұ→у, һ→х, і→и, ё→е), punctuation dropped. The kernel's fold is the one place names are
 * folded, so the query is folded by the same function.
 */
export function searchText(...parts: ReadonlyArray<string | null | undefined>): string {
  return foldForSearch(parts.filter((p): p is string => !!p).join(' '));
}

/** A tsquery of the folded words, every word required, the last one as a prefix. Empty when no word. */
export function searchQuery(q: string): string {
  const words = foldForSearch(q).split(' ').filter(Boolean).slice(0, 12);
  return words.map((w, i) => (i === words.length - 1 ? `${w}:*` : w)).join(' & ');
}
