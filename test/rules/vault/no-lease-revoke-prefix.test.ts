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


ruleTable('vault/no-lease-revoke-prefix', {
  good: [
    { name: 'renewing and revoking one lease', files: { [at]: vault(['sys/leases/renew', 'update'], ['sys/leases/revoke', 'update'], ['sys/leases/lookup', 'update']) } },
    { name: 'no write', files: { [at]: vault(['sys/leases/revoke-prefix/*', 'read']) } },
    { name: 'sys/* is vault/no-sys-path\'s', files: { [at]: vault(['sys/*', 'update']) } },
    { name: 'an elevation outside its window', files: { [at]: elevated(vault(BASE), ['sys/leases/revoke-prefix/*', 'update']) } },
    { name: 'a tombstone', files: { [at]: status(vault(['sys/leases/revoke-prefix/*', 'update']), 'decommissioned') } },
  ],
  bad: [
    { name: 'revoke by prefix', files: { [at]: vault(['sys/leases/revoke-prefix/*', 'update']) }, expect: [{ line: 28, column: 17, message: /Vault path "sys\/leases\/revoke-prefix\/\*" grants update on mass lease revocation/ }] },
    { name: 'revoke-force on one mount', files: { [at]: vault(BASE, ['sys/leases/revoke-force/database', 'update']) }, expect: [{ line: 30, column: 17 }] },
    { name: 'the legacy endpoint', files: { [at]: vault(['sys/revoke-prefix/aws/creds', 'update']) }, expect: [{ line: 28, column: 17 }] },
    { name: 'everything below sys/leases', files: { [at]: vault(['sys/leases/*', 'update']) }, expect: [{ line: 28, column: 17 }] },
    { name: 'a prefix', files: { [at]: vault(['sys/leases/revoke-*', 'update']) }, expect: [{ line: 28, column: 17 }] },
    { name: 'an active elevation', now: ACTIVE, files: { [at]: elevated(vault(BASE), ['sys/leases/revoke-prefix/*', 'update']) }, expect: [{ line: 38, column: 21 }] },
    { name: 'a suspended identity is still checked', files: { [at]: status(vault(['sys/leases/revoke-prefix/*', 'update']), 'suspended') }, expect: [{ line: 29, column: 17 }] },
  ],
});
