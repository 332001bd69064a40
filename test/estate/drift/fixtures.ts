// Small repositories and hand-made estates for the drift tests: manifests as YAML text (loaded the
// way the command loads them) and estate identities in the shape the readers give.

import { expect } from 'vitest';
import { iamCatalog } from '../../../src/access/iam-catalog.js';
import { awsServices } from '../../../src/access/model.js';
import { servicesOf } from '../../../src/access/aws-actions.js';
import { loadRepository } from '../../../src/check/repository.js';
import { messageOf } from '../../../src/common/result.js';
import { parseInstant } from '../../../src/common/time.js';
import { drift } from '../../../src/features/estate/drift/drift.js';
import type { DriftReport } from '../../../src/features/estate/drift/types.js';
import type { AccessKeyRecord, Estate, EstateIdentity } from '../../../src/features/estate/types.js';
import { MemorySource } from '../../../src/manifest/memory-source.js';
import type { MachineIdentity } from '../../../src/manifest/machine-identity.generated.js';
import type { Organization } from '../../../src/manifest/organization.generated.js';

export const ACCOUNT = '123456789012';
export const NOW = parseInstant('2026-11-23T12:00:00Z')!;

export const ORG = `apiVersion: idac/v1
kind: Organization
spec:
  teams:
    tm:
      members: [a@example.com, b@example.com]
  targets:
    aws:
      "${ACCOUNT}":
        region: eu-west-1
        oidcProviders: { gitlab: gitlab.com }
    kubernetes:
      prod-eu: { vaultAuthMount: k8s-prod }
    vault:
      approleMount: apps
      auth: { jwt-gitlab: jwt, aws: aws, k8s-prod: kubernetes, apps: approle, cert: cert }
`;

export function manifest(name: string, access: string, extra = '', meta = ''): string {
  return `apiVersion: idac/v1
kind: MachineIdentity
metadata:
  name: ${name}
${meta}spec:
  type: workload
  purpose: Exercises drift.
  stewardship:
    owner: a@example.com
    successor: b@example.com
    team: tm
  expires: 2027-05-31
${extra}  access:
${access}`;
}

export interface Repo {
  identities: { data: MachineIdentity; file: string }[];
  org: Organization | null;
}

export async function repo(files: Record<string, string>, org = ORG): Promise<Repo> {
  const read = await loadRepository(new MemorySource({ 'identities/org.yaml': org, ...files }));
  if (!read.ok) throw new Error(messageOf(read));
  expect(read.value.skipped.map((s) => s.path)).toEqual([]);
  return { identities: read.value.identities.map(({ data, file }) => ({ data, file })), org: read.value.org };
}

export function role(
  name: string,
  access: EstateIdentity['access'],
  more: Partial<EstateIdentity> = {},
): EstateIdentity {
  return {
    target: 'aws',
    id: `arn:aws:iam::${ACCOUNT}:role/idac/tm/${name}`,
    name,
    labels: {},
    access,
    notExpressible: [],
    origins: [],
    ...more,
  };
}

export function awsEstate(identities: EstateIdentity[], keys: AccessKeyRecord[] = []): Estate {
  return { target: 'aws', scope: ACCOUNT, identities, keys, org: {}, warnings: [] };
}

export async function driftOf(r: Repo, estates: Estate[], now = NOW): Promise<DriftReport> {
  const services = new Set<string>();
  for (const { data } of r.identities) for (const s of awsServices(data)) services.add(s);
  for (const e of estates)
    for (const i of e.identities)
      for (const s of servicesOf((i.access.aws?.permissions ?? []).flatMap((p) => p.actions))) services.add(s);
  await iamCatalog.load(services);
  return drift({ estates, identities: r.identities, org: r.org, now, catalog: iamCatalog });
}

/** A one-line spec.access.aws (flow style) granting s3:GetObject on everything. */
export function awsLine(account: string, principal: 'role' | 'user'): string {
  const permissions = '[{ actions: [s3:GetObject], resources: ["*"] }]';
  return `    aws: { account: "${account}", principal: ${principal}, permissions: ${permissions} }\n`;
}
