// The command table: parse flags, lazy-import the handler, map outcomes to exit codes (SPEC §5).

import { Command, CommanderError, Option } from 'commander';
import { createRequire } from 'node:module';
import { terminalSafe } from '../common/escape.js';
import { UsageError } from './errors.js';

const version = (createRequire(import.meta.url)('../../package.json') as { version: string }).version;

/** Shorter arguments (flags, formats, durations) cannot hold a secret any secret/* rule finds. */
const MIN_SECRET_ARG = 8;

type Handler = (args: string[], opts: Record<string, string | undefined>) => Promise<number>;

function withCommon(cmd: Command): Command {
  return cmd
    .option(
      '--dir <path>',
      'repository root (default: the nearest folder from here up that holds identities/org.yaml, else the ' +
        'current directory)',
    )
    .option('--now <iso>', 'the clock: an ISO-8601 date or date-time (default: now)');
}

export async function main(argv: string[]): Promise<number> {
  let code = 0;
  const run =
    (load: () => Promise<{ run: Handler }>) =>
    async (...a: unknown[]) => {
      const cmd = a[a.length - 1] as Command;
      const opts = cmd.opts<Record<string, string | undefined>>();
      // Checked before any work: a command that writes (offboard --write) must not fail only at its report.
      if (opts.out === '')
        throw new UsageError('--out needs a file name, not an empty one; leave --out off to write to stdout');
      code = await (await load()).run(cmd.args, opts);
    };
  const program = new Command('idac')
    .description('identity as code: govern machine identities the GitOps way')
    .version(version, '-V, --version')
    .exitOverride()
    .enablePositionalOptions()
    .configureOutput({ writeErr: (s) => process.stderr.write(s) })
    .showSuggestionAfterError(true);

  withCommon(program.command('validate').argument('[paths...]', 'files or folders to check (default: identities/)'))
    .description('load, schema-check and run every policy rule; exit 1 on error findings')
    .addOption(new Option('--format <format>', 'text (default) | json | github | sarif').default(undefined))
    .option('--max-findings <n>', 'show at most N findings (default 500)')
    .option('--out <file>', 'write the report to a file instead of stdout')
    .action(run(() => import('./validate.js')));

  withCommon(program.command('plan'))
    .description(
      'what would change between two git revisions: identities, access gained and lost, cloud resources, ' +
        'what falls due',
    )
    .option('--base <rev>', 'the revision to compare against (default: the merge-base with the default branch)')
    .option('--head <rev>', 'the revision to plan (default: the working tree)')
    .option(
      '--window <duration>',
      'look-ahead for rotations, expiries, reviews and certificates falling due (default 7d)',
    )
    .option('--allow-deletions <n>', 'accept a plan that deletes up to N identities (the mass-deletion guard)')
    .addOption(new Option('--format <format>', 'text (default) | json | markdown').default(undefined))
    .option('--out <file>', 'write the plan to a file instead of stdout')
    .action(run(() => import('./plan.js')));

  withCommon(program.command('apply'))
    .description(
      'provision and rotate with Pulumi (Automation API), one stack per team; refuses on a stale --plan or ' +
        'pending operations',
    )
    .option('--team <team...>', 'apply only these teams (repeat or comma-separate)')
    .option('--preview', 'show what would change (pulumi preview); change nothing')
    .option('--plan <file>', 'apply only if this reviewed plan (idac plan --format json) still matches the revision')
    .option('--parallel <n>', 'stacks run at once (default 4)')
    .option(
      '--secrets-provider <url>',
      'how state encrypts secrets: passphrase, awskms://…, hashivault://…, gcpkms://… (default: ' +
        "IDAC_SECRETS_PROVIDER, else the backend's default)",
    )
    .addOption(
      new Option(
        '--format <format>',
        'text (default) | json | markdown (the summary; progress then goes to stderr)',
      ).default(undefined),
    )
    .option('--out <file>', 'write the summary to a file instead of stdout')
    .action(run(() => import('./apply.js')));

  withCommon(program.command('codeowners'))
    .description(
      'write .github/CODEOWNERS from the manifests (owner, successor, team; security owners for org.yaml, ' +
        'schema/, .github/), or --check it',
    )
    .option('--check', 'change nothing; exit 1 with located findings when CODEOWNERS is stale')
    .addOption(new Option('--format <format>', 'text (default) | json | github (with --check)').default(undefined))
    .option('--out <file>', 'with --check: write the report to a file instead of stdout')
    .action(run(() => import('./codeowners.js')));

  const github = program
    .command('github')
    .description('GitHub integration: the sticky plan comment and the audit issue');
  withCommon(github.command('comment'))
    .description(
      'create or update the one plan comment on the pull request (marker <!-- idac-plan -->, only ever one ' +
        'authored by this token)',
    )
    .option('--plan <file>', 'required: the Markdown from idac plan --format markdown')
    .option('--pr <n>', 'the pull request number (default: from the event payload at GITHUB_EVENT_PATH)')
    .option(
      '--author <login>',
      'the login the token comments as (default: GET /user, or github-actions[bot] for the Actions token)',
    )
    .option(
      '--timeout <seconds>',
      'give up on GitHub after this many seconds in all, exit 2 (default 90; each request 30 at most)',
    )
    .action(run(() => import('./github.js')));

  withCommon(github.command('audit'))
    .description(
      'open, update or close the one audit issue: identities expiring, due for review, or breaking a ' +
        'rotation policy, with their owners mentioned (logins from org.yaml only)',
    )
    .option('--window <duration>', 'look-ahead (default 30d)')
    .option('--dry-run', 'print the issue body; touch nothing on GitHub')
    .option(
      '--drift <file>',
      'add a Drift section from idac drift --format json (the issue stays open while anything drifted)',
    )
    .option('--author <login>', 'the login the token acts as (default: GET /user, or github-actions[bot])')
    .option(
      '--timeout <seconds>',
      'give up on GitHub after this many seconds in all, exit 2 (default 90; each request 30 at most)',
    )
    .option('--out <file>', 'with --dry-run: write the body to a file')
    .action(run(() => import('./github-audit.js')));

  withCommon(program.command('rotation'))
    .description('static credentials: generation, age, next rotation, overlap window, overdue')
    .addOption(new Option('--format <format>', 'text (default) | json').default(undefined))
    .option('--out <file>', 'write to a file instead of stdout')
    .action(run(() => import('./rotation.js')));

  withCommon(
    program.command('revoke').argument('<name>', 'the identity to stop').usage('<name> --reason <text> [options]'),
  )
    .description('emergency stop: set status suspended and force a new credential generation, print the diff to commit')
    .option('--reason <text>', 'required: why (an incident id), recorded in a comment above status')
    .action(run(() => import('./revoke.js')));

  withCommon(program.command('history').argument('[name]', 'the identity (omit with --all)'))
    .description(
      'every commit that changed an identity (renames followed), with author, date, PR and the semantic ' +
        "change; --all: the whole repository's change log",
    )
    .option('--all', 'the change log of every identity')
    .option('--since <date>', 'only commits from this date on')
    .addOption(new Option('--format <format>', 'text (default) | json | markdown').default(undefined))
    .option('--out <file>', 'write to a file instead of stdout')
    .action(run(() => import('./history.js')));

  withCommon(program.command('report'))
    .description('inventory, KPIs and OWASP Non-Human Identities Top 10 coverage')
    .addOption(new Option('--format <format>', 'markdown (default) | json | html | csv').default(undefined))
    .option('--out <file>', 'write to a file instead of stdout')
    .action(run(() => import('./report.js')));

  withCommon(
    program
      .command('who-can')
      .argument('[action]', 'an AWS action, Kubernetes verb or Vault capability')
      .argument('[resource]', 'an AWS ARN, k8s:CLUSTER/NAMESPACE/RESOURCE[/NAME] or vault:PATH'),
  )
    .description(
      'which identities can do ACTION on RESOURCE (and through which grant); --identity: everything one ' +
        'identity can do; --assume: who can become one identity',
    )
    .option('--identity <name>', 'the forward view: everything this identity can do')
    .option(
      '--assume <name>',
      'who can become this identity: each principal its AWS role trusts (kind aws:<trust kind>, e.g. aws:oidc, ' +
        'aws:service, aws:account) and each login its Vault auth role admits (kind vault:<method>, e.g. vault:jwt, ' +
        'vault:cert); JSON {"matches":[{identity,kind,principal,file,line,column}]}',
    )
    .addOption(new Option('--format <format>', 'text (default) | json').default(undefined))
    .option('--out <file>', 'write to a file instead of stdout')
    .action(run(() => import('./who-can.js')));

  withCommon(program.command('drift'))
    .description(
      'the estate against git: orphans (no manifest), access keys idac does not manage, principals changed ' +
        'outside idac, manifests whose principal is missing; exit 1 when anything drifted',
    )
    .option('--aws <file>', 'aws iam get-account-authorization-details output (pages concatenated are fine)')
    .option('--aws-live', 'read the AWS account live (SDK default credentials, read-only calls)')
    .option('--credential-report <file>', 'with --aws: the IAM credential report (CSV), for the access keys')
    .option(
      '--kubernetes <file>',
      'kubectl get serviceaccounts,roles,rolebindings,clusterroles,clusterrolebindings -A -o json',
    )
    .option('--cluster <name>', 'with --kubernetes: the org.yaml name of the cluster the dump is from')
    .option('--vault <file>', "the dump the README's Vault script writes")
    .option('--vault-live', 'read Vault live (VAULT_ADDR, VAULT_TOKEN; read-only)')
    .addOption(new Option('--format <format>', 'text (default) | json | markdown').default(undefined))
    .option('--out <file>', 'write the report to a file instead of stdout')
    .addHelpText(
      'after',
      [
        '',
        'Examples:',
        '  aws iam get-account-authorization-details > auth.json',
        '  idac drift --aws auth.json --credential-report report.csv',
        '  idac drift --aws-live --vault-live --format json --out drift.json',
        '  idac drift --kubernetes dump.json --cluster prod-eu --format markdown',
        '',
        'Exit codes: 0 the estate matches git, 1 something drifted, 2 the command could not run.',
      ].join('\n'),
    )
    .action(run(() => import('./drift.js')));

  withCommon(program.command('offboard').argument('<person>', "the person's e-mail"))
    .description(
      'every identity PERSON owns, succeeds, reviewed or approved; --write hands ownership to the successor ' +
        '(--successor names the next one)',
    )
    .option('--write', 'edit the manifests in place (comments and formatting kept)')
    .addOption(
      new Option(
        '--successor <[team=]email>',
        'the new successor where one is needed (a member of the team); TEAM=EMAIL for one team, repeat per team',
      ).argParser((v: string, prev: string[] | undefined) => [...(prev ?? []), v]),
    )
    .addOption(new Option('--format <format>', 'text (default) | json').default(undefined))
    .option('--out <file>', 'write the report to a file instead of stdout')
    .action(run(() => import('./offboard.js')));

  // attest is a subcommand so that commander itself says when NAME is missing.
  // Positional options: what follows `attest` is attest's (--format, --now), not the list's.
  const review = withCommon(
    program
      .command('review')
      .enablePositionalOptions()
      .argument('[command]', '`attest` to record a review (idac review attest --help)')
      .usage('[options] [command]')
      .allowExcessArguments(),
  )
    .description(
      'identities due for access review, per owner; `review attest NAME --reviewer R` records a review in the manifest',
    )
    .option('--owner <email>', "only this owner's identities")
    .option('--due <duration>', 'due within this window (default 30d)')
    .addOption(new Option('--format <format>', 'text (default) | json').default(undefined))
    .option('--out <file>', 'write to a file instead of stdout')
    .action(run(() => import('./review.js')));
  withCommon(review.command('attest').argument('<name>', 'the identity reviewed'))
    .description(
      'record an access review in the manifest (review.lastReviewed := --now, review.reviewer) and print ' +
        'the diff to commit',
    )
    .option('--reviewer <email>', 'required: who reviewed (a team member or security owner, not the owner)')
    .addOption(new Option('--format <format>', 'text (default) | json').default(undefined))
    .option('--out <file>', 'write to a file instead of stdout')
    .action(run(() => import('./review.js').then((m) => ({ run: m.runAttest }))));

  withCommon(program.command('import').argument('[target]', 'aws | kubernetes | vault'))
    .description(
      'write manifests for an existing estate (an export file, or AWS and Vault live), merge org.yaml, and list ' +
        'what a person must decide; exit 1 when something could not be expressed or placed in a team',
    )
    .option(
      '--from <file>',
      'AWS: aws iam get-account-authorization-details output (pages concatenated are fine); Kubernetes: kubectl get ' +
        "serviceaccounts,roles,rolebindings,clusterroles,clusterrolebindings -A -o json; Vault: the dump script's JSON",
    )
    .option('--live', 'read the live estate: AWS (SDK default credentials) or Vault (VAULT_ADDR, VAULT_TOKEN)')
    .option('--team <team>', 'the team of every identity no other option places')
    .option('--team-from <key>', 'the tag, label or annotation whose value names the team')
    .option(
      '--team-map <file>',
      'YAML { <glob>: <team> }, first match in file order; a glob over live names, or cloud ids when it has a ":"',
    )
    .option('--owner-from <key>', "the tag or label that holds the owner's e-mail (default owner)")
    .option('--cluster <name>', 'kubernetes: the cluster the dump came from (required)')
    .option(
      '--credential-report <file>',
      'aws: the IAM credential report (CSV), for the access keys idac does not manage',
    )
    .option('--dry-run', 'write nothing; print every file that would be written')
    .option('--force', 'overwrite identity files an earlier import wrote')
    .addOption(new Option('--format <format>', 'text (default) | json').default(undefined))
    .option('--out <file>', 'write the summary to a file instead of stdout')
    .addHelpText(
      'after',
      [
        '',
        'Examples:',
        '  aws iam get-account-authorization-details > auth.json',
        '  idac import aws --from auth.json --team-from team --team platform',
        '  idac import aws --live --team-map teams.yaml --dry-run',
        '  idac import kubernetes --from cluster.json --cluster prod-eu --team-from team',
        '  idac import vault --live --team platform --format json',
        '',
        'Then run idac validate: it lists what a person must decide (owner, successor, purpose, review).',
      ].join('\n'),
    )
    .action(run(() => import('./import.js')));

  withCommon(program.command('rules').argument('[id]', 'one rule in full, e.g. aws/no-wildcard-action'))
    .description('the rule catalogue: rationale, fix and OWASP NHI mapping; with ID, that rule in full')
    .addOption(new Option('--format <format>', 'text (default) | markdown | json').default(undefined))
    .option('--out <file>', 'write to a file instead of stdout')
    .action(run(() => import('./rules.js')));

  // An argument may be a pasted secret (`who-can --identity ghp_…`): scanned once, so wherever a
  // command echoes it, the output backstop (src/cli/redact-output.ts) shows its fingerprint.
  // Option names and plain lowercase words (commands, formats, identity names) hold none, and
  // skipping them keeps `idac --version` from loading the rule catalogue at start-up.
  const values = argv
    .map((a) => a.replace(/^--?[A-Za-z][A-Za-z0-9-]*=/, ''))
    .filter((a) => a.length >= MIN_SECRET_ARG && !/^(--?)?[a-z][a-z0-9-]*$/.test(a));
  if (values.length > 0) await (await import('../rules/secrets.js')).secretMatches(`${values.join('\n')}\n`);
  try {
    await program.parseAsync(argv, { from: 'user' });
    return code;
  } catch (e) {
    if (e instanceof CommanderError) {
      // Help asked for is a success; help shown because no command was given (`idac`, `idac github`) is not.
      return (e.code === 'commander.helpDisplayed' || e.code === 'commander.version' || e.code === 'commander.help') &&
        e.exitCode === 0
        ? 0
        : 2;
    }
    if (e instanceof UsageError) {
      // A message may name a file or quote an argument: never let it act on the terminal.
      process.stderr.write(`idac: ${terminalSafe(e.message)}\n`);
      return e.exitCode;
    }
    const err = e as Partial<Error> | null | undefined;
    process.stderr.write(
      `idac: internal error: ${terminalSafe(err?.message ?? String(e))}\nThis is a bug in idac; please ` +
        `report it${process.env.IDAC_DEBUG ? `\n${String(err?.stack)}` : ' (set IDAC_DEBUG=1 for details)'}.\n`,
    );
    return 2;
  }
}
