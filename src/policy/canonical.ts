import type {
  Command,
  CommandNode,
  HereDoc,
  PipelineNode,
  AndOr,
  Redirection,
  Script,
  Statement,
  Word
} from 'unbash';
import { resolveWord } from './words.js';

/**
 * Rebuilds an already-approved command from its parsed tree: every word re-quoted from its
 * resolved value, operators and redirections re-emitted, quoted heredoc bodies copied literally.
 * What runs is therefore exactly what was checked, never the raw input.
 */
export function renderScript(script: Script, source: string): string {
  const renderer = new Renderer(source);
  renderer.list(script.commands);
  return renderer.output.replace(/\n+$/, '\n');
}

class Renderer {
  output = '';
  private pending: HereDoc[] = [];
  private delimiterCount = 0;

  constructor(private readonly source: string) {}

  list(statements: readonly Statement[]): void {
    for (const statement of statements) {
      this.node(statement.command);
      this.newline();
    }
  }

  private newline(): void {
    this.output += '\n';
    for (const heredoc of this.pending.splice(0)) {
      const delimiter = this.delimiterFor(heredoc);
      this.output += `${heredoc.body.text}${delimiter}\n`;
    }
  }

  private node(node: PipelineNode | AndOr): void {
    switch (node.type) {
      case 'AndOr':
        node.commands.forEach((child, index) => {
          if (index > 0) this.output += ` ${node.operators[index - 1] ?? '&&'} `;
          this.node(child);
        });
        return;
      case 'Pipeline':
        if (node.prefixes.some(prefix => prefix.type === 'Negation')) this.output += '! ';
        node.commands.forEach((child, index) => {
          if (index > 0) this.output += ` ${node.operators[index - 1] ?? '|'} `;
          this.command(child);
        });
        return;
      default:
        this.command(node);
    }
  }

  private command(node: CommandNode): void {
    switch (node.type) {
      case 'Command':
        this.simple(node);
        return;
      case 'Subshell':
        this.output += '(';
        this.newline();
        this.list(node.body.commands);
        this.output += ')';
        return;
      case 'BraceGroup':
        this.output += '{';
        this.newline();
        this.list(node.body.commands);
        this.output += '}';
        return;
      case 'Redirected':
        this.command(node.command);
        for (const redirect of node.redirects) this.redirect(redirect);
        return;
      default:
        // decide() refuses every other node before rendering; reaching here is a bug, so fail loudly.
        throw new Error(`cannot render ${node.type}`);
    }
  }

  private simple(node: Command): void {
    const parts: string[] = [];
    if (node.name) parts.push(this.word(node.name));
    this.output += parts.join(' ');
    for (const item of node.prefix) if (item.type !== 'Assignment') this.redirect(item);
    for (const item of node.suffix) {
      if (item.type === 'Word') this.output += ` ${this.word(item)}`;
      else if (item.type === 'Assignment') throw new Error('assignment in approved command');
      else this.redirect(item);
    }
  }

  private word(word: Word): string {
    const resolved = resolveWord(word, this.source);
    if (!resolved.ok) throw new Error(`unresolvable word in approved command: ${resolved.reason}`);
    return resolved.word.shell;
  }

  private redirect(redirect: Redirection): void {
    const fd = redirect.descriptor?.type === 'FileDescriptor' ? String(redirect.descriptor.value) : '';
    if (redirect.type === 'HereDoc') {
      this.pending.push(redirect);
      const delimiter = this.delimiterFor(redirect);
      const quoted = redirect.delimiter?.quoted ?? false;
      this.output += ` ${fd}${redirect.operator}${quoted ? `'${delimiter}'` : delimiter}`;
      return;
    }
    if (!redirect.target) throw new Error('redirection without target in approved command');
    const target =
      (redirect.operator === '>&' || redirect.operator === '<&') && /^(\d+|-)$/.test(redirect.target.value)
        ? redirect.target.value
        : this.word(redirect.target);
    this.output += ` ${fd}${redirect.operator} ${target}`;
  }

  private readonly delimiters = new Map<HereDoc, string>();

  /** A delimiter that no line of the body equals (tabs stripped for <<-), so the body ends where it did. */
  private delimiterFor(heredoc: HereDoc): string {
    const known = this.delimiters.get(heredoc);
    if (known) return known;
    const lines = new Set(heredoc.body.text.split('\n').map(line => line.replace(/^\t+/, '')));
    let delimiter = 'KUBRICK_EOF';
    while (lines.has(delimiter)) delimiter = `KUBRICK_EOF_${++this.delimiterCount}`;
    this.delimiters.set(heredoc, delimiter);
    return delimiter;
  }
}
