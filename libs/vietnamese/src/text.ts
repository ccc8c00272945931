/**
 * Text: Unicode normalisation and diacritic-insensitive search keys.
 *
 * Vietnamese text arrives both precomposed (NFC, "ọ" = U+1ECD) and decomposed (NFD, "o" + U+0323),
 * depending on the keyboard (Unikey, macOS, copy from PDF). We store NFC everywhere and compare
 * search keys that drop diacritics: "Ngok Bay" finds "Ngọk Bay", "Dong" finds "Đồng".
 */

/** Canonical (NFC) form of a string; trims nothing. */
export function nfc(text: string): string {
  return text.normalize('NFC');
}

/** NFC + trim + collapse inner whitespace runs to one space. For names and titles. */
export function cleanText(text: string): string {
  return nfc(text).replace(/\s+/gu, ' ').trim();
}

/** Applies NFC to every string inside a plain value (objects, arrays); other values are kept. */
export function nfcDeep<T>(value: T): T {
  if (typeof value === 'string') return nfc(value) as T;
  if (Array.isArray(value)) return value.map((v) => nfcDeep(v)) as T;
  if (value !== null && typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype) {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value as Record<string, unknown>)) out[k] = nfcDeep(v);
    return out as T;
  }
  return value;
}

/**
 * Removes diacritics: tones and vowel marks (ă â ê ô ơ ư) through NFD, and đ/Đ → d/D, which Unicode
 * does not decompose. Case is kept.
 */
export function foldDiacritics(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .normalize('NFC');
}

/**
 * The key under which text is indexed and searched: diacritics folded, lower case, every run of
 * characters other than letters and digits turned into one space ("Văn hóa – Xã hội" → "van hoa xa hoi").
 */
export function searchKey(text: string): string {
  return foldDiacritics(text)
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/** Search keys of the words of a query (empty query → no tokens). */
export function searchTokens(query: string): string[] {
  const key = searchKey(query);
  return key === '' ? [] : key.split(' ');
}

/**
 * True when every word of the query occurs in the text, ignoring diacritics, case and punctuation.
 * Words match as prefixes of or inside words ("ngok" matches "Ngọk Bay", "bay ngok" too); an empty
 * query matches everything.
 */
export function matchesSearch(text: string, query: string): boolean {
  const key = searchKey(text);
  return searchTokens(query).every((token) => key.includes(token));
}

/** Compares two strings the Vietnamese way for sorting (locale "vi", base letters first). */
export function compareVietnamese(a: string, b: string): number {
  return nfc(a).localeCompare(nfc(b), 'vi');
}
