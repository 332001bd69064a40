import fc from 'fast-check';
import MarkdownIt from 'markdown-it';
import { describe, expect, it } from 'vitest';
import { cap, MAX_VALUE } from '../../src/common/escape.js';
import { code, escapeText, htmlCode, oneLine } from '../../src/render/markdown.js';

const md = new MarkdownIt({ html: true, linkify: true });

describe('oneLine', () => {
  it.each([
    ['plain', 'plain'],
    ['a\nb', 'a\\nb'],
    ['a\r\nb', 'a\\r\\nb'],
    ['tab\there', 'tab\\there'],
    ['nul\u0000', 'nul\\u0000'],
    ['esc\u001b[31m', 'esc\\u001b[31m'],
    ['bidi\u202eevil', 'bidi\\u202eevil'],
    ['zero\u200bwidth', 'zero\\u200bwidth'],
    ['line\u2028sep', 'line\\u2028sep'],
    ['soft\u00adhyphen', 'soft\\u00adhyphen'],
    ['ünïcödé ✓', 'ünïcödé ✓'],
  ])('%j → %j', (input, expected) => {
    expect(oneLine(input)).toBe(expected);
  });
});

describe('cap', () => {
  it.each([
    ['abc', 3, 'abc'],
    ['abcd', 3, 'abc…'],
    // Never half a surrogate pair: the emoji is dropped whole.
    ['ab😀', 3, 'ab…'],
    ['a😀b', 3, 'a😀…'],
  ])('cap(%j, %i) → %j', (input, max, expected) => {
    expect(cap(input, max)).toBe(expected);
  });

  it('defaults to MAX_VALUE characters', () => {
    expect(cap('x'.repeat(500))).toBe(`${'x'.repeat(MAX_VALUE)}…`);
  });
});

describe('code', () => {
  it.each([
    ['a', '`a`'],
    ['a`b', '``a`b``'],
    ['a``b`', '``` a``b` ```'],
    ['`start', '`` `start ``'],
    ['end`', '`` end` ``'],
    [' both ', '`  both  `'],
    [' left', '` left`'],
    ['', '` `'],
    ['a\nb', '`a\\nb`'],
    ['<img src=x onerror=alert(1)>', '`<img src=x onerror=alert(1)>`'],
  ])('%j → %j', (input, expected) => {
    expect(code(input)).toBe(expected);
  });

  it('caps the value', () => {
    expect(code('y'.repeat(300), 10)).toBe('`yyyyyyyyyy…`');
  });

  it('is one code span holding the value exactly, whatever the value (markdown-it)', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: 'grapheme', maxLength: 60 }),
        fc.string({ unit: fc.constantFrom('`', ' ', 'a', '\n', '|', '<', '@', '#', '\\', '*'), maxLength: 30 }),
        (s, t) => {
          for (const value of [s, t, `${t}${s}${t}`]) {
            const body = cap(oneLine(value));
            // markdown-it strips one space from each end of an all-space span, unlike CommonMark 0.31.
            if (/^ +$/.test(body)) continue;
            const tokens = md.parseInline(code(value), {})[0]!.children!;
            expect(tokens.map((t) => t.type)).toEqual(['code_inline']);
            expect(tokens[0]!.content).toBe(body === '' ? ' ' : body);
          }
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe('escapeText', () => {
  it.each([
    ['plain words', 'plain words'],
    ['**bold** _em_', '\\*\\*bold\\*\\* \\_em\\_'],
    ['[x](javascript:alert(1))', '\\[x\\]\\(javascript:alert\\(1\\)\\)'],
    ['![t](u)', '\\!\\[t\\]\\(u\\)'],
    ['<b>', '\\<b\\>'],
    ['a|b', 'a\\|b'],
    ['~~s~~', '\\~\\~s\\~\\~'],
    ['back\\slash `tick`', 'back\\\\slash \\`tick\\`'],
    ['@everyone', '&#64;&#8203;everyone'],
    ['#123', '\\#&#8203;123'],
    ['&#64;x', '&amp;\\#&#8203;64;x'],
    ['https://evil.example', 'https:&#8203;//evil.example'],
    ['WWW.evil.com', 'WWW&#8203;.evil.com'],
    ['a\n# h', 'a\\\\n\\#&#8203; h'],
  ])('%j → %j', (input, expected) => {
    expect(escapeText(input)).toBe(expected);
  });

  it('renders as plain text: no link, image, HTML, emphasis or code (markdown-it)', () => {
    fc.assert(
      fc.property(
        fc.string({
          unit: fc.constantFrom(
            '[',
            ']',
            '(',
            ')',
            '!',
            '<',
            '>',
            '*',
            '_',
            '`',
            '~',
            '@',
            '#',
            '&',
            '\\',
            '|',
            'a',
            ' ',
            ':',
            '/',
            '1',
            ';',
          ),
          maxLength: 40,
        }),
        (s) => {
          const tokens = md.parseInline(escapeText(s), {})[0]!.children!;
          expect(tokens.every((t) => t.type === 'text')).toBe(true);
          const text = tokens.map((t) => t.content).join('');
          expect(text).not.toMatch(/@(?!\u200b)|#(?!\u200b)/);
        },
      ),
      { numRuns: 500 },
    );
  });
});

describe('htmlCode', () => {
  it.each([
    ['name', '<code>name</code>'],
    ['</summary><img src=x onerror=alert(1)>', '<code>&lt;/summary&gt;&lt;img src=x onerror=alert(1)&gt;</code>'],
    [`"q" 'a' & @org/team`, '<code>&quot;q&quot; &#39;a&#39; &amp; &#64;org/team</code>'],
    ['a\nb', '<code>a\\nb</code>'],
    ['#123 &#64;', '<code>&#35;123 &amp;&#35;64;</code>'],
  ])('%j → %j', (input, expected) => {
    expect(htmlCode(input)).toBe(expected);
  });
});
