/**
 * Who commands run as on the host. Never uid 0: when Kubrick itself is root, commands get a uid of
 * their own (the last of root's subordinate ids in /etc/subuid, which no account uses, or else an
 * id no account, group or subordinate range uses), and the workspace is lent to it while commands
 * run. Otherwise they run as Kubrick's own uid, which already owns the workspace.
 */
import type { Privilege } from './probe.js';

export interface CommandIdentity {
  uid: number;
  gid: number;
  /**
   * Set when the workspace belongs to root: files owned by `uid` 0 are handed to the command's uid
   * before the first command (again after a write from outside the sandbox) and given back (with
   * `gid`) when the sandbox closes.
   */
  lendWorkspaceFrom?: { uid: number; gid: number };
  /** The uid has no account: /etc/passwd and /etc/group inside the sandbox get one ("kubrick"). */
  needsAccount: boolean;
}

/** The host's account and subordinate-id files, as text (missing ones as ''). */
export interface IdentityFiles {
  passwd: string;
  group: string;
  subuid: string;
  subgid: string;
}

/** Ids at and above this are far from accounts and from the subordinate ranges tools hand out. */
const FALLBACK_FIRST_ID = 2_000_000;

function ids(table: string): Set<number> {
  const found = new Set<number>();
  for (const line of table.split('\n')) {
    const id = Number(line.split(':')[2]);
    if (Number.isSafeInteger(id)) found.add(id);
  }
  return found;
}

interface Range {
  owner: string;
  start: number;
  count: number;
}

function ranges(table: string): Range[] {
  const found: Range[] = [];
  for (const line of table.split('\n')) {
    const [owner, start, count] = line.trim().split(':');
    const first = Number(start);
    const size = Number(count);
    if (owner && Number.isSafeInteger(first) && Number.isSafeInteger(size) && size > 0)
      found.push({ owner, start: first, count: size });
  }
  return found;
}

const isRoot = (range: Range) => range.owner === 'root' || range.owner === '0';

/** The last id of root's first subordinate range, or the first id nothing else uses. */
function dedicatedId(used: Set<number>, own: Range[], all: Range[]): number {
  const mine = own.find(isRoot);
  if (mine) return mine.start + mine.count - 1;
  let id = FALLBACK_FIRST_ID;
  while (used.has(id) || all.some(r => id >= r.start && id < r.start + r.count)) id++;
  return id;
}

export function commandIdentity(
  privilege: Privilege,
  self: { uid: number; gid: number },
  workspaceOwner: { uid: number; gid: number },
  files: IdentityFiles
): CommandIdentity {
  const accounts = ids(files.passwd);
  if (privilege !== 'root') return { uid: self.uid, gid: self.gid, needsAccount: !accounts.has(self.uid) };
  // A workspace someone else owns (a container's bind-mounted checkout) is used as that owner.
  if (workspaceOwner.uid !== 0) {
    return { ...workspaceOwner, needsAccount: !accounts.has(workspaceOwner.uid) };
  }
  const groups = ids(files.group);
  const subuid = ranges(files.subuid);
  const subgid = ranges(files.subgid);
  const everyRange = [...subuid, ...subgid];
  const used = new Set([...accounts, ...groups]);
  const uid = dedicatedId(used, subuid, everyRange);
  const gid = subuid.some(isRoot) && subgid.some(isRoot) ? dedicatedId(used, subgid, everyRange) : uid;
  return { uid, gid, lendWorkspaceFrom: workspaceOwner, needsAccount: !accounts.has(uid) };
}

/** /etc/passwd and /etc/group as the sandbox shows them: the host's, plus the command's account if it has none. */
export function accountFiles(
  identity: CommandIdentity,
  files: IdentityFiles,
  home: string
): { passwd: string; group: string } {
  const line = (text: string) => (text === '' || text.endsWith('\n') ? text : `${text}\n`);
  const groups = ids(files.group);
  return {
    passwd: `${line(files.passwd)}kubrick:x:${identity.uid}:${identity.gid}:Kubrick sandbox:${home}:/bin/sh\n`,
    group: groups.has(identity.gid) ? files.group : `${line(files.group)}kubrick:x:${identity.gid}:\n`
  };
}
