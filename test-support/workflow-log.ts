/**
 * The action's log begins with `::add-mask::<secret>` lines: they hand the secrets to the runner,
 * which hides them in every later line, so those lines (and only those) may hold a secret.
 */

/** The leading `::add-mask::` values (unescaped) and the log after them. */
export function splitMasks(stdout: string): { masked: string[]; rest: string } {
  const lines = stdout.split('\n');
  const masked: string[] = [];
  let at = 0;
  for (; at < lines.length && lines[at]!.startsWith('::add-mask::'); at++) {
    masked.push(
      lines[at]!.slice('::add-mask::'.length).replace(/%0D/g, '\r').replace(/%0A/g, '\n').replace(/%25/g, '%')
    );
  }
  return { masked, rest: lines.slice(at).join('\n') };
}
