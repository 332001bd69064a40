// The line walk that names the mis-indented line (src/manifest/indentation.ts) must never accuse
// a line of valid YAML: it only runs after yaml reported an error, but a wrong model of valid
// structure would point at the wrong line then too. The bad cases are in test/rules/parse/syntax.test.ts.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { findMisindented } from '../../src/manifest/indentation.js';
import { parseYaml } from '../../src/manifest/parse.js';
import { root } from '../e2e/cli.js';
import { IDENTITY, ORG } from '../rules/harness.js';

function yamlFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    return statSync(p).isDirectory() ? yamlFiles(p) : /\.ya?ml$/.test(name) ? [p] : [];
  });
}

const VALID: Record<string, string> = {
  'a block scalar with deeper lines': 'a:\n  purpose: >\n    first\n      deeper\n    back\n  b: 1\n',
  'a literal block scalar in a list': 'a:\n  - |\n    x\n      y\n  - z\n',
  'a plain value continued on deeper lines': 'a:\n  purpose: Reads a lot\n      of text\n  b: 1\n',
  'a flow list over several lines': 'a:\n  actions: [\n      s3:GetObject,\n    s3:PutObject ]\n  b: 1\n',
  'a quoted value over several lines': 'a:\n  p: "one\n     two"\n  b: 1\n',
  'a list at the same indent as its key':
    'a:\n  permissions:\n  - actions: [x]\n    resources: [y]\n  - actions: [z]\n  b: 1\n',
  'four-space indentation': 'a:\n    b:\n        c: 1\n    d:\n        - e: 1\n          f: 2\n',
  'nested dashes': 'a:\n  - - x\n    - y\n  - z\n',
  'comments at any indent': 'a:\n      # comment\n  b: 1\n# c\n  c: 2\n',
  'quoted keys and values with colons':
    'a:\n  "123456789012": { region: eu }\n  arn: "arn:aws:s3:::x"\n  b: arn:aws:s3:::x/*\n',
  'a key with an empty value then a sibling': 'a:\n  b:\n  c: 1\n',
  'CRLF line endings': 'a:\r\n  b: 1\r\n  c:\r\n    d: 2\r\n',
  'two documents': 'a: 1\n---\n  b: 2\n',
  'the harness identity': IDENTITY,
  'the harness org.yaml': ORG,
};

describe('findMisindented on valid YAML', () => {
  it.each(Object.entries(VALID))('%s', (_name, text) => {
    expect(parseYaml(text).issues.filter((i) => i.rule === 'parse/syntax')).toEqual([]);
    expect(findMisindented(text)).toBeNull();
  });

  it('every manifest shipped in examples/ and identities/', () => {
    const files = [...yamlFiles(join(root, 'examples')), ...yamlFiles(join(root, 'identities'))];
    expect(files.length).toBeGreaterThan(10);
    for (const f of files) expect({ f, found: findMisindented(readFileSync(f, 'utf8')) }).toEqual({ f, found: null });
  });
});
