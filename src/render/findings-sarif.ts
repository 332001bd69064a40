// SARIF 2.1.0 as GitHub code scanning accepts it: rules with help text and a link to their page,
// one location per result, URIs relative to the git root (where code scanning resolves them, even
// when the identity repo is a subfolder), and partialFingerprints that survive unrelated edits.

import { jsonDocument } from '../common/escape.js';
import { createHash } from 'node:crypto';
import type { Finding } from '../common/findings.js';
import { rules } from '../rules/index.js';
import { counts, cut, listed, plural, type FindingLinks, type FindingsReport } from './findings-report.js';

const LEVEL = { error: 'error', warning: 'warning', info: 'note' } as const;
const SECURITY_SEVERITY = { error: '8.0', warning: '5.0', info: '2.0' } as const;

export function renderSarif(
  report: FindingsReport,
  tool: { version: string; informationUri: string },
  links: FindingLinks,
): string {
  const shown = listed(report);
  const used = [...new Set(shown.map((f) => f.rule))];
  const catalogue = rules.filter((r) => used.includes(r.meta.id));
  const index = new Map(catalogue.map((r, i) => [r.meta.id, i]));
  const sarif = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'idac',
            version: tool.version,
            informationUri: tool.informationUri,
            rules: catalogue.map((r) => ({
              id: r.meta.id,
              name: r.meta.id.replace(/(^|[/-])(\w)/g, (_, __, c: string) => c.toUpperCase()),
              shortDescription: { text: r.meta.title },
              fullDescription: { text: r.meta.rationale },
              ...helpUri(links.docs(r.meta.id)),
              help: {
                text: `${r.meta.rationale}\n\nFix: ${r.meta.fix}`,
                markdown:
                  `${r.meta.rationale}\n\n**Fix:** ${r.meta.fix}` +
                  (r.meta.owasp.length ? `\n\nOWASP Non-Human Identities Top 10: ${r.meta.owasp.join(', ')}` : ''),
              },
              defaultConfiguration: { level: LEVEL[r.meta.severity] },
              properties: {
                tags: ['security', ...r.meta.owasp],
                'security-severity': SECURITY_SEVERITY[r.meta.severity],
              },
            })),
          },
        },
        ...truncation(report),
        results: fingerprinted(shown, links.gitPrefix).map(({ f, fp }) => ({
          ruleId: f.rule,
          ruleIndex: index.get(f.rule),
          level: LEVEL[f.severity],
          message: { text: f.message },
          locations: [
            {
              physicalLocation: {
                artifactLocation: { uri: fileUri(links.gitPrefix + f.file), uriBaseId: '%SRCROOT%' },
                region: { startLine: f.line, startColumn: f.column },
              },
            },
          ],
          partialFingerprints: { 'idacFinding/v1': fp },
        })),
        columnKind: 'utf16CodeUnits',
      },
    ],
  };
  return jsonDocument(sarif);
}

/**
 * Stable across runs and edits elsewhere in the file: rule, file, identity and the message with
 * its numbers taken out (line numbers, dates and counts in messages change from run to run),
 * numbered when they repeat. Code scanning then keeps one alert open instead of churning.
 */
function fingerprinted(findings: readonly Finding[], prefix: string): { f: Finding; fp: string }[] {
  const seen = new Map<string, number>();
  return findings.map((f) => {
    const message = f.message.replace(/[0-9]+/g, '#');
    const base = createHash('sha256')
      .update(`${f.rule}\0${prefix}${f.file}\0${f.identity ?? ''}\0${message}`)
      .digest('hex')
      .slice(0, 32);
    const n = seen.get(base) ?? 0;
    seen.set(base, n + 1);
    return { f, fp: `${base}:${n + 1}` };
  });
}

function helpUri(uri: string | null): { helpUri?: string } {
  return uri === null ? {} : { helpUri: uri };
}

/**
 * A list cut by --max-findings says so in the log itself: code scanning closes the alerts a run
 * does not report, so whoever uploads a cut list must be able to see that it was cut.
 */
function truncation(report: FindingsReport): object {
  const n = cut(report);
  if (n === 0) return {};
  const c = counts(report);
  const text =
    `${plural(n, 'more finding')} not listed (${report.limit!.hint}); the run found ` +
    `${report.findings.length}: ${plural(c.error, 'error')}, ${plural(c.warning, 'warning')}, ${c.info} info`;
  return {
    invocations: [{ executionSuccessful: true, toolExecutionNotifications: [{ level: 'warning', message: { text } }] }],
  };
}

/** A repo-relative path as a URI reference: each segment percent-encoded (`a b#c.yaml` → `a%20b%23c.yaml`). */
export function fileUri(path: string): string {
  return path.split('/').map(encodeURIComponent).join('/');
}
