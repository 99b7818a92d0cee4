import { test } from 'node:test';
import assert from 'node:assert/strict';
import { invoiceLine, invoiceTotal } from '../src/invoice.js';
import { receipt } from '../src/receipt.js';

const items = [
  { name: 'Keyboard', unitCents: 4999, quantity: 2 },
  { name: 'Monitor', unitCents: 123405, quantity: 1 },
  { name: 'Refund', unitCents: -500, quantity: 1 }
];

test('invoice lines', () => {
  assert.equal(invoiceLine(items[0]), 'Keyboard × 2: $99.98');
  assert.equal(invoiceLine(items[1]), 'Monitor × 1: $1,234.05');
  assert.equal(invoiceLine(items[2]), 'Refund × 1: -$5.00');
});

test('invoice total with tax', () => {
  assert.equal(invoiceTotal(items), 'Total: $1,329.03');
  assert.equal(invoiceTotal(items, 0.2), 'Total: $1,594.84');
  assert.equal(invoiceTotal([]), 'Total: $0.00');
});

test('receipt', () => {
  assert.equal(
    receipt(items, 140000),
    ['Keyboard × 2: $99.98', 'Monitor × 1: $1,234.05', 'Refund × 1: -$5.00', 'Change: $70.97'].join('\n')
  );
  assert.match(receipt(items, 0), /Change: -\$1,329\.03$/);
});
