/**
 * The sanitizer keeps what GitHub shows in code and nothing it hides. A CommonMark + GFM parser
 * (micromark, used here only as a second opinion) renders random documents built from the pieces
 * that make code hard to tell apart — fences at every indentation and in lists and quotes, HTML
 * blocks, backtick runs, table rows, web addresses, escapes — and every comment that survives
 * sanitizing must be visible text in that rendering. The converse is checked where GitHub's reading
 * is not in doubt: comments in fenced blocks and code spans of plain documents stay.
 */
import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { micromark } from 'micromark';
import { gfm, gfmHtml } from 'micromark-extension-gfm';
import { sanitizeUntrusted } from '../../src/trigger/sanitize.js';

/** The text a reader sees in rendered HTML: raw comments, tags and their attributes removed. */
function visibleText(markdown: string): string {
  const html = micromark(markdown, {
    allowDangerousHtml: true,
    extensions: [gfm()],
    htmlExtensions: [gfmHtml()]
  });
  return html.replace(/<!--[\s\S]*?-->/g, '').replace(/<[^>]*>/g, '');
}

const LINE_PIECES = [
  '```',
  '```js',
  '````',
  '~~~',
  '~~~md',
  ' ```',
  '   ```',
  '    ```',
  '\t```',
  '> ```',
  '- ```',
  '1. ```',
  '  - ```js',
  '```a`b',
  '<div>',
  '</div>',
  '<pre>',
  '</pre>',
  '<!--',
  '-->',
  '<?php',
  '?>',
  '<b>',
  '- <div>',
  '> <div>',
  '- <pre>',
  '> <pre>',
  '1. <!--',
  '[^1]: <pre>',
  '- item',
  '> quote',
  '    indented',
  '# heading `',
  'text `',
  '` text',
  '``',
  'text',
  '| a | b |',
  '|---|---|',
  '[x]: /url "',
  '"',
  'www.example.com/`',
  'see https://x.dev/`',
  '\\`',
  '',
  ''
];

/** A document of random lines; `@` in a line becomes a numbered hidden comment. */
const documents = fc
  .array(
    fc.oneof(
      { weight: 3, arbitrary: fc.constantFrom(...LINE_PIECES) },
      {
        weight: 2,
        arbitrary: fc.constantFrom(
          '@',
          '`@`',
          'a `@` b',
          '``@``',
          '`` ` @ ``',
          '<b>`@`</b>',
          '| `@` |',
          'x `@` y `',
          '  @',
          '  `@`',
          '   `@`',
          '    @',
          '> `@`',
          '- `@`',
          '`a` @ `b`'
        )
      }
    ),
    { maxLength: 14 }
  )
  .map(lines => {
    let n = 0;
    return lines.join('\n').replace(/@/g, () => `<!-- M${n++}Z -->`);
  });

describe('comments the sanitizer keeps are ones a reader sees', () => {
  it('every comment that survives is visible text in the rendered document', () => {
    fc.assert(
      fc.property(documents, doc => {
        const kept = [...sanitizeUntrusted(doc).matchAll(/M\d+Z/g)].map(m => m[0]);
        if (kept.length === 0) return;
        const visible = visibleText(doc);
        for (const marker of kept)
          expect([doc, marker, visible.includes(marker)]).toEqual([doc, marker, true]);
      }),
      { numRuns: 3000 }
    );
  });
});

const prose = fc.stringMatching(/^[A-Za-z0-9 .,:;!?'"()-]{0,40}$/);
const secret = fc.stringMatching(/^[A-Za-z0-9 ]{0,20}$/).map(s => `HIDDEN${s}`);
const shown = fc.stringMatching(/^[A-Za-z0-9 ]{0,20}$/).map(s => `SHOWN${s}`);

describe('comments in code stay, comments elsewhere go', () => {
  it('a fenced block of a plain document keeps its comments; the prose around it loses them', () => {
    fc.assert(
      fc.property(
        prose,
        shown,
        secret,
        fc.constantFrom('```', '```html', '~~~', '````md'),
        (before, code, hidden, fence) => {
          const closing = fence.replace(/[a-z]+$/, '');
          const doc = `${before}\n\n${fence}\n<!-- ${code} -->\n${closing}\n\nAfter <!-- ${hidden} --> it.`;
          const out = sanitizeUntrusted(doc);
          expect(out).toContain(`<!-- ${code} -->`);
          expect(out).not.toContain('HIDDEN');
        }
      ),
      { numRuns: 400 }
    );
  });

  it('a code span keeps its comment; a comment next to it goes', () => {
    fc.assert(
      fc.property(prose, shown, secret, fc.integer({ min: 1, max: 3 }), (words, code, hidden, ticks) => {
        const fence = '`'.repeat(ticks);
        const doc = `${words.replace(/[`<|]/g, '')} ${fence}<!-- ${code} -->${fence} and <!-- ${hidden} -->`;
        const out = sanitizeUntrusted(doc);
        expect(out).toContain(`<!-- ${code} -->`);
        expect(out).not.toContain('HIDDEN');
      }),
      { numRuns: 400 }
    );
  });

  it('invisible characters go from code too', () => {
    fc.assert(
      fc.property(
        shown,
        fc.constantFrom('\u200B', '\u202E', '\uFEFF', '\u{E0041}', '\u2066'),
        (code, mark) => {
          const out = sanitizeUntrusted(`\`\`\`\n${code}${mark}<!-- x${mark} -->\n\`\`\`\nand \`a${mark}b\``);
          expect(out).not.toContain(mark);
          expect(out).toContain(`${code}<!-- x -->`);
          expect(out).toContain('`ab`');
        }
      ),
      { numRuns: 200 }
    );
  });
});
