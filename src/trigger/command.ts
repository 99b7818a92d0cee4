/**
 * The comment command grammar:
 *
 *   <trigger phrase> [fix | review | ask | plan | approve | fix-ci] [free text…]
 *
 * The phrase (case-sensitive) must start a line, after optional spaces, and be followed by
 * whitespace or the end of the line: `/kubricks` is not a trigger. The free text is the rest of
 * that line plus every following line. Lines inside fenced code blocks and quoted lines
 * (`> /kubrick …`) do not trigger, so examples and quotes of earlier commands stay inert.
 */
export const VERBS = ['fix', 'review', 'ask', 'plan', 'approve', 'fix-ci'] as const;
export type Verb = (typeof VERBS)[number];

export interface Command {
  verb: Verb;
  /** The free text after the verb, trimmed; may be empty. */
  text: string;
  /** Whether the verb was written out (false when `fix` was assumed). */
  explicitVerb: boolean;
}

function isVerb(word: string): word is Verb {
  return (VERBS as readonly string[]).includes(word);
}

function isFence(line: string): boolean {
  const trimmed = line.replace(/^ {0,3}/, '');
  return trimmed.startsWith('```') || trimmed.startsWith('~~~');
}

/** The part after the phrase when `line` starts with it, else null. */
function afterPhrase(line: string, phrase: string): string | null {
  let i = 0;
  while (line[i] === ' ' || line[i] === '\t') i++;
  if (!line.startsWith(phrase, i)) return null;
  const rest = line.slice(i + phrase.length);
  return rest === '' || /^\s/.test(rest) ? rest : null;
}

function splitVerb(rest: string): { verb: Verb; text: string; explicitVerb: boolean } {
  const trimmed = rest.replace(/^\s+/, '');
  const match = /^(\S+)(\s|$)/.exec(trimmed);
  const word = match?.[1]?.toLowerCase() ?? '';
  if (isVerb(word)) return { verb: word, text: trimmed.slice(word.length), explicitVerb: true };
  return { verb: 'fix', text: trimmed, explicitVerb: false };
}

export function parseCommand(body: string, phrase: string): Command | null {
  if (phrase === '' || !body.includes(phrase)) return null;
  const lines = body.replace(/\r\n?/g, '\n').split('\n');
  let inFence = false;
  for (let index = 0; index < lines.length; index++) {
    const line = lines[index] as string;
    if (isFence(line)) {
      inFence = !inFence;
      continue;
    }
    if (inFence) continue;
    const rest = afterPhrase(line, phrase);
    if (rest === null) continue;
    const { verb, text, explicitVerb } = splitVerb(rest);
    const following = lines.slice(index + 1);
    return { verb, explicitVerb, text: [text, ...following].join('\n').trim() };
  }
  return null;
}
