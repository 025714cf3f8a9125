// Which number formats show a number as a date or a time. A clerk's count
// sometimes carries one (a column once used for dates, a format pasted along):
// the sheet then shows 1900/1/21 where the cell holds 21. The import reads the
// number the cell holds and says that it did.

/**
 * Built-in format ids that are dates or times: the international ones
 * (14–22, 45–47) and those Excel assigns per East Asian locale (27–36, 50–58:
 * yyyy"年"m"月"d"日" and the like in a Chinese workbook).
 */
const BUILT_IN_DATES = new Set([
  14, 15, 16, 17, 18, 19, 20, 21, 22, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 45, 46, 47, 50, 51, 52, 53, 54, 55, 56, 57, 58,
]);

/** What a format code prints literally: quoted text, escaped and padding characters, colours, locales and conditions. */
const LITERALS = /"[^"]*"|\\.|[_*].|\[(?!h+\]|m+\]|s+\])[^\]]*\]/gi;
/** Date and time tokens (y m d h s, elapsed [h]) or the Chinese ones written unquoted. */
const DATE_TOKEN = /[ymdhs]|[年月日时分秒]/i;

/** Whether a custom format code shows a date or time (only its first, positive section decides). */
export function isDateCode(code: string): boolean {
  const positive = code.replace(LITERALS, '').split(';')[0] ?? '';
  // "General" and scientific "0.00E+00" hold letters but no date tokens once stripped of these.
  return DATE_TOKEN.test(positive.replace(/General/gi, '').replace(/E[+-]/gi, ''));
}

/** Whether the format a cell's style names shows a number as a date or time. */
export function isDateFormat(id: number, code: string | undefined): boolean {
  if (code !== undefined) return isDateCode(code);
  return BUILT_IN_DATES.has(id);
}

/**
 * How a cell's number format shows its value: as it is, as a date or time,
 * or not at all — the empty sections of ";;;" hide every value, those of ";;"
 * (or ";") every number: a way offices hide figures without hiding the row.
 */
export type Shown = 'value' | 'date' | 'no-number' | 'nothing';

export function shownBy(id: number, code: string | undefined): Shown {
  const sections = code?.replace(LITERALS, (m) => (m.startsWith('[') ? '' : m)).split(';');
  if (sections && sections.length >= 2 && sections.every((s) => s.trim() === '')) return sections.length >= 4 ? 'nothing' : 'no-number';
  return isDateFormat(id, code) ? 'date' : 'value';
}

const DAY_MS = 86_400_000;
/** Day 0 of each date system: 1899-12-30 counts Excel's phantom 1900-02-29; the 1904 system starts on 1904-01-01. */
const EPOCH_1900 = Date.UTC(1899, 11, 30);
const EPOCH_1904 = Date.UTC(1904, 0, 1);

/** The date a serial number shows as, in ISO form (2024-01-20), in the workbook's date system. */
export function serialDate(serial: number, date1904: boolean): string | undefined {
  if (!Number.isFinite(serial) || serial < 0 || serial > 2_958_465) return undefined;
  // Serials 1–59 lie before the phantom leap day Excel keeps for Lotus: one day later there.
  const days = !date1904 && serial < 60 ? serial + 1 : serial;
  const ms = (date1904 ? EPOCH_1904 : EPOCH_1900) + Math.floor(days) * DAY_MS;
  return new Date(ms).toISOString().slice(0, 10);
}
