// 名单: the bodies of the round — a level changed, a body taken off (one that
// has sent nothing), bodies added by pasting or typing, a level beside a name.
import { useMemo, useState } from 'react';
import { parseRosterText } from '../../../shared/review';
import type { RoundView } from '../../../shared/review/round';
import { LEVELS, type Level } from '../../../shared/template/gov2021';
import { api } from '../api';
import { Modal } from '../common/Modal';

export function RosterDialog({ view, onClose, onSaved }: { view: RoundView; onClose: () => void; onSaved: (view: RoundView) => void }) {
  const [levels, setLevels] = useState<Map<number, Level>>(new Map());
  const [removed, setRemoved] = useState<Set<number>>(new Set());
  const [text, setText] = useState('');
  const [error, setError] = useState<string | null>(null);
  const added = useMemo(() => parseRosterText(text), [text]);

  async function save() {
    const res = await api!.rounds.roster({
      year: view.year,
      add: added.entries,
      remove: [...removed],
      levels: [...levels].map(([id, level]) => ({ id, level })),
    });
    if (!res.ok) return setError(res.error.message);
    onSaved(res.value);
    onClose();
  }

  return (
    <Modal
      title={`${view.year} 年度的名单（${view.bodies.length} 个单位）`}
      className="roster-dialog"
      onClose={onClose}
      error={error}
      onSubmit={() => void save()}
      actions={
        <button type="submit" className="primary">
          保存名单
        </button>
      }
    >
      <ul className="roster-edit">
        {view.bodies.map((b) => (
          <li key={b.id} className={removed.has(b.id) ? 'removed' : ''}>
            <span className="name">
              {b.name}
              {b.unlisted && <span className="tag unlisted">名单外</span>}
            </span>
            <select
              aria-label={`${b.name} 的层级`}
              value={levels.get(b.id) ?? b.level}
              onChange={(e) => setLevels(new Map(levels).set(b.id, e.target.value as Level))}
            >
              {LEVELS.map((l) => (
                <option key={l}>{l}</option>
              ))}
            </select>
            {b.submissions === 0 ? (
              <button
                type="button"
                className="link"
                onClick={() => {
                  const next = new Set(removed);
                  if (next.has(b.id)) next.delete(b.id);
                  else next.add(b.id);
                  setRemoved(next);
                }}
              >
                {removed.has(b.id) ? '保留' : '去掉'}
              </button>
            ) : (
              <span className="muted small">已报送</span>
            )}
          </li>
        ))}
      </ul>
      <label>
        加入单位（每行一个，层级可写在名称后面）
        <textarea value={text} onChange={(e) => setText(e.target.value)} rows={4} aria-label="加入的单位" />
      </label>
      {added.entries.length > 0 && <p className="hint">将加入 {added.entries.map((e) => `${e.name}（${e.level}）`).join('、')}</p>}
    </Modal>
  );
}
