// idac report --format csv: RFC 4180 read back by an independent parser, and spreadsheet formula
// injection (OWASP "CSV Injection") neutralised in every text cell.
import { visible } from '../../src/common/escape.js';
import { describe, expect, it } from 'vitest';
import { field, renderReportCsv } from '../../src/features/report/render-csv.js';
import { buildReport } from '../../src/features/report/report.js';
import { ACME_NAMES, acmeReport } from '../report/acme.js';
import { hostileInput } from '../report/fixture.js';

/** RFC 4180: CRLF records, fields optionally quoted, "" for a quote inside a quoted field. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let i = 0;
  while (i < text.length) {
    let value = '';
    if (text[i] === '"') {
      i++;
      for (;;) {
        if (text[i] === '"' && text[i + 1] === '"') {
          value += '"';
          i += 2;
        } else if (text[i] === '"') {
          i++;
          break;
        } else if (i >= text.length) throw new Error('unterminated quote');
        else value += text[i++]!;
      }
    } else {
      while (i < text.length && text[i] !== ',' && text[i] !== '\r') {
        if (text[i] === '"' || text[i] === '\n')
          throw new Error(`bare ${JSON.stringify(text[i])} in an unquoted field at ${i}`);
        value += text[i++]!;
      }
    }
    row.push(value);
    if (text[i] === ',') i++;
    else if (text.startsWith('\r\n', i)) {
      rows.push(row);
      row = [];
      i += 2;
    } else throw new Error(`expected , or CRLF at ${i}`);
  }
  return rows;
}

describe('examples/acme as CSV', async () => {
  const out = renderReportCsv(await acmeReport());
  const rows = parseCsv(out);

  it('has a header and one record per identity, every record as wide as the header', () => {
    expect(rows[0]).toEqual([
      'name',
      'type',
      'team',
      'owner',
      'successor',
      'criticality',
      'costCenter',
      'purpose',
      'targets',
      'credential',
      'credentialKinds',
      'login',
      'expires',
      'daysToExpiry',
      'lastReviewed',
      'reviewer',
      'nextReview',
      'reviewOverdue',
      'nextRotation',
      'status',
      'file',
    ]);
    expect(rows.slice(1).map((r) => r[0])).toEqual(ACME_NAMES);
    for (const r of rows) expect(r).toHaveLength(rows[0]!.length);
    expect(out.endsWith('\r\n')).toBe(true);
    expect(out.replace(/\r\n/g, '')).not.toMatch(/(?<!")\n(?!")/); // no bare LF outside a quoted field
  });

  it('writes lists space-separated, booleans and numbers plainly, null as empty', () => {
    const head = rows[0]!;
    const support = Object.fromEntries(head.map((h, i) => [h, rows.find((r) => r[0] === 'support-assistant')![i]]));
    expect(support).toMatchObject({
      targets: 'aws kubernetes vault',
      credential: 'federated',
      credentialKinds: 'aws-role kubernetes-service-account vault-kubernetes-auth',
      reviewOverdue: 'false',
      nextRotation: '',
      status: 'active',
      file: 'identities/data/support-assistant.yaml',
    });
    expect(support.daysToExpiry).toMatch(/^[0-9]+$/);
  });
});

describe('formula injection', () => {
  it.each([
    ['=HYPERLINK("http://evil.example","x")', `"'=HYPERLINK(""http://evil.example"",""x"")"`],
    ["+1+cmd|' /C calc'!A0", "'+1+cmd|' /C calc'!A0"],
    ['-2+3@evil.example', "'-2+3@evil.example"],
    ['@SUM(1+1)', "'@SUM(1+1)"],
    ['\t=1+1', "'\t=1+1"],
    ['\r=1+1', `"'\r=1+1"`],
    ['plain, with comma', '"plain, with comma"'],
    ['say "hi"', '"say ""hi"""'],
    ['two\nlines', '"two\nlines"'],
    ['a=b', 'a=b'],
    ['', ''],
  ])('%j → %s', (value, cell) => {
    expect(field(value)).toBe(cell);
  });

  it.each(["=cmd|' /C calc'!A0", '+SUM(A1)', '-2+3@evil.example', '@x', '\t=1', '\r=1', 'x"\r\n,y'])(
    '%j in every text field of a record reaches the sheet as text',
    (value) => {
      const rows = parseCsv(renderReportCsv(buildReport(hostileInput(value))));
      const head = rows[0]!;
      const row = rows.find(
        (r) => r[head.indexOf('purpose')] !== undefined && r[head.indexOf('purpose')]!.endsWith(visible(value)),
      )!;
      // Control characters are shown as \t-style escapes (render/escape.ts), then neutralised.
      const shown = visible(value);
      for (const col of ['name', 'owner', 'successor', 'costCenter', 'purpose']) {
        const cell = row[head.indexOf(col)]!;
        expect(cell).toBe(/^[=+\-@\t\r]/.test(shown) ? `'${shown}` : shown);
      }
      expect(row[head.indexOf('file')]).toBe(`identities/pay/${shown}.yaml`);
      // No cell of the whole file opens with a formula character.
      for (const r of rows) for (const c of r) expect(c).not.toMatch(/^[=+@\t\r]|^-(?![0-9]+$)/);
    },
  );
});
