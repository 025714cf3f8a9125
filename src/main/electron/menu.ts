// The Chinese application menu with the usual accelerators.
import { app, dialog, Menu, shell, type BrowserWindow, type MenuItemConstructorOptions } from 'electron';
import { dirname } from 'node:path';
import { PAGE_COMMAND_LABEL, type ShellCommand } from '../../shared/api/shell';
import { editSubmenu } from './edit-menu';
import { sendToPage } from './page-commands';

/** Menu commands reach the page over the typed bridge (shared/api/shell.ts); the page's common/shell.ts acts on them. */
function command(win: BrowserWindow, name: ShellCommand): void {
  void sendToPage(win, name);
}

export function buildMenu(win: BrowserWindow, databasePath: string, version: string): Menu {
  const template: MenuItemConstructorOptions[] = [
    {
      label: '文件(&F)',
      submenu: [
        { label: '报告库', accelerator: 'CmdOrCtrl+L', click: () => command(win, 'library') },
        { type: 'separator' },
        { label: `${PAGE_COMMAND_LABEL.import}…`, accelerator: 'CmdOrCtrl+I', click: () => command(win, 'import') },
        { label: `${PAGE_COMMAND_LABEL.export}…`, accelerator: 'CmdOrCtrl+E', click: () => command(win, 'export') },
        // The page shows the document as it will print, then asks for the system's print dialog (window.print).
        { label: `${PAGE_COMMAND_LABEL.print}…`, accelerator: 'CmdOrCtrl+P', click: () => command(win, 'print') },
        { type: 'separator' },
        { label: '打开资料库所在文件夹', click: () => void shell.openPath(dirname(databasePath)) },
        { type: 'separator' },
        { label: '退出', role: 'quit', accelerator: 'Alt+F4' },
      ],
    },
    {
      label: '编辑(&E)',
      submenu: editSubmenu(),
    },
    {
      label: '视图(&V)',
      submenu: [
        { label: '重新加载', role: 'reload', accelerator: 'F5' },
        { type: 'separator' },
        { label: '实际大小', role: 'resetZoom', accelerator: 'CmdOrCtrl+0' },
        { label: '放大', role: 'zoomIn', accelerator: 'CmdOrCtrl+=' },
        { label: '缩小', role: 'zoomOut', accelerator: 'CmdOrCtrl+-' },
        { type: 'separator' },
        { label: '全屏', role: 'togglefullscreen', accelerator: 'F11' },
      ],
    },
    {
      label: '帮助(&H)',
      submenu: [
        { label: PAGE_COMMAND_LABEL.help, accelerator: 'F1', click: () => command(win, 'help') },
        { type: 'separator' },
        {
          label: '关于年报编制助手',
          click: () =>
            void dialog.showMessageBox(win, {
              type: 'info',
              title: '关于',
              message: `年报编制助手 ${version}`,
              detail: `政府信息公开工作年度报告编制工具，按国办公开办函〔2021〕30号格式填写、校验和导出。\n完全离线运行，不联网。\n资料库：${databasePath}\nElectron ${process.versions.electron} · ${app.getLocale()}`,
            }),
        },
      ],
    },
  ];
  return Menu.buildFromTemplate(template);
}
