// Lines of running text as documents hand them over: page furniture (page
// numbers, running headers) is not text of the report, and a line wrapped by
// the page is joined back without inventing a space between Chinese characters.

const PAGE_NUMBER: readonly RegExp[] = [
  /^[—–\-－─]+\s*\d{1,3}\s*[—–\-－─]+$/, // — 2 —, -2-
  /^第\s*\d{1,3}\s*页(?:\s*[,，/／]?\s*共\s*\d{1,3}\s*页)?$/, // 第2页, 第 2 页 共 6 页
  /^\d{1,3}\s*[/／]\s*\d{1,3}$/, // 2/6
  /^(?:page\s*)?\d{1,3}$/i, // 2
];

/** A line that is only a page number, in any of the ways offices print one. */
export function isPageNumber(line: string): boolean {
  const s = line.trim();
  return s.length > 0 && s.length <= 16 && PAGE_NUMBER.some((p) => p.test(s));
}

/** "续表", "（续表）", "表三（续）": a table's continuation announced, not text of the report. */
export function isContinuationMark(line: string): boolean {
  return /^(?:[（(]?续表[一二三四]?[)）]?|表[一二三四](?:[（(]续[)）]|续))$/.test(line.replace(/[\s\u00a0\u3000]+/g, ''));
}

/** Spaces and indentation marks a line carries at its ends (ideographic space, nbsp, BOM). */
export function trimLine(line: string): string {
  return line.replace(/^[\s\u00a0\u3000\ufeff]+|[\s\u00a0\u3000\ufeff]+$/g, '');
}

/** Collapses runs of white space, and drops those standing between two Chinese characters or punctuation. */
export function tidySpaces(text: string): string {
  return trimLine(
    text
      .replace(/[\s\u00a0\u3000]+/g, ' ')
      .replace(/(?<=[\u3000-\u303f\u3400-\u9fff\uff00-\uffef]) (?=[\u3000-\u303f\u3400-\u9fff\uff00-\uffef\d])/g, '')
      .replace(/(?<=[\u3000-\u303f\u3400-\u9fff\uff00-\uffef\d]) (?=[\u3000-\u303f\u3400-\u9fff\uff00-\uffef])/g, ''),
  );
}

/** Joins a line the page wrapped to the next: a space only between two Latin letters. */
export function joinWrapped(head: string, tail: string): string {
  return /[A-Za-z]$/.test(head) && /^[A-Za-z]/.test(tail) ? `${head} ${tail}` : head + tail;
}

/** What a portal prints around an article (footer, tools, links): where it starts, the report has ended. */
const SITE_CHROME =
  /^(?:【[^】]{1,8}】\s*)+$|^(?:主办单位|承办单位|主办|承办|协办|网站标识码|版权所有|技术支持|联系我们|网站地图|扫一扫|分享到|上一篇|下一篇|相关链接|相关阅读|责任编辑|打印本页|关闭窗口)|ICP备|公网安备/;

export function isSiteChrome(line: string): boolean {
  return SITE_CHROME.test(trimLine(line));
}
