// What the clerk sees when the page cannot be shown: the page failed to load,
// or its process died. Plain functions (HTML and Chinese wording), so the
// shell's event handlers stay one line each and the words are tested.
import { escapeHtml } from '../../shared/document/report-html';

const PRODUCT = '年报编制助手';

/**
 * The 重新载入 button's target: a jump inside the error page itself, which the
 * shell sees (did-navigate-in-page) and answers by loading the app again. A
 * data: page may not navigate to file:// itself, and needs no script this way.
 */
export const RELOAD_FRAGMENT = '#reload';

/**
 * The page shown in place of the app when it failed to load: what happened,
 * that the library is untouched, and a 重新载入 button.
 */
export function loadErrorPage(problem: string): string {
  return `<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8"><title>${PRODUCT}：界面未能载入</title>
<style>
body{font:16px/1.7 "Microsoft YaHei","PingFang SC","Noto Sans CJK SC",sans-serif;margin:0;display:flex;min-height:100vh;align-items:center;justify-content:center;background:#f5f6f8;color:#1f2329}
main{max-width:34em;padding:2em;background:#fff;border:1px solid #dcdfe6;border-radius:8px}
h1{font-size:1.3em;margin:0 0 .6em}
a.button{display:inline-block;margin-top:1em;padding:.4em 1.4em;background:#1f5fbf;color:#fff;border-radius:4px;text-decoration:none}
a.button:focus{outline:3px solid #f0a020}
small{color:#606266}
</style></head>
<body><main>
<h1>界面未能载入</h1>
<p>${escapeHtml(problem)}</p>
<p>已保存的报告都在资料库中，不受影响。请点击“重新载入”；如果仍然出现本页，请重新安装${PRODUCT}。</p>
<a class="button" role="button" href="${RELOAD_FRAGMENT}" autofocus>重新载入</a>
</main></body></html>`;
}

/** The sentence for a failed load, from Chromium's error code and description. */
export function loadFailure(errorCode: number, description: string): string {
  return `程序界面文件无法打开（${description || '未知错误'}，代码 ${errorCode}）。`;
}

type GoneReason = 'clean-exit' | 'abnormal-exit' | 'killed' | 'crashed' | 'oom' | 'launch-failed' | 'integrity-failure' | 'memory-eviction';

const GONE_REASONS: Record<GoneReason, string> = {
  'clean-exit': '页面已退出',
  'abnormal-exit': '页面异常退出',
  killed: '页面进程被结束（可能被安全软件或任务管理器结束）',
  crashed: '页面崩溃',
  oom: '内存不足，页面被关闭',
  'launch-failed': '页面进程无法启动',
  'integrity-failure': '程序文件校验失败',
  'memory-eviction': '内存紧张，页面被系统回收',
};

/** Whether the page's end needs the clerk told and the page reloaded (a clean exit is the window closing). */
export function isCrash(reason: string): boolean {
  return reason !== 'clean-exit';
}

/** The message after the page's process died; the library lives in the main process and is untouched. */
export function crashMessage(reason: string, reloading: boolean): { message: string; detail: string } {
  const what = GONE_REASONS[reason as GoneReason] ?? `页面意外退出（${reason}）`;
  return {
    message: `${what}。`,
    detail: reloading
      ? '已保存到资料库的内容都在，界面将重新载入。崩溃前几秒内刚输入、尚未自动保存的文字可能需要重新填写。'
      : `界面短时间内多次退出，已停止自动重新载入。已保存的内容都在资料库中；请关闭${PRODUCT}后重新打开，如仍如此请重新安装。`,
  };
}

/** Crashes within this window count together: a page that dies at once on every load is not reloaded forever. */
const CRASH_WINDOW_MS = 60_000;
const MAX_RELOADS = 3;

/** Whether to reload after a crash at `now`, given the times of earlier crashes (which it records). */
export function shouldReload(crashTimes: number[], now: number): boolean {
  const recent = crashTimes.filter((t) => now - t < CRASH_WINDOW_MS);
  crashTimes.splice(0, crashTimes.length, ...recent, now);
  return recent.length < MAX_RELOADS;
}
