import { describe, expect, it } from 'vitest';
import { validate } from '../../../src/check/validate.js';
import { MemorySource } from '../../../src/manifest/memory-source.js';
import { parseInstant } from '../../../src/common/time.js';
import { edit, IDENTITY, NOW, ORG, ruleTable } from '../harness.js';
import { at, orgFile, risk, withExceptions } from './fixture.js';
import { messageOf } from '../../../src/common/result.js';

const rule = 'org/exception-unknown-identity';
const exceptions = (...identities: string[]) => withExceptions(ORG, ...identities.map((identity) => ({ identity })));

ruleTable(rule, {
  good: [
    {
      name: 'exceptions for identities in two team folders',
      files: { [orgFile]: exceptions('app', 'worker'), [at]: IDENTITY, 'identities/risk/worker.yaml': risk('worker') },
    },
    {
      name: 'a tombstone still exists',
      files: { [orgFile]: exceptions('app'), [at]: `${IDENTITY}  status: decommissioned\n` },
    },
    {
      name: 'an identity whose file fails its schema still exists',
      files: { [orgFile]: exceptions('app'), [at]: edit(IDENTITY, '  purpose:', '  purpos:') },
    },
    {
      name: 'an identity whose file does not parse is known by its file name',
      files: { [orgFile]: exceptions('app'), [at]: 'kind: [unclosed\n' },
    },
  ],
  bad: [
    {
      name: 'an exception for a deleted identity',
      files: { [orgFile]: exceptions('ghost'), [at]: IDENTITY },
      expect: [
        {
          file: orgFile,
          line: 30,
          column: 17,
          messageId: 'unknownIdentity',
          message: new RegExp(
            String.raw`^exception names identity "ghost", which does not exist in this repository; remove it ` +
              String.raw`before an identity of that name inherits it$`,
          ),
        },
      ],
    },
    {
      name: 'only the stale one of two',
      files: { [orgFile]: exceptions('app', 'worker'), [at]: IDENTITY, 'identities/risk/other.yaml': risk('other') },
      expect: [{ file: orgFile, line: 35, column: 17, messageId: 'unknownIdentity', message: /"worker"/ }],
    },
  ],
});

describe(`${rule} needs the whole identities/ folder`, () => {
  const files = {
    [orgFile]: exceptions('ghost', 'worker'),
    [at]: IDENTITY,
    'identities/risk/worker.yaml': risk('worker'),
  };
  const warnings = async (paths: string[]) => {
    const result = await validate(new MemorySource(files), { paths, now: parseInstant(NOW)! });
    if (!result.ok) throw new Error(messageOf(result));
    return result.value.findings.filter((f) => f.rule === rule).map((f) => `${f.file}:${f.line}`);
  };

  it('is silent when only a team folder or one file is validated', async () => {
    expect(await warnings(['identities/payments'])).toEqual([]);
    expect(await warnings([at, orgFile])).toEqual([]);
  });
  it('reports from the repository root, the identities folder, or both', async () => {
    expect(await warnings(['.'])).toEqual(['identities/org.yaml:30']);
    expect(await warnings(['./identities/'])).toEqual(['identities/org.yaml:30']);
    expect(await warnings(['identities/payments', 'identities'])).toEqual(['identities/org.yaml:30']);
  });
});
