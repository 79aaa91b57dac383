import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { useDemoPages } from './support/demo-pages';

/** Screenshots land here, for CI's artefacts. */
const pages = useDemoPages(join(import.meta.dirname, '..', 'test-results', 'dashboard'));
let page: Page;

async function openDashboard(scenario: string): Promise<void> {
  // Generous: on two busy cores the simulated machine's 1 Hz stream can lag a few seconds behind.
  await pages.open(scenario, { viewport: { width: 1200, height: 1100 }, timeoutMs: 45_000 });
  page = pages.page;
  await page.getByRole('link', { name: 'Dashboard', exact: true }).click();
  await page.getByRole('heading', { name: 'Live readings' }).waitFor();
}

const figure = (name: string) => page.locator(`[data-figure="${name}"] dd`);
const chart = (title: string) => page.locator(`[data-chart="${title}"]`);
/** Wait until the chart has drawn a line of more than one point (its SVG path has segments). */
const drawnLine = (title: string) =>
  page.waitForFunction(
    (name) =>
      (document.querySelector(`[data-chart="${name}"] .chart__line`)?.getAttribute('d') ?? '').includes('L'),
    title,
  );
const shot = (name: string) => pages.shot(name);
/** The labels of a chart's time or value axis, left to right or bottom to top. */
const tickLabels = (title: string, axis: 'x' | 'y') =>
  chart(title).locator(`.chart__${axis}-tick text`).allTextContents();
/** A clock label ("19:10") as minutes since midnight. */
const minutesOf = (label: string): number => {
  const [hours = '', minutes = ''] = label.split(':');
  return Number(hours) * 60 + Number(minutes);
};

describe('the dashboard in the browser demo', () => {
  it('shows the simulated VRAM and memory, and after "Shut down WSL" the WSL series stop with a marker', async () => {
    // A first start opens setup, whose checks start WSL: the shutdown below waits for them instead of being undone.
    await openDashboard('healthy');
    await figure('vram').filter({ hasText: '1.2 GiB of 24.0 GiB' }).waitFor();
    await figure('wsl-memory')
      .filter({ hasText: /of 46\.8 GiB$/ })
      .waitFor();
    expect(await figure('host-memory').textContent()).toMatch(/ of 64\.0 GiB$/);
    await drawnLine('VRAM');
    await drawnLine('WSL memory');
    await page.getByText(/nvidia-smi inside Ubuntu-24\.04 answered in 0\.14 s/).waitFor();
    await shot('healthy-1-live');

    // Round times and round values: a minute apart on the 5 min window; 0, 0.5, 1 … s; 5 GiB steps up to 25.
    const times = await tickLabels('VRAM', 'x');
    expect(times.length).toBeGreaterThanOrEqual(4);
    for (const label of times) expect(label).toMatch(/^\d\d:\d\d$/);
    expect(times.slice(1).map((label, index) => minutesOf(label) - minutesOf(times[index] ?? ''))).toEqual(
      times.slice(1).map(() => 1),
    );
    expect(await tickLabels('Passthrough latency', 'y')).toEqual([
      '0 s',
      '0.5 s',
      '1 s',
      '1.5 s',
      '2 s',
      '2.5 s',
    ]);
    expect(await tickLabels('VRAM', 'y')).toEqual(['0 GiB', '5 GiB', '10 GiB', '15 GiB', '20 GiB', '25 GiB']);
    expect(await tickLabels('GPU utilisation', 'y')).toEqual([
      '0 %',
      '20 %',
      '40 %',
      '60 %',
      '80 %',
      '100 %',
    ]);

    // The pointer's read-out: the time under it and each series' reading there.
    const plot = chart('VRAM').locator('svg');
    const box = await plot.boundingBox();
    if (!box) throw new Error('the VRAM chart has no box');
    await page.mouse.move(box.x + box.width - 20, box.y + box.height / 2);
    const readout = chart('VRAM').locator('.chart__tooltip');
    await readout.waitFor();
    expect(await readout.textContent()).toMatch(/^\d\d:\d\d:\d\d.*VRAM used: 1\.\d\d GiB/);
    await page.mouse.move(0, 0);
    await readout.waitFor({ state: 'detached' });

    await page.getByRole('link', { name: 'Overview' }).click();
    await page.getByRole('button', { name: 'Shut down WSL' }).click();
    await page.getByRole('dialog', { name: 'Shut down WSL?' }).waitFor();
    await page.keyboard.press('Enter');
    await page.getByText('WSL is shut down. Every distribution is stopped.').waitFor();
    await page.getByRole('link', { name: 'Dashboard', exact: true }).click();

    await figure('wsl-memory').filter({ hasText: '— of —' }).waitFor();
    expect(await figure('vram').textContent()).toBe('1.2 GiB of 24.0 GiB');
    await page
      .locator('[data-source="wsl"]')
      .filter({ hasText: /WSL is stopped/ })
      .waitFor();
    await chart('WSL memory').getByText('WSL stopped').first().waitFor();
    await shot('healthy-2-after-shutdown');

    await page.getByRole('button', { name: 'Table view' }).click();
    const table = page.getByRole('table', { name: /The last minute of readings/ });
    await table.waitFor();
    expect(await table.getByRole('row').count()).toBeGreaterThan(2);
  }, 90_000);

  it('shows a hung passthrough on the latency chart and in words (passthrough-hang)', async () => {
    await openDashboard('passthrough-hang');
    const latency = page.locator('[data-source="latency"]');
    await latency.filter({ hasText: /did not answer within 10 s: GPU passthrough hangs/ }).waitFor();
    expect(await latency.getAttribute('class')).toContain('source-status--bad');
    await figure('latency').filter({ hasText: '10.00 s' }).waitFor();
    await page.waitForFunction(() =>
      (
        document.querySelector('[data-chart="Passthrough latency"] .chart__dots')?.getAttribute('d') ?? ''
      ).includes('a'),
    );
    await chart('Passthrough latency').getByText('nvidia-smi hung').first().waitFor();
    await shot('passthrough-hang');
  }, 90_000);

  it('pauses, switches to 24 h and exports the readings as CSV, by keyboard', async () => {
    await openDashboard('healthy');
    await figure('wsl-memory')
      .filter({ hasText: /of 46\.8 GiB$/ })
      .waitFor();
    await figure('vram').filter({ hasText: '1.2 GiB of 24.0 GiB' }).waitFor();
    await page.getByRole('button', { name: 'Pause' }).focus();
    await page.keyboard.press('Enter');
    expect(await page.getByRole('button', { name: 'Resume' }).getAttribute('aria-pressed')).toBe('true');
    const frozen = await page.locator('.chart').first().innerHTML();
    await page.waitForTimeout(2_000);
    expect(await page.locator('.chart').first().innerHTML()).toBe(frozen);
    await page.getByRole('radio', { name: '5 min' }).focus();
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    expect(await page.getByRole('radio', { name: '24 h' }).isChecked()).toBe(true);
    await page.getByRole('button', { name: 'Resume' }).click();
    // A day ticks on whole hours of the local clock (six hours apart), never at the window's edge.
    await expect
      .poll(async () => (await tickLabels('VRAM', 'x')).every((label) => /^\d\d:00$/.test(label)))
      .toBe(true);
    expect((await tickLabels('VRAM', 'x')).length).toBeGreaterThanOrEqual(3);
    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Export CSV' }).click();
    const file = await (await download).path();
    const csv = readFileSync(file, 'utf8').split('\n');
    expect(csv[0]).toMatch(/^time,.*gpu0\.vramUsedMiB.*wsl\.memTotalMiB/);
    expect(csv[1]).toMatch(/^\d{4}-\d\d-\d\dT/);
    expect(csv.length).toBeGreaterThan(2);
  }, 90_000);

  it('says there is no GPU instead of drawing empty VRAM axes (no-gpu)', async () => {
    await openDashboard('no-gpu');
    await chart('VRAM')
      .getByText(/nvidia-smi/)
      .waitFor();
    expect(await chart('VRAM').locator('.chart__line').count()).toBe(0);
    await shot('no-gpu');
  }, 90_000);
});
