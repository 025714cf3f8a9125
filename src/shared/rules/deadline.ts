// By when a body publishes its report (条例 第四十九条), read from the
// schedule.deadline rule's data: the engine's notice on a late final export
// and the review's 逾期 on a roster ask here.
import type { Report } from '../model/report';
import { ruleOfKind } from './catalog';
import type { DeadlineRule } from './types';

export interface DueDate {
  /** Who is due then, as the message names them ("政府", "部门"). */
  who: string;
  month: number;
  day: number;
  /** ISO date, YYYY-MM-DD, in year + 1. */
  date: string;
}

/** The deadline of the body's level (or name) for the report of `year`. */
export function deadlineOf(rule: DeadlineRule, body: Pick<Report, 'level' | 'agency' | 'year'>): DueDate | undefined {
  const due = rule.due.find(
    (d) => d.levels.includes(body.level) || (d.named !== undefined && new RegExp(d.named).test(body.agency.trim())),
  );
  if (!due) return undefined;
  const date = `${body.year + 1}-${String(due.month).padStart(2, '0')}-${String(due.day).padStart(2, '0')}`;
  return { who: due.who, month: due.month, day: due.day, date };
}

const DEADLINE_RULE = ruleOfKind('deadline');

/** The deadline of a body's report as the rule list has it; undefined only if the list has no deadline rule. */
export function dueDate(body: Pick<Report, 'level' | 'agency' | 'year'>): DueDate | undefined {
  return deadlineOf(DEADLINE_RULE, body);
}
