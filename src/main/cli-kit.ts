// What every command of `nianbao` shares: exit statuses, output, arguments.
import { parseArgs, type ParseArgsConfig } from 'node:util';

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
