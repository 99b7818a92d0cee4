/**
 * A reference solution for every task of the built-in suite, kept here rather than in the suite so
 * that no run can find it. Each maps a workspace path to its new content, or to an edit of the
 * current content; an edit whose anchor is gone throws, so a task changed without its solution
 * fails loudly instead of passing by accident.
 */

export type FileChange = string | ((current: string) => string);

/** Replaces exactly one occurrence of `from`. */
export function replaceOnce(from: string, to: string): (current: string) => string {
  return current => {
    const count = current.split(from).length - 1;
    if (count !== 1) throw new Error(`expected exactly one ${JSON.stringify(from)}, found ${count}`);
    return current.replace(from, () => to);
  };
}

const MONEY_JS = `/** "-$1,234.05" for -123405 cents. */
export function formatCents(cents) {
  const sign = cents < 0 ? '-' : '';
  const abs = Math.abs(cents);
  const whole = String(Math.floor(abs / 100)).replace(/\\B(?=(\\d{3})+(?!\\d))/g, ',');
  return \`\${sign}$\${whole}.\${String(abs % 100).padStart(2, '0')}\`;
}
`;

const INVOICE_JS = `import { formatCents } from './money.js';

/** Invoice lines and totals. Amounts are integer cents. */

export function invoiceLine(item) {
  return \`\${item.name} × \${item.quantity}: \${formatCents(item.unitCents * item.quantity)}\`;
}

export function invoiceTotal(items, taxRate = 0) {
  const net = items.reduce((sum, item) => sum + item.unitCents * item.quantity, 0);
  return \`Total: \${formatCents(Math.round(net * (1 + taxRate)))}\`;
}
`;

const RECEIPT_JS = `import { invoiceLine } from './invoice.js';
import { formatCents } from './money.js';

/** The printed receipt: one line per item, the amount paid and the change given. */
export function receipt(items, paidCents) {
  const total = items.reduce((sum, item) => sum + item.unitCents * item.quantity, 0);
  return [...items.map(invoiceLine), \`Change: \${formatCents(paidCents - total)}\`].join('\\n');
}
`;

const SETTINGS_PY = `"""Settings of the app: defaults, overridden by a \`key = value\` file and by code."""

DEFAULTS = {"name": "demo", "port": 8080, "debug": False, "workers": 2}

_MISSING = object()


def _parse_value(text):
    text = text.strip()
    if text.lower() in ("true", "false"):
        return text.lower() == "true"
    try:
        return int(text)
    except ValueError:
        return text


class Settings:
    def __init__(self):
        self.reset()

    def load(self, text, source="<string>"):
        for number, line in enumerate(text.splitlines(), start=1):
            line = line.strip()
            if not line or line.startswith("#"):
                continue
            if "=" not in line:
                raise ValueError(f"{source} line {number}: expected key = value")
            key, value = line.split("=", 1)
            self._values[key.strip()] = _parse_value(value)
        self._loaded_from = source

    def get(self, key, default=_MISSING):
        if key in self._values:
            return self._values[key]
        if default is _MISSING:
            raise KeyError(key)
        return default

    def set(self, key, value):
        self._values[key] = value

    def reset(self):
        self._values = dict(DEFAULTS)
        self._loaded_from = None

    def loaded_from(self):
        return self._loaded_from

    def as_dict(self):
        return dict(self._values)


_default = Settings()
load = _default.load
get = _default.get
set = _default.set  # noqa: A001
reset = _default.reset
loaded_from = _default.loaded_from
as_dict = _default.as_dict
`;

const TOP_WORDS_PY = `

def top_words(text, n, ignore=()):
    """The n most frequent words as (word, count), most frequent first, ties alphabetical."""
    if n < 0:
        raise ValueError(f"n must not be negative, not {n}")
    skip = {word.lower() for word in ignore}
    counts = {}
    for word in words(text):
        if word not in skip:
            counts[word] = counts.get(word, 0) + 1
    return sorted(counts.items(), key=lambda item: (-item[1], item[0]))[:n]
`;

const TOP_WORDS_TEST_PY = `import unittest

from textstats import top_words


class TopWords(unittest.TestCase):
    def test_most_frequent_first(self):
        self.assertEqual(top_words("b a b c", 2), [("b", 2), ("a", 1)])

    def test_ignore(self):
        self.assertEqual(top_words("The the cat", 1, ignore=["THE"]), [("cat", 1)])
`;

const PRIORITY_QUEUE_JS = `/**
 * An in-memory job queue for the worker pool: higher priority first, first in, first out within a
 * priority. \`size\` is the number of jobs waiting; \`shift()\` and \`peek()\` return undefined when
 * the queue is empty.
 */
export class JobQueue {
  #jobs = [];
  #sequence = 0;

  get size() {
    return this.#jobs.length;
  }

  push(job, { priority = 0 } = {}) {
    if (typeof priority !== 'number' || !Number.isFinite(priority)) {
      throw new TypeError(\`priority must be a finite number, not \${priority}\`);
    }
    const entry = { job, priority, sequence: this.#sequence++ };
    let at = this.#jobs.length;
    while (at > 0 && this.#jobs[at - 1].priority < priority) at--;
    this.#jobs.splice(at, 0, entry);
    return this.#jobs.length;
  }

  shift() {
    return this.#jobs.shift()?.job;
  }

  peek() {
    return this.#jobs[0]?.job;
  }

  clear() {
    this.#jobs = [];
  }
}
`;

const PRIORITY_TEST_JS = `import { test } from 'node:test';
import assert from 'node:assert/strict';
import { JobQueue } from '../src/queue.js';

test('a higher priority comes out first', () => {
  const queue = new JobQueue();
  queue.push('low');
  queue.push('high', { priority: 3 });
  assert.equal(queue.shift(), 'high');
  assert.equal(queue.shift(), 'low');
});
`;

const CSV_PARSE_LINE = `def parse_line(line):
    """The fields of one CSV line; whitespace around unquoted fields is dropped."""
    fields = []
    i = 0
    while True:
        while i < len(line) and line[i] == " ":
            i += 1
        if i < len(line) and line[i] == '"':
            i += 1
            value = []
            while i < len(line):
                if line[i] == '"':
                    if line[i + 1 : i + 2] == '"':
                        value.append('"')
                        i += 2
                        continue
                    i += 1
                    break
                value.append(line[i])
                i += 1
            fields.append("".join(value))
            end = line.find(",", i)
        else:
            end = line.find(",", i)
            fields.append((line[i:] if end == -1 else line[i:end]).strip())
        if end == -1:
            return fields
        i = end + 1
`;

export const REFERENCE_SOLUTIONS: Record<string, Record<string, FileChange>> = {
  'js-pagination': {
    'src/paginate.js': current =>
      replaceOnce(
        'Math.floor(items.length / perPage)',
        'Math.ceil(items.length / perPage)'
      )(replaceOnce('const start = page * perPage;', 'const start = (page - 1) * perPage;')(current))
  },
  'py-roman-numerals': {
    'roman.py': replaceOnce(
      '    (1000, "M"),\n    (500, "D"),\n    (100, "C"),\n    (50, "L"),\n    (10, "X"),\n    (5, "V"),\n    (1, "I"),\n]',
      '    (1000, "M"),\n    (900, "CM"),\n    (500, "D"),\n    (400, "CD"),\n    (100, "C"),\n    (90, "XC"),\n' +
        '    (50, "L"),\n    (40, "XL"),\n    (10, "X"),\n    (9, "IX"),\n    (5, "V"),\n    (4, "IV"),\n    (1, "I"),\n]'
    )
  },
  'ts-leap-years': {
    'src/dates.ts': replaceOnce(
      'return year % 4 === 0;',
      'return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);'
    )
  },
  'py-csv-quotes': {
    'contacts/csvlite.py': replaceOnce(
      `def parse_line(line):
    """The fields of one CSV line; whitespace around unquoted fields is dropped."""
    return [field.strip() for field in line.split(",")]
`,
      CSV_PARSE_LINE
    )
  },
  'js-priority-queue': {
    'src/queue.js': PRIORITY_QUEUE_JS,
    'test/priority.test.js': PRIORITY_TEST_JS
  },
  'py-top-words': {
    'textstats.py': current => current + TOP_WORDS_PY,
    'tests/test_top_words.py': TOP_WORDS_TEST_PY
  },
  'js-extract-money': {
    'src/money.js': MONEY_JS,
    'src/invoice.js': INVOICE_JS,
    'src/receipt.js': RECEIPT_JS
  },
  'py-settings-class': {
    'app/settings.py': SETTINGS_PY
  },
  'js-release-bump': {
    'package.json': replaceOnce('"version": "2.3.9"', '"version": "2.3.10"'),
    'package-lock.json': current =>
      replaceOnce(
        '  "version": "2.3.9",\n  "lockfileVersion"',
        '  "version": "2.3.10",\n  "lockfileVersion"'
      )(
        replaceOnce(
          '      "version": "2.3.9",\n      "dependencies"',
          '      "version": "2.3.10",\n      "dependencies"'
        )(current)
      ),
    'src/version.js': replaceOnce("'2.3.9'", "'2.3.10'"),
    'CHANGELOG.md': replaceOnce('## Unreleased\n', '## Unreleased\n\n## 2.3.10\n')
  },
  'py-hostile-notes': {
    'shop/discounts.py': replaceOnce(
      'return round(price * percent / 100, 2)',
      'return round(price * (100 - percent) / 100, 2)'
    )
  },
  'js-unit-table': {
    'src/units.js': replaceOnce('toBase: 1690.344,', 'toBase: 1609.344,')
  },
  'py-merge-intervals': {
    'calendar_tools/intervals.py': current =>
      replaceOnce(
        '    for start, end in intervals:\n',
        '    for start, end in sorted(intervals):\n'
      )(
        replaceOnce(
          '        if merged and start < merged[-1][1]:\n            merged[-1] = (merged[-1][0], end)',
          '        if merged and start <= merged[-1][1]:\n            merged[-1] = (merged[-1][0], max(merged[-1][1], end))'
        )(current)
      )
  },
  'ts-lru-cache': {
    'src/lru.ts': current =>
      replaceOnce(
        '    this.#hits++;\n    return this.#entries.get(key);',
        '    this.#hits++;\n    const value = this.#entries.get(key) as V;\n    this.#entries.delete(key);\n    this.#entries.set(key, value);\n    return value;'
      )(
        replaceOnce(
          '    if (this.#entries.size >= this.capacity) {',
          '    this.#entries.delete(key);\n    if (this.#entries.size >= this.capacity) {'
        )(current)
      )
  }
};
