import { present } from '../shared/text.mapping';

// POSIX's "no language" locale would otherwise pass as a (syntactically valid) language subtag.
const NO_LANGUAGE = new Set(['c', 'posix']);

/**
 * The tags per locale, kept: users share a few locales, and `Intl.getCanonicalLocales` on every read was ~1.5 % of
 * `user(id)`'s CPU (profile of 2026-12-07). Bounded; each caller gets its own copy of the list.
 */
const languagesByLocale = new Map<string, readonly string[]>();
const MAX_LOCALES = 1_000;

/** A POSIX locale (`fi_FI`, `sv_SE.UTF-8`, `de_DE@euro`) as BCP 47 tags; [] when it names no valid language. */
export function localeToLanguages(locale?: string): string[] {
  if (typeof locale !== 'string') return [];
  let languages = languagesByLocale.get(locale);
  if (languages === undefined) {
    languages = canonicalLanguages(locale);
    if (languagesByLocale.size < MAX_LOCALES) languagesByLocale.set(locale, languages);
  }
  return [...languages];
}

function canonicalLanguages(locale: string): string[] {
  const base = present(locale)?.split(/[.@]/, 1)[0]?.replace(/_/g, '-');
  if (!base || NO_LANGUAGE.has(base.toLowerCase())) return [];
  try {
    return Intl.getCanonicalLocales(base).slice(0, 1);
  } catch {
    return [];
  }
}

/**
 * The reverse: a BCP 47 tag as a PrivX locale, language and region only (`fi-FI` → `fi_FI`, `sv` → `sv`,
 * `zh-Hant-TW` → `zh_TW`: PrivX's locale has no script). `undefined` when the tag is not a valid language tag.
 */
export function languageToLocale(tag: string): string | undefined {
  try {
    const [canonical] = Intl.getCanonicalLocales(tag.trim());
    if (!canonical) return undefined;
    const { language, region } = new Intl.Locale(canonical);
    // PrivX's locale is ISO 639-1: a two-letter language (a three-letter one has no place in it).
    if (!/^[a-z]{2}$/.test(language)) return undefined;
    return region && /^[A-Z]{2}$/.test(region) ? `${language}_${region}` : language;
  } catch {
    return undefined;
  }
}
