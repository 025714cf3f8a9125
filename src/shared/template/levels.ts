// A body's administrative level read from its name (docs/report-format.md): the
// level decides whether 规章 are plausible, and a report without one takes
// what its name says rather than a default that fires false warnings.
import { LEVELS, type Level } from './gov2021';

/** The level used where a name says nothing (most reports are a county department's). */
export const DEFAULT_LEVEL: Level = '县区部门';

interface LevelRule {
  level: Level;
  /** Matched against the end of the name, most specific first. */
  pattern: RegExp;
}

// Order matters: a 街道办事处 of a 区 is a 乡镇街道, a 区人民政府办公室 is a department.
const RULES: readonly LevelRule[] = [
  { level: '乡镇街道', pattern: /(街道办事处|街道|乡人民政府|镇人民政府|乡政府|镇政府|[乡镇])$/ },
  { level: '省级', pattern: /^(.{2,3}(省|自治区)|北京市|天津市|上海市|重庆市)人民政府$/ },
  { level: '县区政府', pattern: /(区|县|旗|县级市)人民政府$/ },
  { level: '市政府', pattern: /(市|自治州|地区|盟)人民政府$/ },
  { level: '省级', pattern: /^(.{2,3}(省|自治区)|北京市|天津市|上海市|重庆市)(?!.*[市县区旗]).+(厅|局|委员会|委|办公室|办|院|中心)$/ },
  { level: '县区部门', pattern: /(区|县|旗)(?!.*[市县区旗]).*(厅|局|委员会|委|办公室|办|院|中心|所|队|站|馆)$/ },
  { level: '市级部门', pattern: /市(?!.*[县区旗]).*(局|委员会|委|办公室|办|院|中心|所|队|站|馆)$/ },
];

export interface InferredLevel {
  level: Level;
  /** False when the name said nothing and the default was taken. */
  inferred: boolean;
}

/** The level a body's name implies, or the default with `inferred: false`. */
export function inferLevel(agency: string): InferredLevel {
  const name = agency.replace(/\s+/g, '');
  for (const rule of RULES) if (rule.pattern.test(name)) return { level: rule.level, inferred: true };
  return { level: DEFAULT_LEVEL, inferred: false };
}

export function isLevel(value: unknown): value is Level {
  return typeof value === 'string' && (LEVELS as readonly string[]).includes(value);
}
