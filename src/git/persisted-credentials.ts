/**
 * actions/checkout leaves the workflow token in the checkout (`persist-credentials: true`, its
 * default): as an `http.<server>/.extraheader` in `.git/config` (v4, v5), or in a file under
 * RUNNER_TEMP that `.git/config` includes (v6). Kubrick pushes with its own per-command header and
 * needs neither; left in place, the header is one `cat .git/config` away from a command. So the
 * action removes both forms at start, and says so in the job log.
 */
import { readFileSync } from 'node:fs';
import { isAbsolute, join, resolve, dirname } from 'node:path';
import type { GitCommandManager } from './git-command.js';
import { gitDirOf } from './control-files.js';

const HEADER_KEY = /^http\.(.+\.)?extraheader$/i;
const INCLUDE_KEY = /^include(if\..+)?\.path$/i;

/** A config file defines an extra header (checked on the raw text: the file is only read, never run). */
function definesExtraHeader(path: string): boolean {
  try {
    return /^\s*extraheader\s*=/im.test(readFileSync(path, 'utf8'));
  } catch {
    return false;
  }
}

/**
 * Removes persisted extra headers from the checkout's config, and the includes of files that hold
 * one. Returns one line per removal for the job log (key names only, never values).
 */
export async function removePersistedCredentials(git: GitCommandManager): Promise<string[]> {
  const gitDir = gitDirOf(git.cwd);
  if (!gitDir) return [];
  const configFile = join(gitDir, 'config');
  const listed = await git.exec(['config', '--file', configFile, '--null', '--list'], { allowFailure: true });
  if (listed.exitCode !== 0) return [];
  const removed: string[] = [];
  const seen = new Set<string>();
  for (const record of listed.stdout.split('\0')) {
    const newline = record.indexOf('\n');
    if (newline === -1) continue;
    const key = record.slice(0, newline);
    const value = record.slice(newline + 1);
    if (HEADER_KEY.test(key)) {
      if (seen.has(key)) continue;
      seen.add(key);
      await git.exec(['config', '--file', configFile, '--unset-all', key], { rewritesConfig: true });
      removed.push(`Removed ${key} from .git/config: the token actions/checkout stored there`);
    } else if (INCLUDE_KEY.test(key)) {
      const target = value.startsWith('~/')
        ? undefined
        : isAbsolute(value)
          ? value
          : resolve(dirname(configFile), value);
      if (!target || !definesExtraHeader(target)) continue;
      await git.exec(['config', '--file', configFile, '--fixed-value', '--unset-all', key, value], {
        rewritesConfig: true
      });
      removed.push(
        `Removed ${key} from .git/config: it included the token actions/checkout stored in ${target}`
      );
    }
  }
  if (removed.length > 0) {
    removed.push(
      'Kubrick pushes with its own credentials for each push; commands and the model never see the token. ' +
        'A later step that needs git credentials can run actions/checkout again.'
    );
  }
  return removed;
}
