// `idac import aws --from` on an export of 1,000 roles (and 100 users): every trust kind and policy
// shape of the recorded export (test/fixtures/estate/aws/account.json) — GitHub, GitLab and EKS OIDC,
// services, partner accounts with an external id, Roles Anywhere, Pod Identity, SAML, Deny and
// NotAction statements, inline, customer-managed and AWS-managed policies, group policies — cloned
// under new names and teams. Issue 18's target: under 10 s.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const NOW = '2026-12-03';

/** The recorded export, its roles and users cloned to `roles` and `users` principals. */
export function generateExport(repo, roles, users) {
  const base = JSON.parse(readFileSync(join(repo, 'test/fixtures/estate/aws/account.json'), 'utf8'));
  const clone = (p, kind, i) => {
    const name = p[`${kind}Name`];
    const copy = JSON.parse(JSON.stringify(p).replaceAll(`/${name}"`, `/${name}-${i}"`));
    copy[`${kind}Name`] = `${name}-${i}`;
    copy[`${kind}Id`] = `${p[`${kind}Id`].slice(0, 8)}${String(i).padStart(13, '0')}`;
    copy.Tags = [
      { Key: 'team', Value: `team-${i % 20}` },
      ...(i % 2 === 0 ? [{ Key: 'owner', Value: `owner${i % 50}@example.com` }] : []),
    ];
    return copy;
  };
  const templates = base.RoleDetailList.filter((r) => !r.Path.startsWith('/aws-'));
  const reserved = base.RoleDetailList.filter((r) => r.Path.startsWith('/aws-'));
  return {
    ...base,
    RoleDetailList: [
      ...reserved,
      ...Array.from({ length: roles }, (_, i) => clone(templates[i % templates.length], 'Role', i)),
    ],
    UserDetailList: Array.from({ length: users }, (_, i) =>
      clone(base.UserDetailList[i % base.UserDetailList.length], 'User', i),
    ),
  };
}

export function importBench(repo, work, timed, fmt) {
  const roles = 1000;
  const file = join(work, 'import-aws-export.json');
  writeFileSync(file, JSON.stringify(generateExport(repo, roles, 100)));
  const times = [];
  let summary;
  for (let i = 0; i < 3; i++) {
    const dir = mkdtempSync(join(work, 'import-'));
    try {
      const r = timed(process.execPath, [
        join(repo, 'dist/cli.js'),
        'import',
        'aws',
        '--from',
        file,
        '--dir',
        dir,
        '--team-from',
        'team',
        '--now',
        NOW,
        '--format',
        'json',
      ]);
      // Exit 1 is expected (the export holds statements a manifest cannot express); 2 is a bench bug.
      if (r.r.status !== 1) throw new Error(`import exited ${r.r.status}: ${r.r.stderr.slice(0, 500)}`);
      summary = JSON.parse(r.r.stdout);
      times.push(r.wall);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }
  const wall = [...times].sort((a, b) => a - b)[1];
  console.log(
    `\nimport   aws export of ${roles.toLocaleString('en')} roles + 100 users → ${summary.imported.length} ` +
      `manifests ${fmt(wall).padStart(9)} (median of 3)  ${((roles + 100) / (wall / 1000)).toFixed(0)} ` +
      `principals/s  (target < 10 s)`,
  );
}
