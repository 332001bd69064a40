// src/cli/apply.ts opens a stack for each team of org.yaml and each team an identity names; nothing else.
import { ORG, planTable, type Editable } from './harness.js';

const DATA = ['events-enricher', 'legacy-etl', 'northwind-feed', 'report-exporter', 'support-assistant'];
const KEEP =
  'keep team data in org.yaml until an apply has emptied its stack, then remove it: without the team idac ' +
  'apply never opens stack data, and the 16 deletions this plan shows there (events-enricher, legacy-etl, ' +
  'northwind-feed, report-exporter, support-assistant) never happen';
const dropTeam = (f: Editable): void => void f.write(ORG, f.read(ORG).replace(/ {4}data:\n(?: {6}.*\n)+/, ''));
const dropIdentities =
  (names: readonly string[]) =>
  (f: Editable): void => {
    for (const n of names) f.remove(`identities/data/${n}.yaml`);
  };
const decommissioned = (f: Editable): void =>
  void f.edit('identities/data/support-assistant.yaml', 'spec:\n', 'spec:\n  status: decommissioned\n');

planTable('plan/team-without-stack', 'error', {
  good: [
    { name: 'its identities removed, the team kept', change: dropIdentities(DATA) },
    { name: 'the team removed after an apply emptied its stack', base: dropIdentities(DATA), change: dropTeam },
    {
      name:
        'the team removed as its last identity is decommissioned (the manifest still names the team: its ' +
        'stack opens)',
      base: dropIdentities(['legacy-etl', 'report-exporter']),
      change: (f) => {
        dropTeam(f);
        decommissioned(f);
      },
    },
    {
      name: 'the team removed while an identity still names it (its stack still opens)',
      change: (f) => {
        dropTeam(f);
        dropIdentities(['legacy-etl', 'support-assistant'])(f);
      },
    },
  ],
  bad: [
    {
      name: 'a team removed together with its identities',
      change: (f) => {
        dropTeam(f);
        dropIdentities(DATA)(f);
      },
      findings: [{ file: ORG, line: 17, column: 3, identity: null, messageId: 'teamRemoved', message: KEEP }],
    },
    {
      name: 'a team renamed in org.yaml, its identities moved to the new name',
      change: (f) => {
        f.edit(ORG, '    data:\n', '    analytics:\n');
        for (const n of DATA) {
          const text = f.read(`identities/data/${n}.yaml`).replace('    team: data\n', '    team: analytics\n');
          f.remove(`identities/data/${n}.yaml`);
          f.write(`identities/analytics/${n}.yaml`, text);
        }
      },
      findings: [{ file: ORG, line: 17, column: 3, identity: null, messageId: 'teamRemoved', message: KEEP }],
    },
  ],
});
