import { cleanText, foldDiacritics, matchesSearch, nfc, nfcDeep, searchKey, searchTokens } from './text';

describe('Vietnamese text', () => {
  const decomposed = 'Ngọk Bay'.normalize('NFD');

  it('normalises to NFC', () => {
    expect(decomposed).not.toBe('Ngọk Bay');
    expect(nfc(decomposed)).toBe('Ngọk Bay');
    expect(cleanText('  Phòng  Văn hóa –\tXã hội ')).toBe('Phòng Văn hóa – Xã hội');
  });

  it('normalises every string of a plain object', () => {
    const value = nfcDeep({ name: decomposed, list: [decomposed], n: 5, nested: { s: decomposed } });
    expect(value).toEqual({ name: 'Ngọk Bay', list: ['Ngọk Bay'], n: 5, nested: { s: 'Ngọk Bay' } });
  });

  it('folds tones, vowel marks and đ/Đ', () => {
    expect(foldDiacritics('Đồng Khởi, Ngọk Bay, Khánh Hòa, Quảng Ngãi')).toBe('Dong Khoi, Ngok Bay, Khanh Hoa, Quang Ngai');
    expect(foldDiacritics('đường ưu tiên ơn')).toBe('duong uu tien on');
    expect(foldDiacritics(decomposed)).toBe('Ngok Bay');
  });

  it('builds search keys ignoring case, diacritics and punctuation', () => {
    expect(searchKey('Phòng Văn hóa – Xã hội')).toBe('phong van hoa xa hoi');
    expect(searchKey('4009/KH-UBND')).toBe('4009 kh ubnd');
    expect(searchTokens('  ')).toEqual([]);
  });

  it.each([
    ['Ngọk Bay', 'Ngok Bay', true],
    ['Ngọk Bay', 'ngok', true],
    ['Ngọk Bay', 'bay ngok', true],
    ['Đồng Nai', 'Dong', true],
    ['Đồng Nai', 'dong', true],
    ['Khánh Hoà', 'khanh hoa', true],
    ['Khánh Hòa', 'Khánh Hoà', true],
    ['Quảng Ngãi', 'Quang Nam', false],
    ['Ngọk Bay', '', true],
    ['thôn Kon Rờ Lòng', 'kon ro long', true],
    [decomposed, 'Ngọk', true],
  ])('"%s" matches "%s": %s', (text, query, expected) => {
    expect(matchesSearch(text, query)).toBe(expected);
  });
});
