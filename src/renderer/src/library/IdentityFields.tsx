// 机关名称, 年度, 机关层级: the three facts that name a report, entered the same
// way wherever a report is made (new, or from a file).
import { AGENCY_MAX_CHARS, identityProblem } from '../../../shared/model/identity';
import { LEVELS, type Level } from '../../../shared/template/gov2021';
import { inferLevel } from '../../../shared/template/levels';

export interface Identity {
  agency: string;
  year: string;
  /** null: the name does not tell and the author has not chosen yet. */
  level: Level | null;
  /** The author picked the level: a change of name no longer changes it. */
  levelChosen?: boolean;
}

/** The level follows the name as it is typed (…区人民政府 → 县区政府) until the author picks one; a name that does not tell leaves it to choose. */
function withAgency(value: Identity, agency: string): Identity {
  return { ...value, agency, level: value.levelChosen ? value.level : levelFromName(agency) };
}

/** The level a name gives, or null where the author must choose it. */
export function levelFromName(agency: string): Level | null {
  const inferred = inferLevel(agency);
  return inferred.inferred ? inferred.level : null;
}

/** The identity as the API takes it, or what is wrong with it in plain words. */
export function checkIdentity(
  identity: Identity,
): { ok: true; agency: string; year: number; level: Level } | { ok: false; message: string } {
  const agency = identity.agency.trim();
  const year = identity.year.trim() === '' ? NaN : Number(identity.year);
  const problem = identityProblem({ agency, year });
  if (problem) return { ok: false, message: problem };
  if (identity.level === null) return { ok: false, message: `请选择机关层级：${levelReason(agency)}` };
  return { ok: true, agency, year, level: identity.level };
}

function levelReason(agency: string): string {
  const inferred = inferLevel(agency);
  return inferred.inferred ? '' : inferred.reason;
}

export function IdentityFields({
  value,
  onChange,
  autoFocus,
}: {
  value: Identity;
  onChange: (next: Identity) => void;
  autoFocus?: boolean;
}) {
  return (
    <>
      <label>
        机关名称
        <input
          autoFocus={autoFocus}
          value={value.agency}
          onChange={(e) => onChange(withAgency(value, e.target.value))}
          placeholder="如：余杭区统计局"
          maxLength={AGENCY_MAX_CHARS}
        />
      </label>
      <label>
        报告年度
        <input value={value.year} onChange={(e) => onChange({ ...value, year: e.target.value })} inputMode="numeric" maxLength={4} />
      </label>
      <label>
        机关层级
        <select
          value={value.level ?? ''}
          onChange={(e) => onChange({ ...value, level: (e.target.value || null) as Level | null, levelChosen: e.target.value !== '' })}
        >
          {value.level === null && <option value="">（请选择）</option>}
          {LEVELS.map((l) => (
            <option key={l}>{l}</option>
          ))}
        </select>
      </label>
      <LevelHint agency={value.agency} level={value.level} />
    </>
  );
}

/** Says where the level came from: the name, or why the name can't tell (then the author chooses). */
export function LevelHint({ agency, level }: { agency: string; level: Level | null }) {
  if (!agency.trim()) return null;
  const inferred = inferLevel(agency);
  if (!inferred.inferred)
    return (
      <p className="hint level-hint">
        {inferred.reason}：{level === null ? '请选择机关层级' : `已选「${level}」`}（它决定“规章”一栏是否合理）
      </p>
    );
  if (inferred.level === level) return <p className="hint level-hint">层级按名称推断为「{level}」</p>;
  return <p className="hint level-hint">按名称，层级应为「{inferred.level}」，请确认</p>;
}
