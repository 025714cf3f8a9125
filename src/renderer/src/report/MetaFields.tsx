// 机关名称、年度、机关层级, editable at the top of the report; the title as it
// will print follows them. With them the closing lines the documents end with
// (落款, default the agency; 成文日期, default the day of export) and the preamble.
import { memo, useState } from 'react';
import { LEVELS, type Level } from '../../../shared/template/gov2021';
import { inferLevel } from '../../../shared/template/levels';
import { metaProblem } from './saveDiff';
import { useEditor } from './editorStore';
import { PreambleField } from './PreambleField';
import { DateField } from '../common/DateField';
import { isLocked } from '../../../shared/model/status';

/** Re-renders only when one of its fields changes, not on every edit of the report. */
export const MetaFields = memo(function MetaFields() {
  const agency = useEditor((s) => s.report!.agency);
  const year = useEditor((s) => s.report!.year);
  const level = useEditor((s) => s.report!.level);
  const signature = useEditor((s) => s.report!.signature ?? '');
  const date = useEditor((s) => s.report!.date ?? '');
  const setMeta = useEditor((s) => s.setMeta);
  const final = useEditor((s) => isLocked(s.status));
  // The year box may hold a half-typed year; the report takes it once it is a number.
  const [yearText, setYearText] = useState(String(year));
  const shownYear = yearText.trim() === '' || Number(yearText) === year ? yearText : String(year);
  const problem = metaProblem({ agency, year });
  return (
    <div className="meta-fields">
      <label>
        机关名称
        <input
          value={agency}
          disabled={final}
          onChange={(e) => setMeta({ agency: e.target.value })}
          aria-invalid={agency.trim() === '' || undefined}
        />
      </label>
      <label>
        年度
        <input
          className="year"
          disabled={final}
          inputMode="numeric"
          value={shownYear}
          onChange={(e) => {
            setYearText(e.target.value);
            const year = Number(e.target.value.trim());
            if (e.target.value.trim() !== '' && Number.isInteger(year)) setMeta({ year });
          }}
        />
      </label>
      <label>
        机关层级
        <select value={level} disabled={final} onChange={(e) => setMeta({ level: e.target.value as Level })}>
          {LEVELS.map((l) => (
            <option key={l}>{l}</option>
          ))}
        </select>
      </label>
      <LevelOffer agency={agency} level={level} disabled={final} onTake={(l) => setMeta({ level: l })} />
      <label>
        落款
        <input
          className="signature"
          value={signature}
          disabled={final}
          placeholder={agency}
          onChange={(e) => setMeta({ signature: e.target.value })}
        />
      </label>
      <label>
        成文日期
        <DateField
          className="date"
          value={date}
          disabled={final}
          placeholder="导出当天"
          title="不填则为导出当天；可写 2025年1月20日 或 2025-1-20，↑/↓ 前后一天"
          onChange={(iso) => setMeta({ date: iso })}
        />
      </label>
      <PreambleField />
      {problem && <span className="error">{problem}，修改前不会保存</span>}
    </div>
  );
});

/** Where the name says another level than the report holds (a default never chosen, a renamed body): one click takes it. */
function LevelOffer({
  agency,
  level,
  disabled,
  onTake,
}: {
  agency: string;
  level: Level;
  disabled: boolean;
  onTake: (level: Level) => void;
}) {
  const inferred = inferLevel(agency);
  if (!inferred.inferred || inferred.level === level) return null;
  return (
    <span className="hint level-offer">
      按名称应为「{inferred.level}」
      <button type="button" className="link" disabled={disabled} onClick={() => onTake(inferred.level)}>
        改为{inferred.level}
      </button>
    </span>
  );
}
