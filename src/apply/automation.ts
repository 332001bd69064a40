// The real engine: Pulumi's Automation API, a LocalWorkspace per team stack with the inline program.
// The Automation API drives the `pulumi` CLI, so the first thing done is to find it.

import type { Engine, EngineStack } from './driver.js';
import { inlineProgram } from './program.js';
import type { Backend, ProjectSettings } from './project.js';
import { fail, ok, type Result } from '../common/result.js';

type PulumiCommand = import('@pulumi/pulumi/automation/index.js').PulumiCommand;

export type CliResult = Result<{ command: PulumiCommand; version: string }>;

export const INSTALL_HINT =
  'install it (https://www.pulumi.com/docs/iac/download-install/: `curl -fsSL https://get.pulumi.com | sh`, ' +
  'or `pulumi/actions` in GitHub Actions) and make sure `pulumi version` works';

/** The `pulumi` CLI on PATH, or why apply cannot use it. */
export async function findPulumi(): Promise<CliResult> {
  const auto = await import('@pulumi/pulumi/automation/index.js');
  try {
    const command = await auto.PulumiCommand.get();
    return ok({ command, version: command.version?.toString() ?? 'unknown' });
  } catch (e) {
    const text = e instanceof Error ? e.message : String(e);
    if (/ENOENT/.test(text))
      return fail(
        `idac apply needs the Pulumi CLI, and \`pulumi\` is not on PATH: ${INSTALL_HINT}. Nothing was applied.`,
      );
    const version = /minimum version|version.*(?:older|less)/i.test(text)
      ? text
          .split('\n')
          .find((l) => /version/i.test(l))
          ?.trim()
      : null;
    return fail(
      `idac apply could not use the Pulumi CLI${version ? ` (${version})` : ''}: ${INSTALL_HINT}. Nothing was applied.`,
    );
  }
}

export interface AutomationSettings {
  project: ProjectSettings;
  backend: Backend;
  secretsProvider: string | null;
  command: PulumiCommand;
}

export function automationEngine(s: AutomationSettings): Engine {
  return {
    async open(stackName, program): Promise<EngineStack> {
      const { LocalWorkspace } = await import('@pulumi/pulumi/automation/index.js');
      const envVars: Record<string, string> = { PULUMI_SKIP_UPDATE_CHECK: 'true' };
      if (s.backend.url !== null) envVars.PULUMI_BACKEND_URL = s.backend.url;
      const stack = await LocalWorkspace.createOrSelectStack(
        { stackName, projectName: s.project.name, program: inlineProgram(program) },
        {
          projectSettings: {
            name: s.project.name,
            runtime: 'nodejs',
            ...(s.project.description ? { description: s.project.description } : {}),
            ...(s.backend.url !== null ? { backend: { url: s.backend.url } } : {}),
          },
          envVars,
          pulumiCommand: s.command,
          ...(s.secretsProvider !== null ? { secretsProvider: s.secretsProvider } : {}),
        },
      );
      // No resource may fall back to a default provider and its ambient account or cluster.
      await stack.setConfig('pulumi:disable-default-providers[0]', { value: '*' }, true);
      return {
        exportState: async () => stack.exportStack(),
        importState: async (d) => stack.importStack(d as import('@pulumi/pulumi/automation/index.js').Deployment),
        preview: async (onEvent) => {
          await stack.preview({ onEvent, color: 'never', diff: false });
        },
        up: async (onEvent) => {
          await stack.up({ onEvent, color: 'never' });
        },
      };
    },
  };
}
