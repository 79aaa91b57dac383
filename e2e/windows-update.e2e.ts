import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from './support/browser';
import { startDemo, type DemoProcess } from './support/demo';

/** Screenshots land here, for CI's artefacts. */
const ARTEFACTS = join(import.meta.dirname, '..', 'test-results', 'windows-update');

let browser: Browser;
let demo: DemoProcess;
let page: Page;
const pageErrors: string[] = [];

beforeAll(async () => {
  mkdirSync(ARTEFACTS, { recursive: true });
  [demo, browser] = await Promise.all([
    startDemo('windows-update-broke-gpu', { HEADROOM_SIM_TIME_SCALE: '0.05' }),
    launchChromium(),
  ]);
  page = await browser.newPage({ viewport: { width: 1100, height: 1000 } });
  page.setDefaultTimeout(30_000);
  page.on('pageerror', (error) => pageErrors.push(error.message));
});
afterAll(async () => {
  await browser.close();
  await demo.stop();
});

const shot = (name: string) => page.screenshot({ path: join(ARTEFACTS, `${name}.png`), fullPage: true });

describe('after a Windows Update broke the GPU (windows-update-broke-gpu)', () => {
  it('turns the light red and lists the update in the history', async () => {
    await page.goto(demo.url);
    const light = page.getByRole('status', { name: 'Health' });
    await light.getByText('Broken').waitFor();
    await page.getByRole('link', { name: 'History' }).click();
    const update = page.getByRole('row', { name: /Windows Update KB5046617 installed/ });
    await update.waitFor();
    expect(await update.textContent()).toContain('Cumulative Update for Windows 11 Version 24H2');
    await shot('1-history');
  });

  it('re-verifies from the overview and shows gpu-passthrough-missing with its fix', async () => {
    await page.getByRole('link', { name: 'Overview' }).click();
    const notice = page.getByRole('region', { name: 'Windows Update KB5046617 installed' });
    await notice.waitFor();
    await notice.getByRole('button', { name: 'Re-verify' }).click();
    await page.getByRole('dialog', { name: 'Shut down WSL?' }).waitFor();
    await page.keyboard.press('Enter');
    const alert = page.getByRole('alert').filter({ hasText: 'Not verified.' });
    await alert.waitFor();
    const finding = alert.locator('[data-finding="gpu-passthrough-missing"]');
    await finding.waitFor();
    expect(await finding.textContent()).toMatch(/Why\?/);
    expect((await finding.textContent())?.length).toBeGreaterThan(80);
    await shot('2-re-verified');
    expect(pageErrors).toEqual([]);
  }, 90_000);
});
