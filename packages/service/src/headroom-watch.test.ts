import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createWslCli, memoryLog, WslError } from '@headroom/host';
import { createSimulatedWindows, readInvocations } from '@headroom/simulator';
import { afterEach, describe, expect, it } from 'vitest';
import { createHeadroomService } from './headroom-service';
import { removeTempFolder } from './testing/temp-folder';

let stateDir: string | undefined;
afterEach(() => {
  if (stateDir) removeTempFolder(stateDir);
});

/** Wait until `done` holds, checking every 20 ms, for at most `ms`. */
async function waitFor(done: () => boolean, ms: number): Promise<void> {
  for (let waited = 0; !done() && waited < ms; waited += 20) await new Promise((r) => setTimeout(r, 20));
}

describe('the timed distro watch', () => {
  it('stops starting wsl.exe every tick on a PC with only Windows’ wsl.exe stub (WSL not installed)', async () => {
    stateDir = mkdtempSync(join(tmpdir(), 'headroom-watch-'));
    const windows = createSimulatedWindows({ scenario: 'wsl-stub', stateDir });
    const log = memoryLog();
    const service = createHeadroomService({ wsl: createWslCli({ env: windows.env }), log });
    const wslCalls = (): number => readInvocations(stateDir ?? '').filter((c) => c.program === 'wsl').length;

    const stop = service.watch(30);
    await waitFor(() => wslCalls() >= 1 && log.lines.length >= 1, 10_000);
    const afterFirst = wslCalls();
    // Time for several more ticks: none of them may ask the stub again.
    await new Promise((resolve) => setTimeout(resolve, 600));
    stop();

    expect(afterFirst).toBe(1);
    expect(wslCalls()).toBe(1);
    expect(log.lines).toContainEqual(
      expect.objectContaining({
        level: 'info',
        message: expect.stringMatching(/WSL is not installed/) as unknown,
      }),
    );
    // Asking on purpose (a window opening, "Run checks now") still reads at once, and says why it failed.
    await expect(service.refresh()).rejects.toBeInstanceOf(WslError);
    expect(wslCalls()).toBe(2);
  });
});
