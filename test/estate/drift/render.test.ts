// The renderers: the exact JSON shape, text and Markdown that say what to do, and every value from
// the estate (untrusted: names, ids, statements) escaped.
import { describe, expect, it } from 'vitest';
import { driftJson, driftMarkdown, driftText } from '../../../src/features/estate/drift/render.js';
import type { DriftReport } from '../../../src/features/estate/drift/types.js';

const EMPTY: DriftReport = { orphans: [], unmanagedKeys: [], changed: [], missing: [] };

const REPORT: DriftReport = {
  orphans: [
    { target: 'aws', id: 'arn:aws:iam::123456789012:role/legacy/etl', name: 'etl' },
    // A name that tries to act on a terminal, hide text (bidi) and mention someone in the audit issue.
    {
      target: 'kubernetes',
      id: 'k8s:prod-eu/ops/x',
      name: 'evil\u001b[2J\u202e @admin <img src=x> [a](http://e.example)',
    },
  ],
  unmanagedKeys: [
    {
      target: 'aws',
      id: 'arn:aws:iam::123456789012:user/legacy-bot',
      keyId: 'AKIA…WXYZ',
      status: 'Active',
      created: '2023-01-01T00:00:00Z',
      lastUsed: '2026-11-20T10:00:00Z',
      reason: 'no manifest declares this user',
    },
  ],
  changed: [
    {
      target: 'aws',
      id: 'arn:aws:iam::123456789012:role/idac/payments/reader',
      identity: 'reader',
      file: 'identities/payments/reader.yaml',
      differences: [
        {
          field: 'aws.notExpressible',
          manifest: null,
          live: '{"Effect":"Deny","Action":"s3:*","Resource":"*"}\n`## injected',
          source: 'inline policy console',
          reason: 'a Deny has no field',
        },
        { field: 'aws.permissions', manifest: null, live: 's3:PutObject on arn:aws:s3:::bank/*' },
        { field: 'aws.trust', manifest: 'oidc gitlab project_path:acme/x:ref:main', live: null },
      ],
    },
  ],
  missing: [
    {
      target: 'vault',
      id: 'vault:auth/approle/role/batch',
      identity: 'batch',
      file: 'identities/data/batch.yaml',
      status: 'suspended',
    },
  ],
};

describe('drift renderers', () => {
  it('JSON has exactly the four lists, in order, and is byte-stable', () => {
    const text = driftJson(REPORT);
    expect(Object.keys(JSON.parse(text) as object)).toEqual(['orphans', 'unmanagedKeys', 'changed', 'missing']);
    expect(JSON.parse(text)).toEqual(REPORT);
    expect(driftJson(REPORT)).toBe(text);
    expect(driftJson(EMPTY)).toBe(
      '{\n  "orphans": [],\n  "unmanagedKeys": [],\n  "changed": [],\n  "missing": []\n}\n',
    );
    // JSON keeps the value but never a raw control or bidi character.
    expect(text).not.toMatch(/[\u001b\u202e]/);
  });

  it('text: counts, sections with what to do, one visible line per value', () => {
    const text = driftText(REPORT);
    expect(text).toBe(
      [
        'idac drift: 2 orphans, 1 unmanaged access key, 1 changed, 1 missing',
        '',
        'Orphans: in the estate, no manifest: `idac import` turns each into a pull request ' +
          '(or list it in org.yaml drift.ignore)',
        '  aws arn:aws:iam::123456789012:role/legacy/etl',
        '  kubernetes k8s:prod-eu/ops/x (evil\\u001b[2J\\u202e @admin <img src=x> [a](http://e.example))',
        '',
        'Unmanaged access keys: access keys idac does not manage: ' +
          "delete each once idac has delivered the user's first generation",
        '  AKIA…WXYZ active, created 2023-01-01, last used 2026-11-20 of ' +
          'arn:aws:iam::123456789012:user/legacy-bot: no manifest declares this user',
        '',
        'Changed: changed outside idac: re-apply to restore what git declares, or update the manifest to what is live',
        '  aws arn:aws:iam::123456789012:role/idac/payments/reader (reader, identities/payments/reader.yaml)',
        '    aws.notExpressible: live only {"Effect":"Deny","Action":"s3:*","Resource":"*"}\\n`## injected ' +
          '(inline policy console: a Deny has no field)',
        '    aws.permissions: live only s3:PutObject on arn:aws:s3:::bank/*',
        '    aws.trust: manifest only oidc gitlab project_path:acme/x:ref:main',
        '',
        'Missing: declared in git, not in the estate: apply creates them (or the manifest is stale)',
        '  vault vault:auth/approle/role/batch (batch, identities/data/batch.yaml) (suspended)',
        '',
      ].join('\n'),
    );
    expect(driftText(EMPTY)).toBe(
      'idac drift: 0 orphans, 0 unmanaged access keys, 0 changed, 0 missing\nThe estate matches git.\n',
    );
  });

  it('Markdown: every estate value in a code span, nothing that renders, mentions or breaks a line', () => {
    const md = driftMarkdown(REPORT);
    expect(md).toContain('## Drift\n\n2 orphans, 1 unmanaged access key, 1 changed, 1 missing.\n');
    expect(md).toContain(
      '- kubernetes `k8s:prod-eu/ops/x` (`evil\\u001b[2J\\u202e @admin <img src=x> [a](http://e.example)`)',
    );
    expect(md).toContain(
      '  - aws.notExpressible: live only ``{"Effect":"Deny","Action":"s3:*","Resource":"*"}\\n`## injected`` ' +
        '(`inline policy console`: `a Deny has no field`)',
    );
    // No line of the body starts a heading or block the estate asked for.
    for (const line of md.split('\n')) expect(line).not.toMatch(/^\s*(## injected|<img)/);
    expect(md).not.toMatch(/[\u001b\u202e]/);
    expect(driftMarkdown(EMPTY)).toBe(
      '## Drift\n\n0 orphans, 0 unmanaged access keys, 0 changed, 0 missing.\n\nThe estate matches git.\n',
    );
  });

  it('prints a key id only as the reader masked it', () => {
    for (const out of [driftJson(REPORT), driftText(REPORT), driftMarkdown(REPORT)]) {
      expect(out).toContain('AKIA…WXYZ');
      expect(out).not.toMatch(/AKIA[A-Z0-9]{16}/);
    }
  });
});

describe('driftMarkdown for the audit issue', () => {
  it('stops listing at maxChars, in order, and says how many are left out', () => {
    const many: DriftReport = {
      ...EMPTY,
      orphans: Array.from({ length: 2000 }, (_, i) => ({
        target: 'aws' as const,
        id: `arn:aws:iam::123456789012:role/r${String(i).padStart(4, '0')}`,
        name: `r${String(i).padStart(4, '0')}`,
      })),
      missing: [
        { target: 'aws', id: 'arn:aws:iam::123456789012:role/idac/t/m', identity: 'm', file: 'f', status: 'active' },
      ],
    };
    const md = driftMarkdown(many, { maxChars: 10_000 });
    expect(md.length).toBeLessThan(11_000);
    expect(md).toContain('### Orphans (2000)');
    expect(md).toContain('### Missing (1)');
    expect(md).toContain('- aws `arn:aws:iam::123456789012:role/r0000`\n');
    const shown = md.split('\n').filter((l) => l.startsWith('- aws ')).length;
    expect(md).toContain(
      `\n${2001 - shown} more entries are left out here: \`idac drift --format json\` lists them all.\n`,
    );
    expect(md).not.toContain('role/idac/t/m');
    expect(driftMarkdown(many)).toContain('role/idac/t/m');
  });
});
