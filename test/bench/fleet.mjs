// Synthetic fleets for the bench: realistic ~1 KB manifests over many teams, deterministic for a
// given size, with about 1 % carrying a finding so the slow path is exercised too.
import { mkdirSync, writeFileSync, existsSync, rmSync } from 'node:fs';
import { join } from 'node:path';

const TYPES = ['workload', 'pipeline', 'bot', 'device', 'api-client', 'ai-agent'];

export function generateFleet(root, n) {
  // v2: org.yaml names the Vault address (without it the plan refuses, as apply would).
  const marker = join(root, `.complete-v2-${n}`);
  if (existsSync(marker)) return;
  rmSync(root, { recursive: true, force: true });
  const teams = Math.max(3, Math.ceil(n / 400));
  const dir = join(root, 'identities');
  mkdirSync(dir, { recursive: true });
  const teamName = (t) => `team-${String(t).padStart(4, '0')}`;
  const member = (t, m) => `p${m}.${teamName(t)}@example.com`;
  const org = [
    'apiVersion: idac/v1',
    'kind: Organization',
    'spec:',
    '  securityOwners: [security@example.com]',
    '  teams:',
  ];
  for (let t = 0; t < teams; t++) {
    org.push(
      `    ${teamName(t)}:`,
      `      members: [${[0, 1, 2].map((m) => member(t, m)).join(', ')}]`,
      '      boundaries:',
      '        aws: { accounts: ["123456789012"] }',
      `        kubernetes: { namespaces: ["prod-eu/${teamName(t)}"] }`,
      `        vault: { paths: ["kv/data/${teamName(t)}/*"], domains: ["${teamName(t)}.svc.cluster.local"] }`,
    );
    mkdirSync(join(dir, teamName(t)), { recursive: true });
  }
  org.push(
    '  targets:',
    '    aws:',
    '      "123456789012": { region: eu-west-1, oidcProviders: { prod-eu: ' +
      'oidc.eks.eu-west-1.amazonaws.com/id/EXAMPLE } }',
    '    kubernetes:',
    '      prod-eu: {}',
    '    vault:',
    '      address: https://vault.example.com:8200',
    '      mounts: { kv: kv-v2, pki: pki }',
    '  limits:',
    '    maxLifetime: 365d',
    '    reviewEvery: 180d',
    '    maxElevation: 8h',
    '    rotation:',
    '      aws-access-key: 90d',
    '      vault-secret-id: 30d',
    '    certificateTtl: 90d',
  );
  writeFileSync(join(dir, 'org.yaml'), `${org.join('\n')}\n`);
  for (let i = 0; i < n; i++) {
    const t = i % teams;
    const team = teamName(t);
    const name = `svc-${String(i).padStart(6, '0')}`;
    const flawed = i % 97 === 13; // ~1 %: expired
    const lines = [
      'apiVersion: idac/v1',
      'kind: MachineIdentity',
      'metadata:',
      `  name: ${name}`,
      '  labels:',
      `    environment: prod`,
      'spec:',
      `  type: ${TYPES[i % TYPES.length]}`,
      `  purpose: Synthetic identity ${i} that reads settlement files for ${team} and writes ledger entries ` +
        `to the reporting store.`,
      '  criticality: medium',
      '  stewardship:',
      `    owner: ${member(t, 0)}`,
      `    successor: ${member(t, 1)}`,
      `    team: ${team}`,
      '    costCenter: CC-1042',
      `  expires: ${flawed ? '2026-01-31' : '2027-05-31'}`,
      '  review:',
      '    lastReviewed: 2026-10-01',
      `    reviewer: ${member(t, 2)}`,
      '  access:',
      '    aws:',
      '      account: "123456789012"',
      '      principal: role',
      '      trust:',
      `        kubernetes: { cluster: prod-eu, namespace: ${team}, serviceAccount: ${name} }`,
      '      permissions:',
      '        - actions: [s3:GetObject, s3:ListBucket]',
      `          resources: [arn:aws:s3:::bucket-${i}, arn:aws:s3:::bucket-${i}/data/*]`,
      '    kubernetes:',
      '      cluster: prod-eu',
      `      namespace: ${team}`,
      `      serviceAccount: ${name}`,
      '      rules:',
      '        - apiGroups: [""]',
      '          resources: [configmaps]',
      `          resourceNames: [${name}-config]`,
      '          verbs: [get]',
      '    vault:',
      '      auth: kubernetes',
      '      paths:',
      `        - path: kv/data/${team}/${name}/*`,
      '          capabilities: [read]',
    ];
    writeFileSync(join(dir, team, `${name}.yaml`), `${lines.join('\n')}\n`);
  }
  writeFileSync(marker, '');
}
