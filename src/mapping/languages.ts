import { present } from './text';

// POSIX's "no language" locale would otherwise pass as a (syntactically valid) language subtag.
const NO_LANGUAGE = new Set(['c', 'posix']);

/** A POSIX locale (`fi_FI`, `sv_SE.UTF-8`, `de_DE@euro`) as BCP 47 tags; [] when it names no valid language. */
export function localeToLanguages(locale?: string): string[] {
  const base = present(locale)?.split(/[.@]/, 1)[0]?.replace(/_/g, '-');
  if (!base || NO_LANGUAGE.has(base.toLowerCase())) return [];
  try {
    return Intl.getCanonicalLocales(base).slice(0, 1);
  } catch {
    return [];
  }
}
