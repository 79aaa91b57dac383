/** An element of a small XML document: its name, attributes, child elements and the text directly inside it. */
export interface XmlElement {
  readonly name: string;
  readonly attributes: Readonly<Record<string, string>>;
  readonly children: readonly XmlElement[];
  /** The character data directly inside the element (entities decoded), untrimmed. */
  readonly text: string;
}

interface Building {
  name: string;
  attributes: Record<string, string>;
  children: Building[];
  text: string;
}

const NAMED_ENTITIES: Readonly<Record<string, string>> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-fA-F]{1,6}|#\d{1,7}|[a-zA-Z]+);/g, (whole, body: string) => {
    if (body.startsWith('#')) {
      const code = body.startsWith('#x')
        ? Number.parseInt(body.slice(2), 16)
        : Number.parseInt(body.slice(1), 10);
      return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    }
    return NAMED_ENTITIES[body] ?? whole;
  });
}

function readAttributes(text: string): Record<string, string> {
  const attributes: Record<string, string> = {};
  for (const match of text.matchAll(/([A-Za-z_:][-\w:.]*)\s*=\s*(?:"([^"]*)"|'([^']*)')/g)) {
    const [, name = '', double, single] = match;
    attributes[name] = decodeEntities(double ?? single ?? '');
  }
  return attributes;
}

/**
 * Read a small, well-formed XML document such as `nvidia-smi -q -x` prints into its element tree. It is not a
 * general XML parser: it skips the declaration, DOCTYPE, comments and processing instructions, reads CDATA and the
 * predefined and numeric entities, and returns the reason (a string) for anything it cannot read: a document that
 * ends before its root closes, a mismatched close tag, or text outside the root. It never throws.
 */
export function parseXmlTree(text: string): XmlElement | string {
  const stack: Building[] = [];
  let root: Building | undefined;
  let at = 0;
  while (at < text.length) {
    const open = text.indexOf('<', at);
    const characters = open < 0 ? text.slice(at) : text.slice(at, open);
    const top = stack[stack.length - 1];
    if (top) top.text += decodeEntities(characters);
    else if (characters.trim() !== '') return 'there is text outside the root element';
    if (open < 0) break;
    if (text.startsWith('<!--', open)) {
      const end = text.indexOf('-->', open + 4);
      if (end < 0) return 'the output ends inside a comment';
      at = end + 3;
      continue;
    }
    if (text.startsWith('<![CDATA[', open)) {
      const end = text.indexOf(']]>', open + 9);
      if (end < 0) return 'the output ends inside CDATA';
      if (!top) return 'there is CDATA outside the root element';
      top.text += text.slice(open + 9, end);
      at = end + 3;
      continue;
    }
    if (text.startsWith('<?', open)) {
      const end = text.indexOf('?>', open + 2);
      if (end < 0) return 'the output ends inside a processing instruction';
      at = end + 2;
      continue;
    }
    if (text.startsWith('<!', open)) {
      let end = text.indexOf('>', open);
      const subset = text.indexOf('[', open);
      if (subset >= 0 && end >= 0 && subset < end) {
        const subsetEnd = text.indexOf(']', subset);
        end = subsetEnd < 0 ? -1 : text.indexOf('>', subsetEnd);
      }
      if (end < 0) return 'the output ends inside a declaration';
      at = end + 1;
      continue;
    }
    const close = text.indexOf('>', open);
    if (close < 0) return 'the output ends inside a tag';
    const tag = text.slice(open + 1, close);
    at = close + 1;
    if (tag.startsWith('/')) {
      const name = tag.slice(1).trim();
      const element = stack.pop();
      if (element?.name !== name) return `</${name}> does not close <${element?.name ?? ''}>`;
      continue;
    }
    const selfClosing = tag.endsWith('/');
    const match = /^([A-Za-z_:][-\w:.]*)(\s[\s\S]*)?$/.exec(selfClosing ? tag.slice(0, -1) : tag);
    if (!match) return `<${tag.slice(0, 40)}> is not a tag`;
    const element: Building = {
      name: match[1] ?? '',
      attributes: readAttributes(match[2] ?? ''),
      children: [],
      text: '',
    };
    const parent = stack[stack.length - 1];
    if (parent) parent.children.push(element);
    else if (root) return 'there is a second root element';
    else root = element;
    if (!selfClosing) stack.push(element);
  }
  const unclosed = stack[stack.length - 1];
  if (unclosed) return `the output ends before </${unclosed.name}>`;
  return root ?? 'there is no XML element';
}

/** The first child element with the given name. */
export function childElement(element: XmlElement | undefined, name: string): XmlElement | undefined {
  return element?.children.find((child) => child.name === name);
}

/** The trimmed text of the element at a path of child names, or undefined when a step is missing. */
export function textAt(element: XmlElement | undefined, ...path: readonly string[]): string | undefined {
  let current = element;
  for (const name of path) current = childElement(current, name);
  return current?.text.trim();
}
