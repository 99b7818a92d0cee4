/**
 * Characters that make a command read differently from how it runs: control characters, and
 * invisible or direction-changing Unicode (zero-width spaces, bidi overrides, odd spaces).
 */
const INVISIBLE =
  /[\p{Cc}\p{Cf}\p{Zl}\p{Zp}\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000\u115f\u1160\u3164\uffa0\ufeff]/u;

/** Finds a hidden character outside the given ranges (quoted heredoc bodies are data). */
export function findHiddenCharacter(
  source: string,
  skip: readonly { pos: number; end: number }[]
): { char: string; index: number } | undefined {
  for (let index = 0; index < source.length; index++) {
    const char = source[index] ?? '';
    if (char === '\n' || char === '\t') continue;
    if (char.charCodeAt(0) < 0x80 && char >= ' ' && char !== '\x7f') continue;
    if (skip.some(range => index >= range.pos && index < range.end) && char !== '\0') continue;
    if (INVISIBLE.test(char)) return { char, index };
  }
  return undefined;
}

export function describeCharacter(char: string): string {
  const code = char.codePointAt(0) ?? 0;
  return `U+${code.toString(16).toUpperCase().padStart(4, '0')}`;
}

/** Printable ASCII only: command names and options may not hide look-alike letters. */
export function isPlainAscii(text: string): boolean {
  return /^[\x20-\x7e]*$/.test(text);
}
