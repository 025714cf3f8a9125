// Tolerant label matching. Hand-made workbooks write the template's labels
// with line breaks, full-width or half-width brackets, curly quotes, leading
// codes ("三、（三）1.") and typos copied for years; all of these must still
// find their row or column, and a label found only by likeness is a guess.

/** Codes that open a label: 三、 （三） (三) 1. 1、 1) and bare 三（…. */
const LEADING_CODE =
  /^(?:[一二三四五六七八九十]+[、.,](?!\d)|[一二三四五六七八九十]+(?=\()|\([一二三四五六七八九十]+\)[、.]?|\d{1,2}(?:[.、)](?!\d)|(?=[^\d.,]))|[、.,:])/;
const QUOTES = /["'“”‘’「」『』〝〞]/g;

/** The form two labels are compared in: no spaces, quotes or leading codes, half-width. */
export function normalizeLabel(text: string): string {
  let s = text.normalize('NFKC').replace(/\s+/g, '').replace(QUOTES, '');
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

/** Below this likeness a label is not taken for another. */
export const GUESS_THRESHOLD = 0.7;
/** Labels this short ("规章", "其他") are too alike to each other to be guessed. */
const MIN_GUESS_LENGTH = 4;

export interface LabelTarget<K extends string = string> {
  key: K;
  /** The official label, shown in the record as what a guess was taken for. */
  label: string;
  /** Other spellings that count as exact: aliases, short names, known typos. */
  variants: readonly string[];
}

export interface LabelMatch<K extends string = string> {
  key: K;
  exact: boolean;
  similarity: number;
  takenFor: string;
}

interface Compiled<K extends string> {
  target: LabelTarget<K>;
  forms: Set<string>;
}

/** A matcher over a fixed set of labels (one table's rows, or its columns). */
export class LabelMatcher<K extends string = string> {
  private readonly compiled: Compiled<K>[];
  /** Texts that are known not to be any of the targets (group headings, notes). */
  private readonly ignored: Set<string>;

  /** Group headings offices write before a row's own label ("不予公开-属于国家秘密"). */
  private readonly prefixes: string[];

  constructor(targets: readonly LabelTarget<K>[], ignored: readonly string[] = [], prefixes: readonly string[] = []) {
    this.prefixes = [...new Set(prefixes.map((p) => withoutAsides(normalizeLabel(p))))].filter(Boolean).sort((a, b) => b.length - a.length);
    const full = targets.map((target) => new Set([target.label, ...target.variants].map(normalizeLabel)));
    // A label's head without its aside counts too, unless two targets share it:
    // 行政诉讼（复议后起诉） and 行政诉讼（未经复议直接起诉） both lose their aside to 行政诉讼.
    const heads = new Map<string, number>();
    full.forEach((forms) => new Set([...forms].map(withoutAsides)).forEach((h) => heads.set(h, (heads.get(h) ?? 0) + 1)));
    this.compiled = targets.map((target, i) => {
      const forms = new Set(full[i]);
      for (const f of full[i]!) {
        const head = withoutAsides(f);
        if (heads.get(head) === 1) forms.add(head);
      }
      return { target, forms };
    });
    this.ignored = new Set(ignored.flatMap((t) => [normalizeLabel(t), withoutAsides(normalizeLabel(t))]));
    for (const { target, forms } of this.compiled) {
      for (const f of forms) {
        if (!this.byForm.has(f)) this.byForm.set(f, { key: target.key, exact: true, similarity: 1, takenFor: target.label });
        for (let n = 1; n < f.length; n++) this.heads.add(f.slice(0, n));
      }
    }
  }

  /** Beginnings of the labels, to tell a piece of a label typed over two rows at once. */
  private readonly heads = new Set<string>();
  /** Every form to its target (the first target that has it, in template order): one lookup per cell of a large sheet. */
  private readonly byForm = new Map<string, LabelMatch<K>>();

  /** Whether the text is the beginning of some label ("商业" of 商业企业). */
  begins(norm: string): boolean {
    return this.heads.has(norm);
  }

  /** Exact (normalised, alias) matches only: the whole text first, then its head without asides, then without a group heading before it. */
  exact(norm: string): LabelMatch<K> | undefined {
    const own = this.exactOwn(norm);
    if (own || !norm) return own;
    for (const p of [...this.prefixes, ASIDE_PREFIX]) {
      if (!norm.startsWith(p) || norm.length === p.length) continue;
      const rest = normalizeLabel(norm.slice(p.length).replace(/^[-—–－_:：、.．/|]+/, ''));
      const match = rest ? this.exactOwn(rest) : undefined;
      if (match) return match;
    }
    return undefined;
  }

  private exactOwn(norm: string): LabelMatch<K> | undefined {
    if (!norm) return undefined;
    const own = this.byForm.get(norm);
    if (own) return { ...own };
    if (!norm.includes('(') && !norm.includes('[')) return undefined;
    const bare = withoutAsides(norm);
    const head = bare ? this.byForm.get(bare) : undefined;
    return head ? { ...head } : undefined;
  }

  /** Every target the text may be: the exact one, else those alike enough, best first. */
  candidates(norm: string): LabelMatch<K>[] {
    const hit = this.exact(norm);
    if (hit) return [hit];
    if (norm.length < MIN_GUESS_LENGTH || this.ignored.has(norm) || this.ignored.has(withoutAsides(norm))) return [];
    const out: LabelMatch<K>[] = [];
    for (const { target, forms } of this.compiled) {
      let best = 0;
      for (const f of forms)
        if (f.length >= MIN_GUESS_LENGTH) best = Math.max(best, similarity(norm, f), similarity(withoutAsides(norm), f));
      if (best >= GUESS_THRESHOLD) out.push({ key: target.key, exact: false, similarity: best, takenFor: target.label });
    }
    return out.sort((a, b) => b.similarity - a.similarity);
  }
}
