/**
 * Characters a reader never sees but a model reads: zero-width characters (U+200B–U+200D, U+2060,
 * U+FEFF), bidi marks and controls (U+200E, U+200F, U+061C, U+202A–U+202E, U+2066–U+2069),
 * invisible math operators (U+2061–U+2064), C0/C1 controls other than tab and newline, and the
 * Unicode tag block (U+E0000–U+E007F), which spells hidden ASCII. They are removed, not replaced,
 * so a word split by one stays whole; the tag block is dropped, never decoded.
 *
 * A single character class with the `g` flag is matched in linear time.
 */
const INVISIBLE =
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u061C\u200B-\u200F\u202A-\u202E\u2060-\u2064\u2066-\u2069\uFEFF\u{E0000}-\u{E007F}]/gu;

export function removeInvisible(text: string): string {
  return text.replace(INVISIBLE, '');
}
