// Differential test of the two loaders (issue 14, item 7): documents generated from a grammar of
// manifests whose keys and values, at every level, are the scalars YAML parsers disagree on —
// the YAML 1.2 core schema's non-strings in every spelling (.inf, -.Inf, .NaN, 0x1F, 0o17, 1e3,
// -0, ~, NULL, TRUE…), their look-alikes (Infinity, NaN, yes, on, 007, 1_000, timestamps…) and
// syntax a plain key must not hide (flow collections as keys, <<, anchors, aliases, tags,
// explicit keys, multi-document markers, a BOM) — in plain, single- and double-quoted form, in
// block and flow collections, then mutated. Both paths must give the same data and the same
// findings (rule, line, column, message), wherever the fast path answers and wherever it does not.

import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { isDeepStrictEqual } from 'node:util';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Document } from 'yaml';
import {
  CORE_BOOL,
  CORE_FLOAT,
  CORE_FLOAT_EXP,
  CORE_FLOAT_NAN,
  CORE_INT,
  CORE_INT_HEX,
  CORE_INT_OCT,
  CORE_NULL,
} from '../../src/manifest/core-scalars.js';
import { fastParse } from '../../src/manifest/fast-parse.js';
import { loadFull, loadText } from '../../src/manifest/load.js';
import type { Organization } from '../../src/manifest/organization.generated.js';
import { parseYaml } from '../../src/manifest/parse.js';
import type { SchemaKind } from '../../src/manifest/schemas.js';
import { orgModel } from '../../src/model/org.js';
import { checkFile } from '../../src/rules/engine.js';
import { parseInstant } from '../../src/common/time.js';

const root = fileURLToPath(new URL('../..', import.meta.url));
const read = (p: string) => readFileSync(`${root}/examples/acme/identities/${p}`, 'utf8');
const identityBases = ['payments/settlement-reader.yaml', 'platform/ci-deployer.yaml', 'data/report-exporter.yaml'].map(
  read,
);
const orgBase = read('org.yaml');
const org = orgModel(parseYaml(orgBase).data as Organization);
const now = parseInstant('2026-11-23')!;

// Resolve to a number, bool or null under the core schema, in every spelling `yaml` accepts.
const NON_STRINGS = [
  '.inf',
  '-.inf',
  '+.inf',
  '.Inf',
  '-.Inf',
  '+.INF',
  '.INF',
  '.nan',
  '.NaN',
  '.NAN',
  '1e400',
  '-1e400',
  '1e3',
  '1E3',
  '1e+3',
  '-1.5e-3',
  '.5',
  '1.',
  '1.10',
  '+.5',
  '+1',
  '-1',
  '0',
  '-0',
  '+0',
  '007',
  '0x1F',
  '0o17',
  '12345678901234567890',
  '~',
  'null',
  'Null',
  'NULL',
  'true',
  'True',
  'TRUE',
  'false',
  'False',
  'FALSE',
];
// Stay strings under the core schema, but another schema (YAML 1.1, JSON, js-yaml's default) or
// String(number) produces or reads them differently.
const LOOKALIKES = [
  'Infinity',
  '-Infinity',
  'NaN',
  'inf',
  'nan',
  '.Nan',
  '.iNf',
  '0X1F',
  '0o8',
  '0b101',
  '1_000',
  '08',
  '1:20',
  '12:30:00',
  'yes',
  'no',
  'on',
  'off',
  'y',
  'n',
  'Yes',
  'OFF',
  'nULL',
  'tRUE',
  '2027-05-12',
  '2026-11-23T08:00:00Z',
  '0.0.0.0',
  '=',
  '-',
  'kv',
  'pki',
  'kv-v2',
  'env',
  'Env',
  'ENV',
  'a-b',
  'a.b',
  'a/b',
  'prod',
  'object',
  '__proto__',
  'constructor',
];
// Syntax that must not pass for a plain key or value.
const SYNTAX = [
  '',
  '[a]',
  '[a, b]',
  '[.inf]',
  '[[a]]',
  '[]',
  '{}',
  '{a: b}',
  '<<',
  '&x a',
  '*x',
  '!!str a',
  '!!str .inf',
  '!!float 1',
  '!x a',
  '? a',
  'a b',
  'a #c',
  'a#c',
  "it's",
  'café',
  ': x',
  '- x',
  '"',
  "'",
  '|',
  '>',
  '%x',
  '@x',
  '`x',
  '---',
  '...',
  '[a: b]',
  '{a}',
  '{a, b: c}',
  '[a, ]',
  '{a: }',
  '{: a}',
  '[a b]',
  '{"a":b}',
  '["a":b]',
  'a: b',
  'a:b',
  'a :b',
  '#a',
  '\u00a0a',
  'a\u2028b',
  'a\u00a0',
  '- -',
  '-- x',
];
const WORDS = [...NON_STRINGS, ...LOOKALIKES, ...SYNTAX];

const quoted = fc.constantFrom<(s: string) => string>(
  (s) => s,
  (s) => s,
  (s) => `'${s.replace(/'/g, "''")}'`,
  (s) => JSON.stringify(s),
);
const word = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...WORDS) },
  { weight: 1, arbitrary: fc.stringMatching(/^[a-z0-9.+~-]{1,6}$/) },
);
const scalar = fc.tuple(word, quoted).map(([w, q]) => q(w));
const key = scalar;

type Node =
  | { s: string }
  | { block: string; lines: string[] }
  | { plain: string[] }
  | { map: [string, Node][]; flow: boolean }
  | { seq: Node[]; flow: boolean };

const { node } = fc.letrec<{ node: Node }>((tie) => ({
  node: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    scalar.map((s): Node => ({ s })),
    fc
      .tuple(
        fc.constantFrom('|', '>', '|-', '>-', '|+', '>+', '|2', '>1-', '| # c'),
        fc.array(fc.oneof(word, fc.constantFrom('', ' more', '  # x')), { minLength: 1, maxLength: 3 }),
      )
      .map(([block, lines]): Node => ({ block, lines })),
    fc.array(word, { minLength: 2, maxLength: 3 }).map((plain): Node => ({ plain })),
    fc
      .tuple(fc.array(fc.tuple(key, tie('node')), { maxLength: 3 }), fc.boolean())
      .map(([map, flow]): Node => ({ map, flow })),
    fc.tuple(fc.array(tie('node'), { maxLength: 3 }), fc.boolean()).map(([seq, flow]): Node => ({ seq, flow })),
  ),
}));

function flowText(n: Node): string {
  if ('s' in n) return n.s;
  if ('block' in n) return JSON.stringify(n.lines.join('\n'));
  if ('plain' in n) return n.plain.join(' ');
  if ('map' in n) return `{${n.map.map(([k, v]) => `${k}: ${flowText(v)}`).join(', ')}}`;
  return `[${n.seq.map(flowText).join(', ')}]`;
}

/** `head` is what precedes the value on its line (`key:` or `-`); the result ends with a newline. */
function blockText(head: string, n: Node, indent: number): string {
  const pad = ' '.repeat(indent);
  if ('s' in n || ('map' in n && (n.flow || n.map.length === 0)) || ('seq' in n && (n.flow || n.seq.length === 0))) {
    const t = flowText(n);
    return `${pad}${head}${t === '' ? '' : ` ${t}`}\n`;
  }
  if ('block' in n)
    return `${pad}${head} ${n.block}\n${n.lines.map((l) => (l === '' ? '\n' : `${pad}  ${l}\n`)).join('')}`;
  // A plain scalar continued on more-indented lines.
  if ('plain' in n)
    return `${pad}${head} ${n.plain[0]}\n${n.plain
      .slice(1)
      .map((l) => `${pad}  ${l}\n`)
      .join('')}`;
  const inner =
    'map' in n
      ? n.map.map(([k, v]) => blockText(`${k}:`, v, indent + 2)).join('')
      : n.seq.map((v) => blockText('-', v, indent + 2)).join('');
  return `${pad}${head}\n${inner}`;
}

const mapping = fc.array(fc.tuple(key, node), { minLength: 1, maxLength: 4 });
const mappingText = (pairs: [string, Node][], indent: number, flow: boolean) =>
  flow
    ? `${' '.repeat(indent)}{${pairs.map(([k, v]) => `${k}: ${flowText(v)}`).join(', ')}}`
    : pairs
        .map(([k, v]) => blockText(`${k}:`, v, indent))
        .join('')
        .trimEnd();

type Edit = (text: string) => string;
const lines = (t: string) => t.split('\n');

/** A tricky scalar as the value of a random `key: value` line. */
const replaceValue: fc.Arbitrary<Edit> = fc.tuple(fc.nat(), scalar).map(([k, v]) => (t) => {
  const l = lines(t);
  const at = l.map((s, i) => (/^\s*(?:- )?[A-Za-z]+: \S/.test(s) ? i : -1)).filter((i) => i >= 0);
  if (at.length === 0) return t;
  const i = at[k % at.length]!;
  l[i] = l[i]!.replace(/: .*$/, `: ${v}`);
  return l.join('\n');
});
/** A tricky key (with a tricky value or subtree) next to a random line, at that line's level. */
const insertPair: fc.Arbitrary<Edit> = fc.tuple(fc.nat(), key, node).map(([k, name, value]) => (t) => {
  const l = lines(t);
  const i = k % l.length;
  const indent = /^ */.exec(l[i]!)![0].length;
  l.splice(i, 0, blockText(`${name}:`, value, indent).trimEnd());
  return l.join('\n');
});
/** A tricky key renamed in place: `principal: role` → `.inf: role`. */
const renameKey: fc.Arbitrary<Edit> = fc.tuple(fc.nat(), key).map(([k, name]) => (t) => {
  const l = lines(t);
  const at = l.map((s, i) => (/^\s*(?:- )?[A-Za-z]+:/.test(s) ? i : -1)).filter((i) => i >= 0);
  if (at.length === 0) return t;
  const i = at[k % at.length]!;
  l[i] = l[i]!.replace(/[A-Za-z]+:/, `${name}:`);
  return l.join('\n');
});
/** Layout: a space before a key's colon, a comment after a line, a blank line. */
const layout: fc.Arbitrary<Edit> = fc
  .tuple(fc.nat(), fc.constantFrom(' :', ' # c', '#c', ' #', '\n', '\n#', '  '))
  .map(([k, what]) => (t) => {
    const l = lines(t);
    const i = k % l.length;
    l[i] = what === ' :' ? l[i]!.replace(/:(?= |$)/, ' :') : l[i]! + what;
    return l.join('\n');
  });
/** Indentation: a line moved left or right, the way hand edits misalign blocks and lists. */
const reindent: fc.Arbitrary<Edit> = fc.tuple(fc.nat(), fc.constantFrom(-4, -2, -1, 1, 2, 4)).map(([k, by]) => (t) => {
  const l = lines(t);
  const i = k % l.length;
  l[i] = by > 0 ? ' '.repeat(by) + l[i]! : l[i]!.replace(new RegExp(`^ {0,${-by}}`), '');
  return l.join('\n');
});
/** Character-level damage, as in loader-property.test.ts. */
const damage: fc.Arbitrary<Edit> = fc.oneof(
  fc
    .tuple(
      fc.nat(),
      fc.constantFrom(
        '&a ',
        '*a',
        '!!str ',
        '<<: ',
        '? ',
        '---\n',
        '...\n',
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
        '\ufeff',
        '~',
        '.inf',
        '-',
        '.',
        '0x',
        '\n  ',
        '\n',
        ' ',
        '\u2028',
        '\u00a0',
        '\u0085',
        'é',
      ),
    )
    .map(([k, c]) => (t: string) => {
      const i = k % (t.length + 1);
      return t.slice(0, i) + c + t.slice(i);
    }),
  fc.tuple(fc.nat(), fc.nat(3)).map(([k, n]) => (t: string) => {
    const i = k % (t.length + 1);
    return t.slice(0, i) + t.slice(i + n);
  }),
);
const edits = fc.array(
  fc.oneof(
    { weight: 3, arbitrary: replaceValue },
    { weight: 2, arbitrary: insertPair },
    { weight: 2, arbitrary: renameKey },
    { weight: 1, arbitrary: layout },
    { weight: 1, arbitrary: reindent },
    { weight: 1, arbitrary: damage },
  ),
  { maxLength: 3 },
);
const framing = fc.record({
  bom: fc.boolean(),
  start: fc.constantFrom('', '', '---\n', '--- # c\n', '# c\n', '---', '--- ', '---#c\n', '--- |\n'),
  end: fc.constantFrom('', '', '...\n', '---\n', '# c\n'),
});
const framed = (f: { bom: boolean; start: string; end: string }, body: string) =>
  `${f.bom ? '\ufeff' : ''}${f.start}${body}${f.end}`;

// Where the schema leaves keys open (labels, Vault mounts, GitHub logins), mostly what it admits,
// so that many documents are valid and the fast path answers for them; the rest from the grammar.
const pairIn = (keys: string[], values: string[], tricky: number) =>
  fc.tuple(
    fc.oneof({ weight: 3, arbitrary: fc.constantFrom(...keys) }, { weight: 1, arbitrary: key }),
    fc
      .oneof(
        { weight: 3, arbitrary: fc.constantFrom(...values) },
        { weight: tricky, arbitrary: fc.tuple(fc.constantFrom(...WORDS), quoted).map(([w, q]) => q(w)) },
      )
      .map((s): Node => ({ s })),
  );
const labels = fc.array(pairIn(['env', 'team', 'a.b', 'a-b', 'a/b', 'tier', 'x1'], ['prod', 'a-b', 'x'], 3), {
  minLength: 1,
  maxLength: 4,
});
const mounts = fc.array(pairIn(['kv', 'pki', 'secret', 'Kv_2', 'a-b'], ['kv', 'kv-v2', 'pki', 'transit'], 1), {
  minLength: 1,
  maxLength: 4,
});
const fewEdits = fc.oneof(fc.constant([] as Edit[]), edits);

/** A MachineIdentity from an example, with generated labels, then edits. */
const identityDoc = fc
  .tuple(fc.nat(identityBases.length - 1), labels, fc.boolean(), fewEdits, framing)
  .map(([b, pairs, flow, eds, f]) => {
    const base = identityBases[b]!.replace(
      /^( {2}labels:)(\n {4}.*)*/m,
      (_, head: string) => `${head}${flow ? ' ' : '\n'}${mappingText(pairs, flow ? 0 : 4, flow)}`,
    );
    return {
      expect: 'MachineIdentity' as const,
      text: framed(
        f,
        eds.reduce((t, e) => e(t), base),
      ),
    };
  });

/** org.yaml with generated Vault mounts and GitHub logins, then edits. */
// The example's AWS accounts are keys that look like numbers ("123456789012"), which always take the
// strict path; half the documents leave them out so the fast path can answer.
// Without the AWS accounts and the trusted accounts (numeric-looking keys): the fast path's own org.yaml.
const orgBases = [
  orgBase,
  orgBase.replace(/^ {4}aws:\n(?: {6}.*\n)+/m, '').replace(/^ {2}trustedAccounts:\n(?: {4}.*\n)+/m, ''),
];
const orgDoc = fc
  .tuple(
    fc.nat(1),
    mounts,
    fc.boolean(),
    fc.oneof({ weight: 3, arbitrary: fc.constant(undefined) }, { weight: 1, arbitrary: fc.tuple(key, scalar) }),
    fewEdits,
    framing,
  )
  .map(([b, pairs, flow, logins, eds, f]) => {
    const base = orgBases[b]!.replace(
      /^( {6}mounts:).*$/m,
      (_, head: string) => `${head}${flow ? ' ' : '\n'}${mappingText(pairs, flow ? 0 : 8, flow)}`,
    ).replace(
      /^( {2}githubLogins:\n)/m,
      (head: string) => `${head}${logins ? `    ${logins[0]}: ${logins[1]}\n` : ''}`,
    );
    return {
      expect: 'Organization' as const,
      text: framed(
        f,
        eds.reduce((t, e) => e(t), base),
      ),
    };
  });

/** Any document of the grammar, not a manifest: exercises the parsers beyond what a schema admits. */
const rawDoc = fc
  .tuple(mapping, fc.boolean(), edits, framing, fc.constantFrom<SchemaKind>('MachineIdentity', 'Organization'))
  .map(([pairs, flow, eds, f, expect]) => ({
    expect,
    text: framed(
      f,
      eds.reduce((t, e) => e(t), `${mappingText(pairs, 0, flow)}\n`),
    ),
  }));

/** What the two parsers and the two loaders disagree on, or null. */
function disagreement(text: string, expect: SchemaKind): string | null {
  const fast = fastParse(text);
  if (fast !== undefined) {
    const full = parseYaml(text);
    if (full.issues.length > 0)
      return `fast parser accepts what the strict one reports: ${full.issues.map((i) => i.rule).join(', ')}`;
    if (!same(fast, full.data)) return `data differs: fast ${show(fast)}, strict ${show(full.data)}`;
  }
  const a = loadText(text, { expect, fast: true });
  const b = loadFull(text, expect);
  if (a.kind !== b.kind || a.valid !== b.valid || !same(a.data, b.data) || !same(a.issues, b.issues)) {
    return (
      `loaders differ: fast ${show({ kind: a.kind, valid: a.valid, data: a.data, issues: a.issues })}, strict ` +
      show({ kind: b.kind, valid: b.valid, data: b.data, issues: b.issues })
    );
  }
  return null;
}

// Not toStrictEqual: it compares a key named `constructor` as the object's class.
const same = (a: unknown, b: unknown) => isDeepStrictEqual(a, b);

const show = (v: unknown) =>
  JSON.stringify(v, (_, x: unknown) => (typeof x === 'number' && !Number.isFinite(x) ? String(x) : x));

async function findingsDiffer(text: string, kind: SchemaKind): Promise<void> {
  const bytes = new TextEncoder().encode(text);
  const file = kind === 'Organization' ? 'identities/org.yaml' : 'identities/payments/x.yaml';
  const fast = await checkFile(file, bytes, kind, { org, now, fast: true });
  const full = await checkFile(file, bytes, kind, { org, now, fast: false });
  expect(fast.findings).toStrictEqual(full.findings);
  // And what the cross-file rules and the other commands get from the file.
  expect([fast.kind, fast.identity, fast.summaries, fast.inventory]).toStrictEqual([
    full.kind,
    full.identity,
    full.summaries,
    full.inventory,
  ]);
  expect(same(fast.org, full.org)).toBe(true);
}

describe('fast path ≡ strict path on tricky scalars', () => {
  it.each([
    ['.inf', 'Infinity'],
    ['-.inf', '-Infinity'],
    ['.nan', 'NaN'],
    ['.NaN', 'NaN'],
    ['+.Inf', 'Infinity'],
    ['1e400', 'Infinity'],
  ])('a key written %s is a number to YAML, so both paths report it (it is not the string %s)', async (k) => {
    // Without the AWS accounts (numeric-looking keys, always the strict path), the fast path answers for org.yaml.
    const text = orgBases[1]!.replace(/mounts: \{/, `mounts: { ${k}: kv,`);
    expect(loadText(orgBases[1]!, { expect: 'Organization', fast: true }).path).toBe('fast');
    expect(disagreement(text, 'Organization')).toBeNull();
    const full = await checkFile('identities/org.yaml', new TextEncoder().encode(text), 'Organization', {
      org,
      now,
      fast: false,
    });
    expect(full.findings.map((f) => f.rule)).toContain('schema/key');
    await findingsDiffer(text, 'Organization');
  });

  it.each([['[env]: prod'], ['[env, x]: prod'], ['[[env]]: prod']])(
    'a flow sequence used as a key (%s) is reported by both paths',
    async (pair) => {
      const text = identityBases[0]!.replace('    environment: prod', `    ${pair}`);
      expect(disagreement(text, 'MachineIdentity')).toBeNull();
      await findingsDiffer(text, 'MachineIdentity');
    },
  );

  it("the fast path resolves plain scalars with the installed yaml's core schema, in its order", () => {
    const tags = new Document(null, { schema: 'core' }).schema.tags.filter((t) => 'test' in t && t.test);
    expect(tags.map((t) => (t as { test: RegExp }).test.source)).toEqual(
      [CORE_NULL, CORE_BOOL, CORE_INT_OCT, CORE_INT, CORE_INT_HEX, CORE_FLOAT_NAN, CORE_FLOAT_EXP, CORE_FLOAT].map(
        (r) => r.source,
      ),
    );
  });

  it.each(WORDS.map((w) => [w]))(
    'every placement of %j: plain and quoted, key and value, block and flow, nested',
    (w) => {
      for (const q of [
        (s: string) => s,
        (s: string) => `'${s.replace(/'/g, "''")}'`,
        (s: string) => JSON.stringify(s),
      ]) {
        const x = q(w);
        for (const text of [
          `a: ${x}\n`,
          `a: [${x}]\n`,
          `a: {b: ${x}}\n`,
          `a:\n  - ${x}\n`,
          `${x}: a\n`,
          `a:\n  ${x}: b\n`,
          `a: {${x}: b}\n`,
          `a:\n  - ${x}: b\n    c: d\n`,
          `a: [{${x}: b}]\n`,
        ]) {
          expect(disagreement(text, 'MachineIdentity'), text).toBeNull();
        }
      }
    },
  );

  it.each([
    ['.inf: a\n'],
    ['-.Inf: a\n'],
    ['.NaN: a\n'],
    ['1e400: a\n'],
    ['[a]: x\n'],
    ['a:\n  [b, c]: |-\n    x\n'],
    ['---a: b\n'],
    ['---#c\na: b\n'],
    ['--- a: b\n'],
    ['a:\n  - -\n  - b\n'],
    ['a:\n- - # c\n- b\n'],
  ])('the parsers once read %j differently; now the fast path gives way', (text) => {
    expect(fastParse(text)).toBeUndefined();
    expect(disagreement(text, 'MachineIdentity')).toBeNull();
  });

  it('generated manifests and documents: same data and same load issues (4,000 runs)', () => {
    fc.assert(
      fc.property(fc.oneof(identityDoc, orgDoc, rawDoc), ({ text, expect: kind }) => {
        expect(disagreement(text, kind), text).toBeNull();
      }),
      { numRuns: 4000, seed: 14_07 },
    );
  });

  it('generated manifests: same findings — rule, line, column, message (1,500 runs)', async () => {
    await fc.assert(
      fc.asyncProperty(fc.oneof(identityDoc, orgDoc), async ({ text, expect: kind }) => {
        await findingsDiffer(text, kind);
      }),
      { numRuns: 1500, seed: 14_07 },
    );
  }, 300_000);

  it('the grammar reaches the fast path: over a tenth of the generated manifests load there', () => {
    // A differential test is only as good as the documents both paths answer for.
    const docs = fc.sample(fc.oneof(identityDoc, orgDoc), { numRuns: 400, seed: 1 });
    const fast = docs.filter(
      ({ text, expect: kind }) => loadText(text, { expect: kind, fast: true }).path === 'fast',
    ).length;
    expect(fast).toBeGreaterThan(40);
  });
});
