import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { memoryLog } from '../log/log';
import { openBaselineLog } from '../verify/baseline-log';
import { createWslConfigStore } from '../wslconfig/store';
import { dataFolderLayout, historyDirFor, wslconfigPathId } from './data-folder';
import { migrateDataFolder } from './migrate';

const dirs: string[] = [];
afterEach(() => dirs.splice(0).forEach((dir) => rmSync(dir, { recursive: true, force: true })));

function sandbox(): { root: string; wslconfig: string } {
  const dir = mkdtempSync(join(tmpdir(), 'headroom-migrate-'));
  dirs.push(dir);
  const wslconfig = join(dir, 'profile', '.wslconfig');
  mkdirSync(join(dir, 'profile'));
  writeFileSync(wslconfig, '[wsl2]\nmemory=8GB\n');
  return { root: join(dir, 'data'), wslconfig };
}

const baseline = (verifiedAt: string) => ({
  configHash: 'abc',
  verifiedAt,
  hostDriver: '560.94',
  wslVersion: '2.3.26',
  kernel: '5.15.167.4',
  gpu: 'NVIDIA GeForce RTX 4090',
});

describe('migrateDataFolder', () => {
  it("moves the CLI's versions and baselines of the user's .wslconfig into the app's layout, once", async () => {
    const { root, wslconfig } = sandbox();
    const layout = dataFolderLayout(root);
    const id = wslconfigPathId(wslconfig);
    // What the CLI of 0.1 wrote: history keyed by the path's hash, baselines per path.
    const cliStore = createWslConfigStore({ path: wslconfig, historyDir: join(layout.wslconfigHistory, id) });
    const before = await cliStore.read();
    await cliStore.write(Buffer.from('[wsl2]\nmemory=16GB\n'), {
      expectedHash: before.hash,
      reason: 'set wsl2.memory=16GB',
    });
    await openBaselineLog(join(root, 'baselines', `${id}.json`)).record(baseline('2026-11-20T10:00:00.000Z'));
    // What the app wrote meanwhile, in the layout it keeps.
    await openBaselineLog(layout.baselines).record(baseline('2026-11-21T10:00:00.000Z'));
    const other = join(layout.wslconfigHistory, wslconfigPathId('/elsewhere/.wslconfig'));
    mkdirSync(other, { recursive: true });

    const log = memoryLog();
    const report = await migrateDataFolder(layout, wslconfig, log);

    expect(report.baselines).toBe(1);
    expect(report.versions).toBeGreaterThan(0);
    const store = createWslConfigStore({
      path: wslconfig,
      historyDir: historyDirFor(layout, wslconfig, wslconfig),
    });
    expect((await store.history()).map((entry) => entry.reason)).toContain('set wsl2.memory=16GB');
    expect((await openBaselineLog(layout.baselines).list()).map((entry) => entry.verifiedAt)).toEqual([
      '2026-11-21T10:00:00.000Z',
      '2026-11-20T10:00:00.000Z',
    ]);
    expect(readdirSync(layout.wslconfigHistory)).not.toContain(id);
    expect(readdirSync(root)).not.toContain('baselines');
    expect(log.lines).toEqual([
      expect.objectContaining({ level: 'info', message: expect.stringContaining('moved') as unknown }),
    ]);

    await expect(migrateDataFolder(layout, wslconfig, log)).resolves.toEqual({ versions: 0, baselines: 0 });
    expect(JSON.parse(readFileSync(join(layout.wslconfigHistory, 'index.json'), 'utf8'))).toMatchObject({
      format: 1,
    });
  });

  it('keeps other files in their own history folder', () => {
    const layout = dataFolderLayout('/data');
    expect(historyDirFor(layout, '/home/me/.wslconfig', '/home/me/.wslconfig')).toBe(layout.wslconfigHistory);
    expect(historyDirFor(layout, '/tmp/other.wslconfig', '/home/me/.wslconfig')).toBe(
      join(layout.wslconfigHistory, wslconfigPathId('/tmp/other.wslconfig')),
    );
  });
});
