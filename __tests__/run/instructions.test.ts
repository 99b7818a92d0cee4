/**
 * Which instructions file is read, and how much of it: the first of AGENTS.md, CLAUDE.md,
 * .github/copilot-instructions.md, GEMINI.md that exists, or the one instructions_file names, cut at
 * 32 KB; a read that fails is an error, never a silent fall-through to the next file.
 */
import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  checkoutReader,
  cutInstructions,
  INSTRUCTIONS_LIMIT_BYTES,
  InstructionsError,
  readInstructions,
  type ReadRepoFile
} from '../../src/run/instructions.js';

const files =
  (contents: Record<string, string>): ReadRepoFile =>
  async path =>
    contents[path] ?? null;

describe('readInstructions', () => {
  it('takes AGENTS.md first, else CLAUDE.md, else the Copilot file, else GEMINI.md', async () => {
    const all = {
      'AGENTS.md': 'agents',
      'CLAUDE.md': 'claude',
      '.github/copilot-instructions.md': 'copilot',
      'GEMINI.md': 'gemini'
    };
    const order = ['AGENTS.md', 'CLAUDE.md', '.github/copilot-instructions.md', 'GEMINI.md'];
    for (const [i, path] of order.entries()) {
      const present = Object.fromEntries(Object.entries(all).filter(([name]) => order.indexOf(name) >= i));
      expect(await readInstructions(null, files(present), 'main')).toEqual({
        path,
        source: 'main',
        text: all[path as keyof typeof all],
        cutFromBytes: null
      });
    }
    expect(await readInstructions(null, files({}), 'main')).toBeNull();
  });

  it('reads only the file instructions_file names, and none when it is empty', async () => {
    const read = files({ 'AGENTS.md': 'agents', 'docs/agents.md': 'ours' });
    expect((await readInstructions('docs/agents.md', read, 'main'))?.text).toBe('ours');
    expect(await readInstructions('', read, 'main')).toBeNull();
  });

  it('says so when the named file does not exist', async () => {
    await expect(readInstructions('docs/missing.md', files({}), 'main')).rejects.toThrow(
      /instructions_file is docs\/missing\.md, but there is no such file on main/
    );
  });

  it('fails on a read error before the file it would use, not after', async () => {
    const flaky: ReadRepoFile = async path => {
      if (path === 'AGENTS.md') throw new Error('HTTP 403: Resource not accessible by integration');
      return path === 'CLAUDE.md' ? 'claude' : null;
    };
    await expect(readInstructions(null, flaky, 'main')).rejects.toThrow(InstructionsError);
    await expect(readInstructions(null, flaky, 'main')).rejects.toThrow(
      /AGENTS\.md on main could not be read: HTTP 403/
    );
    const laterFails: ReadRepoFile = async path => {
      if (path === 'GEMINI.md') throw new Error('boom');
      return path === 'AGENTS.md' ? 'agents' : null;
    };
    expect((await readInstructions(null, laterFails, 'main'))?.path).toBe('AGENTS.md');
  });

  it('keeps the first 32 KB, never half a character, and says how big the file was', () => {
    const text = `${'é'.repeat(INSTRUCTIONS_LIMIT_BYTES)}`; // 2 bytes each
    const cut = cutInstructions(text);
    expect(cut.cutFromBytes).toBe(INSTRUCTIONS_LIMIT_BYTES * 2);
    expect(Buffer.byteLength(cut.text)).toBeLessThanOrEqual(INSTRUCTIONS_LIMIT_BYTES);
    expect(cut.text).toBe('é'.repeat(INSTRUCTIONS_LIMIT_BYTES / 2));
    expect(cutInstructions('short')).toEqual({ text: 'short', cutFromBytes: null });
  });
});

describe('checkoutReader', () => {
  let root: string;
  let outside: string;
  beforeEach(() => {
    root = mkdtempSync(join(tmpdir(), 'kubrick-instructions-'));
    outside = mkdtempSync(join(tmpdir(), 'kubrick-instructions-outside-'));
  });
  afterEach(() => {
    rmSync(root, { recursive: true, force: true });
    rmSync(outside, { recursive: true, force: true });
  });

  it('reads a file of the checkout, and treats a link out of it as no file', async () => {
    writeFileSync(join(root, 'AGENTS.md'), 'local rules');
    writeFileSync(join(outside, 'secret.md'), 'not for the model');
    symlinkSync(join(outside, 'secret.md'), join(root, 'CLAUDE.md'));
    const read = checkoutReader(root);
    expect(await read('AGENTS.md')).toBe('local rules');
    expect(await read('CLAUDE.md')).toBeNull();
    expect(await read('GEMINI.md')).toBeNull();
  });

  it('names a directory where a file was expected', async () => {
    mkdirSync(join(root, 'AGENTS.md'));
    await expect(readInstructions(null, checkoutReader(root), 'the local checkout')).rejects.toThrow(
      /AGENTS\.md on the local checkout could not be read: AGENTS\.md is a directory/
    );
  });
});
