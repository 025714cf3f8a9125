// Which page is shown: the library, or one report. Kept in the address's
// hash so that a reload (browser mode) returns to the same report.
import { create } from 'zustand';

export type Route = { page: 'library' } | { page: 'report'; id: number } | { page: 'review' };

function parse(hash: string): Route {
  const m = /^#\/report\/(\d+)/.exec(hash);
  if (m) return { page: 'report', id: Number(m[1]) };
  return hash.startsWith('#/review') ? { page: 'review' } : { page: 'library' };
}

function hashOf(route: Route): string {
  if (route.page === 'report') return `#/report/${route.id}`;
  return route.page === 'review' ? '#/review' : '#/';
}

interface RouterState {
  route: Route;
  go: (route: Route) => void;
}

export const useRouter = create<RouterState>((set) => ({
  route: parse(location.hash),
  go: (route) => {
    const hash = hashOf(route);
    if (location.hash !== hash) history.pushState(null, '', hash);
    set({ route });
  },
}));

window.addEventListener('popstate', () => useRouter.setState({ route: parse(location.hash) }));
