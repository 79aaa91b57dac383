import { describe, expect, it } from 'vitest';
import {
  childElement,
  childElements,
  decodeXmlEntities,
  elementText,
  findElement,
  readXml,
  type XmlElement,
} from './xml-tree';

/** The one top-level element `readXml` finds in a well-formed document. */
function documentElement(text: string): XmlElement {
  const [root, ...others] = childElements(readXml(text));
  expect(others).toEqual([]);
  if (root === undefined) return expect.fail('no element');
  return root;
}

/** The trimmed text of the element at a path of child names below `element`. */
function textAt(element: XmlElement | undefined, ...path: readonly string[]): string | undefined {
  let current = element;
  for (const name of path) current = childElement(current, name);
  return current === undefined ? undefined : elementText(current).trim();
}

describe('readXml', () => {
  it('reads deeply nested garbage without overflowing the stack', () => {
    const deep = '<a>'.repeat(50_000) + '</a>'.repeat(50_000);
    expect(readXml(deep).children).toHaveLength(1);
  });

  it('reads elements, attributes in either quotes, text, entities and self-closing tags under a synthetic root', () => {
    const root = readXml(`<a x="1" y='2'><b>&lt;&#65;&#x42;&gt;</b><c/><b>second</b></a>`);
    expect(root.name).toBe('#root');
    const tree = documentElement(`<a x="1" y='2'><b>&lt;&#65;&#x42;&gt;</b><c/><b>second</b></a>`);
    expect(tree.attributes).toEqual(
      new Map([
        ['x', '1'],
        ['y', '2'],
      ]),
    );
    expect(childElements(tree).map((child) => child.name)).toEqual(['b', 'c', 'b']);
    expect(textAt(tree, 'b')).toBe('<AB>');
    expect(textAt(tree, 'missing', 'b')).toBeUndefined();
  });

  it('keeps prefixed attribute names as written, and reads CDATA as text', () => {
    const text = `<?xml version="1.0"?><e:a xmlns:e="urn:x" e:k="&amp;"><b>1</b> <c><![CDATA[<2>]]></c></e:a>`;
    const root = documentElement(text);
    expect(root.attributes.get('e:k')).toBe('&');
    expect(elementText(childElement(root, 'c') ?? root)).toBe('<2>');
  });

  it('skips the declaration, a DOCTYPE, comments and whitespace around the root', () => {
    const root = readXml('\uFEFF<?xml version="1.0"?>\r\n<!DOCTYPE a>\r\n<!-- c --><a>t<!-- c -->u</a>\r\n');
    expect(childElements(root)).toEqual([
      { name: 'a', attributes: new Map(), children: ['t', 'u'], closed: true },
    ]);
  });

  it('nests elements of the same name unless told to restart on them, and reads `>` inside a quoted value', () => {
    expect(childElement(documentElement(`<x><x id="a>b"/></x>`), 'x')?.attributes.get('id')).toBe('a>b');
    expect(childElements(readXml(`<x><x id="a>b"/></x>`, 'x'))).toHaveLength(2);
  });

  it('closes an open <Event> when a new one starts, so a cut-off event does not swallow the next', () => {
    const root = readXml(
      '<Events><Event><System><EventID>1</EventID><Event><EventID>2</EventID></Event></Events>',
    );
    const events = childElements(childElement(root, 'Events') ?? root);
    expect(
      events.map((event) => [textAt(event, 'System', 'EventID') ?? textAt(event, 'EventID'), event.closed]),
    ).toEqual([
      ['1', false],
      ['2', true],
    ]);
    expect(childElements(readXml('<a><a/></a>', 'a')).map((element) => element.closed)).toEqual([
      false,
      true,
    ]);
  });

  it('recovers: a stray end tag is ignored, a lone `<` is text, and an element cut off is kept unclosed', () => {
    const root = readXml('</x>a < b<p:Item k="1" k="2">text</q:Item><Cut attr="x');
    expect(elementText(root)).toBe('a < b');
    const [item, cut] = childElements(root);
    expect(item).toEqual({
      name: 'Item',
      attributes: new Map([['k', '1']]),
      children: ['text'],
      closed: true,
    });
    expect(cut).toEqual({ name: 'Cut', attributes: new Map(), children: [], closed: false });
  });

  it('stops quietly at an unterminated comment, CDATA section or processing instruction', () => {
    for (const tail of ['<!-- x', '<![CDATA[ x', '<?pi x']) {
      expect(childElements(readXml(`<a>1</a>${tail}<b/>`)).map((element) => element.name)).toEqual(['a']);
    }
  });
});

describe('the tree helpers', () => {
  const root = documentElement('<r><x><y id="1"/></x><y id="2">a<z/>b</y></r>');

  it('find the first element by local name, depth first in document order', () => {
    expect(findElement(root, 'y')?.attributes.get('id')).toBe('1');
    expect(childElement(root, 'y')?.attributes.get('id')).toBe('2');
    expect(childElement(undefined, 'y')).toBeUndefined();
    expect(findElement(root, 'missing')).toBeUndefined();
  });

  it('read the text directly inside an element', () => {
    const second = childElement(root, 'y');
    expect(second === undefined ? undefined : elementText(second)).toBe('ab');
  });

  it('decode the five entities and numeric references, and leave anything else as written', () => {
    expect(
      decodeXmlEntities('&lt;&gt;&amp;&quot;&apos; &#65;&#x42; &#xD800; &#0; &#x110000; &nbsp; &amp;amp;'),
    ).toBe(`<>&"' AB &#xD800; &#0; &#x110000; &nbsp; &amp;`);
  });
});
