import { describe, expect, it } from 'vitest';
import {
  childElement,
  childElements,
  decodeXmlEntities,
  elementText,
  findElement,
  parseXmlTree,
  readXml,
  textAt,
  type XmlElement,
} from './xml-tree';

function documentElement(text: string): XmlElement {
  const result = parseXmlTree(text);
  if (typeof result === 'string') expect.fail(result);
  return result;
}

describe('parseXmlTree', () => {
  it('reads elements, attributes in either quotes, text, entities and self-closing tags', () => {
    const tree = parseXmlTree(`<a x="1" y='2'><b>&lt;&#65;&#x42;&gt;</b><c/><b>second</b></a>`);
    if (typeof tree === 'string') expect.fail(tree);
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

  it('returns the reason for what it cannot read', () => {
    expect(parseXmlTree('<a><b></a>')).toBe('</a> does not close <b>');
    expect(parseXmlTree('<a>')).toBe('the output ends before </a>');
    expect(parseXmlTree('<a')).toBe('the output ends inside a tag');
    expect(parseXmlTree('plain')).toBe('there is text outside the root element');
    expect(parseXmlTree('')).toBe('there is no XML element');
    expect(parseXmlTree('<a><!-- x')).toBe('the output ends inside a comment');
  });

  it('names the other constructs it cannot read', () => {
    expect(parseXmlTree('<a><![CDATA[x')).toBe('the output ends inside CDATA');
    expect(parseXmlTree('<![CDATA[x]]><a/>')).toBe('there is CDATA outside the root element');
    expect(parseXmlTree('<?xml version="1.0"')).toBe('the output ends inside a processing instruction');
    expect(parseXmlTree('<!DOCTYPE a [ <!ENTITY e "x">')).toBe('the output ends inside a declaration');
    expect(parseXmlTree('<a></a><b/>')).toBe('there is a second root element');
    expect(parseXmlTree('<a>< b></a>')).toBe('< b> is not a tag');
    expect(parseXmlTree('</a>')).toBe('</a> does not close <>');
    expect(parseXmlTree('<a/>text')).toBe('there is text outside the root element');
  });

  it('skips the declaration, a DOCTYPE with an internal subset, comments and whitespace around the root', () => {
    const root = documentElement(
      '\uFEFF<?xml version="1.0"?>\r\n<!DOCTYPE a [ <!ENTITY e "x"> ]>\r\n<!-- c --><a>t<!-- c -->u</a>\r\n',
    );
    expect(root).toEqual({ name: 'a', attributes: new Map(), children: ['t', 'u'], closed: true });
    expect(elementText(root)).toBe('tu');
  });

  it('nests elements of the same name (no restart), and reads `>` inside a quoted attribute value', () => {
    const root = documentElement(`<Event><Event id="a>b"/></Event>`);
    expect(childElement(root, 'Event')?.attributes.get('id')).toBe('a>b');
  });

  it('reads a deeply nested document without overflowing the stack', () => {
    const deep = '<a>'.repeat(50_000) + '</a>'.repeat(50_000);
    expect(documentElement(deep).name).toBe('a');
  });
});

describe('readXml', () => {
  it('reads deeply nested garbage without overflowing the stack', () => {
    const deep = '<a>'.repeat(50_000) + '</a>'.repeat(50_000);
    expect(readXml(deep).children).toHaveLength(1);
  });

  it('reads a well-formed document into the same element parseXmlTree returns, under a synthetic root', () => {
    const text = `<?xml version="1.0"?><e:a xmlns:e="urn:x" e:k="&amp;"><b>1</b> <c><![CDATA[<2>]]></c></e:a>`;
    const root = readXml(text);
    expect(root.name).toBe('#root');
    expect(childElements(root)).toEqual([documentElement(text)]);
    expect(childElement(root, 'a')?.attributes.get('e:k')).toBe('&');
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
    expect(textAt(root, 'x', 'y')).toBe('');
    expect(textAt(undefined)).toBeUndefined();
  });

  it('decode the five entities and numeric references, and leave anything else as written', () => {
    expect(
      decodeXmlEntities('&lt;&gt;&amp;&quot;&apos; &#65;&#x42; &#xD800; &#0; &#x110000; &nbsp; &amp;amp;'),
    ).toBe(`<>&"' AB &#xD800; &#0; &#x110000; &nbsp; &amp;`);
  });
});
