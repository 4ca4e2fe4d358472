import fc from 'fast-check';
import {
  applyEdits,
  isWellFormed,
  decodeEntities,
  decodeXString,
  encodeXString,
  escapeXml,
  parseXml,
  setAttrs,
  TOK_CDATA,
  TOK_CLOSE,
  TOK_EOF,
  TOK_OPEN,
  TOK_TEXT,
  XmlScanner,
} from '../../src/workbook/xlsx/xml';
import { assertWellFormed } from './helpers';

function tokens(xml: string): string[] {
  const sc = new XmlScanner(xml);
  const out: string[] = [];
  for (let k = sc.next(); k !== TOK_EOF; k = sc.next()) {
    if (k === TOK_OPEN) out.push(`<${sc.name()}${sc.attrs().map(([n, v]) => ` ${n}=${v}`).join('')}${sc.selfClosing ? '/' : ''}>`);
    else if (k === TOK_CLOSE) out.push(`</${sc.name()}>`);
    else if (k === TOK_TEXT) out.push(`T:${sc.text()}`);
    else if (k === TOK_CDATA) out.push(`C:${sc.text()}`);
  }
  return out;
}

describe('XmlScanner', () => {
  it('reads tags, attributes (either quote, ">" inside values) and text', () => {
    expect(tokens(`<?xml version="1.0"?><a x="1" y='t>u'><b/>hi &amp; bye</a>`)).toEqual(['<a x=1 y=t>u>', '<b/>', 'T:hi & bye', '</a>']);
  });

  it('skips comments and processing instructions, keeps CDATA literal', () => {
    expect(tokens('<a><!-- <b> --><?pi x?><![CDATA[<&amp;>]]></a>')).toEqual(['<a>', 'C:<&amp;>', '</a>']);
  });

  it('gives local names without prefixes', () => {
    const sc = new XmlScanner('<x:row r="1"/>');
    sc.next();
    expect(sc.local()).toBe('row');
    expect(sc.is('row')).toBe(true);
    expect(sc.name()).toBe('x:row');
  });

  it('never expands DTD entities: a billion-laughs document stays literal text', () => {
    const lol =
      '<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">' +
      '<!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;"><!ENTITY x "a>b">]><lolz>&lol3; &lt;</lolz>';
    expect(tokens(lol)).toEqual(['<lolz>', 'T:&lol3; <', '</lolz>']);
  });

  it('decodes only predefined entities and valid numeric references', () => {
    expect(decodeEntities('&lt;&gt;&amp;&quot;&apos;&#65;&#x42;&#x1F600;')).toBe(`<>&"'AB\u{1F600}`);
    expect(decodeEntities('&foo; &#0; &#xD800; & &amp')).toBe('&foo; &#0; &#xD800; & &amp');
  });

  it('normalises newlines in text and whitespace in attributes', () => {
    expect(tokens('<a b="x\ty&#10;z">1\r\n2\r3</a>')).toEqual(['<a b=x y\nz>', 'T:1\n2\n3', '</a>']);
  });

  it('is lenient with stray "<", unquoted values and unclosed tags', () => {
    expect(tokens('<a>1 < 2<b c=3 d>x</a')).toEqual(['<a>', 'T:1 ', 'T:< 2', '<b c=3 d=>', 'T:x', '</a>']);
  });

  // How long these take is measured by `npm run bench` (time at 4x the size); here, that each
  // one finishes with the text it should have, not with a hang or a throw.
  it('reads hostile input to the end, with every character accounted for', () => {
    const n = 200_000;
    const inputs = ['&'.repeat(n), '<a '.repeat(n / 2), '<!DOCTYPE ['.padEnd(n, '"'), '<a b="'.padEnd(n, 'x'), '<'.repeat(n), '<!--'.repeat(n / 4)];
    for (const s of inputs) {
      const sc = new XmlScanner(s);
      let tokens = 0;
      while (sc.next() !== TOK_EOF) {
        if (++tokens > s.length) throw new Error('the scanner is not advancing');
      }
      expect(tokens).toBeLessThanOrEqual(s.length);
    }
    expect(decodeEntities('&'.repeat(n))).toBe('&'.repeat(n));
    expect(tokens('<'.repeat(3))).toEqual(['T:<', 'T:<', 'T:<']);
  });
});

describe('parseXml', () => {
  it('records offsets for patching and survives mismatched tags', () => {
    const src = '<r><a k="1">x</a><b/><c><d></c></r>';
    const root = parseXml(src).children[0];
    const [a, b, c] = root.children;
    expect(src.slice(a.start, a.end)).toBe('<a k="1">x</a>');
    expect(a.text).toBe('x');
    expect(b.selfClosing).toBe(true);
    expect(src.slice(c.start, c.end)).toBe('<c><d></c>');
  });

  it('handles deep nesting without recursion', () => {
    const depth = 200_000;
    const root = parseXml('<a>'.repeat(depth) + '</a>'.repeat(depth));
    expect(root.children).toHaveLength(1);
  });
});

describe('isWellFormed', () => {
  it('accepts well-formed documents and refuses what only a lenient reader could read', () => {
    expect(isWellFormed('<?xml version="1.0"?><!DOCTYPE a><a x="1"><b/><![CDATA[<]]><!-- c --></a>\n')).toBe(true);
    for (const bad of ['<a><b></a>', '<a>', '<a/><b/>', '<a x=1/>', '<a x/>', '<a>1 < 2</a>', '<a><!-- </a>', '<a', 'text<a/>', '<a/></a>']) {
      expect({ bad, ok: isWellFormed(bad) }).toEqual({ bad, ok: false });
    }
  });
});

describe('escaping', () => {
  it('setAttrs changes, adds and removes attributes keeping the rest', () => {
    expect(setAttrs('<xf numFmtId="14" fillId="0" applyFont="1">', { fillId: '5', applyFill: '1', applyFont: undefined })).toBe(
      '<xf numFmtId="14" fillId="5" applyFill="1">',
    );
    expect(setAttrs('<xf a="1" />', { b: '2' })).toBe('<xf a="1" b="2" />');
  });

  it('applyEdits applies in offset order and rejects overlaps', () => {
    expect(applyEdits('abcdef', [{ start: 4, end: 5, text: 'E' }, { start: 0, end: 0, text: '>' }])).toBe('>abcdEf');
    expect(() => applyEdits('abc', [{ start: 0, end: 2, text: '' }, { start: 1, end: 3, text: '' }])).toThrow();
  });

  it('Excel string escaping round-trips any string and always yields well-formed XML', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 60 }), (s) => {
        const enc = encodeXString(s);
        assertWellFormed(`<t>${enc}</t>`);
        const sc = new XmlScanner(`<t>${enc}</t>`);
        sc.next();
        const k = sc.next();
        const back = k === TOK_TEXT ? decodeXString(sc.text()) : '';
        expect(back).toBe(s);
      }),
      { numRuns: 500 },
    );
    expect(encodeXString('a_x0041_b\r\u0001')).toBe('a_x005F_x0041_b_x000D__x0001_');
    expect(decodeXString('a_x005F_x0041_b_x000D_')).toBe('a_x0041_b\r');
  });

  it('escapeXml makes attribute values well-formed', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 40 }), (s) => {
        assertWellFormed(`<a v="${escapeXml(s, true)}">${escapeXml(s)}</a>`);
      }),
    );
  });
});
