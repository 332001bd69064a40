// An identity as `idac import aws` writes it, for the plan tests (unit and e2e).

export const LEGACY = 'identities/payments/legacy-app.yaml';

/** An AWS role as `idac import aws` writes it (SPEC §2, schema: metadata.importedFrom). */
export function importedRole(opts: { criticality?: string; sessionSeconds?: number; actions?: string } = {}): string {
  return `apiVersion: idac/v1
kind: MachineIdentity
metadata:
  name: legacy-app
  importedFrom:
    target: aws
    id: arn:aws:iam::123456789012:role/service/Legacy_App
    name: Legacy_App
    at: 2026-11-20
    live:
      path: /service/
      maxSessionDuration: ${opts.sessionSeconds ?? 7200}
      inlinePolicies: [s3-read, old-admin]
      managedPolicies: ["arn:aws:iam::aws:policy/ReadOnlyAccess"]
spec:
  type: workload
  purpose: Imported from arn:aws:iam::123456789012:role/service/Legacy_App
  criticality: ${opts.criticality ?? 'medium'}
  stewardship:
    owner: alice@acme.example
    successor: bob@acme.example
    team: payments
  expires: 2027-02-21
  access:
    aws:
      account: "123456789012"
      principal: role
      trust:
        kubernetes: { cluster: prod-eu, namespace: payments, serviceAccount: legacy-app }
      permissions:
        - actions: [${opts.actions ?? 's3:GetObject'}]
          resources: [arn:aws:s3:::bank-drop/*]
`;
}
