// The desktop shell's commands to the page (shared/api/shell.ts), over the
// bridge the preload exposes: flush pending saves before the window closes
// (or Windows logs off), menu commands such as 导入/导出, back to the library.
// In the browser mode there is no bridge; the page's own listeners cover it.
import { PAGE_COMMAND_LABEL, type PageCommand, type ShellBridge } from '../../../shared/api/shell';
import { useNotices } from './notices';
import { useRouter } from './router';

type Flusher = () => Promise<void>;

const flushers = new Set<Flusher>();
/** Who acts on each page command now: the page shown registers its own (the latest registration wins). */
const handlers = new Map<PageCommand, () => void>();
/** A command that came while its report was still opening, for the report's page once it can act on it. */
let waiting: { command: PageCommand; report: number } | null = null;

declare global {
  interface Window {
    nianbaoShell?: ShellBridge;
  }
}

// Once the author has gone elsewhere, a command waiting for the report they were opening is not for it, even if
// they come back to that report later.
useRouter.subscribe(({ route }) => {
  if (!(route.page === 'report' && route.id === waiting?.report)) waiting = null;
});

window.nianbaoShell?.onCommand(async (command) => {
  if (command === 'flush') await Promise.all([...flushers].map((f) => f()));
  else if (command === 'library') useRouter.getState().go({ page: 'library' });
  else runPageCommand(command);
});

function runPageCommand(command: PageCommand): void {
  const handler = handlers.get(command);
  if (handler) return handler();
  const { route } = useRouter.getState();
  // Ctrl+P pressed as a report opens is for that report: not lost, nor kept for another one opened later.
  if (route.page === 'report') waiting = { command, report: route.id };
  else useNotices.getState().show('info', `要${PAGE_COMMAND_LABEL[command]}，请先在报告库中打开那份报告`);
}

/** Registers a flusher; returns the function that removes it. */
export function onFlush(flush: Flusher): () => void {
  flushers.add(flush);
  return () => flushers.delete(flush);
}

/** Makes `handler` the one that acts on `command`, and hands it one that was waiting for it; returns what removes it. */
export function onShellCommand(command: PageCommand, handler: () => void): () => void {
  handlers.set(command, handler);
  const { route } = useRouter.getState();
  if (waiting?.command === command) {
    const { report } = waiting;
    waiting = null;
    if (route.page === 'report' && route.id === report) handler();
  }
  return () => {
    if (handlers.get(command) === handler) handlers.delete(command);
  };
}
