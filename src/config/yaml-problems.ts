/**
 * Messages for mistakes in the YAML files maintainers keep (`.github/kubrick.yml`, the command
 * policy): where they are (file, line) and what was probably meant. Shared by both loaders so a
 * misspelt key reads the same in either file.
 */
import { isMap, isScalar, type Document, type LineCounter, type YAMLError } from 'yaml';
import * as z from 'zod';

/**
 * The known key a misspelling most likely meant, or undefined when none is close. Case, `-` and `_`
 * are ignored (`maxIterations`, `max-iterations`); otherwise a swap of two neighbouring letters
 * (`allwo`) or an edit per four letters of the key counts as close.
 */
export function closestKey(key: string, known: readonly string[]): string | undefined {
  const normal = normalize(key);
  const letters = sorted(normal);
  let best: { key: string; score: number[] } | undefined;
  for (const candidate of known) {
    const other = normalize(candidate);
    // Ties go to the same letters in another order (`modle` is `model`, not `mode`), then to the
    // closer length.
    const score = [
      editDistance(normal, other),
      sorted(other) === letters ? 0 : 1,
      Math.abs(other.length - normal.length)
    ];
    if (best === undefined || lexicallyLess(score, best.score)) best = { key: candidate, score };
  }
  if (best === undefined) return undefined;
  const allowed = Math.max(1, Math.floor(normal.length / 4));
  return (best.score[0] ?? Infinity) <= allowed ? best.key : undefined;
}

/** `unknown key "allwo" — did you mean "allow"?`, or the list of known keys when nothing is close. */
export function unknownKeyMessage(key: string, known: readonly string[]): string {
  const suggestion = closestKey(key, known);
  return suggestion !== undefined
    ? `unknown key "${key}" — did you mean "${suggestion}"?`
    : `unknown key "${key}"; known keys: ${known.join(', ')}`;
}

/**
 * A YAML syntax error as one line that names its place once: `FILE line L, column C: message`
 * (parse with `prettyErrors: false`, so the message does not repeat the place itself).
 */
export function yamlErrorMessage(error: YAMLError, lineCounter: LineCounter, file: string): string {
  const { line, col } = lineCounter.linePos(error.pos[0]);
  const message = (error.message.split('\n')[0] ?? '').replace(/ at line \d+, column \d+:?$/, '');
  return `${file} line ${line}, column ${col}: ${message}`;
}

/** The line of a key in a mapping (path of keys and list indexes to that mapping), or undefined. */
export function lineOfKey(
  document: Document,
  lineCounter: LineCounter,
  mapPath: readonly PropertyKey[],
  key: string
): number | undefined {
  const map = mapPath.length === 0 ? document.contents : document.getIn(mapPath as unknown[], true);
  if (!isMap(map)) return undefined;
  for (const pair of map.items) {
    if (isScalar(pair.key) && String(pair.key.value) === key && pair.key.range) {
      return lineCounter.linePos(pair.key.range[0]).line;
    }
  }
  return undefined;
}

/** The keys an object schema accepts at a path of keys inside it (optional wrappers looked through). */
export function schemaKeysAt(schema: z.ZodType, path: readonly PropertyKey[]): string[] {
  let current: z.ZodType | undefined = schema;
  for (const part of [...path, undefined]) {
    while (current instanceof z.ZodOptional || current instanceof z.ZodNullable) {
      current = current.unwrap() as z.ZodType;
    }
    if (!(current instanceof z.ZodObject)) return [];
    if (part === undefined) return Object.keys(current.shape);
    current = (current.shape as Record<PropertyKey, z.ZodType | undefined>)[part];
  }
  return [];
}

function sorted(text: string): string {
  return [...text].sort().join('');
}

function lexicallyLess(a: number[], b: number[]): boolean {
  for (let i = 0; i < a.length; i++) {
    if ((a[i] ?? 0) !== (b[i] ?? 0)) return (a[i] ?? 0) < (b[i] ?? 0);
  }
  return false;
}

function normalize(key: string): string {
  return key.toLowerCase().replace(/[-_\s]/g, '');
}

/** Optimal string alignment distance: insertions, deletions, substitutions and adjacent swaps. */
function editDistance(a: string, b: string): number {
  // Keys are short; anything long is not a misspelling of one.
  if (Math.abs(a.length - b.length) > 8 || a.length > 64 || b.length > 64) return Infinity;
  const rows = a.length + 1;
  const cols = b.length + 1;
  const d: number[][] = Array.from({ length: rows }, (_, i) =>
    Array.from({ length: cols }, (_, j) => (i === 0 ? j : j === 0 ? i : 0))
  );
  for (let i = 1; i < rows; i++) {
    for (let j = 1; j < cols; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let value = Math.min(
        (d[i - 1]?.[j] ?? 0) + 1,
        (d[i]?.[j - 1] ?? 0) + 1,
        (d[i - 1]?.[j - 1] ?? 0) + cost
      );
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        value = Math.min(value, (d[i - 2]?.[j - 2] ?? 0) + 1);
      }
      (d[i] as number[])[j] = value;
    }
  }
  return d[a.length]?.[b.length] ?? Infinity;
}
