// Telling bodies apart by name. A 政务公开办 gets "杭州市余杭区统计局" this
// year and "余杭区统计局" last year, "中共余杭区委宣传部" beside "余杭区委宣传部",
// "某某街道办事处" beside "某某街道": the same body. Matching must tolerate
// that and never take one body for another, so a shorter name matches a
// longer one only where what it leaves out is a place name ("杭州市"), and a
// name that fits two bodies matches neither.

/** Written-out forms and the short form each stands for, compared at the end of a name. */
const SAME_ENDINGS: readonly [string, string][] = [
  ['人民政府办公室', '政府办'],
  ['政府办公室', '政府办'],
  ['街道办事处', '街道'],
  ['镇人民政府', '镇'],
  ['乡人民政府', '乡'],
  ['人民政府', '政府'],
];

/** Characters that end a place name: what may stand before a body's own name. */
const PLACE_END = /(省|自治区|市|自治州|地区|盟|区|县|旗|新区|开发区)$/;

/**
 * The name reduced to what identifies the body: no spaces or dots, brackets
 * of one width, no trailing note in brackets ("（区普查中心）"), no leading
 * 中共 (a party body is the same body with or without it), and the long and
 * short forms of 人民政府 / 街道办事处 made one.
 */
export function bodyKey(name: string): string {
  let key = name
    .normalize('NFKC')
    .replace(/[\s\u00a0\u3000·•．.]/g, '')
    .replace(/（/g, '(')
    .replace(/）/g, ')');
  // A note after the name: "余杭区统计局(余杭区普查中心)" is the 统计局.
  key = key.replace(/\([^()]*\)$/, '');
  key = key.replace(/^中国共产党/, '中共').replace(/^中共/, '');
  for (const [long, short] of SAME_ENDINGS) {
    if (key.endsWith(long)) {
      key = key.slice(0, -long.length) + short;
      break;
    }
  }
  return key;
}

/** Whether two keys name the same body: equal, or one is the other with its place name left out. */
function sameBodyKey(a: string, b: string): boolean {
  if (a === b) return a !== '';
  const [short, long] = a.length < b.length ? [a, b] : [b, a];
  // A name of one or two characters ("局") identifies nothing.
  if (short.length < 3 || !long.endsWith(short)) return false;
  const place = long.slice(0, long.length - short.length);
  // "区统计局" is not "余杭区统计局" shortened: what it leaves out ("余杭") is no place name, and it may be any district's.
  return PLACE_END.test(place);
}

/**
 * Finds a name among `candidates`: the index of the same body, or undefined.
 * Exact keys first; otherwise the one candidate whose name is the same
 * body's fuller or shorter form. A name two bodies fit is left unmatched
 * rather than guessed. Keys are computed once, so a batch of a thousand is
 * matched in one pass.
 */
export function nameMatcher(candidates: readonly string[]): (name: string) => number | undefined {
  const keys = candidates.map(bodyKey);
  const exact = new Map<string, number>();
  keys.forEach((k, i) => exact.has(k) || exact.set(k, i));
  return (name) => {
    const key = bodyKey(name);
    const found = exact.get(key);
    if (found !== undefined) return found;
    let match: number | undefined;
    for (let i = 0; i < keys.length; i++) {
      if (!sameBodyKey(key, keys[i]!)) continue;
      // Two candidates that are themselves one body (the same report twice) are still one match.
      if (match !== undefined && keys[match] !== keys[i]) return undefined;
      match ??= i;
    }
    return match;
  };
}

/** For each name of `names`, the index in `candidates` of the same body, or undefined (see nameMatcher). */
export function matchNames(names: readonly string[], candidates: readonly string[]): (number | undefined)[] {
  return names.map(nameMatcher(candidates));
}

/** The names grouped by body: a name joins the group of the first earlier name it matches. */
export function groupSameBodies(names: readonly string[]): number[][] {
  const groups: number[][] = [];
  const keys: string[] = [];
  const exact = new Map<string, number>();
  names.forEach((name, i) => {
    const key = bodyKey(name);
    let g = exact.get(key);
    if (g === undefined) {
      const near = keys.flatMap((k, j) => (sameBodyKey(key, k) ? [j] : []));
      g = near.length === 1 ? near[0] : undefined;
    }
    if (g === undefined) {
      g = groups.length;
      groups.push([]);
      keys.push(key);
    }
    exact.set(key, g);
    groups[g]!.push(i);
  });
  return groups;
}
