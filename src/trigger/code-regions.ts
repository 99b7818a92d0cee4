/**
 * Where GitHub shows markdown as code: the lines of fenced code blocks and the insides of code
 * spans. There `<!-- … -->` is visible text, so the sanitizer keeps it; everywhere else GitHub
 * hides it. The price of a mistake is lopsided: calling code what GitHub hides would hand hidden
 * text to the model, while calling hidden what GitHub shows only loses a little visible text. So a
 * region counts as code only when every reading of the document GitHub could make shows it; in
 * doubt it is not code (indented code blocks and fences inside lists or quotes never are).
 *
 * Fences. Until something ambiguous is seen, the state is *certain*: GitHub is in no top-level
 * fence and no HTML block, so a fence line at column 0 opens a fence (it also ends any list or
 * quote, and fences cannot continue a paragraph) that only an exact closing fence ends. A fence
 * line indented 1–3 spaces (top level, or inside a list item?) or one that appears while an HTML
 * block may be open makes the state *uncertain* for the rest of the text. Then only a column-0
 * fence with an info string (```js) starts code: such a line cannot close a fence, so whether
 * GitHub reads it as an opener or as a line inside an earlier fence, the lines after it are code
 * up to the first line that could close any fence.
 *
 * HTML blocks. A line starting with `<` and a letter, `/`, `!` or `?` (after any quote or list
 * markers) may start one: GitHub hides comments inside it, and a fence line there is text. Every
 * such line adds the end condition of the block it could start; the state stays "maybe in HTML"
 * until all have been met.
 *
 * Code spans. Inside one line, a backtick run opens a span that the next run of the same length
 * closes, as GitHub reads a paragraph. The span counts only when the text before it in the same
 * paragraph cannot change that reading: no earlier line since the last blank line has a backtick
 * run of a length that appears on this line up to the span's end (it could close an earlier span
 * there), no `<` that may start an HTML tag or comment precedes it (tags and comments take the text
 * they cover), the line has no `|` (a table row splits into cells first), and no web address
 * (`www.`, `://`) runs into the opening backticks (an autolink would take them).
 *
 * Every pass is linear in the length of the text.
 */
const INVISIBLE_OR_SPACE =
  /^[\s\u0000-\u001F\u007F-\u009F\u061C\u200B-\u200F\u202A-\u202E\u2060-\u2064\u2066-\u2069\uFEFF]*/u;

/**
 * What may stand before a block inside quotes, list items and footnotes: `>`, list markers,
 * `[^note]:`, indentation and invisible characters, read greedily (an HTML block inside a list
 * item hides comments on the item's later lines too).
 */
const CONTAINER_PREFIX =
  /^(?:[\s>\u0000-\u001F\u007F-\u009F\u061C\u200B-\u200F\u202A-\u202E\u2060-\u2064\u2066-\u2069\uFEFF]|[-+*](?=\s|$)|\d{1,9}[.)](?=\s|$)|\[\^[^\]\n]*\]:)*/u;

/** [start, end) offsets of code in the text: `blocks` are whole lines, `spans` lie inside one line. */
export interface CodeRegions {
  blocks: [number, number][];
  spans: [number, number][];
}

interface Fence {
  char: '`' | '~';
  length: number;
  /** Certain fences close only at an exact closing fence; uncertain ones at anything like one. */
  certain: boolean;
  /** Offset where the code (the line after the opening fence) starts. */
  start: number;
}

/** A line that opens a fence at column 0, exactly as GitHub reads it; null when it is not one. */
function columnZeroFence(line: string): { char: '`' | '~'; length: number; info: string } | null {
  if (line[0] !== '`' && line[0] !== '~') return null;
  const match = /^(`{3,})([^`]*)$/.exec(line) ?? /^(~{3,})(.*)$/.exec(line);
  if (!match) return null;
  const run = match[1] as string;
  return { char: run[0] as '`' | '~', length: run.length, info: (match[2] as string).trim() };
}

/** An exact closing fence for `fence`: up to 3 spaces, at least as many of its character, spaces. */
function closesExactly(line: string, fence: Fence): boolean {
  const match = /^ {0,3}(`+|~+)[ \t]*$/.exec(line);
  return (
    match !== null && (match[1] as string)[0] === fence.char && (match[1] as string).length >= fence.length
  );
}

/** Anything that could be a fence line somewhere, after any indentation or invisible characters. */
function looksLikeFence(line: string): boolean {
  const rest = line.slice((INVISIBLE_OR_SPACE.exec(line) as RegExpExecArray)[0].length);
  return rest.startsWith('```') || rest.startsWith('~~~');
}

/** A fence line indented 1–3 spaces: a top-level fence, or one inside a list item. */
function indentedFence(line: string): boolean {
  return line[0] === ' ' && /^ {1,3}(`{3,}[^`]*|~{3,}.*)$/.test(line);
}

/**
 * The end condition of the HTML block a line may start, or null. CommonMark tries the kinds in
 * order, so the first that matches decides; kinds 6 and 7 (block tags, any complete tag) are
 * read loosely as "`<` and a letter, or `</`", and indentation or invisible characters before the
 * `<` are allowed, so every line GitHub starts an HTML block on is among them.
 */
function htmlBlockEnd(line: string): HtmlEnd | null {
  if (!line.includes('<')) return null;
  const rest = line.slice((CONTAINER_PREFIX.exec(line) as RegExpExecArray)[0].length);
  if (/^<(script|pre|style|textarea)(\s|>|$)/i.test(rest)) return 'raw-text tag';
  if (rest.startsWith('<!--')) return '-->';
  if (rest.startsWith('<?')) return '?>';
  if (/^<![A-Za-z]/.test(rest)) return '>';
  if (rest.startsWith('<![CDATA[')) return ']]>';
  if (/^<\/?[A-Za-z]/.test(rest)) return 'blank line';
  return null;
}

type HtmlEnd = 'raw-text tag' | '-->' | '?>' | '>' | ']]>' | 'blank line';

/** Drops from `open` the end conditions that `line` meets (a block ends on the line that meets it). */
function meetHtmlEnds(open: Set<HtmlEnd>, line: string): void {
  for (const end of open) {
    const met =
      end === 'blank line'
        ? line.trim() === ''
        : end === 'raw-text tag'
          ? /<\/(script|pre|style|textarea)>/i.test(line)
          : line.includes(end);
    if (met) open.delete(end);
  }
}

export function findCodeRegions(text: string): CodeRegions {
  const blocks: [number, number][] = [];
  const spans: [number, number][] = [];
  const paragraph = new ParagraphContext();
  const html = new Set<HtmlEnd>();
  let certain = true;
  let fence: Fence | null = null;
  let offset = 0;
  // A byte-order mark at the very start is not part of the first line for GitHub.
  if (text.startsWith('\uFEFF')) offset = 1;
  while (offset <= text.length) {
    const newline = text.indexOf('\n', offset);
    const end = newline === -1 ? text.length : newline;
    const line = text.slice(offset, end);
    const next = newline === -1 ? text.length + 1 : newline + 1;

    if (fence !== null) {
      const closes = fence.certain ? closesExactly(line, fence) : looksLikeFence(line);
      if (closes) {
        if (offset > fence.start) blocks.push([fence.start, offset]);
        fence = null;
        paragraph.reset();
      }
      offset = next;
      continue;
    }

    if (html.size > 0) {
      const also = htmlBlockEnd(line);
      if (also !== null) html.add(also);
      // A fence line here is text if GitHub is in an HTML block, a fence if it is not.
      if (looksLikeFence(line)) certain = false;
      meetHtmlEnds(html, line);
      paragraph.add(line);
      offset = next;
      continue;
    }

    const starts = htmlBlockEnd(line);
    if (starts !== null) {
      // A block may end on the line that starts it (a one-line comment); a blank-line end cannot.
      html.add(starts);
      meetHtmlEnds(html, line);
      paragraph.add(line);
      offset = next;
      continue;
    }

    const opener = columnZeroFence(line);
    if (opener !== null && (certain || opener.info !== '')) {
      fence = { char: opener.char, length: opener.length, certain, start: next };
      offset = next;
      continue;
    }
    if (opener !== null || indentedFence(line)) certain = false;

    if (line.trim() === '') paragraph.reset();
    else {
      for (const span of paragraph.spansOf(line, offset)) spans.push(span);
    }
    offset = next;
  }
  // A fence left open runs to the end of the text.
  if (fence !== null && fence.start < text.length) blocks.push([fence.start, text.length]);
  return { blocks, spans };
}

/** What the earlier lines of the current paragraph could do to a code span on a later line. */
class ParagraphContext {
  /** Lengths of backtick runs on earlier lines (both readings of a run after a backslash). */
  private runLengths = new Set<number>();
  /** An earlier line has a `<` that may open a tag or comment reaching into later lines. */
  private openAngle = false;

  reset(): void {
    this.runLengths.clear();
    this.openAngle = false;
  }

  /** A line that is no paragraph text of ours (inside a possible HTML block) but may be GitHub's. */
  add(line: string): void {
    this.remember(line, backtickRuns(line));
  }

  /**
   * The code spans of a paragraph line (at `offset` in the text) whose reading nothing earlier in
   * the paragraph can change; the line then joins the paragraph.
   */
  spansOf(line: string, offset: number): [number, number][] {
    if (!line.includes('`')) {
      this.remember(line, []);
      return [];
    }
    const runs = backtickRuns(line);
    const spans = this.openAngle || line.includes('|') ? [] : this.readSpans(line, offset, runs);
    this.remember(line, runs);
    return spans;
  }

  private remember(line: string, runs: Run[]): void {
    for (const run of runs) {
      this.runLengths.add(run.length);
      if (run.escaped && run.length > 1) this.runLengths.add(run.length - 1);
    }
    if (!this.openAngle && line.includes('<') && /<[A-Za-z/!?]/.test(line)) this.openAngle = true;
  }

  private readSpans(line: string, offset: number, runs: Run[]): [number, number][] {
    // The first run an earlier line's open span could close on: no span reaching it counts.
    let firstRisk = line.length;
    for (const run of runs) {
      if (this.runLengths.has(run.length) || (run.escaped && this.runLengths.has(run.length - 1))) {
        firstRisk = run.start;
        break;
      }
    }
    const out: [number, number][] = [];
    if (firstRisk <= (runs[0] as Run).start) return out;
    // Next run of each length, found by walking each length's list once.
    const byLength = new Map<number, number[]>();
    runs.forEach((run, index) => {
      const list = byLength.get(run.length) ?? [];
      list.push(index);
      byLength.set(run.length, list);
    });
    const cursor = new Map<number, number>();
    let i = 0;
    let webAddress = false;
    let runIndex = 0;
    while (i < firstRisk) {
      const c = line[i] as string;
      if (c === ' ' || c === '\t') {
        webAddress = false;
        i++;
        continue;
      }
      if (c === '\\' && i + 1 < line.length && isAsciiPunctuation(line[i + 1] as string)) {
        i += 2;
        continue;
      }
      if (c === '<') {
        // A tag, comment or autolink may cover what follows: nothing after it counts as code.
        if (/[A-Za-z/!?]/.test(line[i + 1] ?? '')) return out;
        webAddress = false;
        i++;
        continue;
      }
      if (c !== '`') {
        if (line.startsWith('www.', i) || line.startsWith('://', i)) webAddress = true;
        i++;
        continue;
      }
      // A backtick run outside any span: find it in the list, then its closer.
      while (runIndex < runs.length && (runs[runIndex] as Run).start + (runs[runIndex] as Run).length <= i)
        runIndex++;
      const run = runs[runIndex] as Run;
      const openEnd = run.start + run.length;
      // After an escaped first backtick the opener is the rest of the run.
      const length = openEnd - i;
      const list = byLength.get(length) ?? [];
      let at = cursor.get(length) ?? 0;
      while (at < list.length && (list[at] as number) <= runIndex) at++;
      cursor.set(length, at);
      const closer = at < list.length ? runs[list[at] as number] : undefined;
      if (closer === undefined) {
        // Unmatched here: literal backticks (or, on GitHub, a span reaching past this line).
        i = openEnd;
        continue;
      }
      const closerEnd = closer.start + closer.length;
      if (!webAddress && closerEnd <= firstRisk) out.push([offset + openEnd, offset + closer.start]);
      i = closerEnd;
      runIndex = list[at] as number;
    }
    return out;
  }
}

interface Run {
  start: number;
  length: number;
  /** A backslash stands before it: outside a span that escapes its first backtick. */
  escaped: boolean;
}

/** Maximal runs of backticks in a line, in order. */
function backtickRuns(line: string): Run[] {
  const runs: Run[] = [];
  let i = line.indexOf('`');
  while (i !== -1) {
    let j = i;
    while (line[j] === '`') j++;
    runs.push({ start: i, length: j - i, escaped: i > 0 && line[i - 1] === '\\' });
    i = line.indexOf('`', j);
  }
  return runs;
}

function isAsciiPunctuation(c: string): boolean {
  return /[!-/:-@[-`{-~]/.test(c);
}
