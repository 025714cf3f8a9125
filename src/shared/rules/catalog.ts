// Every validation rule of docs/report-format.md, as data. The engine reads this
// list; adding a rule is adding an entry here and its message.
import { cellKey, rowName } from '../model/cells';
import {
  APPEAL_PART_COLS,
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
/** 「结果维持、结果纠正、其他结果、尚未审结」: the parts of an appeals row's 总计, as the messages name them. */
const appealParts = APPEAL_PART_COLS.map((c) => c.label).join('、');

const NUM = '(?<n>\\d[\\d,，]*|[零〇一二两三四五六七八九十百千]+)';
const UNIT = '\\s*(?:件|例|个|条|宗|起)';
const APPEAL_TOTALS = APPEAL_ROWS.map((r) => cellKey('appeals', r.key, 'total'));

// Pieces of the statements of none (narrative.contradiction).
/** Who may stand between 未收到 and 信息公开申请: the applicants named in full, 任何, 新的 — never a qualifier (纸质, 其他, 有关…). */
const REQUEST_FILLER = '(?:任何|新的|公民|自然人|法人|其他组织|提出|提交|[、，,和或及与的])*';
/** …申请引起的行政复议, 依申请公开方面的行政诉讼: about appeals or complaints, not about requests. */
const NOT_CAUSE = '(?![^。；;，,\\n]{0,16}?(?:复议|诉讼|投诉|举报|引起|引发|导致|纠错))';
/** A clause's start, where 无 means "none" (not 无论, 无法, 无正当理由). */
const CLAUSE_START = '(?<=^|[，,。；;：:\\s]|全年|年度|本年|年内)(?=无(?![论法需须关偿效疑正意]))';
/**
 * 未发生（因政府信息公开引起的）…, 无…: "none" and a verb of happening, then up to 24 characters of
 * what it was about (no figure, nothing of outcomes or plans), before 行政复议/行政诉讼.
 * "逾期未答复引起的行政复议" has no verb of happening after 未: it counts cases, it denies none.
 */
const NONE_OF = `(?:(?:未|没有|尚未|均未|并未|未曾)(?:发生|出现|收到|接到|产生|涉及|引发|有|被|因)|${CLAUSE_START}无)(?:(?!败诉|纠错|纠正|撤销|违法|避免|防止|减少|降低|但)[^。；;，,！？\\n\\d]){0,24}?`;
/** 未发生行政复议纠错, 无行政诉讼败诉: about outcomes, not about cases. */
const NOT_OUTCOME = '(?!\\s*(?:案件)?(?:被)?(?:纠错|纠正|败诉|撤销|确认违法|率))';
/** "Avoid, prevent, ensure no…": plans, not what happened. */
const AVOIDING = '避免|防止|确保|力争|杜绝|以免|预防|减少|降低';

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
    rhs: terms(APPEAL_PART_COLS.map((c) => `appeals.{i}.${c.key}`)),
    group: 'each',
    fixLhs: true,
    message: `{each}·总计 为 {lhsValue}，但${appealParts}之和为 {rhsValue}：请核对各项或将总计改为 {rhsValue}`,
    blankPartsMessage: `{each}·总计 为 {lhsValue}，但${appealParts}之和为 {rhsValue}，其中 {blankParts} 空着：请先按原件填写这些格，总计可能是对的`,
    partsMessage: `{each}·总计 为 {lhsValue}，但${appealParts}之和为 {rhsValue}；总计与表中其他合计相符，应是某一项有误：请核对各项`,
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
    fixLabel: '改为表中的 {value}',
    phrases: [
      {
        name: '复议诉讼合计',
        patterns: [`(?:行政)?复议[、和及与]?(?:行政)?诉讼[^。；;，,]{0,10}?${NUM}${UNIT}`],
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
    due: [
      // 条例 第四十九条: governments by 31 March; the departments of a government by 31 January.
      { who: '政府', levels: ['乡镇街道', '县区政府', '市政府'], named: '人民政府$', month: 3, day: 31 },
      { who: '部门', levels: ['县区部门', '市级部门', '省级'], month: 1, day: 31 },
    ],
    message: '{who}的年度报告应于 {dueYear} 年 {month} 月 {day} 日前公布，今天（{date}）已过期限',
  },
  {
    id: 'hierarchy.sum',
    kind: 'hierarchy',
    severity: 'warning',
    stockSeverity: 'notice',
    message: '{name}：本级报告填 {own}，{count} 个单位合计 {sum}，{moreLess} {diff}（{who}）：请核对本级数字，或说明差额的来源',
    stockMessage:
      '{name}：本级报告填 {own}，{count} 个单位合计 {sum}，{moreLess} {diff}（{who}）。现行有效件数是存量，同一文件只计一次，与各单位之和不同可能是对的',
  },
  {
    id: 'narrative.contradiction',
    kind: 'contradiction',
    severity: 'warning',
    countsOf: 'narrative.numbers',
    message: '{section}写「{quote}」，但表中{quantity}：文字与表格矛盾，请核对',
    statements: [
      {
        name: '未收到申请',
        patterns: [
          // 未收到（公民、法人或其他组织提出的）政府信息公开申请; not "…申请引起的行政复议"
          `(?:未|没有|尚未|暂未|均未|并未|未曾)(?:收到|接到|接收到?|受理(?:到)?|有)(?:过)?${REQUEST_FILLER}(?:政府)?信息(?:公开)?(?:的)?申请${NOT_CAUSE}`,
          `(?:未|没有|尚未|暂未|并未)(?:收到|接到|受理|发生|产生|出现|涉及|开展)(?:过)?(?:任何)?依申请公开(?:政府信息)?(?:的)?(?:申请|事项|件|业务|情况|工作)?${NOT_CAUSE}`,
          `${CLAUSE_START}无(?:任何)?(?:政府)?(?:信息公开申请|依申请公开(?:申请|事项|件)?)${NOT_CAUSE}`,
          `依申请公开(?:政府信息)?(?:申请)?(?:数量?)?(?:为|是)?(?:零|0\\s*件)`,
        ],
        unless: '上年|上一年|去年|前年|除|以外',
        cells: ['requests.received.total'],
        quantity: '本年新收申请 {0} 件',
      },
      {
        name: '无复议诉讼',
        patterns: [`${NONE_OF}(?:行政)?复议[、和及与或\\s]*(?:被提起|被)?(?:行政)?诉讼${NOT_OUTCOME}`],
        unless: AVOIDING,
        cells: APPEAL_TOTALS,
        quantity: '行政复议和行政诉讼总计共 {0} 件',
      },
      {
        name: '无行政复议',
        patterns: [`${NONE_OF}行政复议(?![、和及与或\\s]*(?:被提起|被)?(?:行政)?诉讼)${NOT_OUTCOME}`],
        unless: AVOIDING,
        cells: ['appeals.review.total'],
        quantity: '行政复议总计为 {0} 件',
      },
      {
        name: '无行政诉讼',
        patterns: [`${NONE_OF}行政诉讼${NOT_OUTCOME}`],
        unless: AVOIDING,
        cells: ['appeals.suit_direct.total', 'appeals.suit_after_review.total'],
        quantity: '行政诉讼总计为 {0} 件',
      },
      {
        name: '均已办结',
        patterns: [
          `(?:均|全部|都|皆|全数)(?:已|已经)?(?:按期|按时|如期|依法|及时)?(?:在法定期限内|在规定期限内|在规定时限内|在法定时限内)?(?:办结|办理完毕|办理完结|处理完毕|答复完毕|办理完成|完成办理)`,
          `办结率(?:达到?|为)?\\s*100\\s*[%％]`,
          `(?:无|没有)(?:申请)?(?:结转|转结)(?:至|到)?下(?:一)?年`,
        ],
        // About 建议提案, 信访, 热线 or last year's requests, or "as of now" (after the year's end): not this year's requests.
        unless: '建议|提案|议案|复议|诉讼|信访|投诉|举报|热线|留言|工单|诉求|咨询|上年|上一年|去年|结转|截至|截止|目前|现已|至今|发稿',
        within: '申请',
        cells: ['requests.carried_forward.total'],
        quantity: '结转下年度继续办理 {0} 件',
      },
    ],
  },
  {
    id: 'narrative.problems_followup',
    kind: 'followup',
    severity: 'notice',
    section: 'problems',
    mentions: ['上一?年度?', '去年', '前一年', '{prevYear}\\s*年'],
    message: '五、存在的主要问题及改进情况 没有提到 {prevYear} 年报告所列问题的改进情况：格式要求写明上一年度存在问题的整改情况',
  },
  {
    id: 'outline.numbering',
    kind: 'outlineNumbering',
    severity: 'warning',
    sections: ['overview', 'problems', 'other'],
    // "二、依申请公开情况", not "二、三季度" (two numerals listed).
    line: '^\\s*(?<n>[一二三四五六七八九十]{1,2})\\s*[、.．](?![一二三四五六七八九十\\d])',
    message: '{heading} 中「{quote}」用了“{n}、”这一级编号，与报告六个部分的编号混淆{more}：部分之内的小标题应编为（一）（二）……',
    documentMessage: '文件中{heading}的标题写作「{written}」：六个部分应依次编为一至六，此部分应为“{numeral}、”',
  },
  {
    id: 'outline.parts_stated',
    kind: 'partsStated',
    severity: 'warning',
    texts: ['preamble', 'overview'],
    about: '本报告|报告(?:全文|内容)?(?:共|分为|包括|由|主要)|年度报告(?:共|分为|包括|由)',
    patterns: ['(?<n>[一二三四五六七八九十\\d]{1,2})\\s*(?:个)?(?:大)?(?:部分|方面|项内容|块内容|章)'],
    expected: 6,
    message: '{section}写「{quote}」，但年度报告按格式共有六个部分（一至六）：请核对',
  },
  {
    id: 'text.punctuation',
    kind: 'punctuation',
    severity: 'notice',
    traits: { ownFixOnly: true },
    texts: ['preamble', 'overview', 'problems', 'other'],
    halfWidth: [
      { mark: ',', fullWidth: '，' },
      { mark: ';', fullWidth: '；' },
      { mark: ':', fullWidth: '：' },
      { mark: '(', fullWidth: '（' },
      { mark: ')', fullWidth: '）' },
      // 。 or · (杭州.余杭): the author chooses.
      { mark: '.' },
    ],
    convention: '，',
    pairs: [
      { open: '（(', close: '）)' },
      { open: '《', close: '》' },
      { open: '“', close: '”' },
      { open: '‘', close: '’' },
      { open: '【', close: '】' },
      { open: '〔', close: '〕' },
    ],
    halfWidthMessage: '{section}有 {count} 处半角标点夹在汉字之间（{marks}），如「{quote}」：公文应使用全角标点',
    fixLabel: '改为全角标点',
    unclosedMessage: '{section}的「{mark}」没有对应的「{other}」：「{quote}」',
    unopenedMessage: '{section}的「{mark}」前面没有对应的「{other}」：「{quote}」',
  },
  {
    id: 'text.repeated',
    kind: 'repeated',
    severity: 'notice',
    traits: { ownFixOnly: true },
    texts: ['preamble', 'overview', 'problems', 'other'],
    chars: [
      // 目的的、标的的 are a word and 的; 的的确确 is a word.
      { char: '的', notAfter: '目标', notBefore: '确' },
      // 不了了之, 为了了解, 除了了结.
      { char: '了', notAfter: '不', notBefore: '解结之然如断却' },
      // 实实在在, 存在在职人员, 正在在线办理.
      { char: '在', notAfter: '实现存所自正潜内外', notBefore: '职线岗编校建押逃案册场读任途库' },
      // 总和和, 温和和, 和和美美, 团结和和谐.
      { char: '和', notAfter: '总温缓平柔饱调随祥暖人附共谐议讲求中', notBefore: '谐美睦平解气蔼' },
      // 涉及及时, 以及及早.
      { char: '及', notAfter: '涉以普波危顾提来企触不莫等推', notBefore: '时早格第' },
      { char: '也' },
      { char: '被' },
      { char: '按' },
    ],
    words: {
      min: 2,
      max: 6,
      allowed: [
        '研究研究',
        '讨论讨论',
        '学习学习',
        '商量商量',
        '考虑考虑',
        '检查检查',
        '整理整理',
        '交流交流',
        '沟通沟通',
        '总结总结',
        '准备准备',
        '打扫打扫',
        '活动活动',
        '了解了解',
        '看看看看',
      ],
    },
    message: '{section}写「{quote}」，「{word}」连写了两次：可能是多打了一次',
    fixLabel: '删去重复的「{word}」',
  },
];

const BY_ID = new Map(RULES.map((r) => [r.id, r]));

/** The traits of the rule a finding names (none for a rule this build does not know). */
export function traitsOf(ruleId: string): RuleTraits {
  return BY_ID.get(ruleId)?.traits ?? {};
}

/** The rule of a shape the list holds once (the repetition, the jump), for what acts on its findings: never its id written again. */
export function ruleOfKind<K extends Rule['kind']>(kind: K): Extract<Rule, { kind: K }> {
  return RULES.find((r): r is Extract<Rule, { kind: K }> => r.kind === kind)!;
}
