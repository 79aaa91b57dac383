import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { STANDARD_PROBE_IDS } from '@headroom/core';
import { scenarioNames } from '@headroom/simulator';
import { describe, expect, it } from 'vitest';
import { runCli } from '../testing/run-cli';
import { useCliSandbox } from '../testing/sandbox';

const sandbox = useCliSandbox('collect', 'each');

describe('headroom collect', () => {
  it('writes a capture with every standard probe, and --show prints its facts', async () => {
    const out = join(sandbox.dir, 'capture');
    mkdirSync(join(sandbox.dir, 'data', 'logs'), { recursive: true });
    writeFileSync(
      join(sandbox.dir, 'data', 'logs', 'headroom.log'),
      'WARN  running the timed health check: boom\n',
    );
    const collected = await runCli('collect', '--simulate', 'driver-mismatch', '--out', out);
    expect(collected.code).toBe(0);
    expect(collected.stdout).toContain(`and Headroom's log to ${out}`);
    expect(readFileSync(join(out, 'headroom-log', 'headroom.log'), 'utf8')).toContain(
      'timed health check: boom',
    );
    const json = JSON.parse(readFileSync(join(out, 'capture.json'), 'utf8')) as {
      format: string;
      probes: { id: string; stdout: string }[];
    };
    expect(json.format).toBe('headroom-capture/1');
    expect(json.probes.map((probe) => probe.id)).toEqual(expect.arrayContaining([...STANDARD_PROBE_IDS]));

    const shown = await runCli('collect', '--show', out, '--json');
    const facts = JSON.parse(shown.stdout) as {
      hostGpu: { query: { value: { driverVersion: string }[] } };
      distro: { gpu: { banner: { value: { driverVersion: string } } } };
    };
    expect(facts.hostGpu.query.value[0]?.driverVersion).toBe('566.36');
    expect(facts.distro.gpu.banner.value.driverVersion).toBe('552.12');
    expect((await runCli('collect', '--show', out)).stdout).toContain('GPU in WSL: driver 552.12');
  });

  it('--redact leaves the simulated user and computer out of every file, the log too', async () => {
    const out = join(sandbox.dir, 'redacted');
    mkdirSync(join(sandbox.dir, 'data', 'logs'), { recursive: true });
    writeFileSync(
      join(sandbox.dir, 'data', 'logs', 'headroom.log'),
      'WARN  reading C:\\Users\\robin\\.wslconfig on DESKTOP-HEADROOM: EBUSY\n',
    );
    const collected = await runCli(
      'collect',
      '--simulate',
      'windows-update-broke-gpu',
      '--redact',
      '--out',
      out,
    );
    expect(collected.code).toBe(0);
    expect(collected.stdout).toContain('computer name replaced with [user] and [machine]');
    const files = readdirSync(out, { recursive: true, withFileTypes: true }).filter((entry) =>
      entry.isFile(),
    );
    const text = files
      .map((entry) => readFileSync(join(entry.parentPath, entry.name)))
      .map((bytes) => `${bytes.toString('utf8')}\n${bytes.toString('utf16le')}`)
      .join('\n');
    expect(text).toContain('C:\\Users\\[user]');
    expect(text).toContain('<Computer>[machine]</Computer>');
    expect(text).not.toMatch(/robin|DESKTOP-HEADROOM/i);
    expect(readFileSync(join(out, 'headroom-log', 'headroom.log'), 'utf8')).toBe(
      'WARN  reading C:\\Users\\[user]\\.wslconfig on [machine]: EBUSY\n',
    );
    // The doctor still reads the redacted capture.
    expect((await runCli('doctor', '--from-capture', out)).stdout).toContain('driver');
  });

  it('refuses an unknown scenario and a folder that is not a capture, with plain messages', async () => {
    expect(await runCli('collect', '--simulate', 'nope')).toMatchObject({
      code: 2,
      stderr: expect.stringContaining('There is no scenario named "nope"') as unknown,
    });
    expect(await runCli('collect', '--show', sandbox.dir)).toMatchObject({
      code: 5,
      stderr: expect.stringContaining('it is not a Headroom capture') as unknown,
    });
  });
});

describe('headroom scenarios', () => {
  it('lists every simulated machine, in the simulator’s order, with one line of what it simulates', async () => {
    const { code, stdout } = await runCli('scenarios', '--json');
    expect(code).toBe(0);
    const scenarios = JSON.parse(stdout) as { name: string; summary: string }[];
    expect(scenarios.map((s) => s.name)).toEqual(scenarioNames());
    for (const scenario of scenarios) expect(scenario.summary.length).toBeGreaterThan(20);
  });
});
