// Every validation rule of docs/report-format.md, as data. The engine reads this
// list; adding a rule is adding an entry here and its message.
import { cellKey, rowName } from '../model/cells';
import {
  APPEAL_ROWS,
  LEVELS_MAKING_REGULATIONS,
  TABLES,
  REQUEST_COLS,
  REQUEST_PART_COLS,
  REQUEST_RESULT_ROWS,
  REQUEST_ROWS,
} from '../template/gov2021';
import type { Rule, RuleTraits, Term } from './types';

const requestCols = REQUEST_COLS.map((c) => ({ key: c.key, name: c.label }));
const requestRows = REQUEST_ROWS.map((r) => ({ key: r.key, name: rowName('requests', r.key) }));
const appealRows = APPEAL_ROWS.map((r) => ({ key: r.key, name: r.short ?? r.label }));
const proactiveRows = (...keys: string[]) => keys.map((key) => ({ key, name: TABLES.proactive.rows.find((r) => r.key === key)!.label }));
const terms = (cells: readonly string[], previous = false): Term[] => cells.map((cell) => ({ cell, previous }));

const NUM = '(?<n>\\d[\\d,，]*|[零〇一二两三四五六七八九十百千]+)';
const UNIT = '\\s*(?:件|例|个|条|宗|起)';
const APPEAL_TOTALS = APPEAL_ROWS.map((r) => cellKey('appeals', r.key, 'total'));

export const RULES: readonly Rule[] = [
  {
    id: 'cell.type',
    kind: 'cellType',
    severity: 'error',
    maxDecimals: 4,
    messages: {
      text: '{name} 填的是「{value}」，不是数字：请改为数字（没有的填 0）',
      negative: '{name} 为 {value}，不能为负数：请改为实际数字',
      fraction: '{name} 为 {value}，件数应为整数：请改为整数',
      decimals: '{name} 为 {value}，金额（万元）最多保留 4 位小数：请四舍五入到 4 位',
    },
  },
  {
    id: 'requests.row_total',
    kind: 'equation',
    severity: 'error',
    section: 'requests',
    each: requestRows,
    lhs: [{ cell: 'requests.{i}.total' }],
    rhs: terms(REQUEST_PART_COLS.map((c) => `requests.{i}.${c}`)),
    group: 'each',
    fixLhs: true,
    message: '{each} 一行：总计栏为 {lhsValue}，但自然人至其他各栏之和为 {rhsValue}：请核对各栏或将总计改为 {rhsValue}',
    blankPartsMessage:
      '{each} 一行：总计栏为 {lhsValue}，但自然人至其他各栏之和为 {rhsValue}，其中 {blankParts} 空着：请先按原件填写这些格，总计可能是对的',
    partsMessage:
      '{each} 一行：总计栏为 {lhsValue}，但自然人至其他各栏之和为 {rhsValue}；总计与表中其他合计相符，应是某一栏有误：请核对各栏',
  },
  {
    id: 'requests.results_total',
    kind: 'equation',
    severity: 'error',
    section: 'requests',
    each: requestCols,
    lhs: [{ cell: 'requests.results_total.{i}' }],
    rhs: terms(REQUEST_RESULT_ROWS.map((r) => `requests.${r}.{i}`)),
    group: 'each',
    fixLhs: true,
    message: '{lhsName} 为 {lhsValue}，但各项办理结果之和为 {rhsValue}：请核对各项或将总计改为 {rhsValue}',
    blankPartsMessage:
      '{lhsName} 为 {lhsValue}，但各项办理结果之和为 {rhsValue}，其中 {blankParts} 空着：请先按原件填写这些格，总计可能是对的',
    partsMessage: '{lhsName} 为 {lhsValue}，但各项办理结果之和为 {rhsValue}；总计与表中其他合计相符，应是某一项有误：请核对各项',
  },
  {
    id: 'requests.balance',
    kind: 'equation',
    severity: 'error',
    section: 'requests',
    each: requestCols,
    lhs: terms(['requests.received.{i}', 'requests.carried_over.{i}']),
    rhs: terms(['requests.results_total.{i}', 'requests.carried_forward.{i}']),
    group: 'each',
    message:
      '「{each}」一列不平衡：本年新收 {l0} + 上年结转 {l1} = {lhsValue}，但办理结果总计 {r0} + 结转下年度 {r1} = {rhsValue}，相差 {diff}：第一项加第二项之和应等于第三项加第四项之和，请核对',
  },
  {
    id: 'appeals.total',
    kind: 'equation',
    severity: 'error',
    section: 'appeals',
    each: appealRows,
    lhs: [{ cell: 'appeals.{i}.total' }],
    rhs: terms(['upheld', 'corrected', 'other', 'pending'].map((c) => `appeals.{i}.${c}`)),
    group: 'each',
    fixLhs: true,
    message: '{each}·总计 为 {lhsValue}，但结果维持、结果纠正、其他结果、尚未审结之和为 {rhsValue}：请核对各项或将总计改为 {rhsValue}',
    blankPartsMessage:
      '{each}·总计 为 {lhsValue}，但结果维持、结果纠正、其他结果、尚未审结之和为 {rhsValue}，其中 {blankParts} 空着：请先按原件填写这些格，总计可能是对的',
    partsMessage:
      '{each}·总计 为 {lhsValue}，但结果维持、结果纠正、其他结果、尚未审结之和为 {rhsValue}；总计与表中其他合计相符，应是某一项有误：请核对各项',
  },
  {
    id: 'cell.blank',
    kind: 'blank',
    severity: 'warning',
    traits: { unfinished: true, unmarked: true },
    message: '表{numeral}有 {count} 个格子空着或只写了“—”“/”“无”（{examples}）：模板要求没有的填 0',
    fixLabel: '空格填 0',
    unreadMessage: '表{numeral}有 {count} 个格子没能从文件读出（{examples}）：请对照原件填写，不要当作 0',
  },
  {
    id: 'continuity.carried_over',
    kind: 'equation',
    severity: 'warning',
    section: 'requests',
    each: requestCols,
    lhs: [{ cell: 'requests.carried_over.{i}' }],
    rhs: [{ cell: 'requests.carried_forward.{i}', previous: true }],
    group: 'one',
    fixFromPrevious: '按上年“结转下年度”填入',
    message: '二、上年结转申请 与 {prevYear} 年报告的“结转下年度继续办理”不一致：{details}。请核对，或在核实说明中写明原因',
    detail: '{each} 本年填 {lhsValue}、上年结转下年度为 {rhsValue}',
  },
  {
    id: 'continuity.in_force',
    kind: 'equation',
    severity: 'warning',
    section: 'proactive',
    each: proactiveRows('regulations', 'normative_docs'),
    lhs: [{ cell: 'proactive.{i}.in_force' }],
    rhs: [
      { cell: 'proactive.{i}.in_force', previous: true },
      { cell: 'proactive.{i}.issued' },
      { cell: 'proactive.{i}.repealed', negative: true },
    ],
    group: 'one',
    message: '现行有效件数 与 {prevYear} 年报告接不上：{details}。请核对，或在核实说明中写明原因',
    detail: '{each}现行有效 {lhsValue}，但上年现行有效 {r0} + 本年制发 {r1} − 本年废止 {r2} = {rhsValue}',
  },
  {
    id: 'continuity.repetition',
    kind: 'repetition',
    severity: 'warning',
    threshold: 0.5,
    message: '正文有 {percent}% 与 {prevYear} 年报告相同（{details}）：年度报告不得内容雷同，请按本年实际情况改写',
  },
  {
    id: 'narrative.empty',
    kind: 'narrativeEmpty',
    severity: 'error',
    sections: ['overview', 'problems', 'other'],
    tokens: ['无', '暂无', '略', '空', '文字描述', '待补充', '待填写', '此处填写', '请填写', '无内容', 'xxx', 'xx'],
    emptyMessage: '{heading} 还没有写：没有正文的报告不能定稿，请按本年实际情况填写',
    tokenMessage: '{heading} 只写了「{text}」，不是正文：没有正文的报告不能定稿，请按本年实际情况填写',
  },
  {
    id: 'narrative.required',
    kind: 'narrativeRequired',
    severity: 'warning',
    traits: { unfinished: true },
    checks: [
      {
        section: 'overview',
        missingMessage: '一、总体情况 没有写到：{missing}。格式要求五个方面都要写',
        mustCover: [
          { name: '（一）主动公开', any: ['主动公开'] },
          { name: '（二）依申请公开', any: ['依申请公开', '依申请'] },
          { name: '（三）政府信息管理', any: ['政府信息管理', '信息管理'] },
          { name: '（四）政府信息公开平台建设', any: ['平台建设', '公开平台', '平台'] },
          { name: '（五）监督保障', any: ['监督保障', '监督', '保障'] },
        ],
      },
      {
        section: 'problems',
        minChars: 15,
        tokenMessage: '五、存在的主要问题及改进情况 只写了「{text}」：请写明本年存在的主要问题和改进措施',
      },
      {
        section: 'other',
        missingMessage: '六、其他需要报告的事项 没有说明信息处理费的收取情况：请写明是否收取、发出收费通知的件数和金额',
        mustCover: [{ name: '信息处理费', any: ['信息处理费', '处理费'] }],
      },
    ],
  },
  {
    id: 'narrative.numbers',
    kind: 'narrativeNumbers',
    severity: 'warning',
    message: '{section}写「{quote}」，但表中{candidates}：请核对文字或表格',
    phrases: [
      {
        name: '复议诉讼合计',
        patterns: [`(?:行政)?复议[、和及与]?(?:行政)?诉讼[^。；;，,]{0,10}?${NUM}${UNIT}`],
        candidates: [APPEAL_TOTALS],
        candidateNames: ['行政复议和行政诉讼总计共 {0} 件'],
      },
      {
        name: '无复议诉讼',
        patterns: [`(?:未发生|没有发生|未收到|未产生|未出现)[^。；;，,]{0,12}?(?:行政)?复议[、和及与]?(?:行政)?诉讼(?<n>)`],
        candidates: [APPEAL_TOTALS],
        candidateNames: ['行政复议和行政诉讼总计共 {0} 件'],
      },
      {
        name: '行政复议',
        patterns: [`行政复议(?:案件|申请)?[^。；;，,、诉]{0,8}?${NUM}${UNIT}`],
        candidates: [['appeals.review.total']],
        candidateNames: ['行政复议总计为 {0} 件'],
      },
      {
        name: '行政诉讼',
        patterns: [`行政诉讼(?:案件)?[^。；;，,、]{0,8}?${NUM}${UNIT}`],
        candidates: [['appeals.suit_direct.total', 'appeals.suit_after_review.total']],
        candidateNames: ['行政诉讼总计为 {0} 件'],
      },
      {
        name: '上年结转',
        patterns: [`(?:上年|上一年|上年度|上一年度|\\d{4}年)(?:度)?结转[^。；;，,下]{0,10}?${NUM}${UNIT}`],
        candidates: [['requests.carried_over.total']],
        candidateNames: ['上年结转总计为 {0} 件'],
      },
      {
        name: '结转下年',
        patterns: [
          `结转(?:至|到)?下(?:一)?年(?:度)?[^。；;，,]{0,10}?${NUM}${UNIT}`,
          `${NUM}${UNIT}[^。；;，,]{0,6}?结转(?:至|到)?下(?:一)?年`,
        ],
        candidates: [['requests.carried_forward.total']],
        candidateNames: ['结转下年度总计为 {0} 件'],
      },
      {
        name: '结转',
        patterns: [`结转[^。；;，,]{0,10}?${NUM}${UNIT}`],
        candidates: [['requests.carried_over.total'], ['requests.carried_forward.total']],
        candidateNames: ['上年结转为 {0} 件', '结转下年度为 {0} 件'],
      },
      {
        name: '收到申请',
        patterns: [
          `(?:收到|新收|接收|共收)[^。；;，,\\n]{0,24}?申请[^。；;，,\\d\\n]{0,6}?${NUM}${UNIT}`,
          `(?:收到|新收|接收)${NUM}${UNIT}[^。；;，,]{0,12}?申请`,
        ],
        candidates: [['requests.received.total']],
        candidateNames: ['本年新收申请总计为 {0} 件'],
      },
      {
        name: '办理申请',
        patterns: [
          `(?:受理|办理|答复|办结|处理)[^。；;，,\\n]{0,24}?申请[^。；;，,\\d\\n]{0,6}?${NUM}${UNIT}`,
          `(?:受理|办理|答复|办结)${NUM}${UNIT}[^。；;，,]{0,12}?申请`,
        ],
        candidates: [
          ['requests.received.total'],
          ['requests.received.total', 'requests.carried_over.total'],
          ['requests.results_total.total'],
        ],
        candidateNames: ['本年新收 {0} 件', '新收加上年结转 {0} 件', '办理结果总计 {0} 件'],
      },
    ],
  },
  {
    id: 'narrative.year',
    kind: 'narrativeYear',
    severity: 'warning',
    lookBack: 4,
    subjects: ['我', '本', '全', '{agency}', '收到', '共收到', '累计收到', '新收', '受理', '共受理', '办理', '共办理'],
    patterns: [
      // "2022年，我局……", "2022年，余杭区统计局坚持……", "2022年，收到……申请" opening a sentence or paragraph
      '(?:^|[。！？；;!?\\n])\\s*(?<y>\\d{4})年(?:度)?[，,]\\s*(?<who>[^，,。；;\\n]{1,24})',
      // "本单位2022年未收取……"
      '(?:我|本)(?:局|委|办|厅|部|署|区|县|市|镇|乡|街道|单位|机关|中心|院|会|所|站|队|府)(?<y>\\d{4})年(?:度)?(?!以来|至今|起|前)',
    ],
    message: '{section}写「{quote}」，把本报告的统计年度写成了 {y} 年（本报告是 {year} 年度）：可能是沿用了往年的文字，请核对',
  },
  {
    id: 'narrative.fee_notice',
    kind: 'feeNotice',
    severity: 'warning',
    cell: 'requests.other_no_fee.total',
    denial: '(?:未|没有|无|不)[^。；;，,]{0,6}?(?:收取|收费|发出|产生)',
    mention: '通知',
    message:
      '表三 申请人逾期未缴费而不再处理的申请有 {value} 件（说明发出过收费通知），但六、其他需要报告的事项只写了「{quote}」：请写明发出收费通知的件数和金额',
  },
  {
    id: 'plausibility.regulations',
    kind: 'levelCells',
    severity: 'warning',
    section: 'proactive',
    cells: ['proactive.regulations.issued', 'proactive.regulations.repealed', 'proactive.regulations.in_force'],
    allowed: LEVELS_MAKING_REGULATIONS,
    message:
      '本机关层级为「{level}」，无权制定规章，但表二 规章 填了 {values}：规章只能由省级政府、设区的市政府和国务院部门制定，请核对是否应填在“行政规范性文件”',
  },
  {
    id: 'continuity.jump',
    kind: 'jump',
    severity: 'notice',
    factor: 5,
    minMagnitude: 10,
    cells: ['requests.received.total', 'requests.results_total.total', 'requests.carried_forward.total', ...APPEAL_TOTALS],
    message: '{name} 从上年的 {prev} 变为 {value}，变化很大（超过 {factor} 倍或不到五分之一）：请确认数字无误',
  },
  {
    id: 'schedule.deadline',
    kind: 'deadline',
    severity: 'notice',
    due: { month: 1, day: 31 },
    message: '年度报告应于 {dueYear} 年 1 月 31 日前公布，今天（{date}）已过期限',
  },
];

const BY_ID = new Map(RULES.map((r) => [r.id, r]));

/** The traits of the rule a finding names (none for a rule this build does not know). */
export function traitsOf(ruleId: string): RuleTraits {
  return BY_ID.get(ruleId)?.traits ?? {};
}
