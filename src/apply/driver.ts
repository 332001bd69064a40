// What `idac apply` decides, independent of the engine: one stack per team, opened and checked for
// pending operations before any of them runs; tombstoned identities unprotected; teams run in
// parallel up to a bound, each failure bounded to its team; a tally per team. The engine (the
// Automation API in automation.ts, a fake in tests) only opens stacks and runs them.

import { pendingOperations, unprotectTombstones, type PendingOperation } from './pending.js';
import { TeamProgress, type EngineEventLike, type TeamTally } from './progress.js';
import type { StackProgram } from './program.js';
import { stackName } from './stacks.js';

export interface EngineStack {
  exportState(): Promise<unknown>;
  importState(deployment: unknown): Promise<void>;
  preview(onEvent: (e: EngineEventLike) => void): Promise<void>;
  up(onEvent: (e: EngineEventLike) => void): Promise<void>;
}

export interface Engine {
  open(stack: string, program: StackProgram): Promise<EngineStack>;
}

export interface TeamResult {
  team: string;
  stack: string;
  status: 'ok' | 'failed';
  tally: TeamTally;
  /** Resources of tombstoned identities whose protection was lifted (or would be, in a preview). */
  unprotected: string[];
  /** Why the team failed, one line. */
  error: string | null;
}

export type ApplyOutcome =
  | {
      kind: 'refused';
      pending: { team: string; stack: string; operations: PendingOperation[] }[];
      failedToOpen: TeamResult[];
    }
  | { kind: 'done'; preview: boolean; teams: TeamResult[] };

export interface ApplyInput {
  stacks: readonly StackProgram[];
  engine: Engine;
  parallel: number;
  preview: boolean;
  /** Per team, the identities whose manifest says decommissioned. */
  tombstones: ReadonlyMap<string, ReadonlySet<string>>;
  print: (line: string) => void;
}

export async function applyStacks(input: ApplyInput): Promise<ApplyOutcome> {
  const { engine, preview, print } = input;
  // Phase 1: open every stack and read its state; nothing runs if any holds pending operations.
  const opened = await mapBounded(input.stacks, input.parallel, async (program) => {
    const stack = stackName(program.team);
    try {
      const handle = await engine.open(stack, program);
      const state = await handle.exportState();
      return { program, stack, handle, state, error: null as string | null };
    } catch (e) {
      return { program, stack, handle: null, state: null, error: oneLine(e) };
    }
  });
  const pending = opened.flatMap((o) => {
    const operations = o.state === null ? [] : pendingOperations(o.state);
    return operations.length > 0 ? [{ team: o.program.team, stack: o.stack, operations }] : [];
  });
  const failedToOpen = opened
    .filter((o) => o.error !== null)
    .map((o): TeamResult => ({
      team: o.program.team,
      stack: o.stack,
      status: 'failed',
      tally: emptyTally(),
      unprotected: [],
      error: `could not open the stack: ${o.error}`,
    }));
  if (pending.length > 0) return { kind: 'refused', pending, failedToOpen };

  // Phase 2: run the teams, each on its own.
  const teams = await mapBounded(opened, input.parallel, async (o): Promise<TeamResult> => {
    const team = o.program.team;
    if (o.handle === null) return failedToOpen.find((f) => f.team === team)!;
    const progress = new TeamProgress(team, preview);
    const onEvent = (e: EngineEventLike): void => {
      for (const line of progress.event(e)) print(line);
    };
    let unprotected: string[] = [];
    try {
      const edit = unprotectTombstones(o.state, input.tombstones.get(team) ?? new Set());
      if (edit) {
        unprotected = edit.urns;
        if (!preview) await o.handle.importState(edit.deployment);
        for (const urn of edit.urns)
          print(`${team}: ${preview ? 'would lift' : 'lifted'} protection of ${urn} (its identity is decommissioned)`);
      }
      print(
        `${team}: ${preview ? 'previewing' : 'applying'} stack ${o.stack} (${o.program.resources.length} resources)`,
      );
      await (preview ? o.handle.preview(onEvent) : o.handle.up(onEvent));
      return {
        team,
        stack: o.stack,
        status: progress.tally.failed > 0 ? 'failed' : 'ok',
        tally: progress.tally,
        unprotected,
        error: null,
      };
    } catch (e) {
      return {
        team,
        stack: o.stack,
        status: 'failed',
        tally: progress.tally,
        unprotected,
        error: progress.tally.errors[0] ?? oneLine(e),
      };
    }
  });
  return { kind: 'done', preview, teams };
}

function emptyTally(): TeamTally {
  return { changes: {}, applied: 0, failed: 0, unchanged: 0, errors: [], warnings: [] };
}

/** The last meaningful line of an error: the engine's stderr ends with the cause. */
function oneLine(e: unknown): string {
  const text = e instanceof Error ? e.message : String(e);
  const lines = text
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l !== '' && !/^(code|stdout|stderr|err\?):\s*$/i.test(l));
  const error = lines.find((l) => /\berror:/i.test(l));
  return (error ? error.slice(error.search(/\berror:/i)) : (lines[lines.length - 1] ?? 'unknown error')).slice(0, 500);
}

/** `fn` over `items` with at most `limit` running at once; results in input order. */
export async function mapBounded<T, R>(items: readonly T[], limit: number, fn: (item: T) => Promise<R>): Promise<R[]> {
  const out = new Array<R>(items.length);
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < items.length) {
      const i = next++;
      out[i] = await fn(items[i]!);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(limit, items.length)) }, worker));
  return out;
}
