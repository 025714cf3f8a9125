// What the checks found, grouped by section: each problem stated, a click
// brings the author to (and focuses) the cells or text concerned; quick fixes
// as buttons; for a warning, the 核实说明 that lets it stand.
import { memo, useState } from 'react';
import { explanationProblem, isExplained } from '../../../shared/rules/explanations';
import { countBySeverity, SEVERITIES, SEVERITY_LABEL, type Finding } from '../../../shared/rules/types';
import { SECTIONS } from '../../../shared/template/gov2021';
import { cellDef } from '../../../shared/model/cells';
import { findingsOf } from './findings';
import { useEditor } from './editorStore';
import { TodoPanel } from './TodoPanel';
import { isLocked } from '../../../shared/model/status';

/** Selects the findings and explanations only: re-renders when they change; each item only when what it shows changed. */
export const FindingsPanel = memo(function FindingsPanel() {
  const findings = useEditor((s) => findingsOf(s.report!, s.previous));
  const explanations = useEditor((s) => s.report!.explanations);
  const counts = countBySeverity(findings);

  return (
    <aside className="findings-panel" aria-label="检查结果">
      <TodoPanel />
      <h2>
        检查结果
        <span className="counts">
          {SEVERITIES.map((s) => (
            <span key={s} className={`sev-${s}`}>
              {SEVERITY_LABEL[s]} {counts[s]}
            </span>
          ))}
        </span>
      </h2>
      {findings.length === 0 ? (
        <p className="all-clear">没有发现问题。</p>
      ) : (
        SECTIONS.map((section) => {
          const mine = findings.filter((f) => f.section === section.id);
          if (mine.length === 0) return null;
          return (
            <section key={section.id} className="finding-group">
              <h3>{section.heading}</h3>
              <ul>
                {mine.map((f) => (
                  <FindingItem key={f.id} finding={f} explanation={explanations[f.id] ?? ''} explained={isExplained(f, explanations)} />
                ))}
              </ul>
            </section>
          );
        })
      )}
    </aside>
  );
});

/** Validation makes new finding objects on every edit; an item re-renders only when what it shows changed. */
const FindingItem = memo(
  FindingItemView,
  (a, b) =>
    a.explanation === b.explanation &&
    a.explained === b.explained &&
    a.finding.id === b.finding.id &&
    a.finding.message === b.finding.message &&
    a.finding.fix?.label === b.finding.fix?.label &&
    a.finding.cells.join() === b.finding.cells.join(),
);

function FindingItemView({ finding, explanation, explained }: { finding: Finding; explanation: string; explained: boolean }) {
  const { goTo, fix, setExplanation } = useEditor.getState();
  const [explaining, setExplaining] = useState(explanation !== '');
  // Opened by its button, the box takes the keyboard, so the words go to this finding and no other.
  const [openedByAuthor, setOpenedByAuthor] = useState(false);
  const final = useEditor((s) => isLocked(s.status));
  const problem = explanationProblem(explanation);
  // A finding about a table goes to its first cell there; one about a text (even if it names cells) goes to the text.
  const cell = finding.cells.find((k) => cellDef(k)!.table === finding.section);

  return (
    <li className={`finding sev-${finding.severity}${explained ? ' explained' : ''}`} data-finding={finding.id}>
      <button
        type="button"
        className="finding-message"
        // A finding about words marks them in their box: one click from here.
        onClick={() => goTo({ section: finding.section, cell, finding: finding.id, ...(finding.span ? { span: finding.span } : {}) })}
      >
        <span className="badge">{explained ? '已说明' : SEVERITY_LABEL[finding.severity]}</span>
        {finding.message}
      </button>
      <div className="finding-actions">
        {finding.fix && (
          <button type="button" disabled={final} onClick={() => fix(finding)}>
            {finding.fix.label}
          </button>
        )}
        {finding.severity === 'warning' && !explaining && (
          <button
            type="button"
            className="link"
            disabled={final}
            onClick={() => {
              setExplaining(true);
              setOpenedByAuthor(true);
            }}
          >
            填写核实说明
          </button>
        )}
      </div>
      {finding.severity === 'warning' && explaining && (
        <label className="explanation">
          <span>核实说明（核实无误时写明理由，报告即可定稿）</span>
          <textarea
            value={explanation}
            rows={2}
            autoFocus={openedByAuthor}
            readOnly={final}
            aria-invalid={problem !== null || undefined}
            onChange={(e) => setExplanation(finding.id, e.target.value, finding.section)}
          />
          {problem && <span className="error">{problem}</span>}
        </label>
      )}
    </li>
  );
}
