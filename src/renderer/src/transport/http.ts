// The browser transport (`nianbao serve`): the same API as the desktop app,
// over HTTP to 127.0.0.1 with the token that the printed URL carried in its
// fragment. The token is taken out of the address bar and kept for this
// origin (this port of this run), so a second tab or a reload still works.
import type { Invoke } from '../../../shared/api/channels';
import type { Result } from '../../../shared/api/result';

const TOKEN_KEY = 'nianbao.token';

export function takeToken(): string | null {
  const match = /(?:^#|&)token=([^&]+)/.exec(location.hash);
  if (match) {
    localStorage.setItem(TOKEN_KEY, match[1]!);
    history.replaceState(null, '', location.pathname + location.search);
  }
  return localStorage.getItem(TOKEN_KEY);
}

export function httpInvoke(token: string): Invoke {
  return async (channel, payload) => {
    try {
      const body = JSON.stringify(payload ?? {});
      const res = await fetch(`/api/${channel}`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'X-Nianbao-Token': token },
        body,
        // Lets the last save of a closing tab still reach the server. Saves only: the browser refuses a
        // keepalive request once those in flight pass 64 KB together, so two files read at once would fail.
        keepalive: channel === 'library.edit' && body.length < 60_000,
      });
      if (res.status === 401)
        return { ok: false, error: { code: 'unauthorized', message: '访问令牌无效：请使用 nianbao serve 打印的完整网址重新打开' } };
      if (!res.ok) return { ok: false, error: { code: 'http', message: `服务返回错误（${res.status}）：请重试` } };
      return (await res.json()) as Result<unknown>;
    } catch {
      return { ok: false, error: { code: 'offline', message: '无法连接到年报编制助手服务：请确认 nianbao serve 仍在运行' } };
    }
  };
}
