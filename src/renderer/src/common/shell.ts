// Hooks the desktop shell calls into the page: flush pending saves before the
// window closes (or Windows logs off), and menu commands such as 导入/导出.
// In the browser mode nothing calls them; the page's own listeners cover it.

type Flusher = () => Promise<void>;
type CommandHandler = (command: ShellCommand) => void;
export type ShellCommand = 'import' | 'export' | 'help';

const flushers = new Set<Flusher>();
const handlers = new Set<CommandHandler>();

declare global {
  interface Window {
    __nianbaoFlush?: () => Promise<boolean>;
    __nianbaoCommand?: (command: ShellCommand) => void;
  }
}

window.__nianbaoFlush = async () => {
  await Promise.all([...flushers].map((f) => f()));
  return true;
};
window.__nianbaoCommand = (command) => handlers.forEach((h) => h(command));

/** Registers a flusher; returns the function that removes it. */
export function onFlush(flush: Flusher): () => void {
  flushers.add(flush);
  return () => flushers.delete(flush);
}

export function onShellCommand(handler: CommandHandler): () => void {
  handlers.add(handler);
  return () => handlers.delete(handler);
}
