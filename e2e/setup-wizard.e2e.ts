import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { DemoProcess } from './support/demo';
import { useDemoPages, wslconfigOf } from './support/demo-pages';

/** A screenshot of every step lands here, for CI's artefacts. */
const pages = useDemoPages(join(import.meta.dirname, '..', 'test-results', 'setup'));
let page: Page;

/** Start the demo on a scenario and open the window: a first start, so the wizard is what shows. */
async function open(scenario: string): Promise<DemoProcess> {
  const demo = await pages.open(scenario);
  page = pages.page;
  await stepHeading(1).waitFor();
  return demo;
}

const stepHeading = (step: number) => page.getByRole('heading', { name: new RegExp(`^Step ${step} of 4:`) });
const enabled = () => page.locator(':enabled');
const shot = (name: string) => pages.shot(name);
const gate = (id: string) => page.locator(`[data-gate="${id}"]`);

/** The checks run by themselves when setup opens: wait until they are done. */
async function runChecks(): Promise<void> {
  await page.getByRole('list', { name: 'Checks' }).waitFor();
  await page.getByRole('button', { name: 'Check again' }).and(enabled()).waitFor();
}

/**
 * Step 2 with the goal it starts at (no model found on these PCs: Llama 3.1 8B, Q4_K_M, 8192 tokens, f16), sized by
 * itself, with the proposal below it.
 */
async function sizeDefaultGoal(name: string): Promise<void> {
  await page.getByRole('button', { name: 'Next: your model' }).click();
  await stepHeading(2).waitFor();
  await page.getByRole('heading', { name: /Llama 3\.1 8B Instruct Q4_K_M: fits this PC/ }).waitFor();
  await shot(`${name}-2-goal`);
}

/** Start the loop from step 2, agreeing to stop the running distros when asked; step 3 follows it. */
async function startVerify(button: 'Verify now' | 'Apply and verify'): Promise<void> {
  await page.getByRole('button', { name: button }).and(enabled()).click();
  const dialog = page.getByRole('dialog', { name: 'Shut down WSL?' });
  await dialog.waitFor();
  await page.keyboard.press('Enter');
  await dialog.waitFor({ state: 'hidden' });
}

/** Press Tab until the focused element is the named button (or control), then return; fails after 40 presses. */
async function tabTo(name: RegExp): Promise<void> {
  for (let presses = 0; presses < 40; presses += 1) {
    await page.keyboard.press('Tab');
    const focused = await page.evaluate(() => {
      const element = document.activeElement;
      if (!element) return '';
      return (element.getAttribute('aria-label') ?? element.textContent).trim();
    });
    if (name.test(focused)) return;
  }
  throw new Error(`Tab never reached ${String(name)}`);
}

describe('the setup wizard in the browser demo', () => {
  it('walks the whole wizard on config-not-applied: WSL memory is the old value before and the new one after', async () => {
    const running = await open('config-not-applied');
    const light = page.getByRole('status', { name: 'Health' });
    await light.getByText('Needs attention').waitFor();
    expect(await light.textContent()).toContain(
      'Waiting for a WSL restart: WSL is still running with its old settings',
    );
    await shot('config-not-applied-1-check-start');
    await runChecks();
    for (const id of ['wsl', 'distro', 'host-gpu', 'wsl-gpu']) {
      expect(await gate(id).textContent()).toMatch(/^Pass/);
    }
    const before = await page.getByTestId('memory-before').textContent();
    expect(before).toMatch(
      /WSL memory now: 7\.\d GiB \(MemTotal in Ubuntu-24\.04\); \.wslconfig says memory=48GB\./,
    );
    expect(await page.locator('[data-finding="wslconfig-not-applied"]').count()).toBe(1);
    await shot('config-not-applied-1-check');

    await sizeDefaultGoal('config-not-applied');
    expect(await page.getByText(/already fits Llama 3\.1 8B Instruct Q4_K_M/).isVisible()).toBe(true);
    expect(await page.locator('figcaption').textContent()).toMatch(/^No change to .*\.wslconfig$/);
    await shot('config-not-applied-2-proposal');

    await startVerify('Verify now');
    await stepHeading(3).waitFor();
    await page.getByText('Verified: WSL runs with your .wslconfig.').waitFor();
    await light.getByText('OK', { exact: true }).waitFor();
    expect(await page.getByTestId('memory-after').textContent()).toMatch(
      /^WSL memory: before 7\.\d GiB → now 4[67]\.\d GiB\.$/,
    );
    expect(await page.getByRole('button', { name: 'Try again' }).count()).toBe(0);
    await page
      .getByTestId('goal-verdict')
      .getByText(/Llama 3\.1 8B Instruct Q4_K_M fits now/)
      .waitFor();
    await shot('config-not-applied-3-verified');

    await page.getByRole('button', { name: 'Next: finish' }).click();
    await stepHeading(4).waitFor();
    expect(await page.getByTestId('memory-after').textContent()).toMatch(
      /before 7\.\d GiB → now 4[67]\.\d GiB/,
    );
    const startAtLogin = page.getByRole('checkbox', { name: /Start Headroom in the tray when I sign in/ });
    await startAtLogin.check();
    await page.waitForFunction(() => document.querySelector<HTMLInputElement>('.login-item input')?.checked);
    expect(await page.getByRole('list', { name: 'The tray light' }).textContent()).toContain(
      'Grey: WSL is stopped',
    );
    await shot('config-not-applied-4-done');

    await page.getByRole('button', { name: 'Go to the overview' }).click();
    await page.getByRole('heading', { name: 'Overview' }).waitFor();
    expect(await page.getByRole('button', { name: 'Run setup again' }).isVisible()).toBe(true);
    expect(wslconfigOf(running)).toBe('[wsl2]\r\nmemory=48GB\r\nprocessors=12\r\nswap=8GB\r\n');
  }, 120_000);

  it('shows the line WSL ignores on invalid-memory-value and fixes it through the proposal', async () => {
    const running = await open('invalid-memory-value');
    await runChecks();
    const ignored = page.locator('[data-finding="wslconfig-ignored-lines"]');
    expect(await ignored.textContent()).toContain('wslconfig: WSL ignores line 2: `memory=16gb`');
    await shot('invalid-memory-value-1-check');

    await sizeDefaultGoal('invalid-memory-value');
    const memoryRow = page.locator('[data-key="memory"]');
    expect(await memoryRow.getByRole('checkbox').isChecked()).toBe(true);
    expect(await memoryRow.textContent()).toMatch(/memory=16GB.*WSL ignores line 2/);
    const changed = page.locator('.diff__line--removed, .diff__line--added');
    await changed.first().waitFor();
    expect(await changed.allTextContents()).toEqual(['removed: - memory=16gb\n', 'added: + memory=16GB\n']);
    await shot('invalid-memory-value-2-proposal');

    await startVerify('Apply and verify');
    await page.getByText('Verified: WSL runs with your .wslconfig.').waitFor();
    expect(await page.getByTestId('memory-after').textContent()).toMatch(/now 15\.\d GiB/);
    await shot('invalid-memory-value-3-verified');
    expect(wslconfigOf(running)).toBe('[wsl2]\r\nmemory=16GB\r\nprocessors=12\r\n');

    // The History page keeps the file as it was; one click shows what changed since, one restores it.
    await page.getByRole('link', { name: 'History' }).click();
    const versions = page.locator('[data-version]');
    await versions.first().waitFor();
    const oldest = versions.last();
    await oldest.getByRole('button', { name: 'Changes since' }).click();
    await page.locator('.diff__line--removed').filter({ hasText: 'memory=16gb' }).waitFor();
    await oldest.getByRole('button', { name: 'Restore' }).click();
    await page.getByRole('dialog', { name: 'Restore this version of .wslconfig?' }).waitFor();
    await page.keyboard.press('Enter');
    await page.getByText(/back to that version/).waitFor();
    expect(wslconfigOf(running)).toBe('[wsl2]\r\nmemory=16gb\r\nprocessors=12\r\n');
    await shot('invalid-memory-value-6-history-restored');
  }, 120_000);

  it('takes the short path on a healthy machine with the keyboard alone, and resumes after a reload', async () => {
    const running = await open('healthy');
    await page.getByRole('button', { name: 'Next: your model' }).waitFor();
    expect(await page.getByText('Every check passed.').isVisible()).toBe(true);
    await shot('healthy-1-check');
    await tabTo(/^Next: your model$/);
    await page.keyboard.press('Enter');
    await stepHeading(2).waitFor();
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Step 2 of 4: Goal');
    await page.getByRole('heading', { name: /fits this PC/ }).waitFor();
    await shot('healthy-2-goal');

    await page.reload();
    await stepHeading(2).waitFor();
    await page.getByRole('heading', { name: /fits this PC/ }).waitFor();

    await page.getByRole('button', { name: 'Verify now' }).and(enabled()).waitFor();
    await tabTo(/^Verify now$/);
    await page.keyboard.press('Enter');
    await page.getByRole('dialog', { name: 'Shut down WSL?' }).waitFor();
    await page.keyboard.press('Enter');
    await page.getByText('Verified: WSL runs with your .wslconfig.').waitFor();
    await shot('healthy-3-verified');
    await tabTo(/^Next: finish$/);
    await page.keyboard.press('Enter');
    await stepHeading(4).waitFor();
    await shot('healthy-4-done');
    await tabTo(/^Go to the overview$/);
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: 'Overview' }).waitFor();
    expect(wslconfigOf(running)).toBe('[wsl2]\r\nmemory=48GB\r\nprocessors=12\r\nswap=8GB\r\n');

    await page.reload();
    await page.getByRole('heading', { name: 'Overview' }).waitFor();
    await page.getByRole('button', { name: 'Run setup again' }).click();
    await stepHeading(1).waitFor();
  }, 120_000);

  it('leaves the old file intact when the verification is cancelled in the middle', async () => {
    // The healthy machine whose VM Docker Desktop keeps starting: the wait for every distro to stop lasts until the
    // stop timeout, so the Cancel lands in the middle on any machine (a healthy VM stops before a test can look).
    const running = await open('vm-keeps-restarting');
    await runChecks();
    await sizeDefaultGoal('cancel');
    const memory = page.locator('[data-key="memory"]');
    await memory.getByRole('slider').focus();
    await page.keyboard.press('ArrowLeft');
    expect(await memory.getByRole('checkbox').isChecked()).toBe(true);
    await page.locator('.diff__line--added').waitFor();
    expect(await page.locator('.diff__line--added').textContent()).toBe('added: + memory=47GB\n');
    await startVerify('Apply and verify');
    await stepHeading(3).waitFor();
    await page.getByText('Waiting for every distribution to stop…').waitFor();
    await page.getByRole('button', { name: 'Cancel' }).click();
    const alert = page.getByRole('alert');
    await alert.getByText(/Not verified\..*[Cc]ancel/).waitFor();
    expect(await alert.textContent()).toContain('.wslconfig is back as it was before.');
    await shot('cancel-3-cancelled');
    expect(wslconfigOf(running)).toBe('[wsl2]\r\nmemory=48GB\r\nprocessors=12\r\nswap=8GB\r\n');
  }, 120_000);

  it('ends in a clear timeout when something keeps restarting the VM', async () => {
    await open('vm-keeps-restarting');
    await runChecks();
    await sizeDefaultGoal('vm-keeps-restarting');
    await startVerify('Verify now');
    const alert = page.getByRole('alert');
    await alert.getByText(/Not verified\./).waitFor({ timeout: 60_000 });
    expect(await alert.textContent()).toMatch(/docker-desktop/);
    expect(await page.getByRole('button', { name: 'Next: finish' }).count()).toBe(0);
    await shot('vm-keeps-restarting-3-timed-out');
  }, 120_000);
});
