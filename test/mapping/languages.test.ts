import { localeToLanguages } from '../../src/entities/user/languages.mapping';

describe('localeToLanguages', () => {
  it.each([
    ['fi_FI', ['fi-FI']],
    ['en', ['en']],
    ['en_us', ['en-US']],
    ['EN_GB', ['en-GB']],
    ['fi-FI', ['fi-FI']],
    ['sv_SE.UTF-8', ['sv-SE']],
    ['de_DE@euro', ['de-DE']],
    ['de_DE.ISO-8859-15@euro', ['de-DE']],
    ['zh_Hant_TW', ['zh-Hant-TW']],
    [' fi_FI ', ['fi-FI']],
    ['C', []],
    ['C.UTF-8', []],
    ['POSIX', []],
    ['x', []],
    ['english please', []],
    ['en_', []],
    ['.UTF-8', []],
    ['', []],
    ['   ', []],
    [undefined, []],
  ])('%j → %j', (locale, expected) => {
    expect(localeToLanguages(locale)).toEqual(expected);
  });

  it('gives each call its own list: the tags are kept per locale, the lists are not shared', () => {
    const first = localeToLanguages('fi_FI');
    first.push('changed');
    expect(localeToLanguages('fi_FI')).toEqual(['fi-FI']);
    expect(localeToLanguages(null as unknown as string)).toEqual([]);
  });
});
