/**
 * /etc is shown read-only, minus what holds secrets. Which files those are is decided the way their
 * owners decided it: whatever others may not read (shadow, sudoers, ssh host keys, TLS private
 * keys, VPN and Wi-Fi secrets, keytabs) is hidden, whatever its name; the well-known ones are hidden
 * by name as well, in case a container image left their permissions open.
 */
import { lstatSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

/** Hidden by name wherever they are under /etc. */
const SECRET_NAMES = [
  /^g?shadow-?$/,
  /^sudoers(\.d)?$/,
  /^ssh_host_.*_key$/,
  /^opasswd$/,
  /^.*\.keytab$/,
  /^(chap|pap)-secrets$/,
  /^\.pwd\.lock$/
];
/** /etc on a full runner image has a few thousand entries; a bound walk keeps start-up short. */
const MAX_ENTRIES = 50_000;
const MAX_DEPTH = 12;

export interface HiddenEntry {
  path: string;
  kind: 'file' | 'dir';
}

export function etcSecrets(root = '/etc'): HiddenEntry[] {
  const hidden: HiddenEntry[] = [];
  let budget = MAX_ENTRIES;
  const walk = (dir: string, depth: number): void => {
    let names: string[];
    try {
      names = readdirSync(dir).sort();
    } catch {
      return;
    }
    for (const name of names) {
      if (--budget < 0) return;
      const path = join(dir, name);
      let stat;
      try {
        stat = lstatSync(path);
      } catch {
        continue;
      }
      if (stat.isSymbolicLink()) continue; // its target is judged where it lives
      const named = SECRET_NAMES.some(pattern => pattern.test(name));
      if (stat.isDirectory()) {
        // Others need both read and search to see inside; a directory without them is private.
        if (named || (stat.mode & 0o005) !== 0o005) hidden.push({ path, kind: 'dir' });
        else if (depth < MAX_DEPTH) walk(path, depth + 1);
      } else if (named || (stat.mode & 0o004) === 0) {
        hidden.push({ path, kind: 'file' });
      }
    }
  };
  walk(root, 0);
  return hidden;
}
