// Euro amounts arrive as decimal strings with two fraction digits ("15000.00", "-500.00").
// Anything that compares or adds them works on integer cents (BigInt), never on binary floats.

const AMOUNT = /^(-?)(\d+)(?:\.(\d{1,2}))?$/;

/** The amount in integer cents, or null when it is no amount. */
export function cents(amount) {
  const match = AMOUNT.exec(String(amount ?? '').trim());
  if (!match) return null;
  const value = BigInt(match[2]) * 100n + BigInt((match[3] || '0').padEnd(2, '0'));
  return match[1] ? -value : value;
}

/** Cents back to a decimal string with two fraction digits. */
export function decimal(value) {
  const negative = value < 0n;
  const abs = negative ? -value : value;
  const euros = abs / 100n;
  const rest = String(abs % 100n).padStart(2, '0');
  return `${negative ? '-' : ''}${euros}.${rest}`;
}

/**
 * Euros for drawing only: the position of a bar or a point on a chart. Never summed or shown
 * as a figure; figures are formatted from the decimal strings.
 */
export function euros(amount) {
  const value = cents(amount);
  return value === null ? 0 : Number(value) / 100;
}
