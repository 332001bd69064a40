// Errors say the real cause (issue 13 item 7), through the built CLI: where the repository is (a
// missing --dir, the root found from a subfolder), YAML mistakes named as what they are, missing
// arguments, help that matches the README, idac rules ID, and "did you mean" for typed names.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ruleById } from '../../src/rules/index.js';
import { edit } from '../rules/harness.js';
import { ACME_CA, ACME, acmeCopy, read } from './acme.js';
import { cliPath, idac, repo, root, STACK_TRACE } from './cli.js';
import { GitRepo } from './git.js';

/** What JSON findings carry beside the finding itself (issue 13 item 8): the rule's fix and its docs URL. */
const docs = (rule: string) => ({
  fix: ruleById.get(rule)!.meta.fix,
  docs: `https://github.com/idac-dev/idac/blob/main/docs/rules/${rule}.md`,
});

const NOW = '2026-11-23';
const READER = 'identities/payments/settlement-reader.yaml';

/** One invocation of every command, enough to get past its own argument checks. */
const EVERY_COMMAND: string[][] = [
  ['validate'],
  ['plan'],
  ['apply'],
  ['codeowners'],
  ['codeowners', '--check'],
  ['github', 'comment', '--plan', 'p.md'],
  ['github', 'audit', '--dry-run'],
  ['rotation'],
  ['revoke', 'ledger-writer', '--reason', 'INC-1'],
  ['history', 'ledger-writer'],
  ['report'],
  ['who-can', '--identity', 'ledger-writer'],
  ['offboard', 'alice@acme.example'],
  ['review'],
  ['review', 'attest', 'ledger-writer', '--reviewer', 'alice@acme.example'],
  ['rules'],
  ['drift', '--aws', 'aws.json'],
  ['import', 'aws', '--from', 'auth.json', '--team', 'platform'],
];

function write(dir: string, file: string, from: string, to: string): void {
  writeFileSync(join(dir, file), edit(read(dir, file), from, to));
}

function validateJson(dir: string, ...args: string[]) {
  const r = idac(['validate', '--dir', dir, '--now', NOW, '--format', 'json', ...args]);
  expect(r.stderr).toBe('');
  return { code: r.code, report: JSON.parse(r.stdout) as { identities: number; findings: Record<string, unknown>[] } };
}

describe('--dir: a folder that is not there says so, for every command', () => {
  const missing = join(tmpdir(), 'idac-no-such-folder', 'repo');
  it.each(EVERY_COMMAND.map((c) => [c.join(' '), c]))('%s', (_name, args) => {
    const r = idac([...args, '--dir', missing, '--now', NOW]);
    expect(r).toEqual({ code: 2, stdout: '', stderr: `idac: --dir ${missing}: no such directory\n` });
  });

  it('a file is not a directory; a folder without identities/ is not a repository', () => {
    const dir = repo({ 'README.md': 'x\n' });
    expect(idac(['validate', '--dir', join(dir, 'README.md')])).toEqual({
      code: 2,
      stdout: '',
      stderr: `idac: --dir ${join(dir, 'README.md')} is not a directory\n`,
    });
    expect(idac(['rotation', '--dir', dir])).toEqual({
      code: 2,
      stdout: '',
      stderr:
        `idac: --dir ${dir} holds no identities/ folder; give the repository root (the folder that holds ` +
        `identities/org.yaml)\n`,
    });
  });

  it('no repository in or above the current directory: says so instead of "identities: no such file"', () => {
    const dir = repo({ 'notes/README.md': 'x\n' });
    const cwd = join(dir, 'notes');
    for (const args of [['validate'], ['rotation'], ['report'], ['offboard', 'alice@acme.example']]) {
      expect(idac([...args, '--now', NOW], { cwd })).toEqual({
        code: 2,
        stdout: '',
        stderr:
          `idac: no identity repository here: neither ${cwd} nor a folder above it holds identities/org.yaml; ` +
          `run idac inside the repository or give --dir\n`,
      });
    }
    // Commands that need no repository still run anywhere.
    expect(idac(['rules', 'aws/no-wildcard-action'], { cwd }).code).toBe(0);
  });
});

describe("--out '': a usage error before any work, for every command that has --out", () => {
  const withOut = [...EVERY_COMMAND, ['offboard', 'alice@acme.example', '--write']].filter((c) =>
    idac([...c.filter((a) => !a.startsWith('--') || a === '--check'), '--help']).stdout.includes('--out <file>'),
  );
  it('the commands with --out are found', () => expect(withOut.length).toBeGreaterThanOrEqual(12));
  it.each(withOut.map((c) => [c.join(' '), c]))('%s', (_name, args) => {
    const dir = acmeCopy();
    const before = read(dir, 'identities/org.yaml');
    const r = idac([...args, '--dir', dir, '--now', NOW, '--out', '']);
    expect(r).toEqual({
      code: 2,
      stdout: '',
      stderr: 'idac: --out needs a file name, not an empty one; leave --out off to write to stdout\n',
    });
    expect(read(dir, 'identities/org.yaml')).toBe(before);
  });
});

describe('without --dir, every command finds the root from a subfolder (SPEC §5)', () => {
  const git = GitRepo.fromFolder(ACME);
  git.branch('change');
  git.edit(READER, 'actions: [s3:GetObject, s3:ListBucket]', 'actions: [s3:GetObject, s3:ListBucket, s3:PutObject]');
  git.commit('widen settlement-reader');
  const sub = join(git.dir, 'identities/payments');

  // Read-only invocations: the output from identities/payments must be the output with --dir.
  const READ_ONLY: string[][] = [
    ['validate', '--format', 'json'],
    ['plan', '--base', 'main', '--format', 'json'],
    ['codeowners', '--check', '--format', 'json'],
    ['github', 'audit', '--dry-run'],
    ['rotation', '--format', 'json'],
    ['history', 'settlement-reader', '--format', 'json'],
    ['report', '--format', 'json'],
    ['who-can', '--identity', 'settlement-reader', '--format', 'json'],
    ['who-can', 's3:PutObject', 'arn:aws:s3:::bank-drop/settlements/x', '--format', 'json'],
    ['offboard', 'alice@acme.example', '--format', 'json'],
    ['review', '--format', 'json'],
  ];
  it.each(READ_ONLY.map((c) => [c.join(' '), c]))('%s', (_name, args) => {
    const there = idac([...args, '--now', NOW], { cwd: sub });
    const withDir = idac([...args, '--now', NOW, '--dir', git.dir], { cwd: tmpdir() });
    expect(there.stderr).not.toMatch(STACK_TRACE);
    expect(there).toEqual(withDir);
    expect(there.stdout.length).toBeGreaterThan(10);
  });

  it('validate from a subfolder: PATH relative to the current directory, finding paths relative to the root', () => {
    const dir = acmeCopy();
    write(dir, READER, '  status: active\n', '  status: active\n  colour: blue\n');
    const cwd = join(dir, 'identities/payments');
    const one = idac(['validate', 'settlement-reader.yaml', '--now', NOW, '--format', 'json'], { cwd });
    expect(one.code).toBe(1);
    expect(JSON.parse(one.stdout)).toEqual({
      identities: 1,
      findings: [
        {
          rule: 'schema/unknown-key',
          severity: 'error',
          file: READER,
          line: 22,
          column: 3,
          identity: 'settlement-reader',
          message:
            'unknown key "colour" in spec; allowed here: type, purpose, criticality, stewardship, expires, ' +
            'review, status, rotation, access, delivery, elevations',
          ...docs('schema/unknown-key'),
        },
      ],
    });
    // Without PATH: the whole repository, as from the root.
    const all = idac(['validate', '--now', NOW, '--format', 'json'], { cwd });
    expect(all).toEqual(idac(['validate', '--now', NOW, '--format', 'json', '--dir', dir]));
    expect(JSON.parse(all.stdout).identities).toBe(16);
    // With --dir, PATH is relative to --dir, wherever the command runs.
    expect(idac(['validate', READER, '--dir', dir, '--now', NOW, '--format', 'json'], { cwd: tmpdir() }).stdout).toBe(
      one.stdout,
    );
  });

  it('plan reads git, not the worktree: a change that deletes identities/ entirely is still planned', () => {
    const all = GitRepo.fromFolder(ACME);
    all.branch('delete-all');
    rmSync(join(all.dir, 'identities'), { recursive: true });
    const r = idac(['plan', '--base', 'main', '--dir', all.dir, '--now', NOW, '--format', 'json']);
    expect(r.stderr).not.toMatch(/holds no identities/);
    expect(JSON.parse(r.stdout).identities.removed).toHaveLength(16);
    expect(r.code).not.toBe(2); // whether deleting them is refused is the plan's to say, not the root finder's
  });

  it('an edit command from a subfolder edits the file under the root', () => {
    const dir = acmeCopy();
    const r = idac(['review', 'attest', 'settlement-reader', '--reviewer', 'bob@acme.example', '--now', NOW], {
      cwd: join(dir, 'identities/data'),
    });
    expect(r.code).toBe(0);
    expect(read(dir, READER)).toContain('    lastReviewed: 2026-11-23\n    reviewer: bob@acme.example\n');
  });
});

describe('YAML mistakes are named as what they are', () => {
  it.each([
    ['an unquoted * in a flow list of actions', 'actions: [s3:GetObject, s3:ListBucket]', 'actions: [*]', 29, 21],
    [
      'an unquoted * after an ARN',
      'resources: [arn:aws:s3:::bank-drop, arn:aws:s3:::bank-drop/settlements/*]',
      'resources: [arn:aws:s3:::bank-drop, *]',
      30,
      47,
    ],
  ])('%s: quote it, not "delete the alias"', (_name, from, to, line, column) => {
    const dir = acmeCopy();
    write(dir, READER, from, to);
    const { code, report } = validateJson(dir);
    expect(code).toBe(1);
    expect(report.findings).toEqual([
      {
        rule: 'parse/alias',
        severity: 'error',
        file: READER,
        line,
        column,
        identity: null,
        message:
          'unquoted *: YAML reads a value that starts with * as an alias (a reference to an &anchor), not ' +
          'as text; quote it: "*"',
        ...docs('parse/alias'),
      },
    ]);
    const text = idac(['validate', '--dir', dir, '--now', NOW]);
    expect(text.stdout).toContain(
      `${READER}:${line}:${column}  error  parse/alias  unquoted *: YAML reads a value that starts with * ` +
        `as an alias (a reference to an &anchor), not as text; quote it: "*"\n    fix: Quote a value that ` +
        `starts with * ("*", "*Object"); for a real anchor, write the value out in full where it is used and ` +
        `delete the &anchor and *alias markers.\n`,
    );
  });

  it.each([
    [
      'a key too deep under a key that holds a value (yaml reports the value above it)',
      '    costCenter: CC-1042',
      '      costCenter: CC-1042',
      16,
      7,
      'mis-indented line: 6 spaces, deeper than the block it belongs to (4); the line above holds a value, ' +
        'so nothing can nest under it: indent it to 4',
    ],
    [
      'the first key of a block too deep (yaml reports the next key)',
      '      account: "123456789012"',
      '        account: "123456789012"',
      24,
      9,
      'mis-indented line: 8 spaces, but the lines after it in the same block are at 6: indent it to 6',
    ],
    [
      'a key one space short',
      '    successor: bob',
      '   successor: bob',
      14,
      4,
      'mis-indented line: 3 spaces lines up with no enclosing block (those start at 0, 2, 4): indent it ' +
        'like the lines it belongs with',
    ],
  ])('indentation: %s → the mis-indented line', (_name, from, to, line, column, message) => {
    const dir = acmeCopy();
    write(dir, READER, from, to);
    const { code, report } = validateJson(dir);
    expect(code).toBe(1);
    expect(report.findings).toEqual([
      {
        rule: 'parse/syntax',
        severity: 'error',
        file: READER,
        line,
        column,
        identity: null,
        message: `YAML syntax error: ${message}`,
        ...docs('parse/syntax'),
      },
    ]);
  });

  it('an unquoted value with ": " in it: quote it', () => {
    const dir = acmeCopy();
    write(dir, READER, '  purpose: Reads daily', '  purpose: Reads: daily');
    expect(validateJson(dir).report.findings).toEqual([
      {
        rule: 'parse/syntax',
        severity: 'error',
        file: READER,
        line: 10,
        column: 12,
        identity: null,
        message:
          'YAML syntax error: this value contains ": " (or ends with ":"), which YAML reads as a nested ' +
          'key; put the whole value in quotes',
        ...docs('parse/syntax'),
      },
    ]);
  });

  it('a misspelt team: did you mean, not "move the file to the misspelt team"', () => {
    const dir = acmeCopy();
    write(dir, READER, '    team: payments', '    team: paymnets');
    expect(
      validateJson(dir)
        .report.findings.filter((f) => String(f.rule).startsWith('stewardship/'))
        .map((f) => `${String(f.line)}:${String(f.column)} ${String(f.rule)} ${String(f.message)}`),
    ).toEqual(['15:11 stewardship/team-exists team "paymnets" is not declared in org.yaml; did you mean "payments"?']);
  });

  it('an empty org.yaml gets Organization advice, and no echo of stale CODEOWNERS', () => {
    const dir = acmeCopy();
    writeFileSync(join(dir, 'identities/org.yaml'), '');
    const { code, report } = validateJson(dir);
    expect(code).toBe(1);
    expect(report.findings).toEqual([
      {
        rule: 'parse/empty',
        severity: 'error',
        file: 'identities/org.yaml',
        line: 1,
        column: 1,
        identity: null,
        message:
          'identities/org.yaml holds no Organization (it is empty or only comments), so no identity has a ' +
          'team, owner or boundary to be checked against: write apiVersion: idac/v1, kind: Organization and ' +
          "spec.teams with each team's members (and spec.securityOwners, who approve exceptions)",
        ...docs('parse/empty'),
      },
    ]);
  });
});

describe('arguments and help', () => {
  it('review attest without NAME: commander says NAME is missing', () => {
    expect(idac(['review', 'attest', '--reviewer', 'bob@acme.example', '--dir', ACME])).toEqual({
      code: 2,
      stdout: '',
      stderr: "error: missing required argument 'name'\n",
    });
    expect(idac(['review', 'attest', '--dir', ACME])).toEqual({
      code: 2,
      stdout: '',
      stderr: "error: missing required argument 'name'\n",
    });
  });

  it("options after attest are attest's own (--format, --now)", () => {
    const dir = acmeCopy();
    const r = idac([
      'review',
      'attest',
      'settlement-reader',
      '--reviewer',
      'bob@acme.example',
      '--dir',
      dir,
      '--now',
      NOW,
      '--format',
      'json',
    ]);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({
      identity: 'settlement-reader',
      lastReviewed: '2026-11-23',
      reviewer: 'bob@acme.example',
    });
  });

  it('revoke --help marks --reason required; without it revoke says why it needs one', () => {
    const help = idac(['revoke', '--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toMatch(
      /^ {2}--reason <text> +required: why \(an incident id\), recorded in a comment above\n +status$/m,
    );
    expect(idac(['revoke', 'ledger-writer', '--dir', ACME])).toEqual({
      code: 2,
      stdout: '',
      stderr:
        'idac: --reason is required: say why (an incident id), it is recorded in the manifest and the pull request\n',
    });
    expect(idac(['github', 'comment', '--help']).stdout).toMatch(/--plan <file> +required:/);
  });

  it('every --format in --help matches the README synopsis and what the command accepts', () => {
    const readme = readFileSync(join(root, 'README.md'), 'utf8');
    const commands = ['validate', 'plan', 'apply', 'rotation', 'history', 'who-can', 'report', 'codeowners', 'rules'];
    for (const c of commands) {
      const help = idac([c, '--help']).stdout.replace(/\n\s+/g, ' ');
      // `text (default) | json | github (with --check)` → github, json, text
      const fromHelp = /--format <format> +(.*?)(?= {2}-|$)/m
        .exec(help)![1]!
        .replace(/\([^)]*\)/g, '')
        .split('|')
        .map((f) => f.trim().split(' ')[0]!)
        .sort();
      const synopsis = new RegExp(`^\`?idac ${c} [^\\n]*(?:\\n {3,}[^\\n]*)*?--format ([a-z|]+)`, 'm').exec(readme);
      expect(synopsis, `README synopsis of idac ${c}`).not.toBeNull();
      expect(synopsis![1]!.split('|').sort(), c).toEqual(fromHelp);
      // Each listed format is accepted, and nothing else is.
      const bogus = idac([
        c,
        '--format',
        'bogus',
        '--dir',
        ACME,
        ...(c === 'history' ? ['x'] : c === 'who-can' ? ['--identity', 'x'] : []),
      ]);
      expect(bogus.code, c).toBe(2);
      const accepted = /^idac: --format must be one of ([a-z, ]+), not "bogus"\n$/.exec(bogus.stderr);
      expect(accepted, `${c}: ${bogus.stderr}`).not.toBeNull();
      expect(accepted![1]!.split(', ').sort(), c).toEqual(fromHelp);
    }
  });

  it('an option that would be ignored is refused, before anything is written', () => {
    const dir = repo({ ...ACME_CA, 'identities/org.yaml': read(ACME, 'identities/org.yaml') });
    expect(idac(['codeowners', '--out', 'preview.txt', '--dir', dir])).toEqual({
      code: 2,
      stdout: '',
      stderr: 'idac: --out goes with --check; without it idac codeowners writes .github/CODEOWNERS\n',
    });
    expect(idac(['codeowners', '--format', 'json', '--dir', dir])).toEqual({
      code: 2,
      stdout: '',
      stderr: 'idac: --format goes with --check; without it idac codeowners writes .github/CODEOWNERS\n',
    });
    expect(existsSync(join(dir, '.github'))).toBe(false);
    expect(idac(['github', 'audit', '--out', 'body.md', '--dir', dir], { env: { GITHUB_TOKEN: undefined } })).toEqual({
      code: 2,
      stdout: '',
      stderr: 'idac: --out goes with --dry-run; without it idac github audit writes the issue on GitHub\n',
    });
  });

  it('--out into a folder that does not exist: said in words, exit 2', () => {
    const out = join(tmpdir(), 'idac-no-such-folder', 'report.md');
    expect(idac(['report', '--dir', ACME, '--now', NOW, '--out', out])).toEqual({
      code: 2,
      stdout: '',
      stderr: `idac: cannot write ${out}: no such file or directory (its folder does not exist)\n`,
    });
  });

  it('idac or idac github without a command: help on stderr, exit 2; --help: exit 0', () => {
    for (const args of [[], ['github']]) {
      const r = idac(args);
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(/^Usage: idac/);
    }
    expect(idac(['--help']).code).toBe(0);
    expect(idac(['review', '--help']).stdout).toMatch(/^Usage: idac review \[options\] \[command\]\n/);
  });
});

describe('idac rules', () => {
  it('ID: one rule in full (text, markdown, JSON)', () => {
    const text = idac(['rules', 'aws/no-wildcard-action']);
    expect(text.code).toBe(0);
    expect(text.stdout).toBe(
      `aws/no-wildcard-action  (error)
AWS action wildcard over every action

why:   \`*\` grants every action of every AWS service and \`svc:*\` every action of one service, including the ones ` +
        `AWS adds later; no machine identity needs that, and a leaked credential with it owns the account or the ` +
        `service.
fix:   List the actions the identity uses (CloudTrail or IAM Access Analyzer policy generation shows them), e.g. ` +
        `s3:GetObject instead of s3:*.
OWASP: NHI5 Overprivileged NHI
stage: checked on each identity
docs:  docs/rules/aws/no-wildcard-action.md
`,
    );
    const json = idac(['rules', 'vault/no-sudo', '--format', 'json']);
    expect(JSON.parse(json.stdout)).toEqual({
      id: 'vault/no-sudo',
      severity: 'error',
      title: 'Vault sudo capability',
      rationale: expect.stringMatching(/^sudo unlocks Vault's root-protected endpoints/),
      fix: expect.stringMatching(/^Remove sudo from the capabilities/),
      owasp: ['NHI5'],
      stage: 'identity',
      docsPath: 'docs/rules/vault/no-sudo.md',
      docs: 'https://github.com/idac-dev/idac/blob/main/docs/rules/vault/no-sudo.md',
    });
    const md = idac(['rules', 'vault/no-sudo', '--format', 'markdown']);
    expect(md.stdout).toMatch(
      new RegExp(
        '^## ' +
          '`' +
          String.raw`vault\/no-sudo` +
          '`' +
          String.raw` — Vault sudo capability\n\n\*\*Severity:\*\* error {2}\n` +
          String.raw`\*\*OWASP NHI:\*\* NHI5 Overprivileged NHI {2}\n\*\*Stage:\*\* checked on each identity\n`,
      ),
    );
    expect(md.stdout).toContain('Documentation: [docs/rules/vault/no-sudo.md](docs/rules/vault/no-sudo.md)\n');
  });

  it('ID of a rule the plan reports: where it is checked, and its page', () => {
    const text = idac(['rules', 'plan/protected-resource']);
    expect(text.code).toBe(0);
    expect(text.stdout).toMatch(/^plan\/protected-resource {2}\(error\)\nProtected identity deleted or replaced\n/);
    expect(text.stdout).toContain(
      '\nstage: reported by idac plan, comparing the two revisions\ndocs:  docs/rules/plan/protected-resource.md\n',
    );
    expect(JSON.parse(idac(['rules', 'plan/mass-deletion', '--format', 'json']).stdout)).toMatchObject({
      id: 'plan/mass-deletion',
      severity: 'error',
      stage: 'plan',
      docsPath: 'docs/rules/plan/mass-deletion.md',
    });
    expect(idac(['rules']).stdout).toMatch(
      /\nplan\/boundary-widened-to-everything +warning +Team boundary widened to everything \[NHI5, NHI8\]\n/,
    );
  });

  it.each([
    [
      'no-wildcard',
      'idac: no rule "no-wildcard"; did you mean aws/no-wildcard-action, certificate/no-wildcard-name, ' +
        'k8s/no-wildcard? (idac rules lists them all)\n',
    ],
    [
      'aws/no-wildcard-actoin',
      'idac: no rule "aws/no-wildcard-actoin"; did you mean aws/no-wildcard-action? (idac rules lists them all)\n',
    ],
    ['aws/no-sudo', 'idac: no rule "aws/no-sudo"; did you mean vault/no-sudo? (idac rules lists them all)\n'],
    ['nonsense', 'idac: no rule "nonsense" (idac rules lists them all)\n'],
  ])('an unknown ID %s exits 2 with the closest ids', (id, stderr) => {
    expect(idac(['rules', id])).toEqual({ code: 2, stdout: '', stderr });
  });

  it('readable text by default; Markdown and JSON on request', () => {
    const text = idac(['rules']).stdout;
    expect(text.split('\n')[0]).toMatch(
      /^agent\/no-static-credential +error +AI agent with a static credential \[NHI4, NHI7\]$/,
    );
    expect(text).toContain('\nOWASP Non-Human Identities Top 10 coverage:\n');
    expect(
      text.endsWith(
        '\n\nidac rules ID shows one rule in full (why, fix, docs); --format markdown or json prints the ' +
          'whole catalogue.\n',
      ),
    ).toBe(true);
    expect(idac(['rules', '--format', 'markdown']).stdout).toMatch(
      /^\| Rule \| Severity \| What it catches \| Fix \| OWASP NHI \|\n/,
    );
    expect(JSON.parse(idac(['rules', '--format', 'json']).stdout).rules[0]).toMatchObject({
      id: 'agent/no-static-credential',
      severity: 'error',
    });
  });
});

describe('did you mean: a mistyped address or name', () => {
  it("in the stewardship rules' findings", () => {
    const dir = acmeCopy();
    write(dir, READER, '    owner: alice@acme.example', '    owner: alise@acme.example');
    write(dir, READER, '    reviewer: carol@acme.example', '    reviewer: carol@acme.exmaple');
    const { report } = validateJson(dir);
    const messages = report.findings
      .filter((f) => String(f.rule).startsWith('stewardship/'))
      .map((f) => `${String(f.line)}:${String(f.column)} ${String(f.rule)} ${String(f.message)}`);
    expect(messages).toEqual([
      '13:12 stewardship/owner-in-team owner alise@acme.example is not a member of team payments in ' +
        'org.yaml; did you mean alice@acme.example?',
      '20:15 stewardship/reviewer-known reviewer "carol@acme.exmaple" is neither a team member nor a ' +
        'security owner in org.yaml; did you mean carol@acme.example?; the access needs a review by someone ' +
        'who is',
    ]);
  });

  it.each([
    [
      'offboard PERSON',
      ['offboard', 'alise@acme.example'],
      'idac: alise@acme.example is named by no manifest and not in org.yaml; did you mean alice@acme.example?\n',
    ],
    [
      'review --owner',
      ['review', '--owner', 'bob@acme.exmaple'],
      'idac: --owner bob@acme.exmaple owns no identity and is not in org.yaml; did you mean bob@acme.example?\n',
    ],
    [
      'review attest --reviewer',
      ['review', 'attest', 'settlement-reader', '--reviewer', 'carol@acme.exampel'],
      'idac: carol@acme.exampel is neither a team member nor a security owner in org.yaml; did you mean ' +
        'carol@acme.example? (stewardship/reviewer-known)\n',
    ],
    [
      'review attest NAME',
      ['review', 'attest', 'settlement-reader', '--reviewer', 'bob@acme.example'].map((a) =>
        a === 'settlement-reader' ? 'setlement-reader' : a,
      ),
      'idac: no identity setlement-reader under identities/; did you mean settlement-reader?\n',
    ],
    [
      'who-can --identity',
      ['who-can', '--identity', 'ledger-writr'],
      'idac: no identity named "ledger-writr" under identities/; did you mean ledger-writer?\n',
    ],
  ])('%s: exit 2, nothing written', (_name, args, stderr) => {
    const dir = acmeCopy();
    const before = read(dir, READER);
    expect(idac([...args, '--dir', dir, '--now', NOW])).toEqual({ code: 2, stdout: '', stderr });
    expect(read(dir, READER)).toBe(before);
  });

  it('history NAME', () => {
    const git = GitRepo.fromFolder(ACME);
    expect(idac(['history', 'ledger-writr', '--dir', git.dir])).toEqual({
      code: 2,
      stdout: '',
      stderr: 'idac: no identity named "ledger-writr" in the history of identities/; did you mean ledger-writer?\n',
    });
  });

  it('someone nobody resembles is not guessed at: offboard reports nothing to hand over', () => {
    const r = idac(['offboard', 'zed@elsewhere.example', '--dir', ACME, '--now', NOW]);
    expect(r).toEqual({
      code: 0,
      stdout: 'zed@elsewhere.example: no identity names them; nothing to hand over.\n',
      stderr: '',
    });
  });
});

describe('output piped into a reader that stops early (idac … | head)', () => {
  it.each([
    [['rules', '--format', 'json']],
    [['rules']],
    [['validate', '--dir', ACME, '--now', '2026-11-23', '--format', 'json', 'identities', 'identities', 'identities']],
  ])('%j: no EPIPE stack trace, the exit code of the command', (args) => {
    // The real thing: a shell pipeline into head, which exits after its first line.
    const quoted = [process.execPath, cliPath, ...args].map((a) => `'${a.replace(/'/g, `'\\''`)}'`).join(' ');
    const r = spawnSync('bash', ['-c', `${quoted} | head -n 1 >/dev/null; echo "status=\${PIPESTATUS[0]}" >&2`], {
      encoding: 'utf8',
      env: { ...process.env, NO_COLOR: '' },
    });
    expect(r.stderr).not.toMatch(STACK_TRACE);
    expect(r.stderr).not.toContain('EPIPE');
    expect(r.stderr.trim().split('\n').at(-1)).toBe('status=0');
  });
});
