/**
 * A small XML reader for tool output (event XML from `wevtutil`, `nvidia-smi -q -x`): elements, attributes, text
 * and CDATA, nothing else. It never resolves external entities, has no DTD support (a DOCTYPE, comments and
 * processing instructions are skipped) and never throws. Two entry points share one scanner and one tree:
 * - {@link readXml} is forgiving: a tag cut off at the end stops the read, an element still open at the end is
 *   kept with `closed: false`, a stray end tag is ignored, and a new `<Event>` closes an open one.
 * - {@link parseXmlTree} is strict: it returns the root element of a well-formed document, or the reason (a
 *   string) it cannot read it.
 */

/** One element: its local name (any `prefix:` removed), attributes as written, and its children in order. */
export interface XmlElement {
  readonly name: string;
  /** Attribute values by name as written (with any prefix), entities decoded; the first of two equal names wins. */
  readonly attributes: ReadonlyMap<string, string>;
  readonly children: readonly XmlNode[];
  /** False when the input ended (or a new `<Event>` began) before this element's end tag. */
  readonly closed: boolean;
}

/** A child of an element: another element, or decoded text (character data and CDATA, in order). */
export type XmlNode = XmlElement | string;

interface OpenElement {
  name: string;
  attributes: Map<string, string>;
  children: XmlNode[];
  closed: boolean;
}

/** An element whose end tag has not been read yet, with its name as written for the strict end-tag check. */
interface OpenFrame {
  readonly element: OpenElement;
  readonly tag: string;
}

const ENTITY = /&(?:#x([0-9a-fA-F]{1,8})|#([0-9]{1,10})|(amp|lt|gt|quot|apos));/g;
const NAMED_ENTITIES: Readonly<Record<string, string>> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
const NAME_START = /[A-Za-z_:\u00C0-\uFFFF]/;
/** A start tag's body (without `<`, `>` and a self-closing `/`) that the strict reader accepts. */
const STRICT_TAG = /^[A-Za-z_:][-\w:.]*(?:\s[\s\S]*)?$/;
const ATTRIBUTE = /([^\s=/>"']+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g;

function codePointText(code: number, original: string): string {
  const valid = code > 0 && code <= 0x10ffff && !(code >= 0xd800 && code <= 0xdfff);
  return valid ? String.fromCodePoint(code) : original;
}

/** Decode the five XML entities and numeric references (`&#65;`, `&#x41;`); anything else stays as written. */
export function decodeXmlEntities(text: string): string {
  if (!text.includes('&')) return text;
  return text.replace(
    ENTITY,
    (whole, hex: string | undefined, decimal: string | undefined, name: string | undefined) => {
      if (hex !== undefined) return codePointText(Number.parseInt(hex, 16), whole);
      if (decimal !== undefined) return codePointText(Number.parseInt(decimal, 10), whole);
      return (name !== undefined ? NAMED_ENTITIES[name] : undefined) ?? whole;
    },
  );
}

function localName(qualified: string): string {
  const colon = qualified.lastIndexOf(':');
  return colon >= 0 ? qualified.slice(colon + 1) : qualified;
}

/** The index of the `>` that ends the tag starting at `start`, skipping quoted attribute values; -1 if none. */
function tagEnd(text: string, start: number): number {
  let quote: string | null = null;
  for (let index = start; index < text.length; index += 1) {
    const char = text[index];
    if (quote !== null) {
      if (char === quote) quote = null;
    } else if (char === '"' || char === "'") {
      quote = char;
    } else if (char === '>') {
      return index;
    }
  }
  return -1;
}

/** The index of the `>` that ends the `<!…>` declaration at `open`, past an internal `[…]` subset; -1 if none. */
function declarationEnd(text: string, open: number): number {
  const end = text.indexOf('>', open);
  const subset = text.indexOf('[', open);
  if (subset < 0 || end < 0 || subset > end) return end;
  const subsetEnd = text.indexOf(']', subset);
  return subsetEnd < 0 ? -1 : text.indexOf('>', subsetEnd);
}

function parseAttributes(body: string): Map<string, string> {
  const attributes = new Map<string, string>();
  for (const match of body.matchAll(ATTRIBUTE)) {
    const [, name = '', doubleQuoted, singleQuoted] = match;
    if (!attributes.has(name)) attributes.set(name, decodeXmlEntities(doubleQuoted ?? singleQuoted ?? ''));
  }
  return attributes;
}

/** Close the innermost open element with this local name and every element opened inside it; ignore a stray one. */
function closeElement(stack: OpenFrame[], name: string): void {
  for (let index = stack.length - 1; index >= 0; index -= 1) {
    const frame = stack[index];
    if (frame?.element.name === name) {
      frame.element.closed = true;
      stack.length = index;
      return;
    }
  }
}

function syntheticRoot(): OpenElement {
  return { name: '#root', attributes: new Map(), children: [], closed: true };
}

/**
 * The scanner behind both entry points: reads `text` into `root`. Strict, it stops at the first thing a
 * well-formed document cannot hold and returns why; forgiving, it recovers and returns undefined.
 */
function scan(
  text: string,
  root: OpenElement,
  strict: boolean,
  restartOn: string | undefined,
): string | undefined {
  const stack: OpenFrame[] = [];
  const current = (): OpenElement => stack[stack.length - 1]?.element ?? root;
  const addText = (value: string): void => {
    if (value !== '') current().children.push(value);
  };
  /** A construct cut off at the end stops the read: with its reason when strict, quietly otherwise. */
  const cutOff = (reason: string): string | undefined => (strict ? reason : undefined);
  let rootSeen = false;

  let position = 0;
  while (position < text.length) {
    const open = text.indexOf('<', position);
    const characters = open < 0 ? text.slice(position) : text.slice(position, open);
    if (strict && stack.length === 0 && characters.trim() !== '')
      return 'there is text outside the root element';
    addText(decodeXmlEntities(characters));
    if (open < 0) break;

    if (text.startsWith('<!--', open)) {
      const end = text.indexOf('-->', open + 4);
      if (end < 0) return cutOff('the output ends inside a comment');
      position = end + 3;
      continue;
    }
    if (text.startsWith('<![CDATA[', open)) {
      const end = text.indexOf(']]>', open + 9);
      if (end < 0) return cutOff('the output ends inside CDATA');
      if (strict && stack.length === 0) return 'there is CDATA outside the root element';
      addText(text.slice(open + 9, end));
      position = end + 3;
      continue;
    }
    // Strict, a processing instruction ends at `?>` and a DOCTYPE after its internal subset; forgiving, both end
    // at the next `>`, so a malformed one hides as little as possible.
    if (text.startsWith('<?', open)) {
      const close = strict ? '?>' : '>';
      const end = text.indexOf(close, open + 2);
      if (end < 0) return cutOff('the output ends inside a processing instruction');
      position = end + close.length;
      continue;
    }
    if (text.startsWith('<!', open)) {
      const end = strict ? declarationEnd(text, open) : text.indexOf('>', open + 2);
      if (end < 0) return cutOff('the output ends inside a declaration');
      position = end + 1;
      continue;
    }
    if (text.startsWith('</', open)) {
      const end = text.indexOf('>', open + 2);
      if (end < 0) return cutOff('the output ends inside a tag');
      const tag = text.slice(open + 2, end).trim();
      if (strict) {
        const frame = stack.pop();
        if (frame?.tag !== tag) return `</${tag}> does not close <${frame?.tag ?? ''}>`;
        frame.element.closed = true;
      } else {
        closeElement(stack, localName(tag));
      }
      position = end + 1;
      continue;
    }
    if (!strict && !NAME_START.test(text.charAt(open + 1))) {
      addText('<');
      position = open + 1;
      continue;
    }

    const end = tagEnd(text, open + 1);
    if (end < 0) {
      if (strict) return 'the output ends inside a tag';
      // The output stops inside a start tag: keep it as an unclosed, empty element so it is counted as cut off.
      const partialName = localName(text.slice(open + 1).split(/[\s/>]/, 1)[0] ?? '');
      current().children.push({ name: partialName, attributes: new Map(), children: [], closed: false });
      return undefined;
    }
    const selfClosing = text.charAt(end - 1) === '/';
    const body = text.slice(open + 1, selfClosing ? end - 1 : end);
    if (strict && !STRICT_TAG.test(body)) return `<${text.slice(open + 1, end).slice(0, 40)}> is not a tag`;
    const nameLength = body.search(/[\s/]|$/);
    const tag = body.slice(0, nameLength);
    const name = localName(tag);
    if (name === restartOn) {
      const openIndex = stack.findIndex((frame) => frame.element.name === restartOn);
      if (openIndex >= 0) stack.length = openIndex;
    }
    const element: OpenElement = {
      name,
      attributes: parseAttributes(body.slice(nameLength)),
      children: [],
      closed: selfClosing,
    };
    if (strict && stack.length === 0) {
      if (rootSeen) return 'there is a second root element';
      rootSeen = true;
    }
    current().children.push(element);
    if (!selfClosing) stack.push({ element, tag });
    position = end + 1;
  }
  const unclosed = stack[stack.length - 1];
  return strict && unclosed !== undefined ? `the output ends before </${unclosed.tag}>` : undefined;
}

/**
 * Read `text` forgivingly into a synthetic root element (named `#root`) holding everything at the top level.
 * Elements named `restartOn` (by default `Event`) never nest: a new one while another is open closes the open one
 * as incomplete, so one event cut off in the middle does not swallow the complete events after it.
 */
export function readXml(text: string, restartOn = 'Event'): XmlElement {
  const root = syntheticRoot();
  scan(text, root, false, restartOn);
  return root;
}

/**
 * Read a small, well-formed XML document such as `nvidia-smi -q -x` prints into its root element. It returns the
 * reason (a string) for anything it cannot read: a document that ends before its root closes or inside a tag,
 * comment or CDATA, a mismatched end tag, something that is not a tag, text or a second element outside the root.
 * Elements named alike nest normally here.
 */
export function parseXmlTree(text: string): XmlElement | string {
  const root = syntheticRoot();
  const reason = scan(text, root, true, undefined);
  return reason ?? childElements(root)[0] ?? 'there is no XML element';
}

/** The element children of `element`. */
export function childElements(element: XmlElement): XmlElement[] {
  return element.children.filter((child): child is XmlElement => typeof child !== 'string');
}

/** The first child element with this local name; undefined when there is none or `element` is undefined. */
export function childElement(element: XmlElement | undefined, name: string): XmlElement | undefined {
  return element === undefined ? undefined : childElements(element).find((child) => child.name === name);
}

/** The first element with this local name below `element` (depth first, document order), without recursion. */
export function findElement(element: XmlElement, name: string): XmlElement | undefined {
  const pending: XmlElement[] = childElements(element).reverse();
  for (let next = pending.pop(); next !== undefined; next = pending.pop()) {
    if (next.name === name) return next;
    const children = childElements(next);
    for (let index = children.length - 1; index >= 0; index -= 1) {
      const child = children[index];
      if (child !== undefined) pending.push(child);
    }
  }
  return undefined;
}

/** The text directly inside `element` (its text and CDATA children, joined), untrimmed. */
export function elementText(element: XmlElement): string {
  return element.children.filter((child): child is string => typeof child === 'string').join('');
}

/** The trimmed text of the element at a path of child names below `element`, or undefined when a step is missing. */
export function textAt(element: XmlElement | undefined, ...path: readonly string[]): string | undefined {
  let current = element;
  for (const name of path) current = childElement(current, name);
  return current === undefined ? undefined : elementText(current).trim();
}
