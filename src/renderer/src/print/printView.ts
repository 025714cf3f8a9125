// 打印 prints the document, not the screen: while the page prints (the
// browser's Ctrl+P, the desktop's 打印… menu, the 打印… button), the editor
// gives way to the report as the export preview shows it — the 公文 layout of
// the shared document HTML, its A4 pages and the 草稿 mark while the report is
// not final, every section and table. Built on `beforeprint` from the report
// as it stands, taken away on `afterprint`: editing pays nothing for it.
import { useEffect } from 'react';
import type { ReportStatus } from '../../../shared/api/contract';
import { renderReportHtml } from '../../../shared/document/report-html';
import type { Report } from '../../../shared/model/report';
import './print.css';

/**
 * The document as printed: as the PDF export makes it (落款 and 成文日期
 * included), marked 草稿 unless the report is 定稿 — the same rule as export.
 */
export function printedHtml(report: Report, status: ReportStatus): string {
  return renderReportHtml(report, { draft: status !== '定稿', closing: true });
}

/** The document's stylesheet (for print media only: its page rules too) and its content, ready to go into this page. */
function printParts(html: string): { style: HTMLStyleElement; view: HTMLElement } {
  const doc = new DOMParser().parseFromString(html, 'text/html');
  const style = document.createElement('style');
  style.media = 'print';
  style.textContent = [...doc.querySelectorAll('style')].map((s) => s.textContent).join('\n');
  const view = document.createElement('div');
  view.className = 'print-view';
  view.lang = doc.documentElement.lang;
  view.append(...[...doc.body.childNodes].map((n) => document.importNode(n, true)));
  return { style, view };
}

/**
 * While the editor is open, printing the page prints the report's document:
 * `current` gives the report as it stands when printing starts (with the
 * figure being typed), or null when there is none.
 */
export function usePrintView(current: () => { report: Report; status: ReportStatus } | null): void {
  useEffect(() => {
    let shown: { style: HTMLStyleElement; view: HTMLElement } | null = null;
    const remove = () => {
      shown?.style.remove();
      shown?.view.remove();
      shown = null;
    };
    const before = () => {
      remove();
      const now = current();
      if (!now) return;
      shown = printParts(printedHtml(now.report, now.status));
      document.head.append(shown.style);
      document.body.append(shown.view);
    };
    window.addEventListener('beforeprint', before);
    window.addEventListener('afterprint', remove);
    return () => {
      window.removeEventListener('beforeprint', before);
      window.removeEventListener('afterprint', remove);
      remove();
    };
  }, [current]);
}
