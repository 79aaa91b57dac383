import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { SetupModels, SetupPlan } from '@headroom/contract';
import { createSimulatedWindows, type SimulatedWindows } from '@headroom/simulator';
import { afterEach, describe, expect, it } from 'vitest';
import { createHeadroom, type Headroom } from '../headroom/create-headroom';
import { simulatedMachine } from '../headroom/machine';
import { removeTempFolder } from '../testing/temp-folder';

const GIB = 2 ** 30;
const dirs: string[] = [];
let headroom: Headroom | undefined;
let windows: SimulatedWindows | undefined;
afterEach(() => {
  headroom?.stop();
  headroom = undefined;
  dirs.splice(0).forEach((dir) => removeTempFolder(dir));
});

async function open(scenario: string, changeState?: (stateDir: string) => void): Promise<Headroom> {
  const dataDir = mkdtempSync(join(tmpdir(), 'headroom-models-'));
  dirs.push(dataDir);
  windows = createSimulatedWindows({ scenario, stateDir: join(dataDir, 'simulator') });
  changeState?.(windows.stateDir);
  headroom = await createHeadroom({ machine: simulatedMachine(windows), dataDir });
  return headroom;
}

/** A channel's answer, or its error thrown. */
async function ask<T>(channel: string, request: unknown): Promise<T> {
  const reply = (await headroom?.router.invoke(channel, request)) as
    { ok: true; value: T } | { ok: false; error: { message: string } };
  if (!reply.ok) throw new Error(reply.error.message);
  return reply.value;
}

describe('setup.models on the simulated machines', () => {
  it('lists the memory-ceiling PC’s 70B in Ollama (preselected) and its 8B GGUF, largest first', async () => {
    await open('memory-ceiling');
    const models = await ask<SetupModels>('setup.models', undefined);
    expect(
      models.discovered.map((model) => [
        model.name,
        model.source,
        model.where,
        model.quant,
        model.preselected,
      ]),
    ).toEqual([
      ['llama3.1:70b', 'ollama', 'Ollama', 'Q4_K_M', true],
      [
        'Meta-Llama-3.1-8B-Instruct-Q4_K_M',
        'gguf',
        'Hugging Face cache (bartowski/Meta-Llama-3.1-8B-Instruct-GGUF) in Ubuntu-24.04',
        'Q4_K_M',
        false,
      ],
    ]);
    expect(models.discovered[0]).toMatchObject({
      shape: { architecture: 'llama', layers: 80, kvHeads: 8, trainedContext: 131_072 },
      defaultContext: { tokens: 4096 },
      preselectedWhy: 'the most recently downloaded or changed',
    });
    expect(models.presets.length).toBeGreaterThan(0);
  });

  it('sizes a discovered model as the goal and says it does not fit under the memory WSL has now', async () => {
    await open('memory-ceiling');
    await ask('setup.check', undefined);
    await ask<SetupModels>('setup.models', undefined);
    const plan = await ask<SetupPlan>('setup.plan', {
      model: { kind: 'discovered', id: 'ollama:llama3.1:70b' },
      ctx: 4096,
      kvType: 'f16',
    });
    expect(plan.model).toContain('llama3.1:70b');
    expect(plan.ceiling?.currentBytes).toBe(8 * GIB);
    expect(plan.ceiling?.fitsNow).toBe(false);
    expect(plan.ceiling?.neededBytes).toBeGreaterThan(8 * GIB);
    // memory=24GB (the most beside Windows' 8 GiB) holds it: the end can say it fits once applied.
    expect(plan.ceiling?.fitsAtMax).toBe(true);
    expect(plan.ceiling?.maxBytes).toBe(24 * GIB);
  });

  it('says what does fit when the goal cannot: a shorter context, and the other models found', async () => {
    await open('memory-ceiling');
    await ask('setup.check', undefined);
    await ask<SetupModels>('setup.models', undefined);
    const plan = await ask<SetupPlan>('setup.plan', {
      model: { kind: 'discovered', id: 'ollama:llama3.1:70b' },
      ctx: 131_072,
      kvType: 'f16',
    });
    expect(plan.ceiling?.fitsAtMax).toBe(false);
    const largest = plan.ceiling?.largestContext ?? 0;
    expect(largest).toBeGreaterThanOrEqual(4096);
    expect(largest).toBeLessThan(131_072);
    expect(plan.ceiling?.fittingModels?.map((model) => model.name)).toEqual([
      'Meta-Llama-3.1-8B-Instruct-Q4_K_M',
    ]);
  });

  it('looks for a saved goal’s model only in its turn: never in a distro while WSL is being shut down', async () => {
    const opened = await open('memory-ceiling');
    /** The commands run inside a distro so far (`wsl -d NAME …`). */
    const inDistro = (): number =>
      (windows?.invocations() ?? []).filter((call) => call.program === 'wsl' && call.argv[0] === '-d').length;
    // A Headroom that restarted on the goal step knows the goal's id but has not looked for models yet.
    let letGo: () => void = () => undefined;
    const shutdownHeld = new Promise<void>((resolve) => (letGo = resolve));
    const shutdown = opened.turns.take('a shutdown', () => shutdownHeld, { stopsWsl: true });
    const before = inDistro();
    const plan = ask<SetupPlan>('setup.plan', {
      model: { kind: 'discovered', id: 'ollama:llama3.1:70b' },
      ctx: 4096,
      kvType: 'f16',
    });
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    expect(inDistro()).toBe(before);
    letGo();
    await shutdown;
    await expect(plan).resolves.toMatchObject({ model: expect.stringContaining('llama3.1:70b') as unknown });
    expect(inDistro()).toBeGreaterThan(before);
  });

  it('finds nothing on a machine without models, and says which stopped distro it did not look in', async () => {
    await open('wsl-stopped');
    const models = await ask<SetupModels>('setup.models', undefined);
    expect(models.discovered).toEqual([]);
    expect(models.skipped.map((place) => place.why)).toContain(
      'Ubuntu-24.04 is stopped; Headroom does not start it to look',
    );
  });
});
