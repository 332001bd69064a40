// The one place that knows what of a file is secret (src/rules/secrets.ts) and how it is shown
// (src/common/redactor.ts): every reader and output goes through these, so they are pinned exactly.

import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { expectedEntries } from '../../src/model/codeowners.js';
import { orgModel } from '../../src/model/org.js';
import { decodedSecrets, fileSecrets, isWithheld, pathSecrets, Redactor } from '../../src/rules/secrets.js';
import { fake } from '../secrets/fakes.js';

const TOKEN = fake.github('ghp', 'unit');
const KEY_ID = fake.awsKeyId('unit');
const shown = (s: string) => `[secret ${createHash('sha256').update(s).digest('hex').slice(0, 8)}]`;

describe('Redactor', () => {
  const r = new Redactor([TOKEN, fake.privateKey('unit')]);

  it('replaces each secret by the fingerprint validate reports, the rest of the text kept', () => {
    expect(r.text(`purpose: uses ${TOKEN} daily`)).toBe(`purpose: uses ${shown(TOKEN)} daily`);
  });

  it('a 12-character piece of a secret (a value cut short) takes its word with it', () => {
    expect(r.text(`"${TOKEN.slice(0, 30)}…" and more`)).toBe(`"${shown(TOKEN)}" and more`);
    expect(r.text(`"\\"${TOKEN.slice(3, 20)}\\""`)).toBe(`"\\"${shown(TOKEN)}\\""`);
  });

  it('a key block is found line by line, as it is indented or commented in a file', () => {
    const line = fake.privateKey('unit').split('\n')[3]!;
    expect(r.holds(`#   ${line}`)).toBe(true);
    expect(r.text(`#   ${line}`)).not.toContain(line.slice(0, 12));
  });

  it('data: keys and values that hold a secret, at any depth; the rest untouched (same object when none)', () => {
    const data = { a: [`x ${TOKEN}`, 'plain'], [TOKEN]: { n: 1 } };
    expect(r.data(data)).toEqual({ a: [`x ${shown(TOKEN)}`, 'plain'], [shown(TOKEN)]: { n: 1 } });
    const clean = { a: 'b' };
    expect(new Redactor([]).data(clean)).toBe(clean);
  });

  it('isWithheld tells a shown value', () => {
    expect(isWithheld(`${shown(TOKEN)}@x.example`)).toBe(true);
    expect(isWithheld('alice@x.example')).toBe(false);
  });
});

describe('fileSecrets / pathSecrets', () => {
  it(
    'finds a token in a file or folder name, the extension ' + 'taken off, and shows the path with its fingerprint',
    async () => {
      expect((await pathSecrets(`identities/platform/${TOKEN}.yaml`)).map((m) => [m.rule, m.text])).toEqual([
        ['secret/github-token', TOKEN],
      ]);
      expect((await pathSecrets(`identities/${KEY_ID}/a.yaml`)).map((m) => m.rule)).toEqual([
        'secret/aws-access-key-id',
      ]);
      expect(await pathSecrets('identities/platform/edge-gateway.yaml')).toEqual([]);
      const s = await fileSecrets(`identities/platform/${TOKEN}.yaml`, `purpose: ${KEY_ID}\n`);
      expect(s).toMatchObject({ path: `identities/platform/${shown(TOKEN)}.yaml`, pathHoldsSecret: true });
      expect(s.redactor.text(`${TOKEN} ${KEY_ID}`)).toBe(`${shown(TOKEN)} ${shown(KEY_ID)}`);
    },
  );
});

describe('CODEOWNERS never carries a withheld value', () => {
  it(
    'no line for an identity whose path, owner or successor ' + 'held a secret; no such security owner or team handle',
    () => {
      const org = orgModel({
        apiVersion: 'idac/v1',
        kind: 'Organization',
        spec: {
          securityOwners: ['sec@x.example', `${shown(TOKEN)}@x.example`],
          teams: { a: { members: ['a@x.example'], github: `@x/${shown(TOKEN)}` } },
        },
      });
      const entries = expectedEntries(org, [
        { file: 'identities/a/ok.yaml', owner: 'a@x.example', successor: null, team: 'a' },
        { file: `identities/a/${shown(TOKEN)}.yaml`, owner: 'a@x.example', successor: null, team: 'a' },
        { file: 'identities/a/owner.yaml', owner: `${shown(KEY_ID)}@x.example`, successor: null, team: 'a' },
        {
          file: 'identities/a/successor.yaml',
          owner: 'a@x.example',
          successor: `${shown(KEY_ID)}@x.example`,
          team: 'a',
        },
      ]);
      expect(entries.map((e) => `${e.pattern} ${e.owners.join(' ')}`)).toEqual([
        '/identities/ sec@x.example',
        '/identities/org.yaml sec@x.example',
        '/schema/ sec@x.example',
        '/.github/ sec@x.example',
        '/identities/a/ok.yaml a@x.example',
      ]);
    },
  );
});

describe('decodedSecrets: what YAML escapes assemble', () => {
  it(
    'finds a token written with \\x5f or a line ' + 'continuation, at its key or value; nothing in plain text',
    async () => {
      const escaped = `purpose: "ghp\\x5f${TOKEN.slice(4)}"\n`;
      expect((await decodedSecrets(escaped, { purpose: TOKEN })).map((m) => [m.rule, m.text, m.path, m.at])).toEqual([
        ['secret/github-token', TOKEN, ['purpose'], 'value'],
      ]);
      expect(
        (await decodedSecrets(`"${TOKEN.slice(0, 10)}\\\n  ${TOKEN.slice(10)}": 1\n`, { [TOKEN]: 1 })).map((m) => [
          m.path,
          m.at,
        ]),
      ).toEqual([[[TOKEN], 'key']]);
      // The source shows the value as it is (or has no escape at all): the text scan's job, not this one's.
      expect(await decodedSecrets(`purpose: ${TOKEN} \\\n`, { purpose: TOKEN })).toEqual([]);
      expect(await decodedSecrets(`purpose: x\n`, { purpose: TOKEN })).toEqual([]);
    },
  );

  it('fileSecrets withholds a token that only the decoded data shows', async () => {
    const text = `apiVersion: idac/v1\nkind: MachineIdentity\nspec:\n  purpose: "ghp\\x5f${TOKEN.slice(4)}"\n`;
    expect((await fileSecrets('identities/a/b.yaml', text)).redactor.text(`uses ${TOKEN}`)).toBe(
      `uses ${shown(TOKEN)}`,
    );
  });
});
