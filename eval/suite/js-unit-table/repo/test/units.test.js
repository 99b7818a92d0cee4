import { test } from 'node:test';
import assert from 'node:assert/strict';
import { convert, findUnit, significant } from '../src/units.js';
import { describeDistance, pacePerKm } from '../src/trip.js';

test('metric lengths', () => {
  assert.equal(convert(1.5, 'km', 'm'), 1500);
  assert.equal(significant(convert(1, 'mm', 'µm')), 1000);
});

test('customary lengths', () => {
  assert.equal(significant(convert(1, 'ft', 'in')), 12);
  assert.equal(significant(convert(1, 'mi', 'km'), 7), 1.609344);
});

test('mass and data', () => {
  assert.equal(significant(convert(1, 'lb', 'kg')), 0.453592);
  assert.equal(convert(2, 'GiB', 'B'), 2 * 1024 ** 3);
});

test('names, aliases and errors', () => {
  assert.equal(findUnit('kilometers').id, 'length/kilometre');
  assert.equal(findUnit('Feet').id, 'length/foot');
  assert.throws(() => findUnit('furlongz'), RangeError);
  assert.throws(() => convert(1, 'kg', 'm'), TypeError);
});

test('trip planner', () => {
  assert.equal(describeDistance(10, 'mi'), '10 mi (16.0934 km)');
  assert.equal(significant(pacePerKm(3.1, 'mi', 30), 4), 6.013);
});
