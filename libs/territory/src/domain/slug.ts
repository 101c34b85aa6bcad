import type { LocalizedText } from '@ashar/i18n';

/**
 * Short readable addresses for communities (`/b/ak-dobo/2026`): Latin letters, digits and hyphens,
 * transliterated from Kyrgyz, Russian or Kazakh Cyrillic (a simple scheme that reads naturally in all
 * three; not a standard, only an address).
 */
const CYRILLIC: Record<string, string> = {
  а: 'a', б: 'b', в: 'v', г: 'g', д: 'd', е: 'e', ё: 'yo', ж: 'zh', з: 'z', и: 'i', й: 'y', к: 'k', л: 'l',
  м: 'm', н: 'n', о: 'o', п: 'p', р: 'r', с: 's', т: 't', у: 'u', ф: 'f', х: 'kh', ц: 'ts', ч: 'ch', ш: 'sh',
  щ: 'shch', ъ: '', ы: 'y', ь: '', э: 'e', ю: 'yu', я: 'ya',
  // Kyrgyz and Kazakh letters.
  ө: 'o', ү: 'u', ң: 'ng', ә: 'a', ғ: 'gh', қ: 'q', ұ: 'u', һ: 'h', і: 'i',
};

export const SLUG_MAX_LENGTH = 60;
export const SLUG_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** The slug of one text: lower case, transliterated, words joined by single hyphens, at most 60 characters (cut at a hyphen). */
export function slugify(text: string): string {
  const latin = [...text.normalize('NFC').toLowerCase()]
    .map((ch) => CYRILLIC[ch] ?? ch)
    .join('')
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '');
  let slug = latin.replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '');
  if (slug.length > SLUG_MAX_LENGTH) {
    const cut = slug.slice(0, SLUG_MAX_LENGTH + 1);
    slug = (cut.includes('-') ? cut.slice(0, cut.lastIndexOf('-')) : cut.slice(0, SLUG_MAX_LENGTH)).replace(/-+$/, '');
  }
  return slug;
}

/** A community's base slug from its names: English if given, else Kyrgyz, Russian, Kazakh; `community` if none gives letters. */
export function communitySlugBase(names: LocalizedText): string {
  for (const lang of ['en', 'ky', 'ru', 'kk'] as const) {
    const s = slugify(names[lang] ?? '');
    if (s) return s;
  }
  return 'community';
}

/** The first of `base`, `base-2`, `base-3` … that `taken` does not hold (kept within the length limit). */
export function uniqueSlug(base: string, taken: (slug: string) => boolean): string {
  if (!taken(base)) return base;
  for (let n = 2; ; n++) {
    const suffix = `-${n}`;
    const candidate = `${base.slice(0, SLUG_MAX_LENGTH - suffix.length).replace(/-+$/, '')}${suffix}`;
    if (!taken(candidate)) return candidate;
  }
}
