// The sentences a report writes about its own tables, as data: for each
// place where reports state figures, two or three phrasings as published
// reports write them (长春市人民政府办公厅 2024: "共受理政府信息公开申请95件,其中
// 自然人申请89件,法人或其他组织申请6件"; 高平市 2025: "共新收政府信息公开申请77件,
// 办结81件(含上年度结转4件)"; 余杭区统计局 2022: "收到公民、法人或其他组织的信息
// 公开申请10例"; tests/fixtures/real-sentences.json), and the way they say
// none ("未发生政府信息公开行政复议案件", never "行政复议0件").
//
// A template: {quantity} is a figure of the tables (quantities.ts), {list:name}
// a list of figures ("予以公开9件、无法提供1件"), {year} and {agency} the report's;
// a clause in [brackets] is left out where a figure in it is 0 or its list is
// empty, and one holding {!figure} is said only where that figure is 0
// ("[，均为自然人申请{!legal}]"). `none` is what is said where the sentence's key
// figure is 0.
import type { NarrativeId } from '../template/gov2021';
import type { Quantity } from './quantities';

export interface SentenceTemplate {
  id: string;
  /** What the sentence states, as the insert menu names it. */
  title: string;
  /** The figure whose 0 chooses the `none` phrasings. */
  key: Quantity;
  phrasings: readonly string[];
  none: readonly string[];
  /** Said to the author beside the sentence: what the tables cannot tell (whether a fee was charged). */
  caution?: string;
}

/** A box of the editor: a narrative section and, in 一, its part （一）…（五） (1–5; 0 the opening). */
export interface TextPlace {
  text: NarrativeId;
  part?: number;
}

export interface SentenceGroup {
  id: string;
  /** As the insert menu heads the group: the section or part whose figures it states. */
  title: string;
  /** Where the menu offers the group first. */
  places: readonly TextPlace[];
  templates: readonly SentenceTemplate[];
}

export const SENTENCE_GROUPS: readonly SentenceGroup[] = [
  {
    id: 'requests',
    title: '依申请公开（表三）',
    places: [{ text: 'overview', part: 2 }],
    templates: [
      {
        id: 'received',
        title: '本年新收申请',
        key: 'received',
        phrasings: [
          '本年度共收到政府信息公开申请{received}件[，其中自然人申请{natural}件、法人或其他组织申请{legal}件][，均为自然人申请{!legal}][，均为法人或其他组织申请{!natural}]。',
          '{year}年，{agency}共新收政府信息公开申请{received}件[（自然人{natural}件、法人或其他组织{legal}件）][，全部为自然人申请{!legal}]。',
          '本年度收到公民、法人或其他组织的政府信息公开申请{received}件。',
        ],
        none: ['本年度未收到政府信息公开申请。', '{year}年，{agency}未收到政府信息公开申请。'],
      },
      {
        id: 'carried_over',
        title: '上年结转申请',
        key: 'carried_over',
        phrasings: ['上年结转政府信息公开申请{carried_over}件。', '另有上年度结转申请{carried_over}件。'],
        none: ['无上年结转的政府信息公开申请。'],
      },
      {
        id: 'results',
        title: '办理结果和结转下年度',
        key: 'results',
        phrasings: [
          '本年度办理政府信息公开申请{results}件[，其中{list:results}][；结转下年度继续办理{carried_forward}件]。',
          '全年办结政府信息公开申请{results}件[（{list:results}）][，另有{carried_forward}件结转下年度继续办理][，无结转下年度的申请{!carried_forward}]。',
          '本年度共答复政府信息公开申请{results}件[，其中{list:results}]。',
        ],
        none: ['本年度没有办结的政府信息公开申请。'],
      },
      {
        id: 'carried_forward',
        title: '结转下年度',
        key: 'carried_forward',
        phrasings: ['结转下年度继续办理{carried_forward}件。', '另有{carried_forward}件申请结转下年度继续办理。'],
        none: ['本年度收到的申请均已办结，无结转下年度的申请。'],
      },
    ],
  },
  {
    id: 'proactive',
    title: '主动公开（表二）',
    places: [{ text: 'overview', part: 1 }],
    templates: [
      {
        id: 'regulations',
        title: '规章',
        key: 'regs_any',
        phrasings: [
          '[本年度制发规章{regs_issued}件，][废止规章{regs_repealed}件，]现行有效规章{regs_in_force}件。',
          '[全年新制定规章{regs_issued}件；][废止{regs_repealed}件；]截至年底，现行有效规章{regs_in_force}件。',
        ],
        none: ['本年度未制发规章。'],
      },
      {
        id: 'normative_docs',
        title: '行政规范性文件',
        key: 'docs_any',
        phrasings: [
          '[本年度制发行政规范性文件{docs_issued}件，][废止{docs_repealed}件，]现行有效行政规范性文件{docs_in_force}件。',
          '[全年新制发行政规范性文件{docs_issued}件；][废止{docs_repealed}件；]截至年底，现行有效行政规范性文件{docs_in_force}件。',
        ],
        none: ['本年度未制发行政规范性文件。'],
      },
      {
        id: 'decisions',
        title: '许可、处罚、强制决定',
        key: 'decisions',
        phrasings: ['本年度作出{list:decisions}。', '全年共公开{list:decisions}。'],
        none: ['本年度未作出行政许可、行政处罚和行政强制决定。'],
      },
      {
        id: 'fees',
        title: '行政事业性收费',
        key: 'fees_amount',
        phrasings: ['本年度行政事业性收费金额{fees_amount}万元。', '全年收取行政事业性收费{fees_amount}万元。'],
        none: ['本年度无行政事业性收费。'],
      },
    ],
  },
  {
    id: 'appeals',
    title: '行政复议、行政诉讼（表四）',
    places: [{ text: 'overview', part: 2 }, { text: 'problems' }],
    templates: [
      {
        id: 'appeals',
        title: '复议和诉讼合计',
        key: 'appeals',
        phrasings: ['本年度因政府信息公开引起的行政复议、行政诉讼案件共{appeals}件。'],
        none: ['本年度未发生因政府信息公开引起的行政复议、行政诉讼案件。', '全年未发生政府信息公开行政复议、行政诉讼案件。'],
      },
      {
        id: 'review',
        title: '行政复议',
        key: 'review',
        phrasings: [
          '本年度因政府信息公开被申请行政复议{review}件[，其中{list:review_results}]。',
          '全年发生政府信息公开行政复议案件{review}件[（{list:review_results}）]。',
        ],
        none: ['本年度未发生政府信息公开行政复议案件。', '全年未发生因政府信息公开引起的行政复议。'],
      },
      {
        id: 'suits',
        title: '行政诉讼',
        key: 'suits',
        phrasings: [
          '本年度因政府信息公开被提起行政诉讼{suits}件[，其中{list:suit_kinds}]。',
          '全年发生政府信息公开行政诉讼案件{suits}件[（{list:suit_results}）]。',
        ],
        none: ['本年度未发生政府信息公开行政诉讼案件。', '全年未发生因政府信息公开引起的行政诉讼。'],
      },
    ],
  },
  {
    id: 'fees',
    title: '信息处理费（六）',
    places: [{ text: 'other' }],
    templates: [
      {
        id: 'processing_fee',
        title: '信息处理费',
        key: 'no_fee',
        phrasings: [
          '本年度因申请人逾期未按收费通知要求缴纳费用而不再处理的政府信息公开申请{no_fee}件。',
          '本年度向申请人发出收费通知后，申请人逾期未缴纳费用、不再处理的申请{no_fee}件。',
        ],
        none: ['本年度未收取政府信息公开信息处理费。', '{year}年，{agency}未收取信息处理费。'],
        caution: '表格不记收取的金额：收取了信息处理费的，请写明发出收费通知的件数和金额',
      },
    ],
  },
];
