// What the desktop shell asks of the page, over one prefixed IPC event that
// the preload exposes as `window.nianbaoShell`: save what is pending before
// the window closes (or Windows logs off), the menu's 导入/导出/打印/使用说明, and going
// back to the library. Main never runs script in the page; it sends one of
// these and waits for the page to say it is done. Type-only imports: the
// sandboxed preload stays tiny.
import { IPC_PREFIX } from './channels';

/** The menu's commands a page acts on, by the name the menu gives them (with 「…」 there, as it opens a dialog). */
export const PAGE_COMMAND_LABEL = { import: '导入表格', export: '导出', print: '打印', help: '使用说明' } as const;
export type PageCommand = keyof typeof PAGE_COMMAND_LABEL;

/** Besides those: save what is pending, and go back to the library. */
export type ShellCommand = 'flush' | 'library' | PageCommand;

/** Main → page: a command with the id its answer carries. */
export const SHELL_COMMAND_EVENT = `${IPC_PREFIX}shell.command`;
/** Page → main: the command with this id is done (for 'flush': everything pending is saved, or the save failed). */
export const SHELL_DONE_EVENT = `${IPC_PREFIX}shell.done`;

export interface ShellMessage {
  id: number;
  command: ShellCommand;
}

/** What the preload gives the page: one handler for the shell's commands (a later one replaces it). */
export interface ShellBridge {
  onCommand(handler: (command: ShellCommand) => void | Promise<void>): void;
}
