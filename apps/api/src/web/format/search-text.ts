/**
 * Search text the way people type it: case and diacritics do not matter (`continuiteit` finds
 * "Continuïteit"), runs of whitespace are one space.
 */
export function normaliseForSearch(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();
}

/** Every word of the query occurs somewhere in the haystack (already normalised). */
export function matchesAllWords(haystack: string, query: string): boolean {
  const words = normaliseForSearch(query)
    .split(' ')
    .filter((w) => w.length > 0);
  return words.length > 0 && words.every((w) => haystack.includes(w));
}
