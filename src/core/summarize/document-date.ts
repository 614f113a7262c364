/**
 * The date an article carries: a line of its opening that is only a date, as news pages and
 * wire copy print it ("Saturday, January 8, 2005", "8 January 2005", "2005-01-08"). Calendar
 * names are a closed class, not topic words.
 */

const MONTHS = [
  'january',
  'february',
  'march',
  'april',
  'may',
  'june',
  'july',
  'august',
  'september',
  'october',
  'november',
  'december',
];
const WEEKDAY = '(?:mon|tues|wednes|thurs|fri|satur|sun)day';
const MONTH = `(${MONTHS.map((m) => `${m.slice(0, 3)}(?:${m.slice(3)}|\\.)?`).join('|')})`;
const MONTH_FIRST = new RegExp(`^(?:${WEEKDAY},?\\s+)?${MONTH}\\s+(\\d{1,2}),?\\s+(\\d{4})$`, 'iu');
const DAY_FIRST = new RegExp(`^(?:${WEEKDAY},?\\s+)?(\\d{1,2})\\s+${MONTH},?\\s+(\\d{4})$`, 'iu');
const NUMERIC = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})$/u;

/** How many non-blank opening lines are searched for the date. */
const OPENING_LINES = 5;

function monthOf(name: string): number {
  const key = name.toLowerCase().slice(0, 3);
  return MONTHS.findIndex((m) => m.startsWith(key)) + 1;
}

function iso(y: number, m: number, d: number): string | undefined {
  if (m < 1 || m > 12 || d < 1 || d > 31) return undefined;
  return `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/**
 * The article's date as `YYYY-MM-DD`, read from the first date-only line among its opening
 * lines, or `undefined` when it prints none.
 *
 * @example documentDate('Aid pledges rise\n\nSaturday, January 1, 2005\n\nJapan …') // '2005-01-01'
 */
export function documentDate(text: string): string | undefined {
  let seen = 0;
  for (const raw of text.split(/\r\n|\r|\n/u)) {
    const line = raw.trim();
    if (!line) continue;
    if (++seen > OPENING_LINES) break;
    let m = MONTH_FIRST.exec(line);
    if (m) return iso(Number(m[3]), monthOf(m[1]!), Number(m[2]));
    m = DAY_FIRST.exec(line);
    if (m) return iso(Number(m[3]), monthOf(m[2]!), Number(m[1]));
    m = NUMERIC.exec(line);
    if (m) return iso(Number(m[1]), Number(m[2]), Number(m[3]));
  }
  return undefined;
}
