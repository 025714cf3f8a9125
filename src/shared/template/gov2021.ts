// The national template 国办公开办函〔2021〕30号 as data. Every other part of
// the program (engine, editor, Excel, Word, HTML) reads sections, tables,
// labels and the published layout from here and nowhere else.

export const FORMAT_2021 = 'gov-info-disclosure/2021' as const;

export const SECTION_IDS = ['overview', 'proactive', 'requests', 'appeals', 'problems', 'other'] as const;
export type SectionId = (typeof SECTION_IDS)[number];

export const NARRATIVE_IDS = ['overview', 'problems', 'other'] as const;
export type NarrativeId = (typeof NARRATIVE_IDS)[number];

export const TABLE_IDS = ['proactive', 'requests', 'appeals'] as const;
export type TableId = (typeof TABLE_IDS)[number];

export interface SectionDef {
  id: SectionId;
  numeral: string;
  /** The heading without its numeral: "主动公开政府信息情况". */
  name: string;
  /** The heading as printed: numeral, 、, name. */
  heading: string;
  kind: 'narrative' | 'table';
  /** What the format says the section must cover; shown beside the editor. */
  guidance: string;
  /** Sub-headings the author fills (only 一、总体情况 has them). */
  parts?: readonly { heading: string; guidance: string }[];
}

const SECTION_LIST: readonly Omit<SectionDef, 'heading'>[] = [
  {
    id: 'overview',
    numeral: '一',
    name: '总体情况',
    kind: 'narrative',
    guidance:
      '概述本年度政府信息公开工作总体情况，按五个方面分别写明：主动公开、依申请公开、政府信息管理、政府信息公开平台建设、监督保障。',
    parts: [
      { heading: '（一）主动公开', guidance: '主动公开的主要内容、渠道和数量，重点领域信息公开情况。' },
      { heading: '（二）依申请公开', guidance: '收到和办理政府信息公开申请的情况，与表三的数字一致。' },
      { heading: '（三）政府信息管理', guidance: '公开属性认定、保密审查、动态调整、政策解读等管理制度和做法。' },
      { heading: '（四）政府信息公开平台建设', guidance: '政府网站、政务新媒体、公开专栏等平台建设和运维情况。' },
      { heading: '（五）监督保障', guidance: '组织领导、考核评议、培训、社会评议、责任追究等情况。' },
    ],
  },
  {
    id: 'proactive',
    numeral: '二',
    name: '主动公开政府信息情况',
    kind: 'table',
    guidance: '按《条例》第二十条各项填写本年制发、废止、现行有效件数，处理决定数量和收费金额；没有的填 0。',
  },
  {
    id: 'requests',
    numeral: '三',
    name: '收到和处理政府信息公开申请情况',
    kind: 'table',
    guidance: '按申请人类型填写收到和办理申请的数量。每行总计等于各类申请人之和；每列第一项加第二项之和等于第三项加第四项之和。',
  },
  {
    id: 'appeals',
    numeral: '四',
    name: '政府信息公开行政复议、行政诉讼情况',
    kind: 'table',
    guidance: '填写因政府信息公开引起的行政复议、行政诉讼案件数量；每组总计等于结果维持、结果纠正、其他结果、尚未审结之和。',
  },
  {
    id: 'problems',
    numeral: '五',
    name: '存在的主要问题及改进情况',
    kind: 'narrative',
    guidance: '写明本年度工作中存在的主要问题和已采取或拟采取的改进措施；上年度报告所列问题的整改情况。',
  },
  {
    id: 'other',
    numeral: '六',
    name: '其他需要报告的事项',
    kind: 'narrative',
    guidance:
      '须说明是否收取信息处理费（《政府信息公开信息处理费管理办法》，国办函〔2020〕109号）：发出收费通知的件数和总金额、实际收取的金额；以及本地政务公开主管部门要求报告的其他事项。',
  },
];

export const SECTIONS: readonly SectionDef[] = SECTION_LIST.map((s) => ({ ...s, heading: `${s.numeral}、${s.name}` }));

export const SECTION_BY_ID = Object.fromEntries(SECTIONS.map((s) => [s.id, s])) as Readonly<Record<SectionId, SectionDef>>;

/** A section's heading as the template prints it: "二、主动公开政府信息情况". */
export function sectionHeading(id: SectionId): string {
  return SECTION_BY_ID[id].heading;
}

/** A table as the messages name it: "表二（主动公开政府信息情况）". */
export function tableName(table: TableId): string {
  return `表${SECTION_BY_ID[table].numeral}（${SECTION_BY_ID[table].name}）`;
}

export type CellKind = 'count' | 'amount';

export interface RowDef {
  key: string;
  /** Official numbering, e.g. 三（三）1; empty where the template has none. */
  code: string;
  label: string;
  /** A shorter name for messages, where the label is long. */
  short?: string;
  /** Misspellings and variants seen in real published reports. */
  aliases?: readonly string[];
}

export interface ColDef {
  key: string;
  label: string;
  aliases?: readonly string[];
}

/**
 * Rows and columns declared through these keep their keys' literal types, so
 * that the cell key's type (`CellKey` in model/cells) is derived from the
 * template itself and a key the template lacks does not compile.
 */
function rowsOf<const K extends string>(rows: readonly (RowDef & { key: K })[]): readonly (RowDef & { key: K })[] {
  return rows;
}
function colsOf<const K extends string>(cols: readonly (ColDef & { key: K })[]): readonly (ColDef & { key: K })[] {
  return cols;
}

export interface TableDef {
  id: TableId;
  title: string;
  rows: readonly RowDef[];
  /** Columns per row: most tables share one set; `proactive` differs by block. */
  colsOf: (rowKey: string) => readonly ColDef[];
  cellKind: (rowKey: string, colKey: string) => CellKind;
  note?: string;
}

// ---- 二、主动公开 ----------------------------------------------------------

const DOC_COLS = colsOf([
  { key: 'issued', label: '本年制发件数', aliases: ['本年新制发件数', '制发件数'] },
  { key: 'repealed', label: '本年废止件数', aliases: ['废止件数'] },
  { key: 'in_force', label: '现行有效件数', aliases: ['现行有效件', '现行有效数'] },
]);
const DECISION_COLS = colsOf([{ key: 'decisions', label: '本年处理决定数量', aliases: ['处理决定数量', '本年处理决定数'] }]);
const FEE_COLS = colsOf([
  { key: 'amount', label: '本年收费金额（单位：万元）', aliases: ['本年收费金额', '收费金额（万元）', '收费金额'] },
]);

export interface ProactiveBlock<R extends string = string, C extends string = string> {
  header: string;
  cols: readonly (ColDef & { key: C })[];
  rows: readonly (RowDef & { key: R })[];
}

/** A block of table 二, keeping its row and column keys' literal types (see `rowsOf`). */
function block<const R extends string, const C extends string>(b: ProactiveBlock<R, C>): ProactiveBlock<R, C> {
  return b;
}

const PROACTIVE_BLOCK_LIST = [
  block({
    header: '第二十条第（一）项',
    cols: DOC_COLS,
    rows: [
      { key: 'regulations', code: '', label: '规章' },
      { key: 'normative_docs', code: '', label: '行政规范性文件', aliases: ['规范性文件'] },
    ],
  }),
  block({ header: '第二十条第（五）项', cols: DECISION_COLS, rows: [{ key: 'licensing', code: '', label: '行政许可' }] }),
  block({
    header: '第二十条第（六）项',
    cols: DECISION_COLS,
    rows: [
      { key: 'penalty', code: '', label: '行政处罚' },
      { key: 'coercion', code: '', label: '行政强制' },
    ],
  }),
  block({
    header: '第二十条第（八）项',
    cols: FEE_COLS,
    rows: [{ key: 'fees', code: '', label: '行政事业性收费', aliases: ['行政事业收费'] }],
  }),
] as const;
export const PROACTIVE_BLOCKS: readonly ProactiveBlock[] = PROACTIVE_BLOCK_LIST;

/** Every cell key of the template, as a type: `proactive.<row>.<col>` per block, and rows × columns of 三 and 四. */
type BlockCellKey<B> = B extends ProactiveBlock<infer R, infer C> ? `proactive.${R}.${C}` : never;
export type TemplateCellKey =
  | BlockCellKey<(typeof PROACTIVE_BLOCK_LIST)[number]>
  | `requests.${(typeof REQUEST_ROWS)[number]['key']}.${(typeof REQUEST_COLS)[number]['key']}`
  | `appeals.${(typeof APPEAL_ROWS)[number]['key']}.${(typeof APPEAL_COLS)[number]['key']}`;

const proactiveColsByRow = new Map<string, readonly ColDef[]>(PROACTIVE_BLOCKS.flatMap((b) => b.rows.map((r) => [r.key, b.cols] as const)));

// ---- 三、依申请 -----------------------------------------------------------

export const REQUEST_COLS = colsOf([
  { key: 'natural', label: '自然人' },
  { key: 'commercial', label: '商业企业', aliases: ['商业 企业'] },
  { key: 'research', label: '科研机构', aliases: ['科研企业', '科研 机构'] },
  { key: 'nonprofit', label: '社会公益组织', aliases: ['公益组织'] },
  { key: 'legal', label: '法律服务机构', aliases: ['法律服务'] },
  { key: 'other', label: '其他' },
  { key: 'total', label: '总计', aliases: ['合计'] },
]);
export const REQUEST_APPLICANT_GROUP = '法人或其他组织';
export const REQUEST_PART_COLS = ['natural', 'commercial', 'research', 'nonprofit', 'legal', 'other'] as const;

export const REQUEST_ROWS = rowsOf([
  {
    key: 'received',
    code: '一',
    label: '本年新收政府信息公开申请数量',
    short: '本年新收申请',
    aliases: ['本年新收申请数量', '本年新收申请数'],
  },
  {
    key: 'carried_over',
    code: '二',
    label: '上年结转政府信息公开申请数量',
    short: '上年结转申请',
    aliases: ['上年结转申请数量', '上年结转申请数'],
  },
  { key: 'granted', code: '三（一）', label: '予以公开' },
  { key: 'partial', code: '三（二）', label: '部分公开（区分处理的，只计这一情形，不计其他情形）', short: '部分公开' },
  { key: 'denied_secret', code: '三（三）1', label: '属于国家秘密' },
  { key: 'denied_law', code: '三（三）2', label: '其他法律行政法规禁止公开', aliases: ['其他法律行政止公开', '其他法律法规禁止公开'] },
  { key: 'denied_safety', code: '三（三）3', label: '危及“三安全一稳定”', aliases: ['危及"三安全一稳定"', '危及三安全一稳定'] },
  { key: 'denied_third_party', code: '三（三）4', label: '保护第三方合法权益' },
  { key: 'denied_internal', code: '三（三）5', label: '属于三类内部事务信息' },
  { key: 'denied_process', code: '三（三）6', label: '属于四类过程性信息' },
  { key: 'denied_enforcement', code: '三（三）7', label: '属于行政执法案卷' },
  { key: 'denied_query', code: '三（三）8', label: '属于行政查询事项' },
  { key: 'unable_not_held', code: '三（四）1', label: '本机关不掌握相关政府信息' },
  { key: 'unable_to_create', code: '三（四）2', label: '没有现成信息需要另行制作' },
  { key: 'unable_unclear', code: '三（四）3', label: '补正后申请内容仍不明确' },
  { key: 'rejected_petition', code: '三（五）1', label: '信访举报投诉类申请' },
  { key: 'rejected_repeat', code: '三（五）2', label: '重复申请' },
  { key: 'rejected_publication', code: '三（五）3', label: '要求提供公开出版物' },
  { key: 'rejected_excessive', code: '三（五）4', label: '无正当理由大量反复申请' },
  { key: 'rejected_confirm', code: '三（五）5', label: '要求行政机关确认或重新出具已获取信息' },
  {
    key: 'other_no_correction',
    code: '三（六）1',
    label: '申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请',
    short: '逾期不补正',
  },
  {
    key: 'other_no_fee',
    code: '三（六）2',
    label: '申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请',
    short: '逾期未缴费',
  },
  { key: 'other_other', code: '三（六）3', label: '其他' },
  { key: 'results_total', code: '三（七）', label: '总计', aliases: ['合计'] },
  {
    key: 'carried_forward',
    code: '四',
    label: '结转下年度继续办理',
    short: '结转下年度',
    aliases: ['结转下年度继续办理申请数量', '结转下年度继续办理数量'],
  },
]);

export type RequestRowKey = (typeof REQUEST_ROWS)[number]['key'];

/** Group rows of table 三 with their headings, as the template prints them. */
export const REQUEST_GROUPS: readonly { heading: string; rows: readonly string[] }[] = [
  { heading: '（三）不予公开', rows: REQUEST_ROWS.filter((r) => r.code.startsWith('三（三）')).map((r) => r.key) },
  { heading: '（四）无法提供', rows: REQUEST_ROWS.filter((r) => r.code.startsWith('三（四）')).map((r) => r.key) },
  { heading: '（五）不予处理', rows: REQUEST_ROWS.filter((r) => r.code.startsWith('三（五）')).map((r) => r.key) },
  { heading: '（六）其他处理', rows: REQUEST_ROWS.filter((r) => r.code.startsWith('三（六）')).map((r) => r.key) },
];
export const REQUEST_RESULT_HEADING = '三、本年度办理结果';
/** Keys of the rows from `first` to `last` of table 三, both included, in template order. */
export function requestRowsFrom(first: RequestRowKey, last: RequestRowKey): RequestRowKey[] {
  const keys = REQUEST_ROWS.map((r) => r.key);
  return keys.slice(keys.indexOf(first), keys.indexOf(last) + 1);
}
/** The 21 result rows, 三（一） to 三（六）3, whose sum is 三（七）总计. */
export const REQUEST_RESULT_ROWS: readonly RequestRowKey[] = requestRowsFrom('granted', 'other_other');
export const REQUEST_NOTE = '（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）';
export const REQUEST_APPLICANT_HEADING = '申请人情况';

// ---- 四、复议诉讼 ---------------------------------------------------------

export const APPEAL_COLS = colsOf([
  { key: 'upheld', label: '结果维持', aliases: ['维持'] },
  { key: 'corrected', label: '结果纠正', aliases: ['纠正'] },
  { key: 'other', label: '其他结果', aliases: ['其他'] },
  { key: 'pending', label: '尚未审结', aliases: ['审理中', '未审结', '尚在审理'] },
  { key: 'total', label: '总计', aliases: ['合计', '小计'] },
]);
export const APPEAL_ROWS = rowsOf([
  { key: 'review', code: '', label: '行政复议' },
  { key: 'suit_direct', code: '', label: '未经复议直接起诉', short: '行政诉讼（未经复议直接起诉）', aliases: ['直接起诉'] },
  { key: 'suit_after_review', code: '', label: '复议后起诉', short: '行政诉讼（复议后起诉）' },
]);
export const APPEAL_SUIT_HEADING = '行政诉讼';
/** The results a case ends in (or not yet): the parts of each row's 总计. */
export const APPEAL_PART_COLS = APPEAL_COLS.filter((c) => c.key !== 'total');
/** The two rows of 行政诉讼, apart from 行政复议. */
export const SUIT_ROWS = APPEAL_ROWS.filter((r) => r.key !== 'review');

// ---- the three tables -----------------------------------------------------

export const TABLES: Readonly<Record<TableId, TableDef>> = {
  proactive: {
    id: 'proactive',
    title: SECTION_BY_ID.proactive.heading,
    rows: PROACTIVE_BLOCKS.flatMap((b) => b.rows),
    colsOf: (row) => proactiveColsByRow.get(row) ?? [],
    cellKind: (row, col) => (row === 'fees' && col === 'amount' ? 'amount' : 'count'),
  },
  requests: {
    id: 'requests',
    title: SECTION_BY_ID.requests.heading,
    rows: REQUEST_ROWS,
    colsOf: () => REQUEST_COLS,
    cellKind: () => 'count',
    note: REQUEST_NOTE,
  },
  appeals: {
    id: 'appeals',
    title: SECTION_BY_ID.appeals.heading,
    rows: APPEAL_ROWS,
    colsOf: () => APPEAL_COLS,
    cellKind: () => 'count',
  },
};

/** A body's administrative level; decides whether it may make 规章. */
export const LEVELS = ['乡镇街道', '县区政府', '县区部门', '市政府', '市级部门', '省级'] as const;
export type Level = (typeof LEVELS)[number];
/** Only provincial governments, governments of 设区的市 and State Council departments make 规章. */
export const LEVELS_MAKING_REGULATIONS: readonly Level[] = ['市政府', '省级'];

/**
 * The opening paragraph most reports carry before 一、总体情况 (docs/report-format.md,
 * "Six sections"); the editor offers it to an author who has none.
 */
export function standardPreamble(agency: string, year: number): string {
  return (
    `本报告根据《中华人民共和国政府信息公开条例》（以下简称《条例》）和《中华人民共和国政府信息公开工作年度报告格式》` +
    `（国办公开办函〔2021〕30号）要求，由${agency}编制。本报告内容包括总体情况、主动公开政府信息情况、` +
    `收到和处理政府信息公开申请情况、政府信息公开行政复议和行政诉讼情况、存在的主要问题及改进情况、其他需要报告的事项。` +
    `本报告中所列数据的统计期限自${year}年1月1日起至${year}年12月31日止。`
  );
}
