// `nianbao serve`: the built renderer and the very same API handlers, for a
// browser on this PC. It listens on 127.0.0.1 only; every API call must carry
// the random token that exists only in the printed URL's fragment (browsers
// never send fragments, so it never reaches a log); foreign Origin or Host
// headers are refused and no CORS header is ever sent.
import { randomBytes, timingSafeEqual } from 'node:crypto';
import { promises as fs } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, sep } from 'node:path';
import type { Handlers } from '../handlers';
import type { Channel } from '../../shared/api/contract';
import { FILE_LIMITS } from '../../shared/model/limits';

export const TOKEN_HEADER = 'x-nianbao-token';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.json': 'application/json',
};

const SECURITY_HEADERS = {
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'X-Frame-Options': 'DENY',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Resource-Policy': 'same-origin',
};

export interface ServeOptions {
  handlers: Handlers;
  /** The built renderer (out/renderer). */
  rendererDir: string;
  port?: number;
  /** A fixed token (tests); a fresh random one by default. */
  token?: string;
}

export interface RunningServer {
  /** The URL to open, token in the fragment. */
  url: string;
  port: number;
  token: string;
  /** Stops accepting, waits for calls under way, then resolves. */
  close(): Promise<void>;
}

function send(res: ServerResponse, status: number, body: string, type = 'text/plain; charset=utf-8'): void {
  res.writeHead(status, { 'Content-Type': type, 'Cache-Control': 'no-store', ...SECURITY_HEADERS });
  res.end(body);
}

/**
 * The API takes JSON and nothing that merely starts like it
 * ("application/jsonx", "application/json-seq"): the media type exactly,
 * with at most a UTF-8 charset, as browsers send it.
 */
export function isJsonContentType(header: string | undefined): boolean {
  if (header === undefined) return false;
  const [type, ...params] = header.split(';').map((part) => part.trim().toLowerCase());
  if (type !== 'application/json') return false;
  return params.every((p) => p === '' || /^charset=("?)utf-8\1$/.test(p));
}

/** A percent-encoded path decoded, or undefined when its encoding is broken ("/%E0%A4%A"). */
function decodePath(path: string): string | undefined {
  try {
    return decodeURIComponent(path);
  } catch {
    return undefined;
  }
}

function sameToken(given: string | undefined, token: string): boolean {
  if (!given) return false;
  const a = Buffer.from(given);
  const b = Buffer.from(token);
  return a.length === b.length && timingSafeEqual(a, b);
}

async function readBody(req: IncomingMessage): Promise<string | undefined> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > FILE_LIMITS.requestBytes) return undefined;
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}

export async function startServer(options: ServeOptions): Promise<RunningServer> {
  const token = options.token ?? randomBytes(24).toString('base64url');
  const root = normalize(options.rendererDir + sep);
  let port = 0;
  let active = 0;
  let idle: (() => void) | undefined;

  const allowedHosts = () => [`127.0.0.1:${port}`, `localhost:${port}`];

  async function serveStatic(res: ServerResponse, urlPath: string): Promise<void> {
    const rel = decodePath(urlPath === '/' ? '/index.html' : urlPath);
    if (rel === undefined || rel.includes('\0')) return send(res, 400, 'Bad request: malformed path');
    const file = normalize(join(root, rel));
    if (!file.startsWith(root)) return send(res, 404, 'Not found');
    try {
      const body = await fs.readFile(file);
      const type = TYPES[extname(file)] ?? 'application/octet-stream';
      res.writeHead(200, { 'Content-Type': type, 'Cache-Control': 'no-cache', ...SECURITY_HEADERS });
      res.end(body);
    } catch {
      send(res, 404, 'Not found');
    }
  }

  async function serveApi(req: IncomingMessage, res: ServerResponse, channel: string): Promise<void> {
    if (req.method !== 'POST') return send(res, 405, 'Method not allowed');
    if (!sameToken(req.headers[TOKEN_HEADER] as string | undefined, token))
      return send(res, 401, '缺少或错误的访问令牌：请使用 nianbao serve 打印的完整网址打开');
    if (!isJsonContentType(req.headers['content-type'])) return send(res, 415, 'JSON only');
    const handler = Object.hasOwn(options.handlers, channel) ? options.handlers[channel as Channel] : undefined;
    if (!handler) return send(res, 404, 'Unknown channel');
    const body = await readBody(req);
    if (body === undefined) return send(res, 413, '请求过大');
    let payload: unknown;
    try {
      payload = body === '' ? {} : JSON.parse(body);
    } catch {
      return send(res, 400, 'Bad JSON');
    }
    const result = await handler(payload);
    send(res, 200, JSON.stringify(result), 'application/json; charset=utf-8');
  }

  const server = createServer((req, res) => {
    active++;
    const done = () => {
      active--;
      if (active === 0) idle?.();
    };
    res.on('close', done);
    const host = req.headers.host ?? '';
    const origin = req.headers.origin;
    if (!allowedHosts().includes(host)) return send(res, 403, 'Forbidden host');
    if (origin !== undefined && !allowedHosts().some((h) => origin === `http://${h}`)) return send(res, 403, 'Forbidden origin');
    let url: URL;
    try {
      url = new URL(req.url ?? '/', `http://${host}`);
    } catch {
      return send(res, 400, 'Bad request');
    }
    const run = url.pathname.startsWith('/api/') ? serveApi(req, res, url.pathname.slice(5)) : serveStatic(res, url.pathname);
    run.catch(() => {
      if (!res.headersSent) send(res, 500, 'Internal error');
    });
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  port = (server.address() as AddressInfo).port;

  return {
    url: `http://127.0.0.1:${port}/#token=${token}`,
    port,
    token,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        // Idle keep-alive sockets go now; a call under way finishes first, but not forever.
        const force = () => server.closeAllConnections();
        if (active === 0) return force();
        idle = force;
        setTimeout(force, 5000).unref();
      }),
  };
}
