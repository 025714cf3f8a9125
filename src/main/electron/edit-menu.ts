// The editing commands, written once: the 编辑 menu and the right-click menu
// of text boxes (剪切/复制/粘贴/全选) use the same labels, roles and keys.
// Plain data and functions (Electron's types only), tested without Electron.
import type { ContextMenuParams, MenuItemConstructorOptions } from 'electron';

type EditRole = 'undo' | 'redo' | 'cut' | 'copy' | 'paste' | 'selectAll';
interface EditCommand {
  label: string;
  role: EditRole;
  accelerator: string;
  /** Which of Chromium's edit flags says the command can run now. */
  flag: keyof ContextMenuParams['editFlags'];
}

export const EDIT_COMMANDS: Record<EditRole, EditCommand> = {
  undo: { label: '撤销', role: 'undo', accelerator: 'CmdOrCtrl+Z', flag: 'canUndo' },
  redo: { label: '重做', role: 'redo', accelerator: 'CmdOrCtrl+Y', flag: 'canRedo' },
  cut: { label: '剪切', role: 'cut', accelerator: 'CmdOrCtrl+X', flag: 'canCut' },
  copy: { label: '复制', role: 'copy', accelerator: 'CmdOrCtrl+C', flag: 'canCopy' },
  paste: { label: '粘贴', role: 'paste', accelerator: 'CmdOrCtrl+V', flag: 'canPaste' },
  selectAll: { label: '全选', role: 'selectAll', accelerator: 'CmdOrCtrl+A', flag: 'canSelectAll' },
};

const item = ({ label, role, accelerator }: EditCommand): MenuItemConstructorOptions => ({ label, role, accelerator });

/** The application menu's 编辑 submenu. */
export function editSubmenu(): MenuItemConstructorOptions[] {
  const c = EDIT_COMMANDS;
  return [item(c.undo), item(c.redo), { type: 'separator' }, item(c.cut), item(c.copy), item(c.paste), item(c.selectAll)];
}

/**
 * The right-click menu for where the clerk clicked: in a text box 剪切/复制/
 * 粘贴/全选 (each enabled as Chromium says it can run); on selected text
 * elsewhere 复制; nothing otherwise (no menu at all beats an empty one).
 */
export function contextMenuItems(
  params: Pick<ContextMenuParams, 'isEditable' | 'selectionText' | 'editFlags'>,
): MenuItemConstructorOptions[] {
  const c = EDIT_COMMANDS;
  const enabled = (command: EditCommand): MenuItemConstructorOptions => ({ ...item(command), enabled: params.editFlags[command.flag] });
  if (params.isEditable) return [enabled(c.cut), enabled(c.copy), enabled(c.paste), { type: 'separator' }, enabled(c.selectAll)];
  if (params.selectionText.trim() !== '') return [enabled(c.copy)];
  return [];
}
