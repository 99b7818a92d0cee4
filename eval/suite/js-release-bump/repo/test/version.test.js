import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { VERSION } from '../src/version.js';

const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
const lock = JSON.parse(readFileSync(new URL('../package-lock.json', import.meta.url), 'utf8'));

test('src/version.js matches package.json', () => {
  assert.equal(VERSION, pkg.version);
});

test('package-lock.json matches package.json', () => {
  assert.equal(lock.version, pkg.version);
  assert.equal(lock.packages[''].version, pkg.version);
});

test('versions are semver', () => {
  assert.match(pkg.version, /^\d+\.\d+\.\d+$/);
});
