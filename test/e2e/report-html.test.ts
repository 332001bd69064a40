// The HTML report in a real browser: Debian's chromium, headless, renders examples/acme's report
// from the built CLI. --dump-dom shows what the browser parsed (title, one inventory row per
// identity, inline SVG charts, no script); the screenshot and a printed PDF are kept under
// test-artifacts/ for people to look at. A hostile repository proves manifest text stays text in
// the parsed DOM. Skipped, with the reason, where no chromium binary is installed.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it, type TestContext } from 'vitest';
import { idac, repo, root } from './cli.js';
import { ACME_CA } from './acme.js';

const ARTIFACTS = join(root, 'test-artifacts');
const acme = join(root, 'examples/acme');
const NOW = ['--now', '2026-11-23'];

function findChromium(): string | null {
  const r = spawnSync('sh', ['-c', 'command -v chromium || command -v chromium-browser'], { encoding: 'utf8' });
  return r.status === 0 && r.stdout.trim() !== '' ? r.stdout.trim() : null;
}

const chromium = findChromium();
const SKIP_REASON =
  'no chromium binary (command -v chromium || command -v chromium-browser found nothing; `apt-get install ' +
  'chromium` to run this test)';

/** Skips the test, saying why, when there is no browser; returns the binary otherwise. */
function browser(ctx: TestContext): string {
  if (chromium === null) {
    console.warn(`test/e2e/report-html.test.ts skipped: ${SKIP_REASON}`);
    ctx.skip(SKIP_REASON);
  }
  return chromium;
}

function headless(bin: string, ...args: string[]): string {
  const r = spawnSync(
    bin,
    ['--headless', '--no-sandbox', '--disable-background-networking', '--disable-gpu', '--hide-scrollbars', ...args],
    { encoding: 'utf8', timeout: 90_000, maxBuffer: 1 << 26 },
  );
  if (r.error) throw r.error;
  if (r.status !== 0) throw new Error(`chromium exited ${r.status}: ${r.stderr.slice(-2000)}`);
  return r.stdout;
}

/** Renders the report of `dir` to an HTML file with the built CLI. */
function reportFile(dir: string): string {
  const out = join(mkdtempSync(join(tmpdir(), 'idac-report-html-')), 'report.html');
  const r = idac(['report', '--dir', dir, ...NOW, '--format', 'html', '--out', out]);
  if (r.code !== 0) throw new Error(`idac report exited ${r.code}: ${r.stderr}`);
  return out;
}

/** Width and height from a PNG's IHDR chunk. */
function pngSize(bytes: Buffer): { width: number; height: number } {
  expect(bytes.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

describe('idac report --format html in headless chromium', () => {
  it(
    'examples/acme: the parsed DOM has the title, every ' + 'inventory row, SVG charts and no script; screenshot kept',
    (ctx) => {
      const bin = browser(ctx);
      const html = reportFile(acme);
      const url = pathToFileURL(html).href;
      const dom = headless(bin, '--dump-dom', url);

      expect(dom).toContain('<title>Machine identity report (2026-11-23T00:00:00Z)</title>');
      const table = dom.slice(dom.indexOf('<table class="inventory">'));
      const body = table.slice(table.indexOf('<tbody>'), table.indexOf('</tbody>'));
      // One row per manifest in examples/acme (org.yaml aside).
      const manifests = readdirSync(join(acme, 'identities'), { recursive: true, encoding: 'utf8' }).filter(
        (f) => f.endsWith('.yaml') && f !== 'org.yaml',
      );
      expect(manifests.length).toBe(16);
      expect((body.match(/<tr>/g) ?? []).length).toBe(manifests.length);
      expect((dom.match(/<svg /g) ?? []).length).toBeGreaterThanOrEqual(5);
      expect(dom).toContain('<rect class="fed"');
      expect(dom).not.toMatch(/<script/i);
      for (const id of ['summary', 'credentials', 'lifecycle', 'findings', 'owners', 'owasp', 'inventory'])
        expect(dom).toContain(`<section id="${id}">`);

      mkdirSync(ARTIFACTS, { recursive: true });
      const png = join(ARTIFACTS, 'report-acme.png');
      headless(bin, `--screenshot=${png}`, '--window-size=1280,2000', url);
      expect(pngSize(readFileSync(png))).toEqual({ width: 1280, height: 2000 });
      const pdf = join(ARTIFACTS, 'report-acme.pdf');
      headless(bin, '--no-pdf-header-footer', `--print-to-pdf=${pdf}`, url);
      expect(readFileSync(pdf).subarray(0, 5).toString()).toBe('%PDF-');
      void ctx.annotate(`screenshot: ${png}; printed: ${pdf}`);
    },
  );

  it('hostile manifest text and file names stay text in the parsed DOM', (ctx) => {
    const bin = browser(ctx);
    const org = readFileSync(join(acme, 'identities/org.yaml'), 'utf8');
    const reader = readFileSync(join(acme, 'identities/payments/settlement-reader.yaml'), 'utf8');
    const hostileName = '"><img src=x onerror=alert(1)>';
    const dir = repo({
      ...ACME_CA,
      'identities/org.yaml': org,
      'identities/payments/settlement-reader.yaml': reader.replace(
        /purpose: .*/,
        'purpose: "<script>alert(1)</script> and \\"><img src=x onerror=alert(2)>"',
      ),
    });
    // The file name is the attack here: validate flags the mismatch with metadata.name, the report still lists it.
    writeFileSync(join(dir, 'identities/payments', `${hostileName}.yaml`), reader);
    const dom = headless(bin, '--dump-dom', pathToFileURL(reportFile(dir)).href);
    expect(dom).not.toMatch(/<script|<img/i);
    expect(dom).toContain('&lt;script&gt;alert(1)&lt;/script&gt; and "&gt;&lt;img src=x onerror=alert(2)&gt;');
    expect(dom).toContain('identities/<wbr>payments/<wbr>"&gt;&lt;img src=x onerror=alert(1)&gt;<wbr>.yaml');
  });
});
