// The desktop shell's commands to the page (shared/api/shell.ts), over the
// bridge the preload exposes: flush pending saves before the window closes
// (or Windows logs off), menu commands such as 导入/导出, back to the library.
// In the browser mode there is no bridge; the page's own listeners cover it.
import type { ShellBridge, ShellCommand } from '../../../shared/api/shell';
import { useRouter } from './router';

type Flusher = () => Promise<void>;
/** The menu's commands a page acts on; flushing and navigation are handled here. */
export type PageCommand = Exclude<ShellCommand, 'flush' | 'library'>;
type CommandHandler = (command: PageCommand) => void;

const flushers = new Set<Flusher>();
const handlers = new Set<CommandHandler>();

declare global {
  interface Window {
    nianbaoShell?: ShellBridge;
  }
}

window.nianbaoShell?.onCommand(async (command) => {
  if (command === 'flush') await Promise.all([...flushers].map((f) => f()));
  else if (command === 'library') useRouter.getState().go({ page: 'library' });
  else handlers.forEach((h) => h(command));
});

/** Registers a flusher; returns the function that removes it. */
export function onFlush(flush: Flusher): () => void {
  flushers.add(flush);
  return () => flushers.delete(flush);
}

export function onShellCommand(handler: CommandHandler): () => void {
  handlers.add(handler);
  return () => handlers.delete(handler);
}
