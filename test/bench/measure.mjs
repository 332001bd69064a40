// Runs the built CLI inside this process and reports its peak memory (worker threads share the
// process, so they are counted) as the last line on stderr; the CLI's own stdout is discarded.
const { main } = await import('../../dist/cli/main.js');
process.stdout.write = () => true;
const t0 = performance.now();
const code = await main(process.argv.slice(2));
const ms = performance.now() - t0;
process.stderr.write(`\n${JSON.stringify({ code, ms, maxRSS: process.resourceUsage().maxRSS })}\n`);
