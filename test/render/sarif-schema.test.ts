// What `validate --format sarif` prints is valid SARIF 2.1.0: checked against the OASIS schema
// (sarif-2.1.0-rtm.5, draft-04, as shipped in @microsoft/jest-sarif) with ajv's draft-04 build.
// unicodeRegExp is off because one pattern in that schema is not a valid Unicode-mode regex.

import { cpSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import Ajv04 from 'ajv-draft-04';
import addFormats from 'ajv-formats';
import { describe, expect, it } from 'vitest';
import { idac, repo, root } from '../e2e/cli.js';
import { git } from '../e2e/git.js';

const require = createRequire(import.meta.url);
const schema = JSON.parse(
  readFileSync(require.resolve('@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json'), 'utf8'),
) as object;
const ajv = new Ajv04({ allErrors: true, strict: false, unicodeRegExp: false });
addFormats(ajv);
const check = ajv.compile(schema);

function sarifOf(args: string[]): { code: number; log: { runs: { results: unknown[] }[] } } {
  const r = idac(['validate', '--format', 'sarif', '--now', '2026-11-23', ...args]);
  return { code: r.code, log: JSON.parse(r.stdout) };
}

describe('validate --format sarif against the SARIF 2.1.0 schema', () => {
  it.each([
    ['a clean repo (no results)', ['--dir', join(root, 'examples/acme')], 0],
    ['a repo with one finding per risk family', ['--dir', join(root, 'examples/risky')], 1],
    [
      'parse errors, a broken org.yaml and a file that is not UTF-8',
      [
        '--dir',
        repo({
          'identities/org.yaml': 'apiVersion: idac/v1\nkind: Organization\nspec: [\n',
          'identities/a/x.yaml': 'a: &x 1\nb: *x\n',
          'identities/a/y.yaml': new Uint8Array([0xff, 0xfe, 0x00, 0x41]),
        }),
      ],
      1,
    ],
  ])('%s', (_label, args, code) => {
    const { code: exit, log } = sarifOf(args);
    expect(exit).toBe(code);
    const ok = check(log);
    expect(check.errors ?? [], JSON.stringify(check.errors?.slice(0, 3))).toEqual([]);
    expect(ok).toBe(true);
    if (code === 1) expect(log.runs[0]!.results.length).toBeGreaterThan(0);
  });

  it(
    'a list cut by --max-findings (its notification) in an identity repo inside a larger git repository ' +
      '(helpUri, prefixed URIs)',
    () => {
      const top = mkdtempSync(join(tmpdir(), 'idac-sarif-mono-'));
      cpSync(join(root, 'examples/risky'), join(top, 'infra/iam'), { recursive: true });
      git(top, 'init', '-q', '-b', 'main');
      const { code, log } = sarifOf(['--dir', join(top, 'infra/iam'), '--max-findings', '3']);
      expect(code).toBe(1);
      expect(check(log), JSON.stringify(check.errors?.slice(0, 3))).toBe(true);
      const run = log.runs[0] as unknown as {
        results: { locations: { physicalLocation: { artifactLocation: { uri: string } } }[] }[];
        invocations: unknown[];
        tool: { driver: { rules: { helpUri: string }[] } };
      };
      expect(run.results).toHaveLength(3);
      for (const r of run.results)
        expect(r.locations[0]!.physicalLocation.artifactLocation.uri).toMatch(/^infra\/iam\/identities\//);
      expect(run.invocations).toHaveLength(1);
      for (const r of run.tool.driver.rules)
        expect(r.helpUri).toMatch(
          /^https:\/\/github\.com\/idac-dev\/idac\/blob\/main\/docs\/rules\/[a-z0-9-]+\/[a-z0-9-]+\.md$/,
        );
    },
  );

  it('the check can fail: a result without a message is rejected', () => {
    const { log } = sarifOf(['--dir', join(root, 'examples/risky')]);
    const broken = JSON.parse(JSON.stringify(log)) as { runs: { results: Record<string, unknown>[] }[] };
    delete broken.runs[0]!.results[0]!.message;
    expect(check(broken)).toBe(false);
  });
});
