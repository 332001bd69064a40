// Inputs for the AWS and delivery compiler tests: the acme example repo loaded through the
// project's own loader, and a small role identity to vary field by field.

import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { CompileContext } from '../../src/compile/types.js';
import type { MachineIdentity } from '../../src/manifest/machine-identity.generated.js';
import type { Organization } from '../../src/manifest/organization.generated.js';
import { loadText } from '../../src/manifest/load.js';
import { orgModel, type OrgModel } from '../../src/model/org.js';
import { parseInstant } from '../../src/common/time.js';

const ACME = fileURLToPath(new URL('../../examples/acme/identities/', import.meta.url));

function load(file: string, expect: 'MachineIdentity' | 'Organization'): unknown {
  const loaded = loadText(readFileSync(ACME + file, 'utf8'), { expect, fast: false });
  if (!loaded.valid) throw new Error(`${file} does not load: ${JSON.stringify(loaded.issues)}`);
  return loaded.data;
}

export const ACME_ORG: OrgModel = orgModel(load('org.yaml', 'Organization') as Organization);

export const ACME_FILES = [
  'data/legacy-etl.yaml',
  'data/report-exporter.yaml',
  'data/support-assistant.yaml',
  'payments/ledger-writer.yaml',
  'payments/nightly-recon.yaml',
  'payments/settlement-reader.yaml',
  'platform/ci-deployer.yaml',
  'platform/edge-gateway.yaml',
  'platform/release-bot.yaml',
];

export function acme(file: string): MachineIdentity {
  return load(file, 'MachineIdentity') as MachineIdentity;
}

export function at(iso: string, org: OrgModel | null = ACME_ORG): CompileContext {
  const now = parseInstant(iso);
  if (now === null) throw new Error(`bad instant ${iso}`);
  return { now, org };
}

export const EKS_ISSUER = 'oidc.eks.eu-west-1.amazonaws.com/id/EXAMPLED539D4633E53DE1B71EXAMPLE';

/** A payments role trusted by a Kubernetes service account, with one permission; `patch` overrides spec fields. */
export function role(patch: Partial<MachineIdentity['spec']> = {}, name = 'app'): MachineIdentity {
  return {
    apiVersion: 'idac/v1',
    kind: 'MachineIdentity',
    metadata: { name },
    spec: {
      type: 'workload',
      purpose: 'Reads settlement files from the bank drop bucket.',
      criticality: 'medium',
      stewardship: { owner: 'alice@acme.example', successor: 'bob@acme.example', team: 'payments' },
      expires: '2027-05-31',
      access: {
        aws: {
          account: '123456789012',
          principal: 'role',
          trust: { kubernetes: { cluster: 'prod-eu', namespace: 'payments', serviceAccount: 'app' } },
          permissions: [{ actions: ['s3:GetObject'], resources: ['arn:aws:s3:::bank-drop/*'] }],
        },
      },
      ...patch,
    },
  };
}

/** The same identity as an IAM user with rotated keys. */
export function user(patch: Partial<MachineIdentity['spec']> = {}, name = 'app'): MachineIdentity {
  const base = role({}, name);
  return {
    ...base,
    spec: {
      ...base.spec,
      rotation: { period: '60d', overlap: '3d' },
      access: { aws: { account: '123456789012', principal: 'user', permissions: base.spec.access.aws!.permissions } },
      ...patch,
    },
  };
}

/** elevationKey, derived again from node:crypto (not from the code under test). */
export function elevationKeyOf(from: string, until: string, reason: string): string {
  return `elevation-${createHash('sha256').update(`${from}\n${until}\n${reason}`).digest('hex').slice(0, 8)}`;
}
