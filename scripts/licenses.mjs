// dist/licenses.txt: the name, version, licence and licence text of every package whose code esbuild put
// into dist/. The bundle ships that code, so it must ship their notices too (Apache-2.0 and MIT both ask
// for it); the list comes from esbuild's metafile, so it is exactly what was bundled, never what
// package.json happens to name.
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';

/** `…/node_modules/name/…` or `…/node_modules/@scope/name/…`: the deepest package that owns a path. */
const PACKAGE_PATH = /^(.*node_modules\/(?:@[^/]+\/)?[^/]+)\//;

/**
 * The directories (relative to the build's working directory) of the packages with at least one byte
 * in an output file. Inputs that esbuild read but dropped entirely are not shipped, so not listed.
 */
export function bundledPackageDirs(metafile) {
  const dirs = new Set();
  for (const output of Object.values(metafile.outputs)) {
    for (const [input, { bytesInOutput }] of Object.entries(output.inputs)) {
      const match = PACKAGE_PATH.exec(input.split(sep).join('/'));
      if (match && bytesInOutput > 0) dirs.add(match[1]);
    }
  }
  return [...dirs].sort();
}

// Licence and notice files, by name: LICENSE, LICENCE.md, license-MIT, COPYING, NOTICE.txt, … but not
// code that happens to be called license.js.
const LICENCE_FILE = /^(licen[cs]e|copying|notice)([-._][^/]*)?$/i;
const CODE_FILE = /\.(c|m)?(js|ts)$|\.map$|\.json$/i;

/**
 * Every licence or notice file in a package, its vendored parts included (an SDK that copies in
 * another library keeps that library's licence in a subdirectory), but not in packages nested under
 * its own node_modules, which are packages of their own.
 */
function licenceFiles(packageDir) {
  const found = [];
  const walk = dir => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) {
        if (entry.name !== 'node_modules' && entry.name !== '.git') walk(path);
      } else if (entry.isFile() && LICENCE_FILE.test(entry.name) && !CODE_FILE.test(entry.name)) {
        found.push(relative(packageDir, path).split(sep).join('/'));
      }
    }
  };
  walk(packageDir);
  // The package's own licence first, then its vendored parts, each group in a stable order.
  const depth = path => path.split('/').length;
  return found.sort((a, b) => depth(a) - depth(b) || (a < b ? -1 : a > b ? 1 : 0));
}

/** The licence a package.json declares, in SPDX form where it gives one. */
function declaredLicence(manifest) {
  if (typeof manifest.license === 'string' && manifest.license.trim()) return manifest.license.trim();
  if (manifest.license && typeof manifest.license.type === 'string') return manifest.license.type;
  if (Array.isArray(manifest.licenses)) {
    const types = manifest.licenses.map(l => (typeof l === 'string' ? l : l?.type)).filter(Boolean);
    if (types.length > 0) return types.length === 1 ? types[0] : `(${types.join(' OR ')})`;
  }
  return undefined;
}

function authorName(manifest) {
  const author = manifest.author;
  if (typeof author === 'string') return author.replace(/\s*[<(].*$/, '').trim();
  return typeof author?.name === 'string' ? author.name.trim() : undefined;
}

// The standard texts of the two licences small packages most often declare without shipping a file.
// Only the copyright line changes per package; it names the author package.json gives.
const STANDARD_TEXTS = {
  MIT: holder => `MIT License

Copyright (c) ${holder}

Permission is hereby granted, free of charge, to any person obtaining a copy of this software and
associated documentation files (the "Software"), to deal in the Software without restriction, including
without limitation the rights to use, copy, modify, merge, publish, distribute, sublicense, and/or sell
copies of the Software, and to permit persons to whom the Software is furnished to do so, subject to the
following conditions:

The above copyright notice and this permission notice shall be included in all copies or substantial
portions of the Software.

THE SOFTWARE IS PROVIDED "AS IS", WITHOUT WARRANTY OF ANY KIND, EXPRESS OR IMPLIED, INCLUDING BUT NOT
LIMITED TO THE WARRANTIES OF MERCHANTABILITY, FITNESS FOR A PARTICULAR PURPOSE AND NONINFRINGEMENT. IN NO
EVENT SHALL THE AUTHORS OR COPYRIGHT HOLDERS BE LIABLE FOR ANY CLAIM, DAMAGES OR OTHER LIABILITY, WHETHER
IN AN ACTION OF CONTRACT, TORT OR OTHERWISE, ARISING FROM, OUT OF OR IN CONNECTION WITH THE SOFTWARE OR
THE USE OR OTHER DEALINGS IN THE SOFTWARE.`,
  ISC: holder => `ISC License

Copyright (c) ${holder}

Permission to use, copy, modify, and/or distribute this software for any purpose with or without fee is
hereby granted, provided that the above copyright notice and this permission notice appear in all copies.

THE SOFTWARE IS PROVIDED "AS IS" AND THE AUTHOR DISCLAIMS ALL WARRANTIES WITH REGARD TO THIS SOFTWARE
INCLUDING ALL IMPLIED WARRANTIES OF MERCHANTABILITY AND FITNESS. IN NO EVENT SHALL THE AUTHOR BE LIABLE
FOR ANY SPECIAL, DIRECT, INDIRECT, OR CONSEQUENTIAL DAMAGES OR ANY DAMAGES WHATSOEVER RESULTING FROM LOSS
OF USE, DATA OR PROFITS, WHETHER IN AN ACTION OF CONTRACT, NEGLIGENCE OR OTHER TORTIOUS ACTION, ARISING
OUT OF OR IN CONNECTION WITH THE USE OR PERFORMANCE OF THIS SOFTWARE.`
};

// Line endings unified and blank lines around the text dropped, so the file is the same on every machine.
const normalise = text =>
  text
    .replace(/\r\n?/g, '\n')
    .replace(/^(\s*\n)+/, '')
    .replace(/\s+$/, '');

/**
 * What licenses.txt says about one package. Throws, naming the package and what to do, when the
 * package declares no licence or ships no text and its licence has no standard text here: a bundle
 * whose notices are incomplete must not be produced.
 */
export function describePackage(root, packageDir) {
  const dir = join(root, packageDir);
  const manifest = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'));
  const id = `${manifest.name}@${manifest.version} (${packageDir})`;
  const licence = declaredLicence(manifest);
  if (!licence)
    throw new Error(
      `${id} declares no licence in its package.json, so dist/ cannot say under which terms it ships it. ` +
        'Find its licence upstream and replace or drop the dependency if it has none.'
    );
  const texts = licenceFiles(dir).map(file => ({
    file,
    text: normalise(readFileSync(join(dir, file), 'utf8'))
  }));
  if (texts.length === 0) {
    const standard = STANDARD_TEXTS[licence];
    const holder = authorName(manifest);
    if (!standard || !holder)
      throw new Error(
        `${id} declares the licence ${licence} but ships no licence file` +
          (standard ? ' and names no author for its copyright line' : '') +
          ', so dist/licenses.txt would lack its text. Find the text upstream and check whether the dependency can be replaced.'
      );
    texts.push({
      file: `(no licence file in the package: the standard ${licence} text, with the author its package.json names)`,
      text: standard(holder)
    });
  }
  return { name: manifest.name, version: manifest.version, licence, texts };
}

const RULE = '-'.repeat(100);

/** The text of dist/licenses.txt for the packages a build put into dist/. */
export function licensesText(root, metafile) {
  const seen = new Map();
  for (const dir of bundledPackageDirs(metafile)) {
    const entry = describePackage(root, dir);
    // The same name and version installed twice (nested node_modules) is one entry.
    seen.set(`${entry.name}@${entry.version}`, entry);
  }
  const entries = [...seen.values()].sort((a, b) =>
    a.name === b.name ? (a.version < b.version ? -1 : 1) : a.name < b.name ? -1 : 1
  );
  const parts = [
    'Third-party software bundled into dist/ of Kubrick Action.',
    '',
    'Kubrick Action itself is under the MIT licence (LICENSE). The files in dist/ also contain code from',
    `the ${entries.length} packages below, under their own licences, reproduced here. \`npm run bundle\` writes`,
    "this file from esbuild's record of what it bundled; do not edit it by hand."
  ];
  for (const entry of entries) {
    parts.push('', RULE, `Package: ${entry.name}`, `Version: ${entry.version}`, `License: ${entry.licence}`);
    for (const { file, text } of entry.texts) parts.push('', `--- ${file}`, '', text);
  }
  return `${parts.join('\n')}\n`;
}
