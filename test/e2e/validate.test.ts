import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { idac, repo, root, STACK_TRACE } from './cli.js';
import { ACME_CA } from './acme.js';

const acme = join(root, 'examples/acme');
const org = readFileSync(join(acme, 'identities/org.yaml'), 'utf8');
const reader = readFileSync(join(acme, 'identities/payments/settlement-reader.yaml'), 'utf8');
const NOW = ['--now', '2026-11-23'];

describe('idac validate (built CLI)', () => {
  it.each(['text', 'json', 'github', 'sarif'])('examples/acme validates clean (--format %s)', (format) => {
    const r = idac(['validate', '--dir', acme, ...NOW, '--format', format]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
  });

  it('the project validates its own identities/', () => {
    expect(idac(['validate', ...NOW]).code).toBe(0);
  });

  it('json: SPEC shape, sorted, repo-relative paths, exit 1 on errors', () => {
    const dir = repo({
      ...ACME_CA,
      'identities/org.yaml': org,
      'identities/payments/settlement-reader.yaml': reader.replace('  purpose:', '  purpse:'),
      'identities/payments/broken.yaml': 'a: [\n',
    });
    const r = idac(['validate', '--dir', dir, ...NOW, '--format', 'json']);
    expect(r.code).toBe(1);
    const out = JSON.parse(r.stdout);
    expect(Object.keys(out)).toEqual(['identities', 'findings']);
    expect(out.identities).toBe(2);
    for (const f of out.findings)
      expect(Object.keys(f)).toEqual([
        'rule',
        'severity',
        'file',
        'line',
        'column',
        'identity',
        'message',
        'fix',
        'docs',
      ]);
    const files = out.findings.map((f: { file: string }) => f.file);
    expect(files).toEqual([...files].sort());
    expect(out.findings).toContainEqual(
      expect.objectContaining({
        rule: 'schema/unknown-key',
        file: 'identities/payments/settlement-reader.yaml',
        line: 10,
        column: 3,
        identity: 'settlement-reader',
        message: expect.stringContaining('did you mean "purpose"?'),
      }),
    );
    expect(out.findings).toContainEqual(
      expect.objectContaining({ rule: 'parse/syntax', file: 'identities/payments/broken.yaml', identity: null }),
    );
  });

  it('identical input gives byte-identical output', () => {
    const dir = repo({
      ...ACME_CA,
      'identities/org.yaml': org,
      'identities/payments/a.yaml': 'kind: MachineIdentity\n',
      'identities/payments/b.yaml': reader,
    });
    for (const format of ['text', 'json', 'github', 'sarif']) {
      const a = idac(['validate', '--dir', dir, ...NOW, '--format', format]);
      const b = idac(['validate', '--dir', dir, ...NOW, '--format', format]);
      expect(a.stdout).toBe(b.stdout);
    }
  });

  it('--max-findings cuts after sorting and says how many', () => {
    const dir = repo({
      ...ACME_CA,
      'identities/org.yaml': org,
      'identities/payments/x.yaml':
        'apiVersion: idac/v1\nkind: MachineIdentity\nmetadata: {name: x}\nspec: {a: 1, b: 2, c: 3}\n',
    });
    const all = JSON.parse(idac(['validate', '--dir', dir, ...NOW, '--format', 'json']).stdout);
    const cut = JSON.parse(idac(['validate', '--dir', dir, ...NOW, '--format', 'json', '--max-findings', '2']).stdout);
    expect(all.findings.length).toBeGreaterThan(2);
    expect(cut.findings).toEqual(all.findings.slice(0, 2));
    expect(cut.truncated).toBe(all.findings.length - 2);
  });

  it('text: file:line:col severity rule message, the fix below, a summary; no colour without a TTY', () => {
    const dir = repo({
      ...ACME_CA,
      'identities/org.yaml': org,
      'identities/payments/settlement-reader.yaml': reader.replace('type: workload', 'type: Workload'),
    });
    const r = idac(['validate', '--dir', dir, ...NOW]);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(
      new RegExp(
        String.raw`^identities\/payments\/settlement-reader\.yaml:9:9 {2}error {2}schema\/enum {2}spec\.type ` +
          String.raw`must be one of: .*did you mean "workload"\?\n {4}fix: `,
        'm',
      ),
    );
    expect(r.stdout).toMatch(/✖ 1 error, 0 warnings in 1 file; 1 identity checked\n$/);
    expect(r.stdout).not.toMatch(/\u001b\[/);
  });

  it('--out writes the report to a file', () => {
    const dir = repo({ ...ACME_CA, 'identities/org.yaml': org });
    const r = idac(['validate', '--dir', dir, ...NOW, '--format', 'json', '--out', join(dir, 'report.json')]);
    expect(r.stdout).toBe('');
    expect(JSON.parse(readFileSync(join(dir, 'report.json'), 'utf8'))).toEqual({ identities: 0, findings: [] });
  });

  it('PATH arguments: a single file, relative to --dir', () => {
    const dir = repo({
      ...ACME_CA,
      'identities/org.yaml': org,
      'identities/payments/settlement-reader.yaml': reader,
      'identities/payments/bad.yaml': 'x: [',
    });
    const r = idac([
      'validate',
      'identities/payments/settlement-reader.yaml',
      '--dir',
      dir,
      ...NOW,
      '--format',
      'json',
    ]);
    expect(JSON.parse(r.stdout)).toEqual({ identities: 1, findings: [] });
    expect(r.code).toBe(0);
  });

  it("a PATH inside another identities/ tree is judged by that tree's org.yaml", () => {
    const r = idac(['validate', 'examples/acme/identities', ...NOW, '--format', 'json']);
    expect(JSON.parse(r.stdout)).toEqual({ identities: 16, findings: [] });
    expect(r.code).toBe(0);
  });

  it.each([
    [['validate', '--format', 'xml'], /--format must be one of text, json, github, sarif/],
    [['validate', '--now', 'tomorrow'], /--now "tomorrow" is not an ISO-8601 date/],
    [['validate', '--max-findings', 'many'], /--max-findings must be a whole number/],
    [['validate', 'no/such/dir'], /no\/such\/dir: no such file or directory/],
    [['validate', '--bogus'], /unknown option '--bogus'/],
    [['frobnicate'], /unknown command 'frobnicate'/],
  ])('%j exits 2 with a clear message and no stack trace', (args, message) => {
    const r = idac(args);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(message);
    expect(r.stderr).not.toMatch(STACK_TRACE);
  });

  it('github: manifest values cannot inject workflow commands', () => {
    const evil = reader.replace('  purpose: Reads', '  evil: "x%0A::error::pwned\\n::add-mask::y"\n  purpose: Reads');
    const dir = repo({
      ...ACME_CA,
      'identities/org.yaml': org,
      'identities/payments/settlement-reader.yaml': evil,
      'identities/payments/a,b:c.yaml': 'x',
    });
    const r = idac(['validate', '--dir', dir, ...NOW, '--format', 'github']);
    expect(r.code).toBe(1);
    const lines = r.stdout.trimEnd().split('\n');
    // Every line is one of ours: a command we wrote, or the summary.
    for (const line of lines.slice(0, -1))
      expect(line).toMatch(/^::(error|warning|notice) file=[^,:]+,line=\d+,col=\d+,title=[a-z0-9/-]+::/);
    expect(lines.at(-1)).toMatch(/^✖/);
    expect(r.stdout).not.toMatch(/\n::add-mask::/);
    expect(r.stdout).toContain('file=identities/payments/a%2Cb%3Ac.yaml');
  });

  it('sarif: 2.1.0 with rules, help text, locations and stable fingerprints', () => {
    const dir = repo({
      ...ACME_CA,
      'identities/org.yaml': org,
      'identities/payments/settlement-reader.yaml': reader.replace('  purpose:', '  purpse:'),
    });
    const sarif = JSON.parse(idac(['validate', '--dir', dir, ...NOW, '--format', 'sarif']).stdout);
    expect(sarif.version).toBe('2.1.0');
    expect(sarif.$schema).toMatch(/sarif/);
    const run = sarif.runs[0];
    expect(run.tool.driver.name).toBe('idac');
    const rule = run.tool.driver.rules.find((r: { id: string }) => r.id === 'schema/unknown-key');
    expect(rule.help.text).toMatch(/Fix:/);
    expect(rule.properties['security-severity']).toBe('8.0');
    const result = run.results.find((r: { ruleId: string }) => r.ruleId === 'schema/unknown-key');
    expect(result.locations[0].physicalLocation).toEqual({
      artifactLocation: { uri: 'identities/payments/settlement-reader.yaml', uriBaseId: '%SRCROOT%' },
      region: { startLine: 10, startColumn: 3 },
    });
    expect(run.tool.driver.rules[result.ruleIndex].id).toBe('schema/unknown-key');
    // The fingerprint survives lines moving above the finding.
    const moved = repo({
      ...ACME_CA,
      'identities/org.yaml': org,
      'identities/payments/settlement-reader.yaml': `# a new comment\n${reader.replace('  purpose:', '  purpse:')}`,
    });
    const again = JSON.parse(
      idac(['validate', '--dir', moved, ...NOW, '--format', 'sarif']).stdout,
    ).runs[0].results.find((r: { ruleId: string }) => r.ruleId === 'schema/unknown-key');
    expect(again.locations[0].physicalLocation.region.startLine).toBe(11);
    expect(again.partialFingerprints).toEqual(result.partialFingerprints);
  });

  it('worker threads give the same result as one thread (2,500 files)', () => {
    const files: Record<string, string> = { ...ACME_CA, 'identities/org.yaml': org };
    for (let i = 0; i < 2500; i++) {
      const name = `svc-${String(i).padStart(5, '0')}`;
      let text = reader.replace(/settlement-reader/g, name);
      if (i % 250 === 7) text = text.replace('type: workload', 'type: wrkload');
      if (i === 1999) text = text.replace(name, 'svc-00001'); // a cross-file collision between the shares
      files[`identities/payments/${name}.yaml`] = text;
    }
    const dir = repo(files);
    const one = idac(['validate', '--dir', dir, ...NOW, '--format', 'json'], { env: { IDAC_THREADS: '1' } });
    const two = idac(['validate', '--dir', dir, ...NOW, '--format', 'json'], { env: { IDAC_THREADS: '2' } });
    expect(one.code).toBe(1);
    expect(two.stdout).toBe(one.stdout);
    expect(JSON.parse(one.stdout).identities).toBe(2500);
  });
});
