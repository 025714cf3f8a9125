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

/** A mistyped option or argument: said in one Chinese line, with the command's usage, exit 2. */
export class UsageError extends Error {}

/** Asked for the command's own usage (`nianbao validate --help`): printed on stdout, exit 0. */
export class HelpRequest extends Error {}

type Options = NonNullable<ParseArgsConfig['options']>;

export interface ParseLimits {
  /** The most positional arguments the command takes (one FILE for most). */
  maxPositionals?: number;
}

/**
 * The command's options and arguments. Node's parser answers a mistake in
 * English ("Unknown option '--roster'. To specify a positional argument…"),
 * so the tokens are checked here first and each mistake named in Chinese.
 */
export function parse<T extends Options>(args: string[], options: T, limits: ParseLimits = {}) {
  const { tokens } = parseArgs({ args, options, allowPositionals: true, strict: false, tokens: true });
  let positionals = 0;
  for (const token of tokens) {
    if (token.kind === 'positional') {
      positionals += 1;
      if (limits.maxPositionals !== undefined && positionals > limits.maxPositionals) {
        throw new UsageError(limits.maxPositionals === 0 ? `不需要参数「${token.value}」` : `多余的参数「${token.value}」`);
      }
      continue;
    }
    if (token.kind !== 'option') continue;
    if (token.name === 'help' || token.rawName === '-h') throw new HelpRequest();
    const def = options[token.name];
    if (!def) throw new UsageError(`未知选项「${token.rawName}」${suggestion(token.name, Object.keys(options))}`);
    if (def.type === 'boolean' && token.inlineValue) throw new UsageError(`${token.rawName} 不带值（写作 ${token.rawName}）`);
    if (def.type === 'string' && token.value === undefined) throw new UsageError(`${token.rawName} 后面缺少值`);
    if (def.type === 'string' && !token.inlineValue && token.value?.startsWith('-')) {
      throw new UsageError(`${token.rawName} 后面缺少值：「${token.value}」像是另一个选项（值以 - 开头时写作 ${token.rawName}=值）`);
    }
  }
  try {
    return parseArgs({ args, options, allowPositionals: true as const, strict: true as const });
  } catch {
    // Every case Node refuses is named above; this is the last word for one it adds later.
    throw new UsageError(`无法识别参数「${args.join(' ')}」`);
  }
}

/** --year as a report's year; a usage error names the range when it is none. */
export function yearOption(text: string): number {
  const year = Number(text);
  if (!isReportYear(year)) throw new UsageError(`--year ${YEAR_RULE}`);
  return year;
}

/** 「（是否要写 --previous？）」 for an option one or two keystrokes from a real one. */
function suggestion(name: string, known: readonly string[]): string {
  const near = known.find((k) => editDistance(name, k) <= Math.min(2, Math.max(1, Math.floor(k.length / 3))));
  return near ? `（是否要写 --${near}？）` : '';
}

/** Edits between two names, a swap of two neighbouring letters counted as one (--prot for --port). */
function editDistance(a: string, b: string): number {
  let before: number[] = [];
  let row = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const next = [i];
    for (let j = 1; j <= b.length; j++) {
      next[j] = Math.min(row[j]! + 1, next[j - 1]! + 1, row[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) next[j] = Math.min(next[j]!, before[j - 2]! + 1);
    }
    before = row;
    row = next;
  }
  return row[b.length]!;
}
