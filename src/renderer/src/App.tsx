import { useEffect } from 'react';
import { api } from './api';
import { Notices } from './common/Notices';
import { useNotices } from './common/notices';
import { useRouter } from './common/router';
import { useAppInfo } from './common/appInfo';
import { LibraryPage } from './library/LibraryPage';
import { ReportPage } from './report/ReportPage';
import { HelpHost } from './help/HelpHost';
import { ReviewPage } from './review/ReviewPage';

export function App() {
  const route = useRouter((s) => s.route);
  const show = useNotices((s) => s.show);

  useEffect(() => {
    // A library recovered from backup at start-up, or one that can only be read: say so once, plainly.
    if (!api) return;
    void useAppInfo
      .getState()
      .load()
      .then((recovery) => {
        if (recovery) show('error', recovery);
        const readOnly = useAppInfo.getState().info?.readOnly;
        if (readOnly) show('error', readOnly);
      });
  }, [show]);

  if (!api) {
    return (
      <main className="page">
        <h1>年报编制助手</h1>
        <p className="error">
          无法连接到程序：请用 nianbao serve（或 npm run web）打印的完整网址打开本页面，网址末尾的 #token=… 不能省略。
        </p>
      </main>
    );
  }
  return (
    <>
      {route.page === 'library' ? <LibraryPage /> : route.page === 'review' ? <ReviewPage /> : <ReportPage key={route.id} id={route.id} />}
      <Notices />
      <HelpHost />
    </>
  );
}
