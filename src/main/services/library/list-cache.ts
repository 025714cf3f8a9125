// The library's list kept in memory, in the order it is shown. At 10,000
// reports, reading every row and building its object takes longer than a
// frame; the list changes by one report at a time. So the rows are read once,
// and after that only the rows of the reports written since: the change log
// (migration 7: triggers on `reports`, so every program that writes the file
// logs there) names them, for this library's writes and another program's
// alike. When the log cannot say (it no longer reaches back to the entry last
// read, the file was replaced, the log is missing), every row is read again.
import type { ReportSummary } from '../../../shared/api/contract';
import type { LogEntry, ReportStore } from './report-sql';

const collator = new Intl.Collator('zh-CN');

/**
 * Agencies in Chinese collation order (pinyin), then the newest year first.
 * The collator runs over the distinct agency names only (a library holds a
 * few bodies, many years): comparing CJK text is the slow part of a sort.
 */
function sortByAgencyThenYear(reports: ReportSummary[]): ReportSummary[] {
  const rank = new Map([...new Set(reports.map((r) => r.agency))].sort(collator.compare).map((agency, i) => [agency, i]));
  // Each report's agency looked up once, not at each of the sort's comparisons (10,000 reports: 130,000 of them).
  const keyed = reports.map((r) => ({ rank: rank.get(r.agency)!, r }));
  keyed.sort((a, b) => a.rank - b.rank || b.r.year - a.r.year || a.r.id - b.r.id);
  keyed.forEach((k, i) => (reports[i] = k.r));
  return reports;
}

export class ReportList {
  private rows = new Map<number, ReportSummary>();
  /** Every report (the recycle bin's too) in the order shown; undefined when it must be sorted again. */
  private sorted: ReportSummary[] | undefined;
  /** Where each report stands in `sorted`, made on first need: thousands of rows reread must not each search the list. */
  private places: Map<number, number> | undefined;
  /** The data_version the rows were brought up to date at; undefined before the first list. */
  private version: number | undefined;
  /** The change log's newest entry the rows include; undefined when there was none to go from (the next change reads all). */
  private logged: LogEntry | undefined;
  /** This library committed a write since: data_version moves only for other connections' commits. */
  private written = false;

  constructor(
    private readonly store: ReportStore,
    private readonly dataVersion: () => number,
  ) {}

  /** The reports in the order shown: those outside the recycle bin, or all of them. */
  all(includeDeleted: boolean): ReportSummary[] {
    this.update();
    this.sorted ??= sortByAgencyThenYear([...this.rows.values()]);
    return includeDeleted ? [...this.sorted] : this.sorted.filter((r) => r.deletedAt === null);
  }

  /** After this library committed a write: its rows are read at the next list, from the log like any other. */
  wrote(): void {
    this.written = true;
  }

  private update(): void {
    // Read before the rows: a commit landing in between is then seen again at the next list, never missed.
    const version = this.dataVersion();
    if (version === this.version && !this.written) return;
    this.store.reading(() => {
      const since = this.version !== undefined && this.logged ? this.store.loggedSince(this.logged) : undefined;
      if (since) {
        for (const id of since.ids) this.reread(id);
        this.logged = since.newest;
      } else {
        this.rows = new Map(this.store.summaries('', true).map((r) => [r.id, r]));
        this.unsort();
        this.logged = this.store.newestLogged();
      }
    });
    this.version = version;
    this.written = false;
  }

  private reread(id: number): void {
    const was = this.rows.get(id);
    const now = this.store.summary(id);
    if (now) this.rows.set(id, now);
    else this.rows.delete(id);
    // Same place in the order (a save, a status): replaced where it stands; otherwise sorted again.
    const place = was && now && was.agency === now.agency && was.year === now.year ? this.placeOf(id) : undefined;
    if (place === undefined) this.unsort();
    else this.sorted![place] = now!;
  }

  private placeOf(id: number): number | undefined {
    if (!this.sorted) return undefined;
    this.places ??= new Map(this.sorted.map((r, i) => [r.id, i]));
    return this.places.get(id);
  }

  private unsort(): void {
    this.sorted = undefined;
    this.places = undefined;
  }
}

export { sortByAgencyThenYear };
