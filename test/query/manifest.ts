// A valid MachineIdentity as YAML text, for who-can's in-memory and temp-dir repositories: only the
// access block (indented by four) and what precedes it vary, so expected line numbers stay readable.

export function manifest(name: string, access: string, opts: { team?: string; extra?: string } = {}): string {
  return `apiVersion: idac/v1
kind: MachineIdentity
metadata:
  name: ${name}
spec:
  type: workload
  purpose: Exercises who-can.
  stewardship:
    owner: a@example.com
    successor: b@example.com
    team: ${opts.team ?? 'tm'}
  expires: 2027-05-31
${opts.extra ?? ''}  access:
${access}`;
}
