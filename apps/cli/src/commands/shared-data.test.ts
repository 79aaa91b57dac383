import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { dataFolderLayout, wslconfigPathId } from '@headroom/host';
import { createHeadroom, simulatedMachine, type Headroom } from '@headroom/service';
import { createSimulatedWindows } from '@headroom/simulator';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { runCli } from '../testing/run-cli';
import { openCliSandbox, type CliSandbox } from '../testing/sandbox';

let sandbox: CliSandbox;
let dataDir: string;
let app: Headroom | undefined;

beforeEach(() => {
  sandbox = openCliSandbox('shared');
  dataDir = join(sandbox.dir, 'data');
});
afterEach(() => {
  app?.stop();
  app = undefined;
  sandbox.dispose();
});

/** The app's composition root as the desktop main process builds it off Windows, over the same data folder. */
async function appRoot(scenario = 'healthy'): Promise<Headroom> {
  app = await createHeadroom({
    machine: simulatedMachine(
      createSimulatedWindows({ scenario, stateDir: dataFolderLayout(dataDir).simulator }),
    ),
    dataDir,
  });
  return app;
}

describe('the app and the CLI share one data folder', () => {
  it('lists in `headroom wslconfig history` a version the app saved', async () => {
    const { verifier } = await appRoot();
    const now = await verifier.store.read();
    await verifier.store.write(Buffer.from('[wsl2]\r\nmemory=24GB\r\n'), {
      expectedHash: now.hash,
      reason: 'saved by the app',
    });

    const { code, stdout } = await runCli('wslconfig', 'history', '--json');
    expect(code).toBe(0);
    const listed = JSON.parse(stdout) as { reason: string }[];
    expect(listed.map((entry) => entry.reason)).toContain('saved by the app');
  });

  it('compares the health check with the baseline `headroom verify` saved', async () => {
    vi.stubEnv('HEADROOM_SCENARIO', 'config-not-applied');
    const verified = await runCli('verify', '--yes', '--json');
    expect(verified.code).toBe(0);
    const { baseline } = JSON.parse(verified.stdout) as { baseline: { hostDriver: string } };

    const { verifier, health } = await appRoot('config-not-applied');
    await expect(verifier.baselines?.latest()).resolves.toEqual(baseline);
    expect((await health.check()).changes).toEqual([]);
    // Make the saved baseline name another driver: the health check now says the driver changed since it.
    const file = dataFolderLayout(dataDir).baselines;
    writeFileSync(file, readFileSync(file, 'utf8').replaceAll(baseline.hostDriver, '1.00'));
    expect((await health.check()).changes).toContain(`driver 1.00 → ${baseline.hostDriver}`);
  }, 60_000);

  it('says on stderr with --verbose what failed in the background, and stays quiet without it', async () => {
    const { wslconfigPath } = createSimulatedWindows({
      scenario: 'healthy',
      stateDir: dataFolderLayout(dataDir).simulator,
    });
    // A file where the CLI's old history folder would be: moving it into the app's layout fails.
    mkdirSync(join(dataDir, 'wslconfig-history'), { recursive: true });
    writeFileSync(join(dataDir, 'wslconfig-history', wslconfigPathId(wslconfigPath)), 'not a folder');

    const quiet = await runCli('wslconfig', 'history');
    expect(quiet.code).toBe(0);
    expect(quiet.stderr).toBe('');
    const verbose = await runCli('wslconfig', 'history', '--verbose');
    expect(verbose.code).toBe(0);
    expect(verbose.stderr).toMatch(/^headroom: warn: moving the CLI's saved \.wslconfig versions .*ENOTDIR/m);
  });
});
