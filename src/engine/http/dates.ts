// HTTP dates (RFC 9110 §5.6.7): IMF-fixdate, plus the obsolete RFC 850 and asctime forms a
// recipient must accept. Pure arithmetic on Date.UTC: no clock is read here.

const MONTHS: Readonly<Record<string, number>> = {
  jan: 0,
  feb: 1,
  mar: 2,
  apr: 3,
  may: 4,
  jun: 5,
  jul: 6,
  aug: 7,
  sep: 8,
  oct: 9,
  nov: 10,
  dec: 11,
};
const DAY_NAMES = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTH_NAMES = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

// Sun, 06 Nov 1994 08:49:37 GMT
const IMF = /^[A-Za-z]{3}, (\d{1,2}) ([A-Za-z]{3}) (\d{4}) (\d{2}):(\d{2}):(\d{2}) (?:GMT|UTC)$/i;
// Sunday, 06-Nov-94 08:49:37 GMT
const RFC850 = /^[A-Za-z]{6,9}, (\d{1,2})-([A-Za-z]{3})-(\d{2}) (\d{2}):(\d{2}):(\d{2}) GMT$/i;
// Sun Nov  6 08:49:37 1994
const ASCTIME = /^[A-Za-z]{3} ([A-Za-z]{3}) +(\d{1,2}) (\d{2}):(\d{2}):(\d{2}) (\d{4})$/;

function build(day: string, mon: string, year: number, h: string, m: string, s: string): number {
  const month = MONTHS[mon.toLowerCase()];
  const d = Number(day);
  const hh = Number(h);
  const mm = Number(m);
  const ss = Number(s);
  if (month === undefined || d < 1 || d > 31 || hh > 23 || mm > 59 || ss > 60) return NaN;
  const ms = Date.UTC(year, month, d, hh, mm, Math.min(ss, 59));
  // Reject dates that roll over (31 Feb): the day must survive the round trip.
  return new Date(ms).getUTCDate() === d ? ms : NaN;
}

function parseUncached(v: string): number {
  let m = IMF.exec(v);
  if (m) return build(m[1], m[2], Number(m[3]), m[4], m[5], m[6]);
  m = RFC850.exec(v);
  if (m) {
    // Two-digit years: 70-99 -> 19xx, 00-69 -> 20xx. A fixed pivot instead of RFC 9110's
    // "50 years from now" rule, because the engine must not read the wall clock.
    const yy = Number(m[3]);
    return build(m[1], m[2], yy < 70 ? 2000 + yy : 1900 + yy, m[4], m[5], m[6]);
  }
  m = ASCTIME.exec(v);
  if (m) return build(m[2], m[1], Number(m[6]), m[3], m[4], m[5]);
  return NaN;
}

const memo = new Map<string, number>();
const MEMO_MAX = 1024;

/** Milliseconds since the epoch; undefined when the header is absent; NaN when it is present
 * but unparseable (spec §1.3: callers treat that as already expired). */
export function parseHttpDate(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const hit = memo.get(value);
  if (hit !== undefined) return hit;
  const ms = parseUncached(value.trim());
  if (memo.size >= MEMO_MAX) {
    const oldest = memo.keys().next().value;
    if (oldest !== undefined) memo.delete(oldest);
  }
  memo.set(value, ms);
  return ms;
}

const pad2 = (n: number): string => (n < 10 ? '0' + n : String(n));

/** IMF-fixdate, e.g. 'Mon, 01 Jan 2024 00:00:00 GMT'. Fractions of a second are dropped. */
export function formatHttpDate(ms: number): string {
  const d = new Date(Math.floor(ms / 1000) * 1000);
  const y = d.getUTCFullYear();
  return (
    `${DAY_NAMES[d.getUTCDay()]}, ${pad2(d.getUTCDate())} ${MONTH_NAMES[d.getUTCMonth()]} ` +
    `${String(y).padStart(4, '0')} ${pad2(d.getUTCHours())}:${pad2(d.getUTCMinutes())}:${pad2(d.getUTCSeconds())} GMT`
  );
}
