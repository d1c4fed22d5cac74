/**
 * Accent- and case-insensitive form of Vietnamese text for search: `Giấy phép xây dựng` → `giay phep xay dung`.
 *
 * Diacritics are removed by canonical decomposition (NFD) and dropping combining marks; `đ`/`Đ` is a letter of
 * its own (not a composed one) and is mapped to `d` explicitly. Everything that is not a letter or a digit
 * becomes a single space, so punctuation and the dots of codes separate words. The same function runs on the
 * stored column and on the query, which keeps the two in step without a database extension (`unaccent` is not
 * immutable and cannot back an index).
 */
export function normalizeSearchText(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

/** Distinct words of the normalised query, longest first (the most selective filter first), at most `max`. */
export function searchTokens(query: string, max = 12): string[] {
  const words = normalizeSearchText(query).split(' ').filter((w) => w.length > 0);
  return [...new Set(words)].sort((a, b) => b.length - a.length).slice(0, max);
}

/** Escapes `%`, `_` and `\` for a LIKE pattern (normalised text never contains them, codes might). */
export function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}
