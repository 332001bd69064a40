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

ruleTable('vault/no-token-roles-write', {
  good: [
    { name: 'listing and reading token roles', files: { [at]: vault(['auth/token/roles', 'list'], ['auth/token/roles/*', 'read']) } },
    { name: 'the identity\'s own certificate', files: { [at]: cert('auth/token/roles') } },
    { name: 'an elevation outside its window', files: { [at]: elevated(vault(BASE), ['auth/token/roles/*', 'update']) } },
    { name: 'a tombstone', files: { [at]: status(vault(['auth/token/roles/*', 'update']), 'decommissioned') } },
  ],
  bad: [
    { name: 'every token role', files: { [at]: vault(['auth/token/roles/*', 'update']) }, expect: [{ line: 28, column: 17, message: /Vault path "auth\/token\/roles\/\*" grants update on token roles \(auth\/token\/roles\/\*\): it can widen a role's allowed policies/ }] },
    { name: 'one token role', files: { [at]: vault(BASE, ['auth/token/roles/ci', 'create']) }, expect: [{ line: 30, column: 17 }] },
    { name: 'everything below auth/', files: { [at]: vault(['auth/*', 'delete']) }, expect: [{ line: 28, column: 17 }] },
    { name: 'an active elevation', now: ACTIVE, files: { [at]: elevated(vault(BASE), ['auth/token/roles/ci', 'update']) }, expect: [{ line: 38, column: 21 }] },
    { name: 'a suspended identity is still checked', files: { [at]: status(vault(['auth/token/roles/*', 'update']), 'suspended') }, expect: [{ line: 29, column: 17 }] },
  ],
});
