// A report's status as the library list and the editor show it: each status its own colour.
import type { ReportStatus } from '../../../shared/api/contract';

const CLASS: Readonly<Record<ReportStatus, string>> = { 草稿: 'status-draft', 定稿: 'status-final', 已发布: 'status-published' };

const TITLE: Readonly<Record<ReportStatus, string>> = {
  草稿: '草稿：可以修改',
  定稿: '定稿：只读，如需修改请先改回草稿',
  已发布: '已发布：从上年发布的文件读入，只读，如需修改请先改回草稿',
};

export function StatusBadge({ status }: { status: ReportStatus }) {
  return (
    <span className={`status ${CLASS[status]}`} title={TITLE[status]}>
      {status}
    </span>
  );
}
