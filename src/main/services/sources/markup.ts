// Markup (a Word file's XML parts, a web page) parsed into a tree under the
// read's budget: every element and text node is counted, and the nesting
// depth checked, as the parser makes it — so a million unclosed elements or
// ten thousand nested ones stop the parse at the limit instead of building a
// tree no walk could finish. A tree that got through is at most `depth`
// deep, so the walks over it may recurse.
import { Parser } from 'htmlparser2';
import { DomHandler, type ChildNode, type Document } from 'domhandler';
import type { ReadBudget } from './budget';

class CountingHandler extends DomHandler {
  constructor(
    private readonly budget: ReadBudget,
    xmlMode: boolean,
  ) {
    super(undefined, { xmlMode });
  }

  protected override addNode(node: ChildNode): void {
    // tagStack holds the document and the open elements: the new node's depth.
    this.budget.element(this.tagStack.length);
    super.addNode(node);
  }
}

/** The document tree of `text`; throws the budget's refusal past a limit. */
export function parseMarkup(text: string, budget: ReadBudget, options: { xmlMode: boolean }): Document {
  budget.markup(text.length);
  const handler = new CountingHandler(budget, options.xmlMode);
  new Parser(handler, { xmlMode: options.xmlMode }).end(text);
  return handler.root;
}
