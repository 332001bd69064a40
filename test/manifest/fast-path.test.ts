// The fast path (js-yaml) may only ever answer for files the authoritative path (yaml) finds clean,
// and must then produce identical data. A YAML loader that turns 2027-05-12 into a Date, 0o17 into
// a string or `yes` into true is exactly what these tests catch.

import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { fastParse } from '../../src/manifest/fast-parse.js';
import { loadFull, loadText } from '../../src/manifest/load.js';
import { parseYaml } from '../../src/manifest/parse.js';

const root = fileURLToPath(new URL('../..', import.meta.url));

/** Manifests only: the example repos' workflow templates (.github/) are YAML but not manifests. */
function yamlFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    if (name === '.github') return [];
    const p = join(dir, name);
    return statSync(p).isDirectory() ? yamlFiles(p) : /\.ya?ml$/.test(name) ? [p] : [];
  });
}

/** The invariant: whenever the fast path answers, the full path agrees on data and finds nothing. */
function agree(text: string): void {
  const fast = fastParse(text);
  if (fast === undefined) return;
  const full = parseYaml(text);
  expect(full.issues).toEqual([]);
  expect(fast).toStrictEqual(full.data);
}

const scalars = [
  '2027-05-12',
  '2026-11-23T08:00:00Z',
  '012345678901',
  '0o17',
  '0x1F',
  '0b101',
  '1e3',
  '1.10',
  '.inf',
  '-.Inf',
  '.nan',
  '+12',
  '-0',
  '1_000',
  '12:30',
  '1:20',
  'yes',
  'no',
  'on',
  'off',
  'y',
  'n',
  'True',
  'FALSE',
  'tRue',
  'null',
  'Null',
  'NULL',
  '~',
  '',
  'arn:aws:s3:::bucket/*',
  's3:Get*',
  'kv/data/x/*',
  'a # not a comment',
  'a #comment',
  "it's",
  'say "hi"',
  'back\\slash',
  'café',
  'naïve',
  '日本語',
  'emoji 🎉',
  'tab\there',
  'line\nbreak',
  ' leading',
  'trailing ',
  '-dash',
  '? q',
  ': c',
  '@at',
  '`tick',
  '%pct',
  '&amp',
  '*star',
  '!bang',
  '|pipe',
  '>gt',
  "'q'",
  '"dq"',
  '[x]',
  '{y}',
  'a: b',
  'a- b',
  '0.0.0.0',
  '1.2.3',
  '.5',
  '5.',
];

describe('fast path ≡ full path', () => {
  it.each(
    yamlFiles(join(root, 'examples'))
      .concat(yamlFiles(join(root, 'identities')))
      .map((p) => [p.slice(root.length)]),
  )('%s', (rel) => {
    const text = readFileSync(join(root, rel), 'utf8');
    // org.yaml has numeric keys, and examples/risky is meant to fail: the full path decides those.
    if (!rel.endsWith('org.yaml') && !rel.includes('examples/risky/')) expect(fastParse(text)).toBeDefined();
    agree(text);
  });

  it.each(scalars.map((s) => [s]))('scalar %j in every style', (s) => {
    for (const style of ['PLAIN', 'QUOTE_DOUBLE', 'QUOTE_SINGLE', 'BLOCK_LITERAL', 'BLOCK_FOLDED'] as const) {
      const text = stringify({ a: s, list: [s, { b: s }] }, { defaultStringType: style, defaultKeyType: 'PLAIN' });
      agree(text);
    }
    agree(`a: ${s}\n`);
    agree(`a: [${s}]\n`);
    agree(`a: {b: ${s}}\n`);
    agree(`- ${s}\n`);
  });

  it('a clean manifest takes the fast path and loads the same data as the full path', () => {
    const text = readFileSync(join(root, 'examples/acme/identities/payments/settlement-reader.yaml'), 'utf8');
    const fast = loadText(text, { expect: 'MachineIdentity', fast: true });
    const full = loadFull(text, 'MachineIdentity');
    expect(fast.path).toBe('fast');
    expect(full.issues).toEqual([]);
    expect(fast.data).toStrictEqual(full.data);
  });

  it('random documents: whenever the fast path answers, both agree (3,000 runs)', () => {
    const scalar = fc.oneof(
      fc.constantFrom(...scalars),
      fc.string({ maxLength: 12 }),
      fc.stringMatching(/^[a-z0-9:.\-/* #'"]{0,12}$/),
      fc.integer().map(String),
      fc.double().map(String),
    );
    const key = fc.oneof(
      fc.constantFrom('apiVersion', 'kind', 'name', 'on', 'yes', '123', 'null', 'a b', 'café', 'Name', 'name'),
      fc.stringMatching(/^[a-zA-Z0-9_.-]{1,8}$/),
    );
    const { value } = fc.letrec((tie) => ({
      value: fc.oneof(
        { depthSize: 'small', withCrossShrink: true },
        scalar,
        fc.array(tie('value'), { maxLength: 4 }),
        fc.dictionary(key, tie('value'), { maxKeys: 4 }),
      ),
    }));
    const style = fc.constantFrom('PLAIN', 'QUOTE_DOUBLE', 'QUOTE_SINGLE', 'BLOCK_LITERAL', 'BLOCK_FOLDED');
    fc.assert(
      fc.property(fc.dictionary(key, value, { minKeys: 1, maxKeys: 5 }), style, fc.boolean(), (doc, s, flow) => {
        agree(stringify(doc, { defaultStringType: s as 'PLAIN', collectionStyle: flow ? 'flow' : 'block' }));
      }),
      { numRuns: 3000, seed: 424242 },
    );
  });

  it('mutated manifests: whenever the fast path answers, both agree (3,000 runs)', () => {
    const base = readFileSync(join(root, 'examples/acme/identities/payments/settlement-reader.yaml'), 'utf8');
    const inject = fc.constantFrom(
      '&a ',
      '*a',
      '!!str ',
      '<<: ',
      '? ',
      '%YAML 1.2\n',
      '---\n',
      '\t',
      '\r\n',
      '"',
      "'",
      '#',
      ': ',
      '- ',
      '[',
      ']',
      '{',
      '}',
      ',',
      '\\',
      '\u202e',
      '\u200b',
      '\u0000',
      'é',
      '\n  ',
      '\n',
      ' ',
      'yes',
      '0o7',
      '~',
      '|',
      '>',
    );
    fc.assert(
      fc.property(fc.nat(base.length), inject, fc.nat(3), (at, what, drop) => {
        agree(base.slice(0, at) + what + base.slice(at + drop));
      }),
      { numRuns: 3000, seed: 7 },
    );
  });
});
