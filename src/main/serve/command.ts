// `nianbao serve [--db PATH] [--port N] [--open]`: the whole app in a browser
// with nothing but Node. Prints the URL as its first line on stdout.
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { createHandlers } from '../handlers';
import { openServices } from '../open-services';
import { startServer } from './server';
import { openInBrowser } from './open-browser';

/** The program's folder, the one with package.json: the same whether this runs from the sources or from the CLI bundle in out/cli. */
function programDir(): string {
  for (let dir = __dirname; ; dir = dirname(dir)) {
    if (existsSync(join(dir, 'package.json'))) return dir;
    if (dirname(dir) === dir) return __dirname;
  }
}

export const RENDERER_DIR = join(programDir(), 'out', 'renderer');

export interface ServeArgs {
  db?: string;
  port?: number;
  open?: boolean;
  /** The built renderer (default: the program's out/renderer). */
  rendererDir?: string;
  out: (line: string) => void;
  err: (line: string) => void;
}

/** Runs until SIGINT/SIGTERM; resolves with the exit status. */
export async function serve(args: ServeArgs): Promise<number> {
  const rendererDir = args.rendererDir ?? RENDERER_DIR;
  if (!existsSync(join(rendererDir, 'index.html'))) {
    args.err('界面尚未构建：请先运行 npm run build（或直接用 npm run web，它会先构建再启动）');
    return 2;
  }
  const opened = await openServices({ databasePath: args.db, shell: 'browser' });
  if (!opened.ok) {
    args.err(opened.error.message);
    return 2;
  }
  const services = opened.value;
  let server;
  try {
    server = await startServer({ handlers: createHandlers(services), rendererDir, port: args.port });
  } catch (err) {
    await services.close();
    const inUse = (err as NodeJS.ErrnoException).code === 'EADDRINUSE';
    args.err(inUse ? `端口 ${args.port} 已被占用：请换一个端口（--port）或不指定端口` : `无法启动服务：${(err as Error).message}`);
    return 2;
  }
  services.noteHolder({ port: server.port });
  args.out(server.url);
  args.err(`年报编制助手已在浏览器模式启动，资料库：${services.info.databasePath}`);
  args.err('请在浏览器中打开上面的网址；按 Ctrl+C 停止。');
  if (services.info.recovery) args.err(services.info.recovery);
  if (services.info.readOnly) args.err(services.info.readOnly);
  if (args.open) openInBrowser(server.url);

  return new Promise<number>((done) => {
    let stopping = false;
    const stop = async () => {
      if (stopping) return;
      stopping = true;
      // Calls under way (the last saves of a closing tab) finish before the library closes.
      await server.close();
      await services.close();
      args.err('已停止。');
      done(0);
    };
    process.once('SIGINT', () => void stop());
    process.once('SIGTERM', () => void stop());
  });
}
