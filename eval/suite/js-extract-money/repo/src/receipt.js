import { invoiceLine } from './invoice.js';

/** The printed receipt: one line per item, the amount paid and the change given. */
export function receipt(items, paidCents) {
  const total = items.reduce((sum, item) => sum + item.unitCents * item.quantity, 0);
  const change = paidCents - total;
  const sign = change < 0 ? '-' : '';
  const abs = Math.abs(change);
  const whole = String(Math.floor(abs / 100)).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return [...items.map(invoiceLine), `Change: ${sign}$${whole}.${String(abs % 100).padStart(2, '0')}`].join('\n');
}
