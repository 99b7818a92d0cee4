import { describe, expect, it } from '@jest/globals';
import { GitAttributes } from '../../src/review/gitattributes.js';

const generated = (attributes: GitAttributes, path: string) => attributes.marks(path, 'linguist-generated');

describe('.gitattributes as git reads it', () => {
  it('matches a pattern without a slash against file names at any depth', () => {
    const attributes = new GitAttributes([{ dir: '', text: '*.pb.go linguist-generated\n' }]);
    expect(generated(attributes, 'api.pb.go')).toBe(true);
    expect(generated(attributes, 'internal/api/v1/api.pb.go')).toBe(true);
    expect(generated(attributes, 'internal/api.go')).toBe(false);
  });

  it('anchors a pattern with a slash to its file, and ** spans directories', () => {
    const attributes = new GitAttributes([
      {
        dir: '',
        text: 'gen/*.ts linguist-generated\n/clients/** linguist-generated\ndocs/**/api.md linguist-generated\n'
      }
    ]);
    expect(generated(attributes, 'gen/a.ts')).toBe(true);
    expect(generated(attributes, 'gen/deep/a.ts')).toBe(false);
    expect(generated(attributes, 'src/gen/a.ts')).toBe(false);
    expect(generated(attributes, 'clients/go/client.go')).toBe(true);
    expect(generated(attributes, 'docs/api.md')).toBe(true);
    expect(generated(attributes, 'docs/v1/v2/api.md')).toBe(true);
  });

  it('never matches a file with a directory pattern (attributes do not recurse)', () => {
    const attributes = new GitAttributes([{ dir: '', text: 'vendor/ linguist-vendored\n' }]);
    expect(attributes.marks('vendor/lib.js', 'linguist-vendored')).toBe(false);
  });

  it('lets later lines and deeper files win, and reads set, unset, values and unspecified', () => {
    const attributes = new GitAttributes([
      {
        dir: 'api',
        text: 'keep.ts -linguist-generated\nvalue.ts linguist-generated=false\nreset.ts !linguist-generated\n'
      },
      { dir: '', text: '*.ts linguist-generated\napi/true.ts linguist-generated=true\n' }
    ]);
    expect(generated(attributes, 'api/other.ts')).toBe(true);
    expect(generated(attributes, 'api/keep.ts')).toBe(false);
    expect(generated(attributes, 'api/value.ts')).toBe(false);
    expect(generated(attributes, 'api/reset.ts')).toBe(false);
    expect(attributes.get('api/reset.ts', 'linguist-generated')).toBeUndefined();
    expect(generated(attributes, 'api/true.ts')).toBe(true);
    // A nested file's patterns are relative to its directory and reach nothing outside it.
    expect(generated(new GitAttributes([{ dir: 'api/', text: 'x.ts linguist-generated' }]), 'x.ts')).toBe(
      false
    );
  });

  it('reads quoted patterns, and ignores comments, macros and negated patterns', () => {
    const attributes = new GitAttributes([
      {
        dir: '',
        text: [
          '# a comment linguist-generated',
          '"with space.js" linguist-generated',
          '"caf\\303\\251.js" linguist-generated',
          '[attr]gen linguist-generated',
          '!*.md linguist-generated',
          '   indented.js    linguist-generated   '
        ].join('\r\n')
      }
    ]);
    expect(generated(attributes, 'with space.js')).toBe(true);
    expect(generated(attributes, 'café.js')).toBe(true);
    expect(generated(attributes, 'README.md')).toBe(false);
    expect(generated(attributes, 'indented.js')).toBe(true);
    expect(generated(attributes, '#')).toBe(false);
  });

  it('matches case-sensitively and treats the pattern characters of git globs as such', () => {
    const attributes = new GitAttributes([
      { dir: '', text: 'Gen[0-9].js linguist-generated\nx?.js linguist-generated\n' }
    ]);
    expect(generated(attributes, 'Gen1.js')).toBe(true);
    expect(generated(attributes, 'gen1.js')).toBe(false);
    expect(generated(attributes, 'xy.js')).toBe(true);
    expect(generated(attributes, 'x/y.js')).toBe(false);
  });
});
