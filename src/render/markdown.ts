// Escaping for GitHub-flavoured Markdown (THREATS.md item 72, OUT-MARKDOWN). A value from a manifest
// reaches a pull-request comment only through these helpers: it must not be able to open HTML,
// a link, an image, an @-mention, a `#123` reference, emphasis, a heading, a table cell or a block.
//
// The safe container is a code span (or a <code> element inside raw HTML): GitHub renders no
// Markdown, HTML, autolink, mention or issue reference inside one. Backslash escapes alone are not
// enough for mentions and references: GitHub links those on the rendered text, after `\#` or
// `&#64;` have been decoded back to `#` and `@`.

import { cap, MAX_VALUE, visible } from '../common/escape.js';

/**
 * One line, every character visible: line breaks, control, bidi and zero-width characters become
 * `\n`-style escapes, so a value can neither start a block nor hide what it says (Trojan Source).
 */
export const oneLine = visible;

/**
 * A code span holding `text` literally: fenced with one backtick more than the longest run inside,
 * padded with a space where the content would otherwise merge with the fence or lose its own
 * edge spaces (CommonMark strips one space from each end).
 */
export function code(text: string, max = MAX_VALUE): string {
  const body = cap(oneLine(text), max);
  if (body === '') return '` `';
  const longest = Math.max(0, ...(body.match(/`+/g) ?? []).map((run) => run.length));
  const fence = '`'.repeat(longest + 1);
  const pad =
    body.startsWith('`') || body.endsWith('`') || (body.startsWith(' ') && body.endsWith(' ') && body.trim() !== '')
      ? ' '
      : '';
  return `${fence}${pad}${body}${pad}${fence}`;
}

/**
 * Plain Markdown text outside a code span, for short words in prose; anything free-form belongs
 * in `code`. Every character with a meaning in GFM is backslash-escaped and `&` encoded, so no
 * entity can be smuggled. Mentions and references are matched by GitHub on the rendered text,
 * where `&#64;` is `@` again, so a zero-width space follows each `@` (`&#64;&#8203;`, as Renovate
 * does) and each `#`; the same space splits `://` and `www.` against GitHub's bare-URL autolinks.
 */
export function escapeText(text: string, max = MAX_VALUE): string {
  return cap(oneLine(text), max)
    .replace(/[\\`*_[\]()<>|!~&@#]/g, (c) =>
      c === '&' ? '&amp;' : c === '@' ? '&#64;&#8203;' : c === '#' ? '\\#&#8203;' : `\\${c}`,
    )
    .replace(/:\/\//g, ':&#8203;//')
    .replace(/(www)\./gi, '$1&#8203;.');
}

/**
 * A value inside raw HTML (`<summary>`), where Markdown is not parsed: entity-escaped (`@` and `#`
 * too, so not even the source text reads as a mention or reference), and wrapped in `<code>` so
 * GitHub's mention and reference filters skip it.
 */
export function htmlCode(text: string, max = MAX_VALUE): string {
  const body = cap(oneLine(text), max).replace(/[&<>"'@#]/g, (c) => HTML_ENTITY[c] ?? c);
  return `<code>${body}</code>`;
}

const HTML_ENTITY: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
  '@': '&#64;',
  '#': '&#35;',
};
