/**
 * Colour for the demo's terminal output: only on a terminal, never when NO_COLOR is set (no-color.org:
 * present and not empty), never on TERM=dumb; FORCE_COLOR (not empty, not 0) asks for it anyway, as
 * most command-line tools read it.
 */

export function useColor(output: { isTTY?: boolean }, env: NodeJS.ProcessEnv): boolean {
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== '') return false;
  const force = env.FORCE_COLOR;
  if (force !== undefined && force !== '') return force !== '0' && force !== 'false';
  if (env.TERM === 'dumb') return false;
  return output.isTTY === true;
}

export interface Palette {
  bold(text: string): string;
  dim(text: string): string;
  green(text: string): string;
  red(text: string): string;
  yellow(text: string): string;
  cyan(text: string): string;
}

const sgr = (open: number, close: number) => (text: string) => `\u001b[${open}m${text}\u001b[${close}m`;

const COLOURS: Palette = {
  bold: sgr(1, 22),
  dim: sgr(2, 22),
  green: sgr(32, 39),
  red: sgr(31, 39),
  yellow: sgr(33, 39),
  cyan: sgr(36, 39)
};

const PLAIN: Palette = {
  bold: text => text,
  dim: text => text,
  green: text => text,
  red: text => text,
  yellow: text => text,
  cyan: text => text
};

export function palette(color: boolean): Palette {
  return color ? COLOURS : PLAIN;
}
