// The report's opening paragraph (本报告根据…编制…统计期限…), printed before
// 一、总体情况 in every document. An author who has none is offered the
// standard one, with the body's name and the year filled in.
import { memo, useEffect, useRef } from 'react';
import { standardPreamble } from '../../../shared/template/gov2021';
import { useEditor } from './editorStore';
import { isLocked } from '../../../shared/model/status';

export const PreambleField = memo(function PreambleField() {
  const preamble = useEditor((s) => s.report!.preamble ?? '');
  const agency = useEditor((s) => s.report!.agency);
  const year = useEditor((s) => s.report!.year);
  const setMeta = useEditor((s) => s.setMeta);
  const final = useEditor((s) => isLocked(s.status));
  const focus = useEditor((s) => s.focus);
  const details = useRef<HTMLDetailsElement>(null);
  const box = useRef<HTMLTextAreaElement>(null);
  // A finding about the opening's words opens it and marks them.
  useEffect(() => {
    const p = focus?.place;
    if (!p?.preamble || !details.current || !box.current) return;
    details.current.open = true;
    box.current.focus();
    if (p.select) box.current.setSelectionRange(p.select.start, p.select.end);
  }, [focus]);
  return (
    <details className="preamble-field" ref={details}>
      <summary>开头语{preamble ? '' : '（未写）'}</summary>
      <div className="preamble-panel">
        <p className="hint">印在“一、总体情况”之前，说明报告的依据、编制机关和统计期限。</p>
        <textarea
          ref={box}
          aria-label="开头语"
          rows={6}
          value={preamble}
          disabled={final}
          placeholder="本报告根据《中华人民共和国政府信息公开条例》……编制……"
          onChange={(e) => setMeta({ preamble: e.target.value })}
        />
        {preamble.trim() === '' && !final && (
          <button type="button" onClick={() => setMeta({ preamble: standardPreamble(agency, year) })}>
            使用标准开头语
          </button>
        )}
      </div>
    </details>
  );
});
