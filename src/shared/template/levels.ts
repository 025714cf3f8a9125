// A body's administrative level read from its name (docs/report-format.md): the
// level decides whether 规章 are plausible, and a report without one takes
// what its name says rather than a default that fires false warnings.
//
// A name is a chain of places and then the body: 江苏省 / 淮安市 / 洪泽区 +
// 市场监督管理局. The last place and whether the body is the government
// itself give the level; a city is prefecture- or county-level by the list of
// cities (divisions.ts), and where nothing tells — a city on neither list, a
// development zone, a name without a place — the author is asked.
import { LEVELS, type Level } from './gov2021';
import { COUNTY_CITIES, PREFECTURE_CITIES } from './divisions';

/** The level used where a name says nothing (most reports are a county department's); the author is asked to confirm it. */
export const DEFAULT_LEVEL: Level = '县区部门';

export type InferredLevel =
  | { level: Level; inferred: true }
  /** The name does not tell: `level` is the default, and `reason` says why the author must choose. */
  | { level: Level; inferred: false; reason: string };

type Tier = 'province' | 'prefecture' | 'county';

interface Place {
  name: string;
  suffix: string;
}

const MUNICIPALITIES = ['北京', '天津', '上海', '重庆'];
const AUTONOMOUS_REGIONS = ['内蒙古', '广西壮族', '西藏', '宁夏回族', '新疆维吾尔'];
/** Districts named by one character ("阳泉市城区", "郊区", "矿区"): any other one-character place is a word of the body's name. */
const ONE_CHAR_DISTRICTS = ['城', '郊', '矿', '东', '西'];

/** What ends a place name, longest first, with the tier it makes and how long the name before it may be. */
const SUFFIXES: readonly { suffix: string; tier: Tier | 'city'; min: number; max: number }[] = [
  { suffix: '自治区', tier: 'province', min: 2, max: 5 },
  { suffix: '自治州', tier: 'prefecture', min: 2, max: 12 },
  { suffix: '自治县', tier: 'county', min: 2, max: 14 },
  { suffix: '自治旗', tier: 'county', min: 2, max: 10 },
  { suffix: '地区', tier: 'prefecture', min: 2, max: 5 },
  { suffix: '林区', tier: 'county', min: 2, max: 4 },
  { suffix: '特区', tier: 'county', min: 2, max: 4 },
  { suffix: '新区', tier: 'county', min: 2, max: 3 },
  { suffix: '省', tier: 'province', min: 2, max: 3 },
  { suffix: '市', tier: 'city', min: 2, max: 5 },
  // The short form of an autonomous prefecture (恩施州, 湘西州, 黔东南州).
  { suffix: '州', tier: 'prefecture', min: 2, max: 4 },
  { suffix: '盟', tier: 'prefecture', min: 2, max: 5 },
  { suffix: '县', tier: 'county', min: 2, max: 5 },
  { suffix: '区', tier: 'county', min: 2, max: 5 },
  { suffix: '旗', tier: 'county', min: 2, max: 9 },
];

/**
 * What makes a stretch of text a body's name, not a place's (公安局余杭区分局:
 * "公安局余杭" is no place): words anywhere, characters after the first (会同县,
 * 科尔沁右翼前旗 start with one).
 */
const BODY_WORDS = /人民|政府|管理|建设|发展|服务|监督|中心|开发|园|示范|试验|保税/;
const BODY_CHARS = /[局委办厅院会所站队馆部处科室组府]/;
const notAPlace = (name: string) => BODY_WORDS.test(name) || BODY_CHARS.test(name.slice(1));

/** The place that starts `text` at `at`, the shortest one that fits. */
function placeAt(text: string, at: number): (Place & { end: number }) | undefined {
  for (let end = at + 1; end <= text.length; end++) {
    for (const s of SUFFIXES) {
      if (!text.startsWith(s.suffix, end)) continue;
      const name = text.slice(at, end);
      const short = name.length < s.min && !(s.suffix === '区' && ONE_CHAR_DISTRICTS.includes(name));
      if (short || name.length > s.max || notAPlace(name)) continue;
      if (s.suffix === '自治区' && !AUTONOMOUS_REGIONS.includes(name)) continue;
      return { name, suffix: s.suffix, end: end + s.suffix.length };
    }
  }
  return undefined;
}

/** The places a name starts with, and the body's own name after them. */
function parseName(text: string): { places: Place[]; body: string } {
  const places: Place[] = [];
  let at = 0;
  for (let place = placeAt(text, at); place; place = placeAt(text, at)) {
    places.push({ name: place.name, suffix: place.suffix });
    at = place.end;
  }
  return { places, body: text.slice(at) };
}

const PREFECTURES = new Set(PREFECTURE_CITIES);
const COUNTY_LEVEL_CITIES = new Set(COUNTY_CITIES);

/** The tier a place stands for; a city by the lists (or by a city above it), undefined where neither tells. */
function tierOf(place: Place, above: readonly Place[]): Tier | undefined {
  if (place.suffix === '市') {
    if (above.length === 0 && MUNICIPALITIES.includes(place.name)) return 'province';
    if (PREFECTURES.has(place.name)) return 'prefecture';
    if (COUNTY_LEVEL_CITIES.has(place.name) || above.some((p) => p.suffix === '市')) return 'county';
    return undefined;
  }
  return SUFFIXES.find((s) => s.suffix === place.suffix)!.tier as Tier;
}

/** The government itself ("…人民政府", or the place alone: "上海市浦东新区"), not one of its departments (人民政府办公室 is one). */
const GOVERNMENT = /^(?:人民政府|政府|行政公署|)$/;
/** A town's own body: 街道办事处, 镇人民政府, 苏木… at the end of the name. */
const TOWN = /(?:街道办事处|街道办|街道|(?:民族)?[乡镇](?:人民政府|政府)?|苏木(?:人民政府)?)$/;
/** A central body's prefix before its local office (国家税务总局淮安市洪泽区税务局). */
const CENTRAL = /^国家[^省市县区]{1,10}?总?局(?=.+?(?:省|自治区|市|州|盟|县|区|旗))/;
/** Zones and corps: their level is what the local government made it, which the name does not say. */
const ZONE = /开发区|高新区|园区|示范区|试验区|保税区|管理区|管委会|新区管理委员会|兵团|农场/;

const LEVEL_OF: Readonly<Record<Tier, [government: Level, department: Level]>> = {
  province: ['省级', '省级'],
  prefecture: ['市政府', '市级部门'],
  county: ['县区政府', '县区部门'],
};

/** One step down: a 分局 of a city's bureau in a district is that district's department. */
const BELOW: Readonly<Record<Tier, Tier>> = { province: 'prefecture', prefecture: 'county', county: 'county' };

/** The name as compared: no spaces, no note in brackets after it ("（区普查中心）"), no 中共 before it. */
function normalise(agency: string): string {
  return agency
    .replace(/[\s\u00a0\u3000]+/g, '')
    .replace(/[（(][^（()）]*[）)]$/, '')
    .replace(/^(?:中国共产党|中共)/, '')
    .replace(CENTRAL, '');
}

const unknown = (reason: string): InferredLevel => ({ level: DEFAULT_LEVEL, inferred: false, reason });

/** The level a body's name implies, or the default with `inferred: false` and why the name can't tell. */
export function inferLevel(agency: string): InferredLevel {
  const name = normalise(agency);
  if (!name) return unknown('还没有机关名称');
  const { places, body } = parseName(name);
  // A 镇/乡/街道 at the end with its name before it ("镇江市…" and "乡宁县…" are no towns: they end otherwise).
  if (TOWN.test(name) && name.replace(TOWN, '').length >= 1) return { level: '乡镇街道', inferred: true };
  if (ZONE.test(name)) return unknown(`「${agency}」是开发区、园区一类的机构，层级由当地确定，从名称看不出`);
  const government = GOVERNMENT.test(body);
  if (places.length === 0) {
    // A name without its place ("区统计局", "县人民政府") still says a district's or a county's.
    const lead = /^[区县旗]/.exec(body);
    if (lead) return { level: LEVEL_OF.county[GOVERNMENT.test(body.slice(1)) ? 0 : 1], inferred: true };
    return unknown(`「${agency}」没有写明所在的省、市、区县`);
  }
  const last = places.at(-1)!;
  const tier = tierOf(last, places.slice(0, -1));
  if (!tier)
    return unknown(
      `「${last.name}市」可能是地级市，也可能是县级市，从名称看不出是${government ? '市政府还是县区政府' : '市级部门还是县区部门'}`,
    );
  // A city bureau's branch in a district or county ("公安局余杭区分局", "生态环境局洪泽分局") works one level down.
  const branch = !government && /分局$/.test(body) && /.{2,}(?:区|县|市|旗)?分局$/.test(body.replace(/^.*?局/, ''));
  const level = LEVEL_OF[branch ? BELOW[tier] : tier][government ? 0 : 1];
  return { level, inferred: true };
}

export function isLevel(value: unknown): value is Level {
  return typeof value === 'string' && (LEVELS as readonly string[]).includes(value);
}
