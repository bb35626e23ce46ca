// Numbers and dates as the console shows them. Dates are UTC calendar days, as the usage API counts.

const integer = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });

export const count = (n) => integer.format(Number(n ?? 0));

/** Dollars as the API gives them (exact to a billionth), without float noise or exponents. */
export function dollars(n) {
  const fixed = Number(n ?? 0).toFixed(9).replace(/0+$/, '').replace(/\.$/, '');
  return fixed === '-0' ? '0' : fixed;
}

export const usd = (n) => '$' + dollars(n);

export const percent = (part, whole) => (whole ? ((100 * part) / whole).toFixed(1) : '0.0') + '%';

export const isoDay = (date) => date.toISOString().slice(0, 10);

export const today = () => isoDay(new Date());

export function addDays(day, days) {
  const date = new Date(day + 'T00:00:00Z');
  date.setUTCDate(date.getUTCDate() + days);
  return isoDay(date);
}

export const monthStart = (day) => day.slice(0, 8) + '01';

/** Every day from `from` to `to`, both included. */
export function daysFrom(from, to) {
  const days = [];
  for (let day = from; day <= to && days.length < 3660; day = addDays(day, 1)) days.push(day);
  return days;
}

/** An instant as `2026-11-24 12:00 UTC`, or a dash. */
export const when = (instant) => (instant ? instant.replace('T', ' ').replace(/:\d\d(\.\d+)?Z$/, ' UTC') : '—');

/** All the tokens a request used, as token limits count them. */
export const allTokens = (usage) =>
  usage.input_tokens + usage.output_tokens + usage.cache_read_input_tokens + usage.cache_write_input_tokens;
