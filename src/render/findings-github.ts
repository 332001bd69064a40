// GitHub Actions workflow commands (::error file=…::message). Every value is escaped the way the
// runner unescapes it, so a manifest can never end the command early or inject one of its own
// (THREATS.md item 71): %, CR and LF in the message; also : and , in properties. Control, bidi
// and invisible characters (an ESC from a file name would colour or rewrite the log) are shown as
// \u escapes first, as in every output (escape.ts). Paths are from
// the git root, which is where GitHub places annotations (the identity repo may be a subfolder).

import { visible } from '../common/escape.js';
import { listed, type FindingLinks, type FindingsReport } from './findings-report.js';
import { summaryLine } from './findings-text.js';

const LEVEL = { error: 'error', warning: 'warning', info: 'notice' } as const;

export function escapeData(s: string): string {
  return s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

export function escapeProperty(s: string): string {
  return escapeData(s).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

export function renderGithub(report: FindingsReport, links: Pick<FindingLinks, 'gitPrefix'>): string {
  const lines = listed(report).map(
    (f) =>
      `::${LEVEL[f.severity]} file=${escapeProperty(visible(links.gitPrefix + f.file))},line=${f.line},col=` +
      `${f.column},title=${escapeProperty(f.rule)}::${escapeData(visible(f.message))}`,
  );
  // The summary is plain text: neutralise a leading "::" however unlikely.
  lines.push(summaryLine(report).replace(/^::/, ' ::'));
  return `${lines.join('\n')}\n`;
}
