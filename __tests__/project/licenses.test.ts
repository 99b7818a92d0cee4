import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Metafile } from 'esbuild';
import { spawnSync } from 'node:child_process';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync
} from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { bundledPackageDirs, describePackage, licensesText } from '../../scripts/licenses.mjs';

const root = resolve(import.meta.dirname, '..', '..');

interface Manifest {
  name: string;
  version: string;
  license: string;
  /** Where it is installed, relative to the repository. */
  dir: string;
}

/** The entries of a licenses.txt: package name and version, declared licence, and the body. */
function parseLicenses(text: string) {
  return text
    .split(/^-{100}$/m)
    .slice(1)
    .map(block => ({
      name: /^Package: (.+)$/m.exec(block)?.[1],
      version: /^Version: (.+)$/m.exec(block)?.[1],
      licence: /^License: (.+)$/m.exec(block)?.[1],
      block
    }));
}

describe('npm run bundle writes dist/licenses.txt', () => {
  let work: string;
  let metafile: Metafile;
  let licenses: string;

  beforeAll(() => {
    work = mkdtempSync(join(tmpdir(), 'kubrick-bundle-'));
    const result = spawnSync(
      process.execPath,
      [
        join(root, 'scripts', 'bundle.mjs'),
        '--outdir',
        join(work, 'dist'),
        '--metafile',
        join(work, 'meta.json')
      ],
      { cwd: root, encoding: 'utf8' }
    );
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    metafile = JSON.parse(readFileSync(join(work, 'meta.json'), 'utf8')) as Metafile;
    licenses = readFileSync(join(work, 'dist', 'licenses.txt'), 'utf8');
  }, 120_000);
  afterAll(() => rmSync(work, { recursive: true, force: true }));

  // Worked out here from the metafile on its own terms: every input under node_modules that put
  // bytes into an output belongs to the package directory right after its last `node_modules/`.
  const expectedPackages = () => {
    const manifests = new Map<string, Manifest>();
    for (const output of Object.values(metafile.outputs)) {
      for (const [input, { bytesInOutput }] of Object.entries(output.inputs)) {
        const at = input.lastIndexOf('node_modules/');
        if (at < 0 || bytesInOutput === 0) continue;
        const rest = input.slice(at + 'node_modules/'.length).split('/');
        const dir =
          input.slice(0, at) + 'node_modules/' + rest.slice(0, rest[0]!.startsWith('@') ? 2 : 1).join('/');
        const manifest = JSON.parse(readFileSync(join(root, dir, 'package.json'), 'utf8')) as Manifest;
        manifests.set(`${manifest.name}@${manifest.version}`, { ...manifest, dir });
      }
    }
    return manifests;
  };

  it('next to the bundle it describes', () => {
    expect(readdirSync(join(work, 'dist')).sort()).toEqual(['chunks', 'cli.js', 'index.js', 'licenses.txt']);
  });

  it("lists exactly the packages of esbuild's metafile, each once, with version and declared licence", () => {
    const expected = expectedPackages();
    expect(expected.size).toBeGreaterThan(10);
    const entries = parseLicenses(licenses);
    expect(entries.map(e => `${e.name}@${e.version}`).sort()).toEqual([...expected.keys()].sort());
    for (const entry of entries) {
      const manifest = expected.get(`${entry.name}@${entry.version}`)!;
      expect([entry.name, entry.licence]).toEqual([entry.name, manifest.license]);
    }
    expect(licenses).toContain(`the ${expected.size} packages below`);
  });

  it("carries each package's own licence text", () => {
    const expected = expectedPackages();
    for (const entry of parseLicenses(licenses)) {
      const dir = join(root, expected.get(`${entry.name}@${entry.version}`)!.dir);
      const file = readdirSync(dir).find(f => /^licen[cs]e(\.(md|txt))?$/i.test(f));
      if (file) {
        const text = readFileSync(join(dir, file), 'utf8').replace(/\r\n?/g, '\n').trim();
        expect([entry.name, entry.block.includes(text)]).toEqual([entry.name, true]);
      } else {
        // A package without a licence file gets the standard text of the licence it declares.
        expect([entry.name, entry.block]).toEqual([entry.name, expect.stringMatching(/standard .* text/)]);
        expect(entry.block).toMatch(/^Copyright \(c\) \S/m);
      }
    }
  });

  it('includes the licences of code an SDK vendored from other projects', () => {
    const openai = parseLicenses(licenses).find(e => e.name === 'openai');
    expect(openai?.block).toContain('--- src/_vendor/zod-to-json-schema/LICENSE');
  });

  it('is the same on every run (so the dist check can compare it)', () => {
    expect(licensesText(root, metafile)).toBe(licenses);
  });
});

describe('the dist check', () => {
  it('covers all of dist/, licenses.txt included, in .ci/run and in the Check dist workflow', () => {
    const ciRun = readFileSync(join(root, '.ci/run'), 'utf8');
    expect(ciRun).toContain('git diff --exit-code --stat -- dist; then');
    expect(ciRun).toContain('git status --porcelain -- dist)');
    const checkDist = readFileSync(join(root, '.github/workflows/check-dist.yml'), 'utf8');
    expect(checkDist).toContain('run: npm run bundle');
    expect(checkDist).toContain('git status --porcelain -- dist)');
  });
});

describe('licence collection', () => {
  let fake: string;
  beforeAll(() => {
    fake = mkdtempSync(join(tmpdir(), 'kubrick-licences-'));
  });
  afterAll(() => rmSync(fake, { recursive: true, force: true }));

  function pkg(dir: string, manifest: Record<string, unknown>, files: Record<string, string> = {}) {
    const at = join(fake, dir);
    mkdirSync(at, { recursive: true });
    writeFileSync(join(at, 'package.json'), JSON.stringify(manifest));
    for (const [file, text] of Object.entries(files)) {
      mkdirSync(dirname(join(at, file)), { recursive: true });
      writeFileSync(join(at, file), text);
    }
    return dir;
  }

  const meta = (inputs: Record<string, number>): Metafile => ({
    inputs: {},
    outputs: {
      'dist/index.js': {
        bytes: 1,
        imports: [],
        exports: [],
        inputs: Object.fromEntries(Object.entries(inputs).map(([k, bytesInOutput]) => [k, { bytesInOutput }]))
      }
    }
  });

  it('finds scoped, nested and plain packages, and leaves out our sources and inputs that added no bytes', () => {
    expect(
      bundledPackageDirs(
        meta({
          'src/main.ts': 100,
          'node_modules/@scope/name/lib/a.js': 10,
          'node_modules/@scope/name/lib/b.js': 10,
          'node_modules/outer/node_modules/inner/index.js': 5,
          'node_modules/outer/index.js': 5,
          'node_modules/types-only/index.js': 0
        })
      )
    ).toEqual(['node_modules/@scope/name', 'node_modules/outer', 'node_modules/outer/node_modules/inner']);
  });

  it("takes licence and notice files, vendored ones included, but not code named license.js nor a nested package's", () => {
    const dir = pkg(
      'node_modules/sdk',
      { name: 'sdk', version: '1.0.0', license: 'Apache-2.0' },
      {
        LICENSE: 'Apache text\r\n',
        NOTICE: 'notice text',
        'src/_vendor/lib/LICENSE.md': 'vendored MIT text',
        'lib/license.js': 'module.exports = 1',
        'lib/notices.mjs': 'export {}',
        'node_modules/dep/LICENSE': 'belongs to dep'
      }
    );
    const described = describePackage(fake, dir);
    expect(described).toEqual({
      name: 'sdk',
      version: '1.0.0',
      licence: 'Apache-2.0',
      texts: [
        { file: 'LICENSE', text: 'Apache text' },
        { file: 'NOTICE', text: 'notice text' },
        { file: 'src/_vendor/lib/LICENSE.md', text: 'vendored MIT text' }
      ]
    });
  });

  it('uses the standard MIT text with the author when a package ships no licence file', () => {
    const dir = pkg('node_modules/tiny', {
      name: 'tiny',
      version: '2.0.0',
      license: 'MIT',
      author: 'Ada Lovelace <ada@example.com>'
    });
    const [only] = describePackage(fake, dir).texts;
    expect(only!.file).toMatch(/standard MIT text/);
    expect(only!.text).toMatch(
      /^MIT License\n\nCopyright \(c\) Ada Lovelace\n\nPermission is hereby granted/
    );
  });

  it('refuses a package whose licence it cannot state or reproduce, naming the package and what to do', () => {
    const undeclared = pkg(
      'node_modules/nolicence',
      { name: 'nolicence', version: '0.1.0' },
      { LICENSE: 'x' }
    );
    expect(() => describePackage(fake, undeclared)).toThrow(
      /nolicence@0\.1\.0 .*declares no licence.*replace or drop/
    );
    const noText = pkg('node_modules/bsd', {
      name: 'bsd',
      version: '3.0.0',
      license: 'BSD-3-Clause',
      author: 'Someone'
    });
    expect(() => describePackage(fake, noText)).toThrow(
      /bsd@3\.0\.0 .*BSD-3-Clause but ships no licence file/
    );
    const noAuthor = pkg('node_modules/anon', { name: 'anon', version: '1.0.0', license: 'ISC' });
    expect(() => describePackage(fake, noAuthor)).toThrow(/names no author/);
  });

  it('reads the old `licenses` array form', () => {
    const dir = pkg(
      'node_modules/old',
      { name: 'old', version: '0.0.1', licenses: [{ type: 'MIT' }, { type: 'Apache-2.0' }] },
      { LICENSE: 'x' }
    );
    expect(describePackage(fake, dir).licence).toBe('(MIT OR Apache-2.0)');
  });

  it('lists a package installed twice at the same version once, and sorts by name', () => {
    pkg('node_modules/b', { name: 'b', version: '1.0.0', license: 'MIT' }, { LICENSE: 'b text' });
    pkg('node_modules/a', { name: 'a', version: '1.0.0', license: 'MIT' }, { LICENSE: 'a text' });
    pkg(
      'node_modules/a/node_modules/b',
      { name: 'b', version: '1.0.0', license: 'MIT' },
      { LICENSE: 'b text' }
    );
    const text = licensesText(
      fake,
      meta({ 'node_modules/b/i.js': 1, 'node_modules/a/i.js': 1, 'node_modules/a/node_modules/b/i.js': 1 })
    );
    expect(parseLicenses(text).map(e => e.name)).toEqual(['a', 'b']);
    expect(text).toContain('the 2 packages below');
  });

  it('makes `npm run bundle` fail with that message, and write no licenses.txt', () => {
    // The whole chain, on a copy of the entry points that imports a package without a licence.
    const project = mkdtempSync(join(tmpdir(), 'kubrick-bundle-fail-'));
    try {
      mkdirSync(join(project, 'scripts'));
      mkdirSync(join(project, 'src'));
      for (const f of ['bundle.mjs', 'licenses.mjs'])
        writeFileSync(join(project, 'scripts', f), readFileSync(join(root, 'scripts', f)));
      writeFileSync(join(project, 'src', 'index.ts'), "import { x } from 'mystery';\nconsole.log(x);\n");
      writeFileSync(join(project, 'src', 'cli.ts'), 'console.log(1);\n');
      mkdirSync(join(project, 'node_modules', 'mystery'), { recursive: true });
      writeFileSync(
        join(project, 'node_modules', 'mystery', 'package.json'),
        JSON.stringify({ name: 'mystery', version: '1.2.3', main: 'index.js' })
      );
      writeFileSync(join(project, 'node_modules', 'mystery', 'index.js'), 'exports.x = 42;\n');
      // esbuild itself comes from this repository.
      symlinkSync(join(root, 'node_modules', 'esbuild'), join(project, 'node_modules', 'esbuild'));
      const result = spawnSync(process.execPath, [join(project, 'scripts', 'bundle.mjs')], {
        cwd: project,
        encoding: 'utf8'
      });
      expect(result.status).toBe(1);
      expect(result.stderr).toMatch(/mystery@1\.2\.3 .*declares no licence/);
      expect(existsSync(join(project, 'dist', 'licenses.txt'))).toBe(false);
    } finally {
      rmSync(project, { recursive: true, force: true });
    }
  });
});
