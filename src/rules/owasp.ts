// OWASP Non-Human Identities Top 10 (2025): what each risk is, and what a static check of
// manifests in git cannot see (FACTS.md "can a static validator check it?").

import type { NhiId } from '../common/findings.js';

export interface NhiRisk {
  id: NhiId;
  title: string;
  /** What stays invisible to idac's rules, and why. */
  blindSpot: string;
}

export const NHI_TOP_10: readonly NhiRisk[] = [
  {
    id: 'NHI1',
    title: 'Improper Offboarding',
    blindSpot:
      'cloud identities created outside git (orphans) and whether an identity is still used need inventory ' +
      'and usage data from the clouds.',
  },
  {
    id: 'NHI2',
    title: 'Secret Leakage',
    blindSpot:
      'secrets outside the manifests (application code, CI logs, chat, tickets) and in earlier commits of ' +
      'the history are for a full-history scanner.',
  },
  {
    id: 'NHI3',
    title: 'Vulnerable Third-Party NHI',
    blindSpot: 'what a vendor does with the access it is granted; idac sees only the trust and scope declared here.',
  },
  {
    id: 'NHI4',
    title: 'Insecure Authentication',
    blindSpot:
      'how a workload actually authenticates at run time (e.g. a key kept after federation was set up) ' +
      'needs cloud audit logs.',
  },
  {
    id: 'NHI5',
    title: 'Overprivileged NHI',
    blindSpot:
      'rights granted but never used need access logs (CloudTrail, Kubernetes audit, Vault audit); idac ' +
      'judges what is granted.',
  },
  {
    id: 'NHI6',
    title: 'Insecure Cloud Deployment Configurations',
    blindSpot: 'CI/CD configuration outside the identity repository (workflow files of other repos, runner settings).',
  },
  {
    id: 'NHI7',
    title: 'Long-Lived Secrets',
    blindSpot: 'credentials created by hand outside idac, and the real age of a key in the cloud.',
  },
  {
    id: 'NHI8',
    title: 'Environment Isolation',
    blindSpot: 'environments org.yaml does not label, and network paths between environments.',
  },
  {
    id: 'NHI9',
    title: 'NHI Reuse',
    blindSpot: 'one credential copied into several workloads after delivery needs run-time telemetry.',
  },
  {
    id: 'NHI10',
    title: 'Human Use of NHI',
    blindSpot: 'a person actually logging in with a machine credential needs audit logs (CloudTrail, kubectl, Vault).',
  },
];
