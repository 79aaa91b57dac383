import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { DemoProcess } from './support/demo';
import { useDemoPages, wslconfigOf } from './support/demo-pages';

/** Screenshots of each step land here, for CI's artefacts. */
const pages = useDemoPages(join(import.meta.dirname, '..', 'test-results', 'verify'));
let page: Page;

async function open(scenario: string): Promise<DemoProcess> {
  const demo = await pages.open(scenario);
  page = pages.page;
  // A first start opens the setup wizard; the overview is one click away in the rail.
  await page.getByRole('link', { name: 'Overview' }).click();
  await page.getByRole('heading', { name: 'Apply and verify' }).waitFor();
  await page
    .getByText(/running/)
    .first()
    .waitFor();
  return demo;
}

const shot = (name: string) => pages.shot(name);
const checkRow = (name: string) => page.getByRole('row', { name: new RegExp(`^${name}\\b`) });

/** Start a verification, agreeing to stop the running distros when asked. */
async function verify(button: 'Verify now' | 'Apply and verify'): Promise<void> {
  await page.getByRole('button', { name: button }).click();
  const dialog = page.getByRole('dialog', { name: 'Shut down WSL?' });
  await dialog.waitFor();
  await page.keyboard.press('Enter');
  await dialog.waitFor({ state: 'hidden' });
}

describe('apply and verify in the browser demo', () => {
  it('proves a change that only needed a full shutdown (config-not-applied)', async () => {
    await open('config-not-applied');
    await shot('config-not-applied-1-before');
    await verify('Verify now');
    await page.getByText('Verified: WSL runs with your .wslconfig.').waitFor();
    await shot('config-not-applied-2-verified');
    const memory = checkRow('Memory');
    expect(await memory.textContent()).toContain('Pass');
    expect(await memory.getByRole('cell').nth(2).textContent()).toMatch(/^4[6-8](\.\d)? GiB/);
  }, 90_000);

  it('shows the line WSL ignored, then fixes it by setting the memory (invalid-memory-value)', async () => {
    const running = await open('invalid-memory-value');
    await verify('Verify now');
    const alert = page.getByRole('alert');
    await alert.getByText('Not verified.').waitFor();
    expect(await alert.textContent()).toMatch(/ignores line 2: `memory=16gb`.*size units must be upper case/);
    await shot('invalid-memory-value-1-ignored-line');

    await page.getByLabel(/Memory for WSL, in GB/).fill('16');
    await verify('Apply and verify');
    await page.getByText('Verified: WSL runs with your .wslconfig.').waitFor();
    await shot('invalid-memory-value-2-fixed');
    expect(await checkRow('Memory').textContent()).toContain('Pass');
    expect(wslconfigOf(running)).toBe('[wsl2]\r\nmemory=16GB\r\nprocessors=12\r\n');
  }, 90_000);

  it('ends in a clear timeout when something keeps starting the VM again (vm-keeps-restarting)', async () => {
    await open('vm-keeps-restarting');
    await verify('Verify now');
    const alert = page.getByRole('alert');
    await alert.getByText('Not verified.').waitFor();
    expect(await alert.textContent()).toMatch(/docker-desktop still ran \d+ s after wsl --shutdown/);
    await shot('vm-keeps-restarting-timeout');
  }, 90_000);

  it('leaves the old file intact when cancelled in the middle', async () => {
    const running = await open('vm-keeps-restarting');
    const before = wslconfigOf(running);
    await page.getByLabel(/Memory for WSL, in GB/).fill('24');
    await verify('Apply and verify');
    await page.getByText('Waiting for every distribution to stop…').waitFor();
    await shot('cancel-1-waiting');
    await page.getByRole('button', { name: 'Cancel' }).click();
    await page.getByRole('alert').getByText('Not verified.').waitFor();
    expect(await page.getByRole('alert').textContent()).toContain('.wslconfig is back as it was before.');
    await shot('cancel-2-cancelled');
    expect(wslconfigOf(running)).toBe(before);
  }, 90_000);

  it('rolls the edits back in one click when the verification fails (driver-mismatch)', async () => {
    const running = await open('driver-mismatch');
    const before = wslconfigOf(running);
    await page.getByLabel(/Memory for WSL, in GB/).fill('24');
    await verify('Apply and verify');
    await page.getByRole('alert').getByText('Not verified.').waitFor();
    expect(await checkRow('Driver versions').textContent()).toContain('Fail');
    expect(await page.getByRole('alert').textContent()).toContain('Failed: Driver versions.');
    expect(wslconfigOf(running)).toContain('memory=24GB');
    await shot('rollback-1-failed');
    await page.getByRole('button', { name: 'Roll back to the previous .wslconfig' }).click();
    await page.getByText('.wslconfig is back as it was before these changes.').waitFor();
    await shot('rollback-2-rolled-back');
    expect(wslconfigOf(running)).toBe(before);
  }, 90_000);

  it('refuses a memory that is not a number of gigabytes, before anything runs', async () => {
    const running = await open('healthy');
    const before = wslconfigOf(running);
    await page.getByLabel(/Memory for WSL, in GB/).fill('lots');
    expect(await page.getByText('Enter a whole number of gigabytes').isVisible()).toBe(true);
    expect(await page.getByRole('button', { name: 'Apply and verify' }).isDisabled()).toBe(true);
    expect(wslconfigOf(running)).toBe(before);
  }, 90_000);
});
