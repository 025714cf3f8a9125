// 打印 in the desktop app: the document as it will print (the 公文 layout, A4,
// 草稿 while the report is not final), then the system's print dialog for the
// printer, copies and pages. (A browser shows its own print preview instead.)
import { useMemo } from 'react';
import type { ReportStatus } from '../../../shared/api/contract';
import type { Report } from '../../../shared/model/report';
import { Modal } from '../common/Modal';
import { DocumentPreview } from './DocumentPreview';
import { printedHtml } from './printView';
import '../transfer/transfer.css';

export function PrintDialog({ report, status, onClose }: { report: Report; status: ReportStatus; onClose: () => void }) {
  const html = useMemo(() => printedHtml(report, status), [report, status]);
  return (
    <Modal
      title="打印预览"
      className="transfer-dialog print-dialog"
      onClose={onClose}
      actions={
        <button
          type="button"
          className="primary"
          autoFocus
          onClick={(e) => {
            e.currentTarget.closest('dialog')?.close();
            // After the dialog has gone: the system's print dialog is modal and the page waits for it.
            setTimeout(() => window.print(), 0);
          }}
        >
          打印…
        </button>
      }
    >
      <p className="hint">
        按公文格式在 A4 纸上打印全部六部分和三张统计表{status === '定稿' ? '' : '；报告尚未定稿，每页印有“草稿”'}
        。点“打印…”选择打印机和份数。
      </p>
      <DocumentPreview html={html} />
    </Modal>
  );
}
