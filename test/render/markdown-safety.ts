// What the Markdown plan may contain when rendered by a real GFM renderer (markdown-it with HTML
// and linkify on, as GitHub passes some HTML through): shared by the renderer's tests and the
// end-to-end test of the built CLI.
import MarkdownIt from 'markdown-it';
import type { Token } from 'markdown-it';
import { expect } from 'vitest';

const md = new MarkdownIt({ html: true, linkify: true });

/** Every token, inline children included, in document order. */
export function flatten(tokens: Token[]): Token[] {
  return tokens.flatMap((t) => [t, ...flatten(t.children ?? [])]);
}

/** The raw HTML the renderer itself writes; a value may appear inside <code>, entity-escaped. */
const OWN_HTML = /<!-- idac-plan -->|<\/?details>|<\/?summary>|<\/?code>/g;
const OWN_HEADINGS = new RegExp(
  String.raw`^(idac plan|Who can become an identity: \d+ changes?|Privilege increases: \d+ identit(y|ies)|` +
    String.raw`Organization: \d+ changes? to ` +
    String.raw`identities\/org\.yaml|Deletions|New static credentials|Findings: \d+ findings?|Not planned)$`,
);
const OWN_STRONG = new RegExp(
  String.raw`^(Identities:|Organization:|widens|narrows|neutral|Access:|Resources:|Due within |New static ` +
    String.raw`credentials:|Findings:|error|warning|info|Deletion guard:|Fields|Access|Resources|Due|New static ` +
    String.raw`credentials|\d+ more identit(y|ies) not shown|can now become|can no longer become)$`,
);

export const HOSTILE = [
  '<img src=x onerror=alert(1)>',
  '[x](javascript:alert(1))',
  '![t](https://tracker.example/p.gif)',
  '@everyone',
  '@org/team',
  '</details>',
  '</summary><script>alert(1)</script>',
  '<!-- -->',
  '-->',
  '| a | b |\n|---|---|',
  'a\nb',
  '\n# heading',
  '\n\n<details open>',
  '`` ` ```',
  '#123',
  'org/repo#45',
  '**APPROVED by @x**',
  '_em_ ~~gone~~',
  'https://evil.example',
  'www.evil.example',
  'mail@evil.example',
  '&#64;everyone &lt;img&gt;',
  '\\',
  '> quote\n---',
  '    indented',
  '[ref]: https://evil.example',
  ':warning: ⚠\u202egnp.exe',
];

export function checkSafe(out: string): void {
  const tokens = flatten(md.parse(out, {}));
  const types = new Set(tokens.map((t) => t.type));
  for (const banned of ['link_open', 'image', 'html_inline', 'table_open', 'em_open', 's_open', 'code_block', 'hr'])
    expect(types, banned).not.toContain(banned);

  for (const t of tokens) {
    if (t.type === 'html_block') expect(t.content.replace(OWN_HTML, ''), t.content).not.toMatch(/[<>]/);
    if (t.type === 'html_block') expect(t.content.replace(/&(#\d+|\w+);/g, '')).not.toMatch(/[@#&]/);
    if (t.type === 'fence') {
      expect(t.info).toBe('diff');
      for (const line of t.content.split('\n').filter(Boolean)) expect(line).toMatch(/^[+-] /);
    }
    if (t.type === 'text')
      expect(t.content, `text token ${JSON.stringify(t.content)}`).not.toMatch(/@|#\d|https?:|www\./i);
  }
  tokens.forEach((t, i) => {
    if (t.type === 'heading_open') expect(tokens[i + 1]!.content).toMatch(OWN_HEADINGS);
    if (t.type === 'strong_open') expect(tokens[i + 1]!.content).toMatch(OWN_STRONG);
  });
  // The only blockquote is the deletion guard's alert.
  expect(tokens.filter((t) => t.type === 'blockquote_open').length).toBeLessThanOrEqual(1);

  const html = md.render(out);
  expect(html).not.toMatch(/<(img|a|script|table|h[1256]|em|del|hr|pre(?! ?><code class="language-diff"))\b/i);
  expect((html.match(/<details>/g) ?? []).length).toBe((html.match(/<\/details>/g) ?? []).length);
}
