// Times as the library stores them (ISO 8601, UTC) and as it shows them to a
// person (local time, to the minute), plus the compact stamp used in file names.

export function isoTime(at: Date): string {
  return at.toISOString();
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/** "2026-11-26 10:00" in the computer's local time. */
export function displayTime(at: Date | string): string {
  const d = typeof at === 'string' ? new Date(at) : at;
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())} ${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

/** "2026-11-26": the computer's local calendar day, as a person counts days. */
export function localDay(at: Date): string {
  return displayTime(at).slice(0, 10);
}

/** "20261126T100000123Z": UTC, sortable as text, safe in file names on every system. */
export function fileStamp(at: Date): string {
  return at.toISOString().replace(/[-:.]/g, '');
}

export function parseFileStamp(stamp: string): Date | undefined {
  const m = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})(\d{3})Z$/.exec(stamp);
  if (!m) return undefined;
  const [, y, mo, d, h, mi, s, ms] = m.map(Number);
  return new Date(Date.UTC(y!, mo! - 1, d, h, mi, s, ms));
}
