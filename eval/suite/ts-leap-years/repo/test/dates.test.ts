import { test } from 'node:test';
import assert from 'node:assert/strict';
import { addMonths, daysInMonth, isLeapYear, isValidDate } from '../src/dates.ts';
import { dueDates } from '../src/invoice.ts';

test('leap years', () => {
  assert.equal(isLeapYear(2024), true);
  assert.equal(isLeapYear(2023), false);
  assert.equal(isLeapYear(2000), true);
  assert.equal(isLeapYear(1900), false);
  assert.equal(isLeapYear(2100), false);
});

test('days in February', () => {
  assert.equal(daysInMonth(2024, 2), 29);
  assert.equal(daysInMonth(2100, 2), 28);
  assert.equal(daysInMonth(2023, 4), 30);
});

test('validation', () => {
  assert.equal(isValidDate({ year: 2024, month: 2, day: 29 }), true);
  assert.equal(isValidDate({ year: 2100, month: 2, day: 29 }), false);
  assert.equal(isValidDate({ year: 2024, month: 13, day: 1 }), false);
});

test('adding months clamps to the end of the month', () => {
  assert.deepEqual(addMonths({ year: 2024, month: 1, day: 31 }, 1), { year: 2024, month: 2, day: 29 });
  assert.deepEqual(addMonths({ year: 2100, month: 1, day: 31 }, 1), { year: 2100, month: 2, day: 28 });
  assert.deepEqual(addMonths({ year: 2024, month: 12, day: 15 }, 2), { year: 2025, month: 2, day: 15 });
});

test('due dates of a monthly plan', () => {
  assert.deepEqual(dueDates({ year: 2023, month: 12, day: 31 }, 3), ['2023-12-31', '2024-01-31', '2024-02-29']);
});
