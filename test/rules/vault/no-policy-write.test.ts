import { edit, IDENTITY, ruleTable } from '../harness.js';

const at = 'identities/payments/app.yaml';
type Entry = [path: string, capabilities: string];
/** IDENTITY plus access.vault: entry i's path is on line 28 + 2i (column 17), its capabilities on line 29 + 2i (from column 26). */
const vault = (...entries: Entry[]) => `${IDENTITY}    vault:\n      auth: kubernetes\n      paths:\n${entries.map(([p, c]) => `        - path: "${p}"\n          capabilities: [${c}]\n`).join('')}`;
/** An elevation of 2026-11-23 08:00–16:00Z: after one base entry, its path i is on line 38 + 2i (column 21), capabilities on 39 + 2i (from column 30). */
const elevated = (text: string, ...entries: Entry[]) => `${text}  elevations:\n    - reason: INC-1 replay failed settlements\n      approvedBy: dave@example.com\n      from: 2026-11-23T08:00:00Z\n      until: 2026-11-23T16:00:00Z\n      access:\n        vault:\n          paths:\n${entries.map(([p, c]) => `            - path: "${p}"\n              capabilities: [${c}]\n`).join('')}`;
const ACTIVE = '2026-11-23T09:00:00Z';
const status = (text: string, s: string) => edit(text, '  expires: 2027-05-31\n', `  expires: 2027-05-31\n  status: ${s}\n`);
const BASE: Entry = ['kv/data/payments/app/*', 'read'];

/** IDENTITY with a certificate from `mount`: idac grants update on <mount>/issue/app, which is not a policy path of the manifest. */
const cert = (mount: string) => `${IDENTITY}    vault:\n      auth: kubernetes\n      certificates:\n        - mount: ${mount}\n          commonNames: [app.payments.svc.cluster.local]\n          ttl: 72h\n`;

ruleTable('vault/no-policy-write', {
  good: [
    { name: 'no policy path', files: { [at]: vault(BASE) } },
    { name: 'reading policies', files: { [at]: vault(['sys/policy/*', 'read, list'], ['sys/policies/acl', 'list']) } },
    { name: 'password policies are not ACL policies', files: { [at]: vault(['sys/policies/password/app', 'update']) } },
    { name: 'sys/* is vault/no-sys-path\'s', files: { [at]: vault(['sys/*', 'update']) } },
    { name: 'the identity\'s own certificate', files: { [at]: cert('sys/policy') } },
    { name: 'an elevation outside its window', files: { [at]: elevated(vault(BASE), ['sys/policy/*', 'update']) } },
    { name: 'a tombstone', files: { [at]: status(vault(['sys/policy/*', 'update']), 'decommissioned') } },
  ],
  bad: [
    { name: 'every policy, the default one included', files: { [at]: vault(['sys/policy/*', 'read, update']) }, expect: [{ line: 28, column: 17, message: /Vault path "sys\/policy\/\*" grants update on Vault policies, including the default policy, which is attached to every token: it can rewrite/ }] },
    { name: 'the default policy', files: { [at]: vault(['sys/policies/acl/default', 'update']) }, expect: [{ line: 28, column: 17, message: /default policy, which is attached to every token/ }] },
    { name: 'some policies, not the default one', files: { [at]: vault(BASE, ['sys/policies/acl/payments-*', 'create, delete']) }, expect: [{ line: 30, column: 17, message: /^(?!.*default).*grants create, delete on Vault policies: it can rewrite a policy it holds/ }] },
    { name: 'a prefix confined to policies', files: { [at]: vault(['sys/polic*', 'patch']) }, expect: [{ line: 28, column: 17 }] },
    { name: 'a segment wildcard as the mount', files: { [at]: vault(['+/policy/*', 'update']) }, expect: [{ line: 28, column: 17 }] },
    { name: 'Sentinel policies', files: { [at]: vault(['sys/policies/egp/*', 'delete']) }, expect: [{ line: 28, column: 17 }] },
    { name: 'an active elevation', now: ACTIVE, files: { [at]: elevated(vault(BASE), ['sys/policy/app', 'update']) }, expect: [{ line: 38, column: 21 }] },
    { name: 'a suspended identity is still checked', files: { [at]: status(vault(['sys/policy/*', 'update']), 'suspended') }, expect: [{ line: 29, column: 17 }] },
  ],
});
