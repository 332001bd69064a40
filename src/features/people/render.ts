// `idac offboard`: the hand-over as text for the person doing it, or JSON for a script. The JSON is
// the report itself (keys in a fixed order); `written`/`diff` are added only when --write ran.

import type { Need, OffboardReport, Role, SuccessorGap } from './offboard.js';
import { jsonDocument, terminalSafe } from '../../common/escape.js';

export interface Written {
  files: string[];
  diff: string;
  /** --successor was given: the new successors were written too. */
  successors: boolean;
}

/** What is left after the hand-over: identities still without a successor, and the command that names them. */
export interface OffboardNext {
  /** `line`: where spec.stewardship.successor is in the file (as written, when --write ran). */
  successors: (SuccessorGap & { line: number })[];
  /**
   * Runs the hand-over with successors in one step (after undoing a --write that had none); null when none is missing.
   */
  command: string | null;
}

export function renderOffboardJson(r: OffboardReport, written: Written | null, next: OffboardNext): string {
  const body = {
    person: r.person,
    identities: r.identities.map((h) => ({
      identity: h.identity,
      file: h.file,
      status: h.status,
      roles: h.roles,
      proposal: h.proposal,
      needs: h.needs,
    })),
    org: r.org,
    invalid: r.invalid,
    next: {
      successors: next.successors.map((g) => ({
        identity: g.identity,
        file: g.file,
        line: g.line,
        team: g.team,
        owner: g.owner,
        candidates: g.candidates,
      })),
      command: next.command,
    },
    ...(written ? { written: written.files, diff: written.diff } : {}),
  };
  return jsonDocument(body);
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

export function renderOffboardText(r: OffboardReport, written: Written | null, next: OffboardNext): string {
  const who = terminalSafe(r.person);
  const n = r.identities.length;
  const lines: string[] = [
    n === 0
      ? `${who}: no identity names them; nothing to hand over.`
      : `${who}: ${n} ${n === 1 ? 'identity' : 'identities'} to hand over`,
  ];
  for (const h of r.identities) {
    lines.push(
      '',
      `${terminalSafe(h.identity)} (` +
        `${h.file === null ? 'no such identity; named by an exception in org.yaml' : terminalSafe(h.file)})` +
        (h.status && h.status !== 'active' ? ` [${h.status}]` : ''),
    );
    lines.push(`  role:     ${h.roles.map((x) => ROLE_TEXT[x]).join(', ')}`);
    for (const [field, value] of Object.entries(h.proposal))
      lines.push(
        `  proposal: ${field.slice(field.lastIndexOf('.') + 1)} := ` +
          `${terminalSafe(value)}${field.endsWith('.owner') ? ' (the successor)' : ' (--successor)'}`,
      );
    if (h.needs.length > 0) lines.push(`  needs:    ${h.needs.map((x) => NEED_TEXT[x]).join('; ')}`);
  }
  const footer: string[] = [];
  if (r.org && (r.org.teams.length > 0 || r.org.securityOwner)) {
    const where = [
      ...(r.org.teams.length
        ? [`member of ${r.org.teams.length === 1 ? 'team' : 'teams'} ${r.org.teams.map(terminalSafe).join(', ')}`]
        : []),
      ...(r.org.securityOwner ? ['a security owner'] : []),
    ];
    footer.push(
      `org.yaml: ${where.join('; ')}. Remove them there once the hand-over is merged; idac validate then ` +
        `shows what is still open.`,
    );
  }
  if (r.invalid.length > 0)
    footer.push(
      `Not checked, ${r.invalid.length === 1 ? 'not a valid manifest' : 'not valid manifests'} that may ` +
        `name ${who} (run idac validate): ${r.invalid.map(terminalSafe).join(', ')}`,
    );
  const proposals = r.identities.filter((h) => Object.keys(h.proposal).length > 0).length;
  if (written && written.files.length === 0) {
    if (n > 0) footer.push(`Nothing written: ${who} owns no identity a successor can take over.`);
  } else if (written)
    footer.push(
      `Wrote ${written.files.length} ${written.files.length === 1 ? 'manifest' : 'manifests'}: the ` +
        `successor is now the owner${written.successors ? ', and the new successor is named' : ''}. Commit the ` +
        `change below (with idac codeowners if the repository keeps a CODEOWNERS file).`,
    );
  else if (proposals > 0)
    footer.push(
      `Run with --write to make the successor the owner in ${proposals} ${proposals === 1 ? 'manifest' : 'manifests'}.`,
    );
  if (next.successors.length > 0) {
    const n = next.successors.length;
    footer.push(
      `${n === 1 ? 'One identity needs' : `${n} identities need`} a new successor (a member of the team ` +
        `other than the owner), or validate fails:`,
    );
    for (const g of next.successors)
      footer.push(
        `  ${terminalSafe(g.identity)}  ${terminalSafe(g.file)}:${g.line}  team ` +
          terminalSafe(g.team) +
          (g.candidates.length
            ? `: ${g.candidates.map(terminalSafe).join(', ')}`
            : ': nobody else on the team — add a member in org.yaml first'),
      );
    footer.push(
      written && written.files.length > 0
        ? 'Set spec.stewardship.successor there, or undo this write and name them in one step:'
        : 'Name them in the same step:',
    );
    footer.push(`  ${terminalSafe(next.command ?? '')}`);
  }
  if (footer.length > 0) lines.push('', ...footer);
  return `${lines.join('\n')}\n${written && written.diff ? `\n${written.diff}` : ''}`;
}
