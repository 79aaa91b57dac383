import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { HistoryPayload } from '@headroom/contract';
import { createWslCli } from '@headroom/host';
import { createSimulatedWindows } from '@headroom/simulator';
import { afterEach, describe, expect, it } from 'vitest';
import { createHeadroomService } from '../headroom-service';
import { createVerifier } from '../verify/verifier';

const dirs: string[] = [];
afterEach(() => dirs.splice(0).forEach((dir) => rmSync(dir, { recursive: true, force: true })));

describe('an edit of .wslconfig made outside Headroom', () => {
  it('becomes a history entry, once, and the windows are told', async () => {
    const stateDir = mkdtempSync(join(tmpdir(), 'headroom-outside-'));
    dirs.push(stateDir);
    const windows = createSimulatedWindows({ scenario: 'healthy', stateDir });
    const service = createHeadroomService({
      wsl: createWslCli({ env: windows.env }),
      verifier: createVerifier({
        env: windows.env,
        host: windows.host,
        wslconfigPath: windows.wslconfigPath,
        historyDir: join(stateDir, 'history'),
        baselineFile: join(stateDir, 'baselines.json'),
      }),
    });
    const pushed: HistoryPayload[] = [];
    service.on('history.changed', (payload) => pushed.push(payload));

    expect(await service.noticeOutsideEdit()).toBe(true);
    writeFileSync(windows.wslconfigPath, '[wsl2]\r\nmemory=32GB\r\n');
    expect(await service.noticeOutsideEdit()).toBe(true);
    expect(await service.noticeOutsideEdit()).toBe(false);

    const history = await service.handlers['history.list'](undefined);
    expect(history.wslconfig.map((version) => version.reason)).toEqual([
      'edited outside Headroom',
      'as Headroom first found it',
    ]);
    expect(pushed).toHaveLength(2);

    const [, older] = history.wslconfig;
    const diff = await service.handlers['history.diff']({ id: older?.id ?? '' });
    expect(diff.lines.filter((line) => line.kind !== 'same')).toContainEqual({
      kind: 'added',
      text: 'memory=32GB',
    });
    await service.handlers['history.restore']({ id: older?.id ?? '' });
    expect(readFileSync(windows.wslconfigPath, 'latin1')).toBe(
      '[wsl2]\r\nmemory=48GB\r\nprocessors=12\r\nswap=8GB\r\n',
    );
  });
});
