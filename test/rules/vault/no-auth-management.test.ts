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

ruleTable('vault/no-auth-management', {
  good: [
    { name: 'reading the list of auth methods', files: { [at]: vault(['sys/auth', 'read'], ['sys/auth/*', 'read']) } },
    { name: 'sys/* is vault/no-sys-path\'s', files: { [at]: vault(['sys/*', 'update']) } },
    { name: 'a prefix over auth and audit is vault/no-sys-path\'s', files: { [at]: vault(['sys/au*', 'update']) } },
    { name: 'logging in is not managing', files: { [at]: vault(['auth/kubernetes/login', 'update']) } },
    { name: 'the identity\'s own certificate', files: { [at]: cert('sys/auth') } },
    { name: 'an elevation outside its window', files: { [at]: elevated(vault(BASE), ['sys/auth/*', 'update']) } },
    { name: 'a tombstone', files: { [at]: status(vault(['sys/auth/*', 'update']), 'decommissioned') } },
  ],
  bad: [
    { name: 'enable and disable auth methods', files: { [at]: vault(['sys/auth/*', 'create, read, update, delete']) }, expect: [{ line: 28, column: 17, message: /Vault path "sys\/auth\/\*" grants create, update, delete on auth methods \(sys\/auth\)/ }] },
    { name: 'sys/auth itself', files: { [at]: vault(BASE, ['sys/auth', 'update']) }, expect: [{ line: 30, column: 17 }] },
    { name: 'tuning one method', files: { [at]: vault(['sys/auth/kubernetes/tune', 'update']) }, expect: [{ line: 28, column: 17 }] },
    { name: 'a prefix confined to sys/auth', files: { [at]: vault(['sys/auth*', 'update']) }, expect: [{ line: 28, column: 17 }] },
    { name: 'an active elevation', now: ACTIVE, files: { [at]: elevated(vault(BASE), ['sys/auth/*', 'update']) }, expect: [{ line: 38, column: 21 }] },
    { name: 'a suspended identity is still checked', files: { [at]: status(vault(['sys/auth/*', 'update']), 'suspended') }, expect: [{ line: 29, column: 17 }] },
  ],
});
