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

/** The last characters of a place name: where a shorter form of a name may start. */
const PLACE_LAST = new Set('省区市州盟县旗');
/** A name of one or two characters ("局") identifies nothing. */
const MIN_SHORT = 3;

/**
 * The shorter forms a key has: what is left after each leading place name
 * ("杭州市余杭区统计局" → "余杭区统计局", "统计局"), never shorter than MIN_SHORT.
 * A name has a handful, so indexing them keeps matching linear in the names.
 */
function shorterForms(key: string): string[] {
  const out: string[] = [];
  for (let i = 1; i <= key.length - MIN_SHORT; i++) {
    if (PLACE_LAST.has(key[i - 1]!) && PLACE_END.test(key.slice(0, i))) out.push(key.slice(i));
  }
  return out;
}

/**
 * Bodies by name, for finding the same body among many: exact keys, and for
 * each key its shorter forms, so a lookup costs a few map reads whatever the
 * number of names (a 政务公开办's 5,000 reports are matched in one pass).
 */
class NameIndex {
  private readonly exact = new Map<string, number>();
  /** A shorter form → the ids whose key has it. */
  private readonly longer = new Map<string, number[]>();
  private readonly keys: string[] = [];

  /** Adds `key` under `id`; the first id of a key is the one exact lookups give. */
  add(key: string, id: number, near = true): void {
    if (key === '') return;
    if (!this.exact.has(key)) this.exact.set(key, id);
    this.keys[id] ??= key;
    if (!near) return;
    for (const form of shorterForms(key)) {
      const ids = this.longer.get(form);
      if (ids) ids.push(id);
      else this.longer.set(form, [id]);
    }
  }

  exactly(key: string): number | undefined {
    return key === '' ? undefined : this.exact.get(key);
  }

  /**
   * The one id whose key is this body's fuller or shorter form, undefined when
   * none is, or when two different bodies are (a name two bodies fit is left
   * unmatched rather than guessed).
   */
  near(key: string): number | undefined {
    if (key === '') return undefined;
    const found: number[] = [...(this.longer.get(key) ?? [])];
    for (const form of shorterForms(key)) {
      const id = this.exact.get(form);
      if (id !== undefined) found.push(id);
    }
    let match: number | undefined;
    for (const id of found) {
      // Two candidates that are themselves one body (the same report twice) are still one match.
      if (match !== undefined && this.keys[match] !== this.keys[id]) return undefined;
      if (match === undefined || id < match) match = id;
    }
    return match;
  }
}

/**
 * Finds a name among `candidates`: the index of the same body, or undefined.
 * Exact keys first; otherwise the one candidate whose name is the same
 * body's fuller or shorter form. A name two bodies fit is left unmatched
 * rather than guessed. The candidates are indexed once, so each lookup costs
 * the same however many there are.
 */
export function nameMatcher(candidates: readonly string[]): (name: string) => number | undefined {
  const index = new NameIndex();
  candidates.forEach((c, i) => index.add(bodyKey(c), i));
  return (name) => {
    const key = bodyKey(name);
    return index.exactly(key) ?? index.near(key);
  };
}

/** The same body among `names` (全称 or 简称): its index, or undefined. For a single question; many go through nameMatcher. */
export function findBody(name: string, names: readonly string[]): number | undefined {
  return nameMatcher(names)(name);
}

/** For each name of `names`, the index in `candidates` of the same body, or undefined (see nameMatcher). */
export function matchNames(names: readonly string[], candidates: readonly string[]): (number | undefined)[] {
  return names.map(nameMatcher(candidates));
}

/** The names grouped by body: a name joins the group of the first earlier name it matches. */
export function groupSameBodies(names: readonly string[]): number[][] {
  const groups: number[][] = [];
  // Each group is found by its first name's key (fuller and shorter forms too), and by every key of its names exactly.
  const index = new NameIndex();
  names.forEach((name, i) => {
    const key = bodyKey(name);
    let g = index.exactly(key) ?? index.near(key);
    if (g === undefined) {
      g = groups.length;
      groups.push([]);
      index.add(key, g);
    } else index.add(key, g, false);
    groups[g]!.push(i);
  });
  return groups;
}
