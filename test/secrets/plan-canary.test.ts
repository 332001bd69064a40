// Canary credentials through `idac plan` (THREATS.md items 57 and 64): a secret added to a manifest in
// the change, or one that was in the base and is removed by it, must not reach the plan in any format
// — not in field changes, grants, due items or findings; not even 12 characters of it.
//
// Runs dist/cli.js: `npm test` builds it first; alone, run `npx tsc -p .` before this file.

import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { idac, root, STACK_TRACE } from '../e2e/cli.js';
import { GitRepo, git } from '../e2e/git.js';
import { fake } from './fakes.js';

const READER = 'identities/payments/settlement-reader.yaml';
const PURPOSE = 'purpose: Reads daily settlement files from the bank drop bucket and writes ledger entries.';
const ARN = 'arn:aws:s3:::bank-drop/settlements/*';
const FORMATS = ['text', 'json', 'markdown'] as const;

const CANARIES = [
  { name: 'AWS access key id', secret: fake.awsKeyId() },
  { name: 'GitHub token', secret: fake.github('ghp') },
  { name: 'Vault service token', secret: fake.vaultService() },
  { name: 'JWT', secret: fake.jwt() },
  { name: 'Slack token', secret: fake.slack() },
];

/** Where the secret goes: free text, a grant's resource (so it would be in access and resources), a comment. */
const PLACES: { name: string; put: (text: string, s: string) => string }[] = [
  {
    name: 'purpose',
    put: (t, s) => t.replace(PURPOSE, `purpose: Reads settlement files with ${s} from the bank drop bucket.`),
  },
  { name: 'a resource ARN', put: (t, s) => t.replace(ARN, `arn:aws:s3:::bank-drop/${s}/*`) },
  { name: 'a comment', put: (t, s) => `${t}# old key ${s}\n` },
];

function windows(secret: string): string[] {
  const out = new Set<string>();
  for (let i = 0; i + 12 <= secret.length; i++) out.add(secret.slice(i, i + 12));
  return [...out];
}

let repo: GitRepo;
let original: string;

beforeAll(() => {
  repo = GitRepo.fromFolder(join(root, 'examples/acme'));
  original = repo.read(READER);
});

afterAll(() => {
  git(repo.dir, 'checkout', '-q', '-f', 'main');
});

function planAll(base: string, head: string): { format: string; code: number; out: string }[] {
  return FORMATS.map((format) => {
    const r = idac([
      'plan',
      '--dir',
      repo.dir,
      '--base',
      base,
      '--head',
      head,
      '--now',
      '2026-11-23',
      '--format',
      format,
    ]);
    return { format, code: r.code, out: r.stdout + r.stderr };
  });
}

describe('idac plan never echoes a secret', () => {
  describe.each(CANARIES)('$name', ({ secret }) => {
    it.each(PLACES)('added in $name: found, reported, never shown', ({ put }) => {
      git(repo.dir, 'checkout', '-q', '-f', 'main');
      repo.branch(`add-${Math.random().toString(36).slice(2, 10)}`);
      repo.write(READER, put(original, secret));
      const head = repo.commit('plant');
      for (const r of planAll('main', head)) {
        expect(r.out).not.toMatch(STACK_TRACE);
        expect(r.code, r.format).toBe(1);
        expect(
          windows(secret).filter((w) => r.out.includes(w)),
          r.format,
        ).toEqual([]);
        expect(r.out).toMatch(/secret\//);
      }
    });

    it.each(PLACES)('removed from $name by the change: the old value is not shown either', ({ put }) => {
      git(repo.dir, 'checkout', '-q', '-f', 'main');
      repo.branch(`rm-${Math.random().toString(36).slice(2, 10)}`);
      repo.write(READER, put(original, secret));
      const base = repo.commit('leaked');
      repo.write(READER, original);
      const head = repo.commit('cleaned');
      for (const r of planAll(base, head)) {
        expect(r.out).not.toMatch(STACK_TRACE);
        expect(
          windows(secret).filter((w) => r.out.includes(w)),
          r.format,
        ).toEqual([]);
      }
    });
  });
});
