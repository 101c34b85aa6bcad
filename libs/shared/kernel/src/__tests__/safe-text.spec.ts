import 'reflect-metadata';
import { validateSync } from 'class-validator';
import { IsSafeText, unsafeTextCharacter } from '../safe-text';

describe('unsafeTextCharacter', () => {
  it.each([
    ['a right-to-left override', 'admin\u202Egpj.exe', 'U+202E'],
    ['a left-to-right embedding', 'a\u202Ab', 'U+202A'],
    ['a first-strong isolate', 'a\u2068b', 'U+2068'],
    ['a pop directional isolate', 'a\u2069b', 'U+2069'],
    ['a right-to-left mark', 'a\u200Fb', 'U+200F'],
    ['a zero-width space', 'ad\u200Bmin', 'U+200B'],
    ['a byte-order mark', '\uFEFFadmin', 'U+FEFF'],
    ['a soft hyphen', 'ad\u00ADmin', 'U+00AD'],
    ['a newline', 'line\nbreak', 'U+000A'],
    ['a NUL', 'a\u0000', 'U+0000'],
    ['a DEL', 'a\u007F', 'U+007F'],
    ['a line separator', 'a\u2028b', 'U+2028'],
    ['a private-use character', 'a\uE000', 'U+E000'],
  ])('finds %s', (_name, text, code) => {
    expect(unsafeTextCharacter(text)).toBe(code);
  });

  it.each([
    ['Kyrgyz letters', 'Үмөт Жеңишбекова'],
    ['Kazakh letters', 'Әсем Ғалымқызы Ұлықбан Һ і'],
    ['Russian with ё', 'Пётр Семёнов'],
    ['Latin with diacritics and an apostrophe', "Zoë O'Brien-Łukasz"],
    ['ZWNJ in a Persian name', 'می\u200Cخواهم'],
    ['ZWJ in an emoji sequence', '\u{1F468}\u200D\u{1F469}\u200D\u{1F467}'],
    ['an email and a phone', 'aigul@example.kg +996 555 123 456'],
  ])('accepts %s', (_name, text) => {
    expect(unsafeTextCharacter(text)).toBeNull();
  });
});

class Named {
  @IsSafeText()
  name: unknown;
}

describe('@IsSafeText', () => {
  const check = (name: unknown) => {
    const o = new Named();
    o.name = name;
    return validateSync(o);
  };

  it('refuses an override with the catalogue key in the constraint context', () => {
    const [e] = check('admin\u202Egpj.exe');
    expect(Object.keys(e.constraints!)).toEqual(['isSafeText']);
    expect(e.contexts!.isSafeText).toEqual({ messageKey: 'errors.validation.invalidCharacters', params: {} });
  });

  it('accepts a Kyrgyz name and leaves non-strings to other rules', () => {
    expect(check('Ақ-Дөбө Үңкүр')).toEqual([]);
    expect(check(undefined)).toEqual([]);
  });
});
