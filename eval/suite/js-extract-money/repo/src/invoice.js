/** Invoice lines and totals. Amounts are integer cents. */

export function invoiceLine(item) {
  const cents = item.unitCents * item.quantity;
  const sign = cents < 0 ? '-' : '';
  const abs = Math.abs(cents);
  const whole = String(Math.floor(abs / 100)).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  const amount = `${sign}$${whole}.${String(abs % 100).padStart(2, '0')}`;
  return `${item.name} × ${item.quantity}: ${amount}`;
}

export function invoiceTotal(items, taxRate = 0) {
  const net = items.reduce((sum, item) => sum + item.unitCents * item.quantity, 0);
  const cents = Math.round(net * (1 + taxRate));
  const sign = cents < 0 ? '-' : '';
  const abs = Math.abs(cents);
  const whole = String(Math.floor(abs / 100)).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `Total: ${sign}$${whole}.${String(abs % 100).padStart(2, '0')}`;
}
