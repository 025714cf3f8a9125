// Tolerant label matching. Hand-made workbooks write the template's labels
// with line breaks, full-width or half-width brackets, curly quotes, leading
// codes ("三、（三）1."), a heading and its item in one cell ("行政复议-结果维持",
// "（三）不予公开—1.属于国家秘密") and typos copied for years; all of these must
// still find their label of the template, and a label found only by likeness
// is a guess.
import { LABEL_NODES, NODE_BY_ID, type LabelNode } from '../../../shared/template/paths';
import { PROACTIVE_BLOCKS, REQUEST_NOTE } from '../../../shared/template/gov2021';

/** Codes that open a label: 三、 （三） (三) 1. 1、 1) and bare 三（…. */
const LEADING_CODE =
  /^(?:[一二三四五六七八九十]+[、.,](?!\d)|[一二三四五六七八九十]+(?=\()|\([一二三四五六七八九十]+\)[、.]?|\d{1,2}(?:[.、)](?!\d)|(?=[^\d.,]))|[、.,:])/;
const QUOTES = /["'“”‘’「」『』〝〞]/g;
/** Characters that show nothing: zero-width spaces and joiners, the byte-order mark, soft hyphens. */
export const INVISIBLE = /[\u200b-\u200f\u2060-\u2064\ufeff\u00ad]/g;

/** The form two labels are compared in: no spaces, quotes or leading codes, half-width. */
export function normalizeLabel(text: string): string {
  let s = text.normalize('NFKC').replace(INVISIBLE, '').replace(/\s+/g, '').replace(QUOTES, '');
  for (let prev = ''; prev !== s;) {
    prev = s;
    s = s.replace(LEADING_CODE, '');
  }
  return s.replace(/[:：。;；,，]+$/, '');
}

/** Drops bracketed asides: "部分公开(区分处理的…)" and "本年收费金额(单位:万元)" compare by their heads. */
export function withoutAsides(norm: string): string {
  return norm.replace(/\([^()]*\)/g, '').replace(/\[[^\]]*\]/g, '');
}

/** 2·LCS / (|a| + |b|): 1 for equal strings, robust to a dropped or swapped character. */
export function similarity(a: string, b: string): number {
  if (a === b) return 1;
  if (!a || !b) return 0;
  const prev = new Array<number>(b.length + 1).fill(0);
  for (let i = 1; i <= a.length; i++) {
    let diag = 0;
    for (let j = 1; j <= b.length; j++) {
      const up = prev[j]!;
      prev[j] = a[i - 1] === b[j - 1] ? diag + 1 : Math.max(up, prev[j - 1]!);
      diag = up;
    }
  }
  return (2 * prev[b.length]!) / (a.length + b.length);
}

/** "其中：复议后起诉" is a row of its own, the 其中 says only that it is a part. */
const ASIDE_PREFIX = '其中';
/** What stands between a heading and its item written in one cell: "行政复议-结果维持". */
const JOINERS = /^[-—–－_:：、.．/|·]+|[-—–－_:：、.．/|·]+$/g;

/**
 * A header that opens with last year's mark ("上年制发件数" beside 本年制发件数,
 * "去年收费金额") heads last year's column: never a guess at this year's label,
 * only at a label about last year (a typo of 上年结转…).
 */
const LAST_YEARS = /^(?:上一?年度?|去年|上期|同期)/;

/** Below this likeness a label is not taken for another. */
export const GUESS_THRESHOLD = 0.7;
/** Labels this short ("规章", "其他") are too alike to each other to be guessed. */
const MIN_GUESS_LENGTH = 4;
/** A text longer than this is a note or a title, never a label to be guessed or split. */
const MAX_LABEL_LENGTH = 60;

/** One way to read a label: the template labels it names (one, or a heading and its item at once). */
export interface Reading {
  nodes: readonly LabelNode[];
  exact: boolean;
  /** 1 for an exact reading; how alike the text is to the label it was taken for, for a guess. */
  similarity: number;
}

/** Texts of the form that name no row or column: block titles, the corner, the note. */
const CONTEXT = [...PROACTIVE_BLOCKS.map((b) => b.header), '信息内容', REQUEST_NOTE];

class NodeMatcher {
  /** Every form to the nodes that have it ("其他" is a column of 三, a row of 三 and a column of 四). */
  private readonly byForm = new Map<string, LabelNode[]>();
  private readonly forms: { node: LabelNode; form: string }[] = [];
  readonly context: ReadonlySet<string>;
  /** Beginnings of the labels, to tell a piece of a label typed over two rows. */
  private readonly heads = new Set<string>();

  constructor(nodes: readonly LabelNode[]) {
    const full = nodes.map((node) => new Set([node.label, ...node.variants].map(normalizeLabel).filter(Boolean)));
    // A label's head without its aside counts too, unless two labels share it:
    // 行政诉讼（复议后起诉） and 行政诉讼（未经复议直接起诉） both lose their aside to 行政诉讼.
    const heads = new Map<string, Set<string>>();
    full.forEach((forms, i) => {
      for (const f of forms) {
        const head = withoutAsides(f);
        if (head && head !== f) heads.set(head, new Set([...(heads.get(head) ?? []), nodes[i]!.id]));
      }
    });
    nodes.forEach((node, i) => {
      const forms = new Set(full[i]);
      for (const f of full[i]!) {
        const head = withoutAsides(f);
        if (head && heads.get(head)?.size === 1 && !full.some((other, j) => j !== i && other.has(head))) forms.add(head);
      }
      for (const form of forms) {
        const list = this.byForm.get(form) ?? [];
        if (!list.includes(node)) list.push(node);
        this.byForm.set(form, list);
        this.forms.push({ node, form });
        for (let n = 1; n < form.length; n++) this.heads.add(form.slice(0, n));
      }
    });
    this.context = new Set(CONTEXT.flatMap((t) => [normalizeLabel(t), withoutAsides(normalizeLabel(t))]));
  }

  /** The nodes a whole text is, exactly (its head without asides counts where it names one label). */
  private whole(norm: string): LabelNode[] {
    if (!norm) return [];
    const own = this.byForm.get(norm);
    if (own) return own;
    if (!norm.includes('(') && !norm.includes('[')) return [];
    const bare = withoutAsides(norm);
    return (bare && this.byForm.get(bare)) || [];
  }

  /**
   * The exact readings of a text: the whole text, or a heading and its item
   * written together ("行政诉讼（复议后起诉）-结果维持"), up to three labels.
   */
  exact(norm: string): Reading[] {
    const text = norm.startsWith(ASIDE_PREFIX) && norm.length > ASIDE_PREFIX.length ? norm.slice(ASIDE_PREFIX.length) : norm;
    const clean = normalizeLabel(text.replace(JOINERS, ''));
    const whole = this.whole(clean);
    if (whole.length > 0) return whole.map((n) => ({ nodes: [n], exact: true, similarity: 1 }));
    if (clean.length > MAX_LABEL_LENGTH) return [];
    const seen = new Set<string>();
    return this.split(clean, 3)
      .filter((nodes) => {
        const id = nodes.map((n) => n.id).join('|');
        return !seen.has(id) && seen.add(id);
      })
      .map((nodes) => ({ nodes, exact: true, similarity: 1 }));
  }

  /** Splits of a text into labels of one table, each read whole, in order. */
  private split(norm: string, parts: number): LabelNode[][] {
    if (parts < 2) return [];
    const out: LabelNode[][] = [];
    for (let k = 2; k <= norm.length - 2; k++) {
      const head = this.whole(normalizeLabel(norm.slice(0, k).replace(JOINERS, '')));
      if (head.length === 0) continue;
      const rest = normalizeLabel(norm.slice(k).replace(JOINERS, ''));
      const tails = [...this.whole(rest).map((n) => [n]), ...this.split(rest, parts - 1)];
      for (const h of head) {
        for (const tail of tails) if (tail.every((n) => n.table === h.table && n !== h)) out.push([h, ...tail]);
      }
    }
    return out;
  }

  /** Whether a text is the beginning of some label ("商业" of 商业企业). */
  begins(norm: string): boolean {
    return this.heads.has(norm);
  }

  /** Labels a text only resembles, best first: each a guess the user is asked to check. */
  guesses(norm: string): Reading[] {
    if (norm.length < MIN_GUESS_LENGTH || norm.length > MAX_LABEL_LENGTH) return [];
    const lastYears = LAST_YEARS.test(norm);
    if (this.context.has(norm) || this.context.has(withoutAsides(norm))) return [];
    const bare = withoutAsides(norm);
    const best = new Map<LabelNode, number>();
    for (const { node, form } of this.forms) {
      if (form.length < MIN_GUESS_LENGTH || (lastYears && !LAST_YEARS.test(form))) continue;
      for (const text of bare && bare !== norm ? [norm, bare] : [norm]) {
        // LCS ≤ the shorter length: a text much longer or shorter can't reach the threshold.
        if ((2 * Math.min(text.length, form.length)) / (text.length + form.length) < GUESS_THRESHOLD) continue;
        const s = similarity(text, form);
        if (s >= GUESS_THRESHOLD && s > (best.get(node) ?? 0)) best.set(node, s);
      }
    }
    return [...best]
      .sort((a, b) => b[1] - a[1])
      .map(([node, s]) => ({ nodes: [node], exact: false, similarity: Math.round(s * 100) / 100 }));
  }

  /** Whether a text is one of the form's own words that name no row or column (a block title, the corner, the note). */
  isContext(norm: string): boolean {
    return this.context.has(norm) || this.context.has(withoutAsides(norm));
  }
}

/** The one matcher over every label of the three tables. */
export const LABELS = new NodeMatcher(LABEL_NODES);

/** The node of an id (a leaf's or a heading's). */
export const nodeOf = (id: string): LabelNode => NODE_BY_ID.get(id)!;
