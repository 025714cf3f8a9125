// What every command of `nianbao` shares: exit statuses, output, arguments.
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { isReportYear, YEAR_RULE } from '../shared/model/identity';

/** Exit statuses of interchange.md. */
export const EXIT = { ok: 0, findings: 1, unreadable: 2 } as const;

export interface CliIO {
  out: (line: string) => void;
  err: (line: string) => void;
}

export type Command = (args: string[], io: CliIO) => Promise<number>;

export class UsageError extends Error {}

export function parse<T extends NonNullable<ParseArgsConfig['options']>>(args: string[], options: T) {
  try {
    return parseArgs({ args, options, allowPositionals: true as const, strict: true as const });
  } catch (err) {
    throw new UsageError((err as Error).message);
  }
}

/** --year as a report's year; a usage error names the range when it is none. */
export function yearOption(text: string): number {
  const year = Number(text);
  if (!isReportYear(year)) throw new UsageError(`--year ${YEAR_RULE}`);
  return year;
}
