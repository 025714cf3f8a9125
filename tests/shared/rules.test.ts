// Every rule of docs/report-format.md, broken on purpose from the seed (a real
// report that passes them all): the finding's id, severity, exact cells and
// message; sentences and figures that are right and must NOT produce it; and
// every quick fix offered removes its finding.
import { describe, expect, it } from 'vitest';
import type { Report } from '../../src/shared/model/report';
import { applyFix, narrativeRepetition, validate } from '../../src/shared/rules/engine';
import { blockingFindings } from '../../src/shared/rules/explanations';
import { RULES } from '../../src/shared/rules/catalog';
import type { Finding, ValidationContext } from '../../src/shared/rules/types';
import { previousOf, seed, withCells, withNarratives } from './fixtures';
import { cellKey } from '../../src/shared/model/cells';

interface Expected {
  id: string;
  severity: Finding['severity'];
  cells: readonly string[];
  message?: string;
}

interface BreakCase {
  name: string;
  report: Report;
  ctx?: ValidationContext;
  /** The finding the case is about. */
  expect: Expected;
  /** Every finding the report yields (ids), the one above included: nothing more, nothing fewer. */
  all: readonly string[];
}

const REQUEST_PARTS = ['natural', 'commercial', 'research', 'nonprofit', 'legal', 'other'];
const RESULT_ROWS = [
  'granted',
  'partial',
  'denied_secret',
  'denied_law',
  'denied_safety',
  'denied_third_party',
  'denied_internal',
  'denied_process',
  'denied_enforcement',
  'denied_query',
  'unable_not_held',
  'unable_to_create',
  'unable_unclear',
  'rejected_petition',
  'rejected_repeat',
  'rejected_publication',
  'rejected_excessive',
  'rejected_confirm',
  'other_no_correction',
  'other_no_fee',
  'other_other',
];

/** The seed with one request carried over from last year, still balanced: received 10 + carried 1 = results 11. */
const seedWithCarriedOver = withCells(seed, {
  'requests.carried_over.natural': 1,
  'requests.carried_over.total': 1,
  'requests.granted.natural': 10,
  'requests.granted.total': 10,
  'requests.results_total.natural': 11,
  'requests.results_total.total': 11,
});

/** The seed with 3 of its 10 requests carried forward to next year (still balanced: 10 = 7 + 3). */
const seedWithCarriedForward = withCells(seed, {
  'requests.granted.natural': 6,
  'requests.granted.total': 6,
  'requests.results_total.natural': 7,
  'requests.results_total.total': 7,
  'requests.carried_forward.natural': 3,
  'requests.carried_forward.total': 3,
});

/** The seed as typed in Word or WPS: its web page's half-width marks full-width (杭州.余杭 is 杭州·余杭). */
const FULL_WIDTH: Record<string, string> = { ',': '，', ':': '：', ';': '；', '(': '（', ')': '）', '.': '·' };
const fullWidth = (text: string) => text.replace(/[,:;().]/g, (ch) => FULL_WIDTH[ch]!);
const seedFullWidth = withNarratives(seed, {
  overview: fullWidth(seed.narratives.overview),
  problems: fullWidth(seed.narratives.problems),
});

/** Last year's report of the seed's body, written otherwise (no repetition). */
const rewrittenLastYear = withNarratives(previousOf(seed), {
  overview:
    '（一）主动公开 全年在门户网站发布信息56条，涵盖机构职能、统计数据、通知公告等。（二）依申请公开（三）政府信息管理（四）平台建设（五）监督保障',
  problems: '一是专业人员不足；二是更新不够及时。',
  other: '未收取信息处理费。',
});

/** The seed with one request dropped because the fee notice went unpaid (still balanced). */
const seedWithUnpaidFee = withCells(seed, {
  'requests.granted.natural': 8,
  'requests.granted.total': 8,
  'requests.other_no_fee.natural': 1,
  'requests.other_no_fee.total': 1,
});

const cases: BreakCase[] = [
  // ---- cell.type -----------------------------------------------------------
  {
    name: 'text in a count',
    report: withCells(seed, { 'requests.granted.research': '十' }),
    expect: {
      id: 'cell.type:requests.granted.research',
      severity: 'error',
      cells: ['requests.granted.research'],
      message: '三、（一）予以公开·科研机构 填的是「十」，不是数字：请改为数字（没有的填 0）',
    },
    // The text can't be summed, so the row and column equations stay silent: one error, not three.
    all: ['cell.type:requests.granted.research'],
  },
  {
    name: 'a negative count',
    report: withCells(seed, { 'proactive.penalty.decisions': -1 }),
    expect: {
      id: 'cell.type:proactive.penalty.decisions',
      severity: 'error',
      cells: ['proactive.penalty.decisions'],
      message: '行政处罚 为 -1，不能为负数：请改为实际数字',
    },
    all: ['cell.type:proactive.penalty.decisions'],
  },
  {
    name: 'a fraction in a count',
    report: withCells(seed, { 'appeals.review.pending': 1.5, 'appeals.review.total': 1.5 }),
    expect: {
      id: 'cell.type:appeals.review.pending',
      severity: 'error',
      cells: ['appeals.review.pending'],
      message: '行政复议·尚未审结 为 1.5，件数应为整数：请改为整数',
    },
    all: ['cell.type:appeals.review.pending', 'cell.type:appeals.review.total'],
  },
  {
    name: 'an amount with five decimals',
    report: withCells(seed, { 'proactive.fees.amount': 1.23456 }),
    expect: {
      id: 'cell.type:proactive.fees.amount',
      severity: 'error',
      cells: ['proactive.fees.amount'],
      message: '行政事业性收费 为 1.23456，金额（万元）最多保留 4 位小数：请四舍五入到 4 位',
    },
    all: ['cell.type:proactive.fees.amount'],
  },
  // ---- requests.row_total ---------------------------------------------------
  {
    name: 'a row total that is not the sum of the applicant columns',
    report: withCells(seed, { 'requests.granted.total': 8 }),
    expect: {
      id: 'requests.row_total:granted',
      severity: 'error',
      cells: ['requests.granted.total', ...REQUEST_PARTS.map((c) => cellKey('requests', 'granted', c))],
      message: '三、（一）予以公开 一行：总计栏为 8，但自然人至其他各栏之和为 9：请核对各栏或将总计改为 9',
    },
    // 8 also breaks the 总计 column's sum of results.
    all: ['requests.row_total:granted', 'requests.results_total:total'],
  },
  // ---- requests.results_total -----------------------------------------------
  {
    name: 'a results total that is not the sum of the 21 result rows',
    report: withCells(seed, { 'requests.results_total.natural': 9 }),
    expect: {
      id: 'requests.results_total:natural',
      severity: 'error',
      cells: ['requests.results_total.natural', ...RESULT_ROWS.map((r) => cellKey('requests', r, 'natural'))],
      message: '三、（七）总计·自然人 为 9，但各项办理结果之和为 10：请核对各项或将总计改为 10',
    },
    all: ['requests.results_total:natural', 'requests.row_total:results_total', 'requests.balance:natural'],
  },
  // ---- requests.balance -----------------------------------------------------
  {
    name: 'a column where received + carried over ≠ results + carried forward',
    report: withCells(seed, { 'requests.carried_forward.natural': 1, 'requests.carried_forward.total': 1 }),
    expect: {
      id: 'requests.balance:natural',
      severity: 'error',
      cells: [
        'requests.received.natural',
        'requests.carried_over.natural',
        'requests.results_total.natural',
        'requests.carried_forward.natural',
      ],
      message:
        '「自然人」一列不平衡：本年新收 10 + 上年结转 0 = 10，但办理结果总计 10 + 结转下年度 1 = 11，相差 1：第一项加第二项之和应等于第三项加第四项之和，请核对',
    },
    all: ['requests.balance:natural', 'requests.balance:total'],
  },
  // ---- appeals.total --------------------------------------------------------
  {
    name: 'an appeals total that is not the sum of the four results',
    report: withCells(seed, { 'appeals.suit_after_review.corrected': 2 }),
    expect: {
      id: 'appeals.total:suit_after_review',
      severity: 'error',
      cells: [
        'appeals.suit_after_review.total',
        ...['upheld', 'corrected', 'other', 'pending'].map((c) => cellKey('appeals', 'suit_after_review', c)),
      ],
      message: '行政诉讼（复议后起诉）·总计 为 0，但结果维持、结果纠正、其他结果、尚未审结之和为 2：请核对各项或将总计改为 2',
    },
    all: ['appeals.total:suit_after_review'],
  },
  // ---- cell.blank -----------------------------------------------------------
  {
    name: 'blank and dash cells in table 三',
    report: withCells(seed, {
      'requests.granted.research': '—',
      'requests.partial.legal': null,
      'requests.denied_law.other': '/',
      'requests.rejected_repeat.nonprofit': '无',
    }),
    expect: {
      id: 'cell.blank:requests',
      severity: 'warning',
      cells: ['requests.granted.research', 'requests.partial.legal', 'requests.denied_law.other', 'requests.rejected_repeat.nonprofit'],
      message:
        '表三有 4 个格子空着或只写了“—”“/”“无”（三、（一）予以公开·科研机构、三、（二）部分公开·法律服务机构、三、（三）2.其他法律行政法规禁止公开·其他 等）：模板要求没有的填 0',
    },
    all: ['cell.blank:requests'],
  },
  {
    name: 'a blank amount in table 二',
    report: withCells(seed, { 'proactive.fees.amount': '-' }),
    expect: {
      id: 'cell.blank:proactive',
      severity: 'warning',
      cells: ['proactive.fees.amount'],
      message: '表二有 1 个格子空着或只写了“—”“/”“无”（行政事业性收费）：模板要求没有的填 0',
    },
    all: ['cell.blank:proactive'],
  },
  // ---- continuity.carried_over ----------------------------------------------
  {
    name: 'carried over this year ≠ carried forward last year',
    report: seed,
    ctx: { previous: previousOf(seed, { 'requests.carried_forward.natural': 2, 'requests.carried_forward.total': 2 }) },
    expect: {
      id: 'continuity.carried_over',
      severity: 'warning',
      cells: ['requests.carried_over.natural', 'requests.carried_over.total'],
      message:
        '二、上年结转申请 与 2021 年报告的“结转下年度继续办理”不一致：自然人 本年填 0、上年结转下年度为 2；总计 本年填 0、上年结转下年度为 2。请核对，或在核实说明中写明原因',
    },
    // The previous report is the seed's text: the repetition rule fires too (a real copy), and a copy says nothing of last year's problems.
    all: ['continuity.carried_over', 'continuity.repetition', 'narrative.problems_followup'],
  },
  // ---- continuity.in_force --------------------------------------------------
  {
    name: 'in force ≠ last year in force + issued − repealed',
    report: withCells(seed, {
      'proactive.normative_docs.issued': 2,
      'proactive.normative_docs.repealed': 1,
      'proactive.normative_docs.in_force': 5,
    }),
    ctx: {
      previous: withNarratives(previousOf(seed, { 'proactive.normative_docs.in_force': 3 }), { overview: '', problems: '', other: '' }),
    },
    expect: {
      id: 'continuity.in_force',
      severity: 'warning',
      cells: ['proactive.normative_docs.in_force', 'proactive.normative_docs.issued', 'proactive.normative_docs.repealed'],
      message:
        '现行有效件数 与 2021 年报告接不上：行政规范性文件现行有效 5，但上年现行有效 3 + 本年制发 2 − 本年废止 1 = 4。请核对，或在核实说明中写明原因',
    },
    all: ['continuity.in_force'],
  },
  // ---- continuity.repetition ------------------------------------------------
  {
    name: 'the narrative copies last year’s report',
    report: seed,
    ctx: { previous: previousOf(seed) },
    expect: {
      id: 'continuity.repetition',
      severity: 'warning',
      cells: [],
      message:
        '正文有 100% 与 2021 年报告相同（一、总体情况 100%，五、存在的主要问题及改进情况 100%，六、其他需要报告的事项 100%）：年度报告不得内容雷同，请按本年实际情况改写',
    },
    all: ['continuity.repetition', 'narrative.problems_followup'],
  },
  // ---- narrative.required ---------------------------------------------------
  // ---- narrative.empty ------------------------------------------------------
  {
    name: 'an empty overview',
    report: withNarratives(seed, { overview: '  ' }),
    expect: {
      id: 'narrative.empty:overview',
      severity: 'error',
      cells: [],
      message: '一、总体情况 还没有写：没有正文的报告不能定稿，请按本年实际情况填写',
    },
    all: ['narrative.empty:overview'],
  },
  {
    name: 'an overview holding only the five sub-headings of the template',
    report: withNarratives(seed, {
      overview: '（一）主动公开\n（二）依申请公开\n（三）政府信息管理\n（四）政府信息公开平台建设\n（五）监督保障',
    }),
    expect: { id: 'narrative.empty:overview', severity: 'error', cells: [] },
    all: ['narrative.empty:overview'],
  },
  {
    name: 'other matters answered with the template’s placeholder',
    report: withNarratives(seed, { other: '（文字描述）' }),
    expect: {
      id: 'narrative.empty:other',
      severity: 'error',
      cells: [],
      message: '六、其他需要报告的事项 只写了「（文字描述）」，不是正文：没有正文的报告不能定稿，请按本年实际情况填写',
    },
    all: ['narrative.empty:other'],
  },
  {
    name: 'an overview that skips parts',
    report: withNarratives(seed, { overview: '（一）主动公开\n全年主动公开信息120条。\n（二）依申请公开\n全年收到政府信息公开申请10件。' }),
    expect: {
      id: 'narrative.required:overview',
      severity: 'warning',
      cells: [],
      message: '一、总体情况 没有写到：（三）政府信息管理、（四）政府信息公开平台建设、（五）监督保障。格式要求五个方面都要写',
    },
    all: ['narrative.required:overview'],
  },
  {
    name: 'problems answered with a token',
    report: withNarratives(seed, { problems: '无。' }),
    expect: {
      id: 'narrative.empty:problems',
      severity: 'error',
      cells: [],
      message: '五、存在的主要问题及改进情况 只写了「无。」，不是正文：没有正文的报告不能定稿，请按本年实际情况填写',
    },
    all: ['narrative.empty:problems'],
  },
  {
    name: 'problems answered in one short sentence',
    report: withNarratives(seed, { problems: '本年度未发现问题。' }),
    expect: {
      id: 'narrative.required:problems',
      severity: 'warning',
      cells: [],
      message: '五、存在的主要问题及改进情况 只写了「本年度未发现问题。」：请写明本年存在的主要问题和改进措施',
    },
    all: ['narrative.required:problems'],
  },
  {
    name: 'other matters silent on the information processing fee',
    report: withNarratives(seed, { other: '本年度无其他需要报告的事项。' }),
    expect: {
      id: 'narrative.required:other',
      severity: 'warning',
      cells: [],
      message: '六、其他需要报告的事项 没有说明信息处理费的收取情况：请写明是否收取、发出收费通知的件数和金额',
    },
    all: ['narrative.required:other'],
  },
  // ---- narrative.numbers ----------------------------------------------------
  {
    name: 'the overview states a received count the table does not have',
    report: withNarratives(seed, { overview: seed.narratives.overview.replace('申请10例', '申请12例') }),
    expect: {
      id: 'narrative.numbers:overview:2022年,收到公民、法人或其他组织的信息公开申请12例',
      severity: 'warning',
      cells: ['requests.received.total'],
      message: '一、总体情况写「2022年,收到公民、法人或其他组织的信息公开申请12例」，但表中本年新收申请总计为 10 件：请核对文字或表格',
    },
    all: ['narrative.numbers:overview:2022年,收到公民、法人或其他组织的信息公开申请12例'],
  },
  {
    name: 'a handled count matching none of received, received + carried over, results',
    report: withNarratives(seedWithCarriedOver, { problems: `${seed.narratives.problems}\n全年共受理政府信息公开申请12件。` }),
    expect: {
      id: 'narrative.numbers:problems:全年共受理政府信息公开申请12件',
      severity: 'warning',
      cells: ['requests.received.total', 'requests.carried_over.total', 'requests.results_total.total'],
      message:
        '五、存在的主要问题及改进情况写「全年共受理政府信息公开申请12件」，但表中本年新收 10 件，或新收加上年结转 11 件，或办理结果总计 11 件：请核对文字或表格',
    },
    all: ['narrative.numbers:problems:全年共受理政府信息公开申请12件'],
  },
  {
    name: 'a review count the table does not have',
    report: withNarratives(seed, { other: `${seed.narratives.other}全年发生政府信息公开行政复议1件。` }),
    expect: {
      id: 'narrative.contradiction:other:全年发生政府信息公开行政复议1件',
      severity: 'warning',
      cells: ['appeals.review.total'],
      message: '六、其他需要报告的事项写「全年发生政府信息公开行政复议1件」，但表中行政复议总计为 0 件：文字与表格矛盾，请核对',
    },
    all: ['narrative.contradiction:other:全年发生政府信息公开行政复议1件'],
  },
  {
    name: 'a suit count the table does not have',
    report: withNarratives(seed, { other: `${seed.narratives.other}全年发生政府信息公开行政诉讼2件。` }),
    expect: {
      id: 'narrative.contradiction:other:全年发生政府信息公开行政诉讼2件',
      severity: 'warning',
      cells: ['appeals.suit_direct.total', 'appeals.suit_after_review.total'],
      message: '六、其他需要报告的事项写「全年发生政府信息公开行政诉讼2件」，但表中行政诉讼总计为 0 件：文字与表格矛盾，请核对',
    },
    all: ['narrative.contradiction:other:全年发生政府信息公开行政诉讼2件'],
  },
  {
    name: 'reviews and suits counted together',
    report: withNarratives(seed, { other: `${seed.narratives.other}全年涉及政府信息公开的行政复议、行政诉讼案件共3件。` }),
    expect: {
      id: 'narrative.contradiction:other:全年涉及政府信息公开的行政复议、行政诉讼案件共3件',
      severity: 'warning',
      cells: ['appeals.review.total', 'appeals.suit_direct.total', 'appeals.suit_after_review.total'],
      message:
        '六、其他需要报告的事项写「全年涉及政府信息公开的行政复议、行政诉讼案件共3件」，但表中行政复议和行政诉讼总计共 0 件：文字与表格矛盾，请核对',
    },
    all: ['narrative.contradiction:other:全年涉及政府信息公开的行政复议、行政诉讼案件共3件'],
  },
  {
    name: '"未发生行政复议、行政诉讼" though the table has a review',
    report: withNarratives(withCells(seed, { 'appeals.review.upheld': 1, 'appeals.review.total': 1 }), {
      other: `${seed.narratives.other}全年未发生因政府信息公开引起的行政复议、行政诉讼。`,
    }),
    expect: {
      id: 'narrative.contradiction:other:全年未发生因政府信息公开引起的行政复议、行政诉讼',
      severity: 'warning',
      cells: ['appeals.review.total', 'appeals.suit_direct.total', 'appeals.suit_after_review.total'],
      message:
        '六、其他需要报告的事项写「全年未发生因政府信息公开引起的行政复议、行政诉讼」，但表中行政复议和行政诉讼总计共 1 件：文字与表格矛盾，请核对',
    },
    all: ['narrative.contradiction:other:全年未发生因政府信息公开引起的行政复议、行政诉讼'],
  },
  {
    name: 'a carried-over count the table does not have',
    report: withNarratives(seed, { other: `${seed.narratives.other}上年结转政府信息公开申请2件。` }),
    expect: {
      id: 'narrative.contradiction:other:上年结转政府信息公开申请2件',
      severity: 'warning',
      cells: ['requests.carried_over.total'],
      message: '六、其他需要报告的事项写「上年结转政府信息公开申请2件」，但表中上年结转总计为 0 件：文字与表格矛盾，请核对',
    },
    all: ['narrative.contradiction:other:上年结转政府信息公开申请2件'],
  },
  {
    name: 'a carried-forward count the table does not have',
    report: withNarratives(seed, { other: `${seed.narratives.other}结转下一年度继续办理1件。` }),
    expect: {
      id: 'narrative.contradiction:other:结转下一年度继续办理1件',
      severity: 'warning',
      cells: ['requests.carried_forward.total'],
      message: '六、其他需要报告的事项写「结转下一年度继续办理1件」，但表中结转下年度总计为 0 件：文字与表格矛盾，请核对',
    },
    all: ['narrative.contradiction:other:结转下一年度继续办理1件'],
  },
  {
    name: 'a number written in words',
    report: withNarratives(seed, { overview: seed.narratives.overview.replace('申请10例', '申请十一例') }),
    expect: {
      id: 'narrative.numbers:overview:2022年,收到公民、法人或其他组织的信息公开申请十一例',
      severity: 'warning',
      cells: ['requests.received.total'],
    },
    all: ['narrative.numbers:overview:2022年,收到公民、法人或其他组织的信息公开申请十一例'],
  },
  // ---- narrative.year -------------------------------------------------------
  {
    name: 'last year’s text left in: "2021年，我局…" in a 2022 report',
    report: withNarratives(seed, { problems: seed.narratives.problems.replace('2022年,我局', '2021年，我局') }),
    expect: {
      id: 'narrative.year:problems:2021',
      severity: 'warning',
      cells: [],
      message:
        '五、存在的主要问题及改进情况写「2021年，我局政府信息公开工作规范有序推进」，把本报告的统计年度写成了 2021 年（本报告是 2022 年度）：可能是沿用了往年的文字，请核对',
    },
    all: ['narrative.year:problems:2021'],
  },
  {
    name: 'a copied year after a half-width semicolon, as stored web copies print it',
    report: withNarratives(seed, { overview: `${seed.narratives.overview};2021年,我局共发布信息200条。` }),
    expect: { id: 'narrative.year:overview:2021', severity: 'warning', cells: [] },
    all: ['narrative.year:overview:2021'],
  },
  {
    name: '"本单位2021年未收取…" in a 2022 report',
    report: withNarratives(seed, { other: '本单位2021年未收取信息处理费。' }),
    expect: { id: 'narrative.year:other:2021', severity: 'warning', cells: [] },
    all: ['narrative.year:other:2021'],
  },
  // ---- narrative.fee_notice -------------------------------------------------
  {
    name: 'a fee notice went unpaid but other matters say no fee',
    report: seedWithUnpaidFee,
    expect: {
      id: 'narrative.fee_notice',
      severity: 'warning',
      cells: ['requests.other_no_fee.total'],
      message:
        '表三 申请人逾期未缴费而不再处理的申请有 1 件（说明发出过收费通知），但六、其他需要报告的事项只写了「本单位2022年未收取信息处理费」：请写明发出收费通知的件数和金额',
    },
    all: ['narrative.fee_notice'],
  },
  // ---- plausibility.regulations ---------------------------------------------
  {
    name: 'a county department reporting 规章',
    report: withCells(seed, { 'proactive.regulations.in_force': 6 }),
    expect: {
      id: 'plausibility.regulations',
      severity: 'warning',
      cells: ['proactive.regulations.in_force'],
      message:
        '本机关层级为「县区部门」，无权制定规章，但表二 规章 填了 现行有效件数 6：规章只能由省级政府、设区的市政府和国务院部门制定，请核对是否应填在“行政规范性文件”',
    },
    all: ['plausibility.regulations'],
  },
  // ---- continuity.jump ------------------------------------------------------
  {
    name: 'requests received fell from 100 to 10',
    report: seed,
    ctx: { previous: withNarratives(previousOf(seed, { 'requests.received.total': 100 }), { overview: '', problems: '', other: '' }) },
    expect: {
      id: 'continuity.jump:requests.received.total',
      severity: 'notice',
      cells: ['requests.received.total'],
      message: '一、本年新收申请·总计 从上年的 100 变为 10，变化很大（超过 5 倍或不到五分之一）：请确认数字无误',
    },
    all: ['continuity.jump:requests.received.total'],
  },
  {
    name: 'administrative reviews rose from 2 to 12',
    report: withCells(seed, { 'appeals.review.upheld': 12, 'appeals.review.total': 12 }),
    ctx: {
      previous: withNarratives(previousOf(seed, { 'appeals.review.upheld': 2, 'appeals.review.total': 2 }), {
        overview: '',
        problems: '',
        other: '',
      }),
    },
    expect: {
      id: 'continuity.jump:appeals.review.total',
      severity: 'notice',
      cells: ['appeals.review.total'],
      message: '行政复议·总计 从上年的 2 变为 12，变化很大（超过 5 倍或不到五分之一）：请确认数字无误',
    },
    all: ['continuity.jump:appeals.review.total'],
  },
  // ---- schedule.deadline ----------------------------------------------------
  {
    name: 'exported as final after 31 January',
    report: seed,
    ctx: { finalExportDate: '2023-02-01' },
    expect: {
      id: 'schedule.deadline',
      severity: 'notice',
      cells: [],
      message: '部门的年度报告应于 2023 年 1 月 31 日前公布，今天（2023-02-01）已过期限',
    },
    all: ['schedule.deadline'],
  },
  {
    name: 'a district government exported as final after 31 March',
    report: { ...seed, agency: '余杭区人民政府', level: '县区政府' },
    ctx: { finalExportDate: '2023-04-01' },
    expect: {
      id: 'schedule.deadline',
      severity: 'notice',
      cells: [],
      message: '政府的年度报告应于 2023 年 3 月 31 日前公布，今天（2023-04-01）已过期限',
    },
    all: ['schedule.deadline'],
  },
  // ---- narrative.contradiction ---------------------------------------------
  {
    name: '"未收到政府信息公开申请" beside 10 received',
    report: withNarratives(seed, { other: `${seed.narratives.other}本年度未收到政府信息公开申请。` }),
    expect: {
      id: 'narrative.contradiction:other:本年度未收到政府信息公开申请',
      severity: 'warning',
      cells: ['requests.received.total'],
      message: '六、其他需要报告的事项写「本年度未收到政府信息公开申请」，但表中本年新收申请 10 件：文字与表格矛盾，请核对',
    },
    all: ['narrative.contradiction:other:本年度未收到政府信息公开申请'],
  },
  {
    name: '"所有申请均已按期办结" while 3 are carried forward',
    report: withNarratives(seedWithCarriedForward, {
      other: `${seed.narratives.other}本年度收到的政府信息公开申请均已按期办结。`,
    }),
    expect: {
      id: 'narrative.contradiction:other:本年度收到的政府信息公开申请均已按期办结',
      severity: 'warning',
      cells: ['requests.carried_forward.total'],
      message:
        '六、其他需要报告的事项写「本年度收到的政府信息公开申请均已按期办结」，但表中结转下年度继续办理 3 件：文字与表格矛盾，请核对',
    },
    all: ['narrative.contradiction:other:本年度收到的政府信息公开申请均已按期办结'],
  },
  // ---- narrative.problems_followup -----------------------------------------
  {
    name: 'problems silent on how last year’s problems were addressed',
    report: seed,
    ctx: { previous: rewrittenLastYear },
    expect: {
      id: 'narrative.problems_followup',
      severity: 'notice',
      cells: [],
      message: '五、存在的主要问题及改进情况 没有提到 2021 年报告所列问题的改进情况：格式要求写明上一年度存在问题的整改情况',
    },
    all: ['narrative.problems_followup'],
  },
  // ---- outline ------------------------------------------------------------
  {
    name: 'a part of 一 numbered 二、 as if it were a part of the report',
    report: withNarratives(seed, { overview: seed.narratives.overview.replace('(二)依申请公开', '二、依申请公开') }),
    expect: {
      id: 'outline.numbering:overview',
      severity: 'warning',
      cells: [],
      message: '一、总体情况 中「二、依申请公开」用了“二、”这一级编号，与报告六个部分的编号混淆：部分之内的小标题应编为（一）（二）……',
    },
    all: ['outline.numbering:overview'],
  },
  {
    name: 'a document that numbers 五 as 四',
    report: seed,
    ctx: { outline: { headings: { overview: '一、总体情况', problems: '四、存在的主要问题及改进情况' } } },
    expect: {
      id: 'outline.numbering:document:problems',
      severity: 'warning',
      cells: [],
      message: '文件中五、存在的主要问题及改进情况的标题写作「四、存在的主要问题及改进情况」：六个部分应依次编为一至六，此部分应为“五、”',
    },
    all: ['outline.numbering:document:problems'],
  },
  {
    name: 'a preamble that says the report has five parts',
    report: { ...seed, preamble: '本报告根据《中华人民共和国政府信息公开条例》要求编制，共分为五个部分。' },
    expect: {
      id: 'outline.parts_stated:preamble',
      severity: 'warning',
      cells: [],
      message: '导语（一、总体情况之前的段落）写「共分为五个部分」，但年度报告按格式共有六个部分（一至六）：请核对',
    },
    all: ['outline.parts_stated:preamble'],
  },
  // ---- text -----------------------------------------------------------------
  {
    name: 'a half-width comma in a report typed with full-width punctuation',
    report: withNarratives(seedFullWidth, { other: '本年度未收取信息处理费，未发出收费通知，也未减免,无其他需要报告的事项。' }),
    expect: {
      id: 'text.punctuation:other:half',
      severity: 'notice',
      cells: [],
      message: '六、其他需要报告的事项有 1 处半角标点夹在汉字之间（“,”），如「也未减免,无其他需要报告的事项」：公文应使用全角标点',
    },
    all: ['text.punctuation:other:half'],
  },
  {
    name: 'a bracket that never closes',
    report: withNarratives(seed, { other: '本单位2022年未收取信息处理费（详见附件。' }),
    expect: {
      id: 'text.punctuation:other:16',
      severity: 'notice',
      cells: [],
      message: '六、其他需要报告的事项的「（」没有对应的「）」：「本单位2022年未收取信息处理费（详见附件」',
    },
    all: ['text.punctuation:other:16'],
  },
  {
    name: 'a word typed twice',
    report: withNarratives(seed, { other: '本单位2022年未收取信息处理费，也未发出收费通知通知。' }),
    expect: {
      id: 'text.repeated:other:25',
      severity: 'notice',
      cells: [],
      message: '六、其他需要报告的事项写「本单位2022年未收取信息处理费，也未发出收费通知通知」，「通知」连写了两次：可能是多打了一次',
    },
    all: ['text.repeated:other:25'],
  },
];

describe('the seed', () => {
  it('yields no finding at all', () => {
    expect(validate(seed)).toEqual([]);
  });

  it('yields none as final on the due date either', () => {
    expect(validate(seed, { finalExportDate: '2023-01-31' })).toEqual([]);
  });
});

describe('every rule of the spec is broken by at least one case', () => {
  it('covers each rule id of the catalog', () => {
    const covered = new Set(cases.map((c) => c.expect.id.split(':')[0]));
    // hierarchy.sum compares a region's report with its bodies': the review evaluates it (tests/shared/review.test.ts).
    expect([...covered].sort()).toEqual(
      RULES.filter((r) => r.kind !== 'hierarchy')
        .map((r) => r.id)
        .sort(),
    );
  });
});

describe.each(cases)('$name', (c) => {
  const findings = validate(c.report, c.ctx);

  it('yields exactly the expected findings', () => {
    expect(findings.map((f) => f.id).sort()).toEqual([...c.all].sort());
  });

  it(`reports ${c.expect.id} with its severity, cells and message`, () => {
    const f = findings.find((x) => x.id === c.expect.id);
    expect(f).toBeDefined();
    expect(f!.rule).toBe(c.expect.id.split(':')[0]);
    expect(f!.severity).toBe(c.expect.severity);
    expect(f!.cells).toEqual(c.expect.cells);
    if (c.expect.message) expect(f!.message).toBe(c.expect.message);
  });
});

describe('the quick fixes the cases are offered', () => {
  const offered = cases.flatMap((c) =>
    validate(c.report, c.ctx)
      .filter((f) => f.fix)
      .map((f) => ({ name: `${c.name}: ${f.fix!.label}`, c, f })),
  );

  it("include one for every rule that offers a fix (a recomputed total, last year's figure, blanks filled with 0, the table's figure in the text, punctuation, a doubled word)", () => {
    const fixing = RULES.filter(
      (r) =>
        (r.kind === 'equation' && (r.fixLhs || r.fixFromPrevious)) ||
        r.kind === 'blank' ||
        r.kind === 'narrativeNumbers' ||
        r.kind === 'punctuation' ||
        r.kind === 'repeated',
    ).map((r) => r.id);
    expect([...new Set(offered.map(({ f }) => f.rule))].sort()).toEqual(fixing.sort());
  });

  it.each(offered)('$name removes its finding', ({ c, f }) => {
    const fixed = applyFix(c.report, f.fix!);
    expect(validate(fixed, c.ctx).map((x) => x.id)).not.toContain(f.id);
  });
});

describe('quick fixes', () => {
  it('offers to recompute a total from its parts', () => {
    const f = validate(withCells(seed, { 'requests.results_total.natural': 9 })).find((x) => x.id === 'requests.results_total:natural')!;
    expect(f.fix).toEqual({ label: '将总计改为 10', changes: [{ cell: 'requests.results_total.natural', value: 10 }] });
  });

  it('fills every blank of a table with 0, and the report is clean again', () => {
    const broken = withCells(seed, { 'requests.granted.research': '—', 'requests.partial.legal': null, 'appeals.review.other': '/' });
    let report = broken;
    for (const f of validate(broken).filter((x) => x.rule === 'cell.blank')) report = applyFix(report, f.fix!);
    expect(validate(report)).toEqual([]);
  });

  it('recomputing every total clears a report whose totals were all left at 0', () => {
    let report = withCells(seed, { 'requests.received.total': 0, 'requests.granted.total': 0, 'requests.unable_not_held.total': 0 });
    for (let round = 0; round < 3; round++) {
      for (const f of validate(report).filter((x) => x.fix)) report = applyFix(report, f.fix!);
    }
    expect(validate(report).filter((f) => f.severity === 'error')).toEqual([]);
  });

  it('is not offered when the parts sum to a value that is no count', () => {
    const f = validate(withCells(seed, { 'appeals.review.pending': 1.5 })).find((x) => x.id === 'appeals.total:review')!;
    expect(f.fix).toBeUndefined();
  });
});

describe('precision: right figures and sentences yield nothing', () => {
  const precise: { name: string; report: Report; ctx?: ValidationContext }[] = [
    { name: 'an amount with four decimals', report: withCells(seed, { 'proactive.fees.amount': 1.2345 }) },
    { name: 'an amount with decimals that are floating-point noise', report: withCells(seed, { 'proactive.fees.amount': 0.1 + 0.2 }) },
    {
      name: 'a city government reporting 规章',
      report: withCells({ ...seed, level: '市政府' }, { 'proactive.regulations.issued': 2, 'proactive.regulations.in_force': 2 }),
    },
    {
      name: 'a city government left at the default level reporting 规章',
      report: withCells(
        { ...seed, agency: '湛江市人民政府', level: '县区部门' },
        { 'proactive.regulations.issued': 1, 'proactive.regulations.in_force': 3 },
      ),
    },
    { name: 'a province reporting 规章', report: withCells({ ...seed, level: '省级' }, { 'proactive.regulations.in_force': 40 }) },
    {
      name: '受理…11件 where 11 = received + carried over',
      report: withNarratives(seedWithCarriedOver, { problems: `${seed.narratives.problems}\n全年共受理政府信息公开申请11件。` }),
    },
    {
      name: '受理…10件 where 10 = received',
      report: withNarratives(seedWithCarriedOver, { problems: `${seed.narratives.problems}\n全年共受理政府信息公开申请10件。` }),
    },
    {
      name: '收到…10件，上年结转1件',
      report: withNarratives(seedWithCarriedOver, {
        problems: `${seed.narratives.problems}\n本年度收到政府信息公开申请10件，上年结转1件。`,
      }),
    },
    {
      name: '答复…11件（含上年度结转申请1件）',
      report: withNarratives(seedWithCarriedOver, {
        problems: `${seed.narratives.problems}\n答复政府信息公开申请11件（含上年度结转申请1件）。`,
      }),
    },
    {
      name: '办理…10件，其中予以公开9件',
      report: withNarratives(seed, { problems: `${seed.narratives.problems}\n共办理政府信息公开申请10件，其中予以公开9件。` }),
    },
    {
      name: '未发生行政复议、行政诉讼',
      report: withNarratives(seed, { other: `${seed.narratives.other}全年未发生因政府信息公开引起的行政复议、行政诉讼。` }),
    },
    {
      name: '行政复议0件、行政诉讼0件',
      report: withNarratives(seed, { other: `${seed.narratives.other}因政府信息公开引起的行政复议0件、行政诉讼0件。` }),
    },
    { name: '收到…十件 in words', report: withNarratives(seed, { overview: seed.narratives.overview.replace('申请10例', '申请十例') }) },
    {
      name: 'a plan for next year: "2023年我们将…" in a 2022 report',
      report: withNarratives(seed, { problems: `${seed.narratives.problems}\n2023年，我们将进一步加强培训。` }),
    },
    {
      name: 'a plan two years on: "2025年我们将…"',
      report: withNarratives(seed, { problems: `${seed.narratives.problems}\n2025年我们将持续推进。` }),
    },
    {
      name: 'a citation: "2021年印发的《…》"',
      report: withNarratives(seed, {
        overview: `根据2021年印发的《中华人民共和国政府信息公开工作年度报告格式》编制本报告。\n${seed.narratives.overview}`,
      }),
    },
    {
      name: 'a comparison: "与2021年相比"',
      report: withNarratives(seed, { overview: `${seed.narratives.overview}\n与2021年相比，申请数量增加1件。` }),
    },
    {
      name: 'history: "自2019年起，我局…"',
      report: withNarratives(seed, { overview: `${seed.narratives.overview}\n自2019年起，我局坚持每月更新。` }),
    },
    {
      name: '"2021年以来，我局…"',
      report: withNarratives(seed, { overview: `${seed.narratives.overview}\n2021年以来，我局持续推进公开。` }),
    },
    {
      name: 'long-past history: "2017年，我局…"',
      report: withNarratives(seed, { overview: `${seed.narratives.overview}\n2017年，我局开通政务微博。` }),
    },
    {
      name: 'fee notices reported though nothing was collected',
      report: withNarratives(seedWithUnpaidFee, { other: '本年度发出收费通知1件，申请人逾期未缴纳，本单位未实际收取信息处理费。' }),
    },
    {
      name: 'carried over equal to last year’s carried forward',
      report: seedWithCarriedOver,
      ctx: {
        previous: withNarratives(
          previousOf(seed, {
            'requests.carried_forward.natural': 1,
            'requests.carried_forward.total': 1,
            'requests.received.natural': 11,
            'requests.received.total': 11,
          }),
          { overview: '', problems: '', other: '' },
        ),
      },
    },
    {
      name: 'small numbers that change a lot (1 → 6)',
      report: seed,
      ctx: { previous: withNarratives(previousOf(seed, { 'proactive.penalty.decisions': 1 }), { overview: '', problems: '', other: '' }) },
    },
    {
      name: 'a change of exactly fivefold',
      report: withCells(seed, { 'proactive.licensing.decisions': 50 }),
      ctx: {
        previous: withNarratives(previousOf(seed, { 'proactive.licensing.decisions': 10 }), { overview: '', problems: '', other: '' }),
      },
    },
    {
      name: 'a clause after a half-width semicolon is not read as the request count',
      report: withNarratives(seed, { overview: `${seed.narratives.overview}\n全年未收到行政许可申请;发文12件。` }),
    },
    {
      name: 'a history of years: "2020年我区…;2021年,在…;2022年,拓展至…"',
      report: withNarratives(seed, {
        overview: `${seed.narratives.overview}\n2020年我区率先形成部门政务公开标准目录;2021年,在圆满完成26个部门公开标准目录梳理的基础上,将标准化公开事项延伸到街镇。`,
      }),
    },
    {
      name: 'a rewritten narrative beside last year’s, saying how last year’s problems were addressed',
      report: withNarratives(seed, { problems: `${seed.narratives.problems}\n上年度报告提出的专业人员不足问题，已通过增配专人解决。` }),
      ctx: { previous: rewrittenLastYear },
    },
  ];

  it.each(precise)('$name', ({ report, ctx }) => {
    expect(validate(report, ctx)).toEqual([]);
  });
});

describe('blockingFindings', () => {
  it('lets an explained warning through but never an error', () => {
    const report = withCells(seed, { 'requests.granted.research': '—', 'appeals.review.upheld': 1 });
    const findings = validate(report);
    expect(findings.map((f) => f.id)).toEqual(['appeals.total:review', 'cell.blank:requests']);
    const explained = { 'cell.blank:requests': '该栏原表如此', 'appeals.total:review': '已核实' };
    expect(blockingFindings(findings, explained).map((f) => f.id)).toEqual(['appeals.total:review']);
    expect(blockingFindings(findings, { 'cell.blank:requests': '   ' }).map((f) => f.id)).toEqual([
      'appeals.total:review',
      'cell.blank:requests',
    ]);
  });

  it.each(['无', '已核实', '正确', ' 已核实无误。 ', '数据正确！！！'])('does not take the token %j for a 核实说明', (token) => {
    const findings = validate(withCells(seed, { 'requests.granted.research': '—' }));
    expect(blockingFindings(findings, { 'cell.blank:requests': token }).map((f) => f.id)).toEqual(['cell.blank:requests']);
  });

  it('takes an explanation for its own finding only', () => {
    const findings = validate(withCells(seed, { 'requests.granted.research': '—', 'appeals.review.upheld': null }));
    expect(findings.map((f) => f.id)).toEqual(['cell.blank:requests', 'cell.blank:appeals']);
    const blocking = blockingFindings(findings, { 'cell.blank:requests': '原表该栏即为空白，已与经办人核对' });
    expect(blocking.map((f) => f.id)).toEqual(['cell.blank:appeals']);
  });

  it('puts errors before warnings before notices', () => {
    const report = withCells(seed, { 'requests.granted.research': '—', 'appeals.review.upheld': 1 });
    const findings = validate(report, { finalExportDate: '2023-03-01' });
    expect(findings.map((f) => f.severity)).toEqual(['error', 'warning', 'notice']);
  });
});

describe('continuity.repetition', () => {
  it('follows the previous report it is given, run after run (nothing cached across reports)', () => {
    const copied = previousOf(seed);
    const rewritten = withNarratives(previousOf(seed), {
      overview: '全年发布信息56条。',
      problems: '专业人员不足。',
      other: '未收取信息处理费。',
    });
    const ids = (previous: Report) =>
      validate(seed, { previous })
        .map((f) => f.id)
        .filter((id) => id !== 'narrative.problems_followup');
    expect(ids(copied)).toEqual(['continuity.repetition']);
    expect(ids(rewritten)).toEqual([]);
    expect(ids(copied)).toEqual(['continuity.repetition']);
  });

  it('does not fire at half the text or less', () => {
    // Last year's report holds the overview only: the overview is repeated, 五 and 六 are not.
    const previous = withNarratives(previousOf(seed), { problems: '', other: '' });
    const share = (report: Report) => {
      const shares = Object.values(narrativeRepetition(report, previous));
      return shares.reduce((a, s) => a + s.repeated, 0) / shares.reduce((a, s) => a + s.total, 0);
    };
    const longProblems = withNarratives(seed, { problems: seed.narratives.problems.repeat(3) });
    expect(share(longProblems)).toBeLessThanOrEqual(0.5);
    expect(validate(longProblems, { previous }).map((f) => f.rule)).not.toContain('continuity.repetition');
    expect(share(seed)).toBeGreaterThan(0.5);
    expect(validate(seed, { previous }).map((f) => f.rule)).toContain('continuity.repetition');
  });
});
