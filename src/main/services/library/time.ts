// Times as the library stores them (ISO 8601, UTC) and as it shows them to a
// person (local time: `localMinute` in shared/model/dates.ts), plus the compact
// stamp used in file names.

export function isoTime(at: Date): string {
  return at.toISOString();
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
