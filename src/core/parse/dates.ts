/**
 * Calendar dates as ISO strings ("YYYY-MM-DD"). Plans talk in calendar days, so nothing
 * here uses local time: arithmetic goes through Date.UTC only, and the machine's time zone
 * changes nothing.
 */

/** A calendar day, "YYYY-MM-DD". */
export type IsoDate = string;

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const MONTH_SHORT = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const MONTH_LONG = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];
const DAY_MS = 86400000;

function pad(n: number, w = 2): string {
  return String(n).padStart(w, '0');
}

/** A valid calendar day as ISO, or null (31 Feb, month 13, year out of 1900-9999). */
export function isoFromYmd(y: number, m: number, d: number): IsoDate | null {
  if (!Number.isInteger(y) || !Number.isInteger(m) || !Number.isInteger(d)) return null;
  if (y < 1900 || y > 9999 || m < 1 || m > 12 || d < 1) return null;
  if (d > daysInMonth(y, m)) return null;
  return `${pad(y, 4)}-${pad(m)}-${pad(d)}`;
}

function daysInMonth(y: number, m: number): number {
  return new Date(Date.UTC(y, m, 0)).getUTCDate();
}

function toUtc(iso: IsoDate): number {
  return Date.UTC(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)) - 1, Number(iso.slice(8, 10)));
}

/** Digits at i..i+n of an ISO date as a number, read without building strings. */
function digits(iso: string, i: number, n: number): number {
  let v = 0;
  for (let k = i; k < i + n; k++) v = v * 10 + iso.charCodeAt(k) - 48;
  return v;
}

/**
 * Days since 1970-01-01 of an ISO date (Howard Hinnant's days_from_civil): the checker
 * counts days for every record, and this needs no Date and no substrings.
 */
function dayNumber(iso: IsoDate): number {
  let y = digits(iso, 0, 4);
  const m = digits(iso, 5, 2);
  const d = digits(iso, 8, 2);
  if (m <= 2) y--;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

function fromUtc(ms: number): IsoDate {
  const d = new Date(ms);
  return `${pad(d.getUTCFullYear(), 4)}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
}

/** The last day of a month (m is 1-12). */
export function endOfMonth(y: number, m: number): IsoDate {
  return `${pad(y, 4)}-${pad(m)}-${pad(daysInMonth(y, m))}`;
}

/** iso plus n days. */
export function addDays(iso: IsoDate, n: number): IsoDate {
  return fromUtc(toUtc(iso) + n * DAY_MS);
}

/** Whole days from a to b (positive when b is later). */
export function daysBetween(a: IsoDate, b: IsoDate): number {
  return a.length === 10 && b.length === 10 ? dayNumber(b) - dayNumber(a) : Math.round((toUtc(b) - toUtc(a)) / DAY_MS);
}

// Serial 1 is 1 Jan 1900; Excel also counts a 29 Feb 1900 that never was (serial 60),
// so from serial 61 on, day 0 is effectively 30 Dec 1899.
const EPOCH_1900 = Date.UTC(1899, 11, 30);
const EPOCH_1900_EARLY = Date.UTC(1899, 11, 31);
const EPOCH_1904 = Date.UTC(1904, 0, 1);
const MAX_SERIAL = 2958465; // 31 Dec 9999

/**
 * An Excel date serial as a calendar day. 1900 system: serial 1 = 1900-01-01; serial 60 is
 * Excel's phantom 29 Feb 1900, a day that never existed, so it gives null. 1904 system:
 * serial 0 = 1904-01-01. The time of day (fraction) is dropped.
 */
export function serialToIso(serial: number, date1904: boolean): IsoDate | null {
  if (typeof serial !== 'number' || !Number.isFinite(serial)) return null;
  const whole = Math.floor(serial);
  if (date1904) {
    if (whole < 0 || whole > MAX_SERIAL - 1462) return null;
    return fromUtc(EPOCH_1904 + whole * DAY_MS);
  }
  if (whole < 1 || whole > MAX_SERIAL) return null;
  if (whole === 60) return null;
  return fromUtc((whole < 60 ? EPOCH_1900_EARLY : EPOCH_1900) + whole * DAY_MS);
}

/** A calendar day as an Excel serial in the given date system (for writers). */
export function isoToSerial(iso: IsoDate, date1904: boolean): number {
  const ms = toUtc(iso);
  if (date1904) return Math.round((ms - EPOCH_1904) / DAY_MS);
  const s = Math.round((ms - EPOCH_1900) / DAY_MS);
  return s < 61 ? s - 1 : s;
}

/** "31 Mar 21": the short UK form used in messages and reasons. */
export function formatUkDate(iso: IsoDate): string {
  const m = Number(iso.slice(5, 7));
  return `${Number(iso.slice(8, 10))} ${MONTH_SHORT[m - 1]} ${iso.slice(2, 4)}`;
}

/** "May 2021". */
export function formatMonthYear(iso: IsoDate): string {
  return `${MONTH_LONG[Number(iso.slice(5, 7)) - 1]} ${iso.slice(0, 4)}`;
}

/** Month number (1-12) of an English month name or abbreviation ("Sept", "June"), or 0. */
export function monthNumber(word: string): number {
  const w = word.toLowerCase().replace(/\.$/, '');
  if (w.length < 3) return 0;
  const i = MONTHS.indexOf(w.slice(0, 3));
  if (i < 0) return 0;
  const full = MONTH_LONG[i].toLowerCase();
  // "Mar", "March", "Sept" are months; "Marching" is not.
  return full.startsWith(w) || (i === 8 && w === 'sept') ? i + 1 : 0;
}

/** Two-digit years: 00-69 are 20xx, 70-99 are 19xx (pivot configurable). */
export function fullYear(y: number, digits: number, pivotYear = 70): number {
  if (digits > 2) return y;
  return y < pivotYear ? 2000 + y : 1900 + y;
}

const MONTH_WORD = '([A-Za-z]{3,9}\\.?)';
const YEAR = '(\\d{4}|\\d{2})';
/** Patterns for one date expression, each anchored to the whole text. */
const ONE_DATE: { re: RegExp; read: (m: RegExpExecArray, pivot?: number) => { iso: IsoDate; endOfMonth: boolean } | null }[] = [
  {
    // 31 Mar 20, 31 March 2020, 30th June 2021, 31-Mar-20
    re: new RegExp(`^(\\d{1,2})(?:st|nd|rd|th)?[\\s\\-.]*${MONTH_WORD},?[\\s\\-.]*${YEAR}$`, 'i'),
    read: (m, pivot) => {
      const mo = monthNumber(m[2]);
      const iso = mo ? isoFromYmd(fullYear(Number(m[3]), m[3].length, pivot), mo, Number(m[1])) : null;
      return iso ? { iso, endOfMonth: false } : null;
    },
  },
  {
    // 30/09/2020, 01/03/21, 1.3.21, 1-3-2021 (always day first)
    re: /^(\d{1,2})\s*[/.-]\s*(\d{1,2})\s*[/.-]\s*(\d{4}|\d{2})$/,
    read: (m, pivot) => {
      const iso = isoFromYmd(fullYear(Number(m[3]), m[3].length, pivot), Number(m[2]), Number(m[1]));
      return iso ? { iso, endOfMonth: false } : null;
    },
  },
  {
    // 2020-03-31
    re: /^(\d{4})-(\d{1,2})-(\d{1,2})$/,
    read: (m) => {
      const iso = isoFromYmd(Number(m[1]), Number(m[2]), Number(m[3]));
      return iso ? { iso, endOfMonth: false } : null;
    },
  },
  {
    // May 2021, Feb 22, Sept 2021: the end of that month
    re: new RegExp(`^${MONTH_WORD},?[\\s\\-']*${YEAR}$`, 'i'),
    read: (m, pivot) => {
      const mo = monthNumber(m[1]);
      const y = fullYear(Number(m[2]), m[2].length, pivot);
      return mo && y >= 1900 ? { iso: endOfMonth(y, mo), endOfMonth: true } : null;
    },
  },
  {
    // 03/2021: month and year
    re: /^(\d{1,2})\s*\/\s*(\d{4})$/,
    read: (m) => {
      const mo = Number(m[1]);
      return mo >= 1 && mo <= 12 ? { iso: endOfMonth(Number(m[2]), mo), endOfMonth: true } : null;
    },
  },
];

/** Reads ONE UK date expression ("31 Mar 20", "01/03/21", "May 2021"), or null. */
export function parseDateText(text: string, opts: { pivotYear?: number } = {}): { iso: IsoDate; endOfMonth: boolean } | null {
  if (typeof text !== 'string') return null;
  const t = text.trim().replace(/\s+/g, ' ');
  if (t.length === 0 || t.length > 40) return null;
  for (const p of ONE_DATE) {
    const m = p.re.exec(t);
    if (m) return p.read(m, opts.pivotYear);
  }
  return null;
}
