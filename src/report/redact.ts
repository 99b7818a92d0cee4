/**
 * Removes secrets from anything Kubrick writes: transcripts, comments, PR bodies, outputs, logs.
 * Known values are matched exactly (and in the escaped forms JSON and base64 give them); unknown
 * ones are caught by the shapes of common tokens.
 */

const SECRET_NAME =
  /(^|_)(TOKEN|KEY|SECRET|PASSWORD|PASSWD|CREDENTIALS?)($|_)|^INPUT_(GITHUB_TOKEN|API_KEY)$/i;

/** Shapes of tokens seen in the wild; a match is replaced even when the value was never declared. */
const TOKEN_SHAPES: RegExp[] = [
  /\bgh[pousr]_[A-Za-z0-9]{30,255}\b/g,
  /\bgithub_pat_[A-Za-z0-9_]{40,255}\b/g,
  /\bsk-(?:ant-|proj-)?[A-Za-z0-9_-]{20,}\b/g,
  /\bxox[abposr]-[A-Za-z0-9-]{10,}\b/g,
  /\bAKIA[0-9A-Z]{16}\b/g,
  /\bAIza[0-9A-Za-z_-]{35}\b/g,
  /-----BEGIN [A-Z ]*PRIVATE KEY-----[\s\S]*?-----END [A-Z ]*PRIVATE KEY-----/g
];

export const REDACTED = '[REDACTED]';

/** Values shorter than this are not treated as secrets: redacting "1" or "true" would wreck every text. */
export const MIN_SECRET_LENGTH = 6;

/** What the model reads in place of a secret (tool results, MCP answers, CI log excerpts): the mask GitHub Actions logs use. */
export const MODEL_MASK = '***';

/** The text between the quotes of a JSON string holding `value`. */
function jsonEscaped(value: string): string {
  return JSON.stringify(value).slice(1, -1);
}

/**
 * The base64 characters that encode `value` wherever it starts in a longer encoded text (an HTTP
 * Basic header for any user name, `base64 -w0` of a whole file): one form per byte offset modulo 3,
 * keeping only the characters whose 6 bits all come from `value`, as the Actions runner's masker does.
 */
function base64Forms(value: string): string[] {
  const bytes = Buffer.from(value);
  const forms = [bytes.toString('base64')];
  for (const offset of [1, 2]) {
    const encoded = Buffer.concat([Buffer.alloc(offset), bytes]).toString('base64');
    const first = Math.ceil((offset * 8) / 6);
    const end = Math.floor(((offset + bytes.length) * 8) / 6);
    forms.push(encoded.slice(first, end));
  }
  // Offset 0 inside a longer text: the last, partly padded, group depends on what follows.
  forms.push(bytes.toString('base64').slice(0, Math.floor((bytes.length * 8) / 6)));
  return forms;
}

export class Redactor {
  private readonly needles: string[];
  /** The secret values themselves (trimmed, long enough to count), for the runner's log masking. */
  readonly secrets: readonly string[];

  constructor(secrets: Iterable<string>) {
    const forms = new Set<string>();
    const values = new Set<string>();
    for (const secret of secrets) {
      const value = secret.trim();
      if (value.length < MIN_SECRET_LENGTH) continue;
      values.add(value);
      const escaped = jsonEscaped(value);
      forms.add(value);
      forms.add(escaped);
      // Twice: a tool call's raw argument JSON is a string inside a transcript line.
      forms.add(jsonEscaped(escaped));
      for (const form of base64Forms(value)) forms.add(form);
      forms.add(Buffer.from(`x-access-token:${value}`).toString('base64'));
      forms.add(encodeURIComponent(value));
    }
    this.secrets = [...values];
    // Longest first, so a secret that contains another is removed whole.
    this.needles = [...forms].filter(f => f.length >= MIN_SECRET_LENGTH).sort((a, b) => b.length - a.length);
  }

  /** The secrets of a process environment: every variable whose name says it holds one. */
  static fromEnvironment(env: NodeJS.ProcessEnv, extra: string[] = []): Redactor {
    const values = Object.entries(env)
      .filter(([name, value]) => value !== undefined && SECRET_NAME.test(name))
      .map(([, value]) => value as string);
    return new Redactor([...values, ...extra]);
  }

  /** `marker` replaces each secret: `[REDACTED]` for people; the model reads `***`, as in Actions logs. */
  redact(text: string, marker: string = REDACTED): string {
    let out = text;
    for (const needle of this.needles) {
      if (out.includes(needle)) out = out.split(needle).join(marker);
    }
    for (const shape of TOKEN_SHAPES) out = out.replace(shape, marker);
    return out;
  }

  /** Redacts every string inside a JSON-like value. */
  redactValue<T>(value: T): T {
    if (typeof value === 'string') return this.redact(value) as T;
    if (Array.isArray(value)) return value.map(item => this.redactValue(item) as unknown) as T;
    if (value !== null && typeof value === 'object') {
      const out: Record<string, unknown> = {};
      for (const [key, item] of Object.entries(value)) out[key] = this.redactValue(item);
      return out as T;
    }
    return value;
  }
}
