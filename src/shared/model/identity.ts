// What names a report: who reports (机关名称, 机关层级), on which year, and how
// the document closes (落款, 成文日期). One schema and one set of limits for
// the report JSON, the API contract, the library and the editor's fields.
import { z } from 'zod';
import { LEVELS } from '../template/gov2021';

/** The years a report may be for. */
export const YEARS = { min: 2000, max: 2100 } as const;
/** What a year must be, said once for every place that refuses one ("年度" + it, "--year " + it). */
export const YEAR_RULE = `应为 ${YEARS.min} 至 ${YEARS.max} 之间的四位数年份，如 2024`;
/** What the author is told of a year that is none of them. */
export const YEAR_MESSAGE = `年度${YEAR_RULE}`;
export const AGENCY_MAX_CHARS = 100;
/** 落款 may name two bodies (a joint report), so it may be longer than one name. */
export const SIGNATURE_MAX_CHARS = 200;

export const levelSchema = z.enum(LEVELS);
export const yearSchema = z.number().int().min(YEARS.min).max(YEARS.max);
export const agencySchema = z.string().trim().min(1, '请填写机关名称').max(AGENCY_MAX_CHARS, `机关名称最多 ${AGENCY_MAX_CHARS} 字`);
export const signatureSchema = z.string().trim().max(SIGNATURE_MAX_CHARS, `落款最多 ${SIGNATURE_MAX_CHARS} 字`);
/** 成文日期, ISO YYYY-MM-DD. */
export const dateSchema = z.iso.date();

export const identitySchema = z.strictObject({
  agency: agencySchema,
  year: yearSchema,
  level: levelSchema,
  signature: signatureSchema.optional(),
  date: dateSchema.optional(),
});
export type Identity = z.infer<typeof identitySchema>;

/** Whether a year is one a report may be for. */
export function isReportYear(year: number): boolean {
  return yearSchema.safeParse(year).success;
}

/** What is wrong with a body's name and year, in the author's words; null when both are fine. */
export function identityProblem(identity: { agency: string; year: number }): string | null {
  const agency = agencySchema.safeParse(identity.agency);
  if (!agency.success) return agency.error.issues[0]!.message;
  if (!isReportYear(identity.year)) return YEAR_MESSAGE;
  return null;
}
