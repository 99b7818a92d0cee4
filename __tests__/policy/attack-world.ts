import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { DEFAULT_PROTECTED_PATHS } from '../../src/policy/paths.js';
import type { PolicyContext } from '../../src/policy/types.js';

/**
 * The red team's workspace from issue 14: links back to the root (`a -> .`, `self -> .`), a
 * directory named `-`, a git config with a filter driver, archives holding `.git/config` or links
 * out, patches aimed at `.git`, `.github/workflows` and `../`, and a directory holding a `.git`.
 */
export function makeAttackWorld(): { ctx: PolicyContext; root: string; cleanup: () => void } {
  const root = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'kubrick-attack-')));
  const ws = path.join(root, 'ws');
  const write = (file: string, content: string | Buffer): void => {
    fs.mkdirSync(path.dirname(path.join(ws, file)), { recursive: true });
    fs.writeFileSync(path.join(ws, file), content);
  };
  write('.git/config', '[core]\n\tbare = false\n[filter "lfs"]\n\tclean = git-lfs clean -- %f\n');
  write('.git/HEAD', 'ref: refs/heads/main\n');
  write('.github/workflows/ci.yml', 'on: push\n');
  write('.github/kubrick-policy.yml', 'version: 1\nallow: [ls]\n');
  write('src/a.ts', 'export const a = 1;\n');
  write('src/b.ts', 'export const b = 2;\n');
  write('f', 'one two\nthree four\n');
  write('package.json', '{"name":"x","scripts":{"test":"node t.js"}}\n');
  write('data.json', '{"a":1}\n');
  write('scripts/check.sh', '#!/bin/sh\n/usr/bin/env node x.js\n');
  write('ok.sed', 's/a/b/\n/x/d\n');
  write('evil.sed', 's/a/b/\n1e id\n');
  write('evil-w.sed', '1w .git/config\n');
  write('ok.awk', '{ print $1 }\n');
  write('list.txt', 'src/a.ts\nsrc/b.ts\n');
  write('evil-list.txt', 'src/a.ts\n--checkpoint=1\n--checkpoint-action=exec=id\n');
  write('evil.awk', 'BEGIN { system("id") }\n');
  write('-/placeholder', 'x\n');
  write('-x', 'a file named like an option\n');
  for (let k = 0; k < 2100; k++) write(`many/${k}`, '');
  fs.mkdirSync(path.join(ws, 'loops'));
  fs.symlinkSync('loop', path.join(ws, 'loops/loop'));
  write('evil/.git/config', '[core]\n\tpager = sh -c id\n');
  write('evil/readme', 'x\n');
  write('linkdir/readme', 'x\n');
  fs.symlinkSync('/etc', path.join(ws, 'linkdir/out'));
  write('clean/one.txt', 'x\n');
  fs.symlinkSync('.', path.join(ws, 'a'));
  fs.symlinkSync('.', path.join(ws, 'self'));
  fs.symlinkSync('../ws', path.join(ws, 'up'));
  write('patches/git.patch', patch('a/.git/config', 'b/.git/config'));
  write('patches/workflow.patch', patch('a/.github/workflows/ci.yml', 'b/.github/workflows/ci.yml'));
  write('patches/up.patch', patch('a/../outside.txt', 'b/../outside.txt'));
  write('patches/ok.patch', patch('a/src/a.ts', 'b/src/a.ts'));
  write(
    'patches/symlink.patch',
    'diff --git a/l b/l\nnew file mode 120000\nindex 0000000..1234567\n--- /dev/null\n+++ b/l\n@@ -0,0 +1 @@\n+/etc\n\\ No newline at end of file\n'
  );
  write(
    'patches/rename.patch',
    'diff --git a/src/a.ts b/src/a.ts\nsimilarity index 100%\nrename from src/a.ts\nrename to .github/workflows/a.yml\n'
  );
  makeTar(ws, 'evil.tar', [{ name: '.git/config', content: 'x' }]);
  makeTar(ws, 'x.tar', [{ name: 'out/readme.txt', content: 'hello' }]);
  makeTar(ws, 'up.tar', [{ name: '../escape.txt', content: 'x' }]);
  makeTar(ws, 'links.tar', [
    { name: 'e', link: '/etc' },
    { name: 'e/passwd', content: 'x' }
  ]);
  makeTar(ws, 'dot.tar', [{ name: './.github/workflows/evil.yml', content: 'x' }]);
  fs.writeFileSync(path.join(ws, 'evil.tgz'), zlib.gzipSync(fs.readFileSync(path.join(ws, 'evil.tar'))));
  fs.writeFileSync(path.join(ws, 'x.tgz'), zlib.gzipSync(fs.readFileSync(path.join(ws, 'x.tar'))));
  fs.writeFileSync(
    path.join(ws, 'evil.zip'),
    makeZip([{ name: '.git/hooks/pre-commit', content: '#!/bin/sh\nid\n' }])
  );
  fs.writeFileSync(path.join(ws, 'ok.zip'), makeZip([{ name: 'docs/readme.md', content: 'x' }]));
  fs.writeFileSync(path.join(root, 'secret.txt'), 'canary\n');
  execFileSync('git', ['init', '-q', '-b', 'main', path.join(root, 'scratch')]);
  return {
    root,
    ctx: { workspace: ws, protectedPaths: [...DEFAULT_PROTECTED_PATHS] },
    cleanup: () => fs.rmSync(root, { recursive: true, force: true })
  };
}

function patch(from: string, to: string): string {
  return `diff --git ${from} ${to}\n--- ${from}\n+++ ${to}\n@@ -1 +1 @@\n-old\n+new\n`;
}

interface Member {
  name: string;
  content?: string;
  link?: string;
}

/** A ustar archive written byte by byte, so members like `../x` are stored exactly as named. */
function makeTar(ws: string, file: string, members: Member[]): void {
  const blocks: Buffer[] = [];
  for (const member of members) {
    const header = Buffer.alloc(512);
    const content = Buffer.from(member.content ?? '');
    header.write(member.name, 0, 100, 'utf8');
    header.write('0000644\0', 100);
    header.write('0000000\0', 108);
    header.write('0000000\0', 116);
    header.write(`${content.length.toString(8).padStart(11, '0')}\0`, 124);
    header.write('00000000000\0', 136);
    header.write('        ', 148);
    header.write(member.link !== undefined ? '2' : '0', 156);
    if (member.link !== undefined) header.write(member.link, 157, 100, 'utf8');
    header.write('ustar\0', 257);
    header.write('00', 263);
    let sum = 0;
    for (const byte of header) sum += byte;
    header.write(`${sum.toString(8).padStart(6, '0')}\0 `, 148);
    blocks.push(header, content, Buffer.alloc((512 - (content.length % 512)) % 512));
  }
  blocks.push(Buffer.alloc(1024));
  fs.writeFileSync(path.join(ws, file), Buffer.concat(blocks));
}

/** A stored (uncompressed) zip with a central directory. */
function makeZip(members: { name: string; content: string }[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const member of members) {
    const name = Buffer.from(member.name);
    const data = Buffer.from(member.content);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt32LE(data.length, 18);
    local.writeUInt32LE(data.length, 22);
    local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt32LE(data.length, 20);
    central.writeUInt32LE(data.length, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE((0o100644 << 16) >>> 0, 38);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, data);
    centrals.push(central, name);
    offset += 30 + name.length + data.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(members.length, 8);
  end.writeUInt16LE(members.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}
