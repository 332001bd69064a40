// `idac offboard`: the hand-over as text for the person doing it, or JSON for a script. The JSON is
// the report itself (keys in a fixed order); `written`/`diff` are added only when --write ran.

import type { Need, OffboardReport, Role } from '../people/offboard.js';
import { terminalSafe } from './escape.js';

export interface Written {
  files: string[];
  diff: string;
}

export function renderOffboardJson(r: OffboardReport, written: Written | null): string {
  const body = {
    person: r.person,
    identities: r.identities.map((h) => ({ identity: h.identity, file: h.file, status: h.status, roles: h.roles, proposal: h.proposal, needs: h.needs })),
    org: r.org,
    invalid: r.invalid,
    ...(written ? { written: written.files, diff: written.diff } : {}),
  };
  return `${JSON.stringify(body, null, 2)}\n`;
}

const ROLE_TEXT: Record<Role, string> = {
  owner: 'owner',
  successor: 'successor',
  reviewer: 'last reviewer',
  'elevation-approver': 'approver of an elevation',
  'exception-approver': 'approver of an org.yaml exception',
};

const NEED_TEXT: Record<Need, string> = {
  'new-owner': 'a new owner (no successor who stays on the team can take over)',
  'new-successor': 'a new successor',
  'new-review': 'a new access review by someone else (idac review attest)',
  'new-elevation-approval': 'a new approver for its elevations (or remove the ones that ended)',
  'new-exception-approval': 'a security owner to approve its org.yaml exception again',
};

export function renderOffboardText(r: OffboardReport, written: Written | null): string {
  const who = terminalSafe(r.person);
  const n = r.identities.length;
  const lines: string[] = [n === 0 ? `${who}: no identity names them; nothing to hand over.` : `${who}: ${n} ${n === 1 ? 'identity' : 'identities'} to hand over`];
  for (const h of r.identities) {
    lines.push('', `${terminalSafe(h.identity)} (${h.file === null ? 'no such identity; named by an exception in org.yaml' : terminalSafe(h.file)})${h.status && h.status !== 'active' ? ` [${h.status}]` : ''}`);
    lines.push(`  role:     ${h.roles.map((x) => ROLE_TEXT[x]).join(', ')}`);
    for (const [field, value] of Object.entries(h.proposal)) lines.push(`  proposal: ${field.slice(field.lastIndexOf('.') + 1)} := ${terminalSafe(value)} (the successor)`);
    if (h.needs.length > 0) lines.push(`  needs:    ${h.needs.map((x) => NEED_TEXT[x]).join('; ')}`);
  }
  const footer: string[] = [];
  if (r.org && (r.org.teams.length > 0 || r.org.securityOwner)) {
    const where = [...(r.org.teams.length ? [`member of ${r.org.teams.length === 1 ? 'team' : 'teams'} ${r.org.teams.map(terminalSafe).join(', ')}`] : []), ...(r.org.securityOwner ? ['a security owner'] : [])];
    footer.push(`org.yaml: ${where.join('; ')}. Remove them there once the hand-over is merged; idac validate then shows what is still open.`);
  }
  if (r.invalid.length > 0) footer.push(`Not checked, ${r.invalid.length === 1 ? 'not a valid manifest' : 'not valid manifests'} that may name ${who} (run idac validate): ${r.invalid.map(terminalSafe).join(', ')}`);
  const proposals = r.identities.filter((h) => Object.keys(h.proposal).length > 0).length;
  if (written && written.files.length === 0) {
    if (n > 0) footer.push(`Nothing written: ${who} owns no identity a successor can take over.`);
  } else if (written) footer.push(`Wrote ${written.files.length} ${written.files.length === 1 ? 'manifest' : 'manifests'}: the successor is now the owner. Commit the change below (with idac codeowners if the repository keeps a CODEOWNERS file); idac validate asks for the new successors.`);
  else if (proposals > 0) footer.push(`Run with --write to make the successor the owner in ${proposals} ${proposals === 1 ? 'manifest' : 'manifests'}.`);
  if (footer.length > 0) lines.push('', ...footer);
  return `${lines.join('\n')}\n${written && written.diff ? `\n${written.diff}` : ''}`;
}
