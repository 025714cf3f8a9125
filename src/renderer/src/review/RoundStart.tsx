// 新建一轮收集: the year, the region the round collects for (its 汇总's body),
// and the roster — pasted or typed (one body a line, a level beside it where
// known), read from a workbook or a text file, or carried from last year's
// round. What was read is shown before anything is stored.
import { useMemo, useRef, useState } from 'react';
import type { RoundSummary, RoundView } from '../../../shared/review/round';
import { parseRosterText, rosterText } from '../../../shared/review';
import { reportingYear } from '../../../shared/model/dates';
import { isReportYear, YEAR_MESSAGE } from '../../../shared/model/identity';
import { api } from '../api';
import { fileToBase64 } from '../transfer/files';

export function RoundStart({
  rounds,
  onCreated,
  onCancel,
}: {
  rounds: readonly RoundSummary[];
  onCreated: (view: RoundView) => void;
  onCancel?: () => void;
}) {
  const [year, setYear] = useState(String(rounds[0] ? rounds[0].year + 1 : reportingYear()));
  const [region, setRegion] = useState(rounds[0]?.region ?? '');
  const [text, setText] = useState('');
  const [carry, setCarry] = useState(true);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const picker = useRef<HTMLInputElement>(null);
  const y = Number(year);
  const last = rounds.find((r) => r.year === y - 1);
  const roster = useMemo(() => parseRosterText(text), [text]);

  async function importFile(file: File) {
    setError(null);
    const res = await api!.rounds.rosterFile({ fileName: file.name, data: await fileToBase64(file) });
    if (!res.ok) return setError(res.error.message);
    setText((t) => [t.trim(), rosterText(res.value.entries)].filter(Boolean).join('\n'));
  }

  async function submit() {
    setError(null);
    if (!isReportYear(y)) return setError(YEAR_MESSAGE);
    if (rounds.some((r) => r.year === y)) return setError(`${y} 年度的收集已经建立：请在上方选择它`);
    setBusy(true);
    const res = await api!.rounds.create({ year: y, region, roster: roster.entries, fromPrevious: !!last && carry });
    setBusy(false);
    if (!res.ok) return setError(res.error.message);
    onCreated(res.value);
  }

  return (
    <form
      className="round-start"
      aria-label="新建一轮收集"
      onSubmit={(e) => {
        e.preventDefault();
        void submit();
      }}
    >
      <h2>新建一轮收集</h2>
      <p className="hint">一轮收集对应一个年度：列出应报送的单位，收到的报告逐一对应到单位，退回、整改、通过和汇总都记录在报告库中。</p>
      <div className="round-start-fields">
        <label>
          报告年度
          <input value={year} onChange={(e) => setYear(e.target.value)} inputMode="numeric" maxLength={4} />
        </label>
        <label>
          本地区（汇总报告的机关名称）
          <input value={region} onChange={(e) => setRegion(e.target.value)} placeholder="如：余杭区人民政府" maxLength={100} />
        </label>
      </div>
      {last && (
        <label className="check">
          <input type="checkbox" checked={carry} onChange={(e) => setCarry(e.target.checked)} />
          沿用 {last.year} 年度的名单（{last.bodies} 个单位及其层级）
        </label>
      )}
      <label className="roster-input">
        {last && carry ? '另外加入的单位' : '应报送的单位'}（每行一个；可从 Excel 或 Word 中复制粘贴，层级写在名称后面，不写则按名称推断）
        <textarea
          value={text}
          onChange={(e) => setText(e.target.value)}
          rows={10}
          placeholder={'余杭区统计局\n余杭区财政局\n仓前街道\t乡镇街道'}
          aria-label="名单"
        />
      </label>
      <div className="roster-tools">
        <button type="button" onClick={() => picker.current?.click()}>
          从文件导入名单…
        </button>
        <input
          ref={picker}
          type="file"
          hidden
          accept=".xlsx,.xlsm,.txt,.csv"
          aria-label="名单文件"
          onChange={(e) => {
            const file = e.target.files?.[0];
            e.target.value = '';
            if (file) void importFile(file);
          }}
        />
        <span className="hint">
          {roster.entries.length > 0
            ? `识别出 ${roster.entries.length} 个单位${roster.inferred.length ? `（其中 ${roster.inferred.length} 个的层级按名称推断）` : ''}` +
              (roster.skipped.length ? `；${roster.skipped.join('；')}` : '')
            : '工作簿取第一列单位名称（序号列自动跳过），文本文件每行一个单位'}
        </span>
      </div>
      {roster.entries.length > 0 && (
        <ol className="roster-preview" aria-label="识别出的单位">
          {roster.entries.map((e) => (
            <li key={e.name}>
              {e.name} <span className="muted">{e.level}</span>
            </li>
          ))}
        </ol>
      )}
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
      <div className="dialog-buttons">
        {onCancel && (
          <button type="button" onClick={onCancel}>
            取消
          </button>
        )}
        <button type="submit" className="primary" disabled={busy}>
          开始收集
        </button>
      </div>
    </form>
  );
}
