import fs from 'node:fs';
import zlib from 'node:zlib';

/**
 * Lists what an extraction or a patch would write, without running anything: archive members
 * (tar, plain or gzip, and zip) and the files a patch names. Everything here fails closed: a
 * format it does not understand is reported, never guessed.
 */
export interface Entry {
  name: string;
  kind: 'file' | 'dir' | 'symlink' | 'hardlink' | 'other';
  /** For links: the target as stored. */
  link?: string;
}

export type Listing = { ok: true; entries: Entry[] } | { ok: false; why: string };

/** Archives larger than this (after decompression) are not listed. */
const MAX_ARCHIVE_BYTES = 256 * 1024 * 1024;
export const MAX_ENTRIES = 20_000;

export function readArchive(file: string): Buffer | undefined {
  try {
    const stat = fs.statSync(file);
    if (!stat.isFile() || stat.size > MAX_ARCHIVE_BYTES) return undefined;
    return fs.readFileSync(file);
  } catch {
    return undefined;
  }
}

export function listTar(data: Buffer): Listing {
  let buffer = data;
  if (buffer[0] === 0x1f && buffer[1] === 0x8b) {
    try {
      buffer = zlib.gunzipSync(buffer, { maxOutputLength: MAX_ARCHIVE_BYTES });
    } catch {
      return { ok: false, why: 'the gzip data cannot be read' };
    }
  } else if (buffer.subarray(0, 3).toString('latin1') === 'BZh')
    return { ok: false, why: 'bzip2 archives cannot be listed here; use a .tar or .tar.gz' };
  else if (buffer[0] === 0xfd && buffer.subarray(1, 6).toString('latin1') === '7zXZ\0')
    return { ok: false, why: 'xz archives cannot be listed here; use a .tar or .tar.gz' };
  else if (buffer.readUInt32LE(0) === 0xfd2fb528)
    return { ok: false, why: 'zstd archives cannot be listed here; use a .tar or .tar.gz' };
  const entries: Entry[] = [];
  let offset = 0;
  let longName: string | undefined;
  let longLink: string | undefined;
  let pax: Record<string, string> = {};
  let globalPax: Record<string, string> = {};
  while (offset + 512 <= buffer.length) {
    const header = buffer.subarray(offset, offset + 512);
    if (header.every(byte => byte === 0)) break;
    if (!validChecksum(header)) return { ok: false, why: `a tar header at byte ${offset} is damaged` };
    const size = octal(header.subarray(124, 136));
    if (size === undefined) return { ok: false, why: 'a tar header has an unreadable size' };
    const type = String.fromCharCode(header[156] ?? 0);
    const body = buffer.subarray(offset + 512, offset + 512 + size);
    offset += 512 + Math.ceil(size / 512) * 512;
    if (type === 'L') {
      longName = cstring(body);
      continue;
    }
    if (type === 'K') {
      longLink = cstring(body);
      continue;
    }
    if (type === 'x' || type === 'g') {
      const records = parsePax(body);
      if (type === 'x') pax = records;
      else globalPax = { ...globalPax, ...records };
      continue;
    }
    const ustar = header.subarray(257, 262).toString('latin1') === 'ustar';
    const prefix = ustar ? cstring(header.subarray(345, 500)) : '';
    const baseName = cstring(header.subarray(0, 100));
    const name = pax.path ?? globalPax.path ?? longName ?? (prefix ? `${prefix}/${baseName}` : baseName);
    const link = pax.linkpath ?? globalPax.linkpath ?? longLink ?? cstring(header.subarray(157, 257));
    longName = undefined;
    longLink = undefined;
    pax = {};
    const kind: Entry['kind'] =
      type === '0' || type === '\0' || type === '7'
        ? 'file'
        : type === '5'
          ? 'dir'
          : type === '2'
            ? 'symlink'
            : type === '1'
              ? 'hardlink'
              : 'other';
    entries.push({ name, kind, ...(kind === 'symlink' || kind === 'hardlink' ? { link } : {}) });
    if (entries.length > MAX_ENTRIES)
      return { ok: false, why: `the archive has more than ${MAX_ENTRIES} members` };
  }
  return { ok: true, entries };
}

function validChecksum(header: Buffer): boolean {
  const stored = octal(header.subarray(148, 156));
  if (stored === undefined) return false;
  let sum = 0;
  for (let i = 0; i < 512; i++) sum += i >= 148 && i < 156 ? 32 : (header[i] ?? 0);
  return sum === stored;
}

function octal(field: Buffer): number | undefined {
  if ((field[0] ?? 0) & 0x80) {
    let value = 0;
    for (let i = 1; i < field.length; i++) value = value * 256 + (field[i] ?? 0);
    return value;
  }
  const text = field.toString('latin1').replace(/\0.*$/s, '').trim();
  if (text === '') return 0;
  return /^[0-7]+$/.test(text) ? parseInt(text, 8) : undefined;
}

function cstring(field: Buffer): string {
  const end = field.indexOf(0);
  return field.subarray(0, end < 0 ? field.length : end).toString('utf8');
}

function parsePax(body: Buffer): Record<string, string> {
  const out: Record<string, string> = {};
  let offset = 0;
  while (offset < body.length) {
    const space = body.indexOf(0x20, offset);
    if (space < 0) break;
    const length = Number(body.subarray(offset, space).toString('latin1'));
    if (!Number.isFinite(length) || length <= 0) break;
    const record = body.subarray(space + 1, offset + length - 1).toString('utf8');
    const equals = record.indexOf('=');
    if (equals > 0) out[record.slice(0, equals)] = record.slice(equals + 1);
    offset += length;
  }
  return out;
}

export function listZip(buffer: Buffer): Listing {
  const end = findEndOfCentralDirectory(buffer);
  if (end < 0) return { ok: false, why: 'the file is not a zip archive' };
  const count = buffer.readUInt16LE(end + 10);
  let offset = buffer.readUInt32LE(end + 16);
  const entries: Entry[] = [];
  for (let k = 0; k < count; k++) {
    if (offset + 46 > buffer.length || buffer.readUInt32LE(offset) !== 0x02014b50) {
      return { ok: false, why: 'the zip central directory is damaged' };
    }
    const method = buffer.readUInt16LE(offset + 10);
    const compressedSize = buffer.readUInt32LE(offset + 20);
    const nameLength = buffer.readUInt16LE(offset + 28);
    const extraLength = buffer.readUInt16LE(offset + 30);
    const commentLength = buffer.readUInt16LE(offset + 32);
    const mode = buffer.readUInt32LE(offset + 38) >>> 16;
    const local = buffer.readUInt32LE(offset + 42);
    const name = buffer.subarray(offset + 46, offset + 46 + nameLength).toString('utf8');
    offset += 46 + nameLength + extraLength + commentLength;
    const fileType = mode & 0o170000;
    if (fileType === 0o120000) {
      const link = zipData(buffer, local, method, compressedSize);
      if (link === undefined) return { ok: false, why: `the link target of "${name}" cannot be read` };
      entries.push({ name, kind: 'symlink', link });
    } else entries.push({ name, kind: name.endsWith('/') || fileType === 0o040000 ? 'dir' : 'file' });
    if (entries.length > MAX_ENTRIES)
      return { ok: false, why: `the archive has more than ${MAX_ENTRIES} members` };
  }
  return { ok: true, entries };
}

function findEndOfCentralDirectory(buffer: Buffer): number {
  for (let i = buffer.length - 22; i >= Math.max(0, buffer.length - 65_557); i--) {
    if (buffer.readUInt32LE(i) === 0x06054b50) return i;
  }
  return -1;
}

function zipData(buffer: Buffer, local: number, method: number, size: number): string | undefined {
  if (local + 30 > buffer.length || buffer.readUInt32LE(local) !== 0x04034b50) return undefined;
  const start = local + 30 + buffer.readUInt16LE(local + 26) + buffer.readUInt16LE(local + 28);
  const data = buffer.subarray(start, start + size);
  try {
    if (method === 0) return data.toString('utf8');
    if (method === 8) return zlib.inflateRawSync(data, { maxOutputLength: 65_536 }).toString('utf8');
  } catch {
    return undefined;
  }
  return undefined;
}

export interface PatchTargets {
  /** File names as the patch spells them (before -p stripping), every candidate header included. */
  names: string[];
  /** Names git-style headers give without a/ b/ prefixes (rename to, copy to). */
  plainNames: string[];
  /** The patch creates or changes a symbolic link (mode 120000). */
  symlink: boolean;
}

/** The files a unified, context or git patch touches. */
export function patchTargets(text: string): PatchTargets {
  const names: string[] = [];
  const plainNames: string[] = [];
  let symlink = false;
  for (const line of text.split('\n')) {
    const header = /^(?:---|\+\+\+|\*\*\*) (.+?)(?:\t.*)?$/.exec(line);
    if (header?.[1] && !/^\*\*\*\* /.test(line) && !/^\*\*\* \d/.test(line) && !/^--- \d/.test(line))
      names.push(unquote(header[1]));
    const git = /^diff --git (\S+) (\S+)$/.exec(line);
    if (git?.[1] && git[2]) names.push(unquote(git[1]), unquote(git[2]));
    const index = /^Index: (.+)$/.exec(line);
    if (index?.[1]) plainNames.push(index[1].trim());
    const moved = /^(?:rename|copy) (?:from|to) (.+)$/.exec(line);
    if (moved?.[1]) plainNames.push(unquote(moved[1]));
    if (
      /^(?:new file mode|new mode|old mode|deleted file mode|index [0-9a-f]+\.\.[0-9a-f]+) 120000/.test(line)
    )
      symlink = true;
  }
  return { names: names.filter(n => n !== '/dev/null'), plainNames, symlink };
}

function unquote(name: string): string {
  const trimmed = name.trim();
  if (trimmed.startsWith('"') && trimmed.endsWith('"')) {
    return trimmed
      .slice(1, -1)
      .replace(/\\(["\\])/g, '$1')
      .replace(/\\t/g, '\t')
      .replace(/\\n/g, '\n');
  }
  return trimmed;
}

/** Strips `count` leading components, as patch -p and git apply -p do; undefined when too few. */
export function stripComponents(name: string, count: number): string | undefined {
  const parts = name.split('/').filter(p => p !== '');
  if (parts.length <= count) return undefined;
  return (name.startsWith('/') && count === 0 ? '/' : '') + parts.slice(count).join('/');
}
