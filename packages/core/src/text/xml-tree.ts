/**
 * A small, forgiving XML reader for the event XML `wevtutil` prints: elements, attributes, text and CDATA, nothing
 * else. It never resolves external entities, has no DTD support (a DOCTYPE, comments and processing instructions
 * are skipped) and never throws. A tag cut off at the end stops the read, an element still open at the end is kept
 * with `closed: false`, a stray end tag is ignored, and a new `<Event>` closes an open one.
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

const ENTITY = /&(?:#x([0-9a-fA-F]{1,8})|#([0-9]{1,10})|(amp|lt|gt|quot|apos));/g;
const NAMED_ENTITIES: Readonly<Record<string, string>> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
const NAME_START = /[A-Za-z_:\u00C0-\uFFFF]/;
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

function parseAttributes(body: string): Map<string, string> {
  const attributes = new Map<string, string>();
  for (const match of body.matchAll(ATTRIBUTE)) {
    const [, name = '', doubleQuoted, singleQuoted] = match;
    if (!attributes.has(name)) attributes.set(name, decodeXmlEntities(doubleQuoted ?? singleQuoted ?? ''));
  }
  return attributes;
}

/** Close the innermost open element with this local name and every element opened inside it; ignore a stray one. */
function closeElement(stack: OpenElement[], name: string): void {
  for (let index = stack.length - 1; index >= 0; index -= 1) {
    const element = stack[index];
    if (element?.name === name) {
      element.closed = true;
      stack.length = index;
      return;
    }
  }
}

function syntheticRoot(): OpenElement {
  return { name: '#root', attributes: new Map(), children: [], closed: true };
}

/** Read `text` into `root`, recovering from anything a well-formed document cannot hold. */
function scan(text: string, root: OpenElement, restartOn: string): void {
  const stack: OpenElement[] = [];
  const current = (): OpenElement => stack[stack.length - 1] ?? root;
  const addText = (value: string): void => {
    if (value !== '') current().children.push(value);
  };

  let position = 0;
  while (position < text.length) {
    const open = text.indexOf('<', position);
    addText(decodeXmlEntities(open < 0 ? text.slice(position) : text.slice(position, open)));
    if (open < 0) return;

    // A construct cut off at the end stops the read quietly.
    if (text.startsWith('<!--', open)) {
      const end = text.indexOf('-->', open + 4);
      if (end < 0) return;
      position = end + 3;
      continue;
    }
    if (text.startsWith('<![CDATA[', open)) {
      const end = text.indexOf(']]>', open + 9);
      if (end < 0) return;
      addText(text.slice(open + 9, end));
      position = end + 3;
      continue;
    }
    // A processing instruction, a DOCTYPE and an end tag end at the next `>`, so a malformed one hides little.
    if (text.startsWith('<?', open) || text.startsWith('<!', open) || text.startsWith('</', open)) {
      const end = text.indexOf('>', open + 2);
      if (end < 0) return;
      if (text.charAt(open + 1) === '/') closeElement(stack, localName(text.slice(open + 2, end).trim()));
      position = end + 1;
      continue;
    }
    if (!NAME_START.test(text.charAt(open + 1))) {
      addText('<');
      position = open + 1;
      continue;
    }

    const end = tagEnd(text, open + 1);
    if (end < 0) {
      // The output stops inside a start tag: keep it as an unclosed, empty element so it is counted as cut off.
      const partialName = localName(text.slice(open + 1).split(/[\s/>]/, 1)[0] ?? '');
      current().children.push({ name: partialName, attributes: new Map(), children: [], closed: false });
      return;
    }
    const selfClosing = text.charAt(end - 1) === '/';
    const body = text.slice(open + 1, selfClosing ? end - 1 : end);
    const nameLength = body.search(/[\s/]|$/);
    const name = localName(body.slice(0, nameLength));
    if (name === restartOn) {
      const openIndex = stack.findIndex((element) => element.name === restartOn);
      if (openIndex >= 0) stack.length = openIndex;
    }
    const element: OpenElement = {
      name,
      attributes: parseAttributes(body.slice(nameLength)),
      children: [],
      closed: selfClosing,
    };
    current().children.push(element);
    if (!selfClosing) stack.push(element);
    position = end + 1;
  }
}

/**
 * Read `text` forgivingly into a synthetic root element (named `#root`) holding everything at the top level.
 * Elements named `restartOn` (by default `Event`) never nest: a new one while another is open closes the open one
 * as incomplete, so one event cut off in the middle does not swallow the complete events after it.
 */
export function readXml(text: string, restartOn = 'Event'): XmlElement {
  const root = syntheticRoot();
  scan(text, root, restartOn);
  return root;
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
