import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { describeViolations, seriousViolations } from './support/axe';
import { useDemoPages, wslconfigOf } from './support/demo-pages';

/** Screenshots land here, for CI's artefacts. */
const pages = useDemoPages(join(import.meta.dirname, '..', 'test-results', 'accessibility'));
let page: Page;

const stepHeading = (step: number) => page.getByRole('heading', { name: new RegExp(`^Step ${step} of 4:`) });

/** A place's link in the window's rail. */
const rail = (name: string) =>
  page.getByRole('navigation', { name: 'Headroom' }).getByRole('link', { name, exact: true });

/** Open a place from the rail and wait for what shows it has loaded. */
async function visit(link: string, loaded: string): Promise<void> {
  await rail(link).click();
  await page.locator(loaded).first().waitFor({ state: 'attached' });
}

/** A polite live region (screen readers announce its changes) that says `text`. */
const liveRegion = (text: RegExp) =>
  page.locator('[role="status"][aria-live="polite"]').filter({ hasText: text });

/** Press Tab until the focused element's name matches, then return; fails after 60 presses. */
async function tabTo(name: RegExp): Promise<void> {
  for (let presses = 0; presses < 60; presses += 1) {
    await page.keyboard.press('Tab');
    const focused = await page.evaluate(
      `(document.activeElement?.getAttribute('aria-label') ?? document.activeElement?.textContent ?? '').trim()`,
    );
    if (typeof focused === 'string' && name.test(focused)) return;
  }
  throw new Error(`Tab never reached ${String(name)}`);
}

describe('accessibility of every place (axe-core, serious and critical)', () => {
  for (const scheme of ['light', 'dark'] as const) {
    it(`has no serious or critical violation anywhere, in ${scheme} mode`, async () => {
      await pages.open('invalid-memory-value', { timeoutMs: 45_000 });
      page = pages.page;
      await page.emulateMedia({ colorScheme: scheme });
      const found: string[] = [];
      const audit = async (where: string): Promise<void> => {
        found.push(...describeViolations(`${where} (${scheme})`, await seriousViolations(page)));
      };

      // A first start opens the wizard, which runs its checks by itself: each step it reaches without changing the machine.
      await stepHeading(1).waitFor();
      await audit('Setup, step 1');
      await page.getByRole('list', { name: 'Checks' }).waitFor();
      // Check results are announced: the wizard's live region says how the checks ended.
      await liveRegion(/passed|need attention|could not check everything/).waitFor();
      await audit('Setup, step 1 checked');
      await page.getByRole('button', { name: 'Next: your model' }).click();
      await stepHeading(2).waitFor();
      await page.getByRole('heading', { name: /fits this PC/ }).waitFor();
      await page.locator('.diff__line--added').first().waitFor();
      await audit('Setup, step 2 sized, with its proposal');

      await visit('Overview', '.health-card');
      await audit('Overview');
      await visit('Dashboard', '.chart__line');
      await audit('Dashboard');
      await visit('Diagnostics', '[data-finding]');
      await page.getByRole('button', { name: 'Run checks again' }).click();
      await liveRegion(/^Checked: /).waitFor();
      await audit('Diagnostics');
      await page.locator('[data-finding]').first().getByRole('button', { name: 'Fix' }).click();
      await page.getByLabel('The change to .wslconfig').waitFor();
      await audit('Diagnostics, a fix previewed');
      await visit('.wslconfig', '.raw-line');
      await audit('.wslconfig');
      await visit('History', '[data-testid="wslconfig-versions"]');
      await audit('History');
      await visit('Settings', 'input[type="checkbox"]');
      await audit('Settings');
      await pages.shot(`settings-${scheme}`);

      // Last, as it changes the machine: the wizard applies and verifies (step 3), then step 4.
      await rail('Setup').click();
      await stepHeading(2).waitFor();
      await page.getByRole('button', { name: 'Apply and verify' }).and(page.locator(':enabled')).click();
      await page.getByRole('dialog', { name: 'Shut down WSL?' }).waitFor();
      await page.keyboard.press('Enter');
      await page.getByText('Verified: WSL runs with your .wslconfig.').waitFor();
      await audit('Setup, step 3 verified');
      await page.getByRole('button', { name: 'Next: finish' }).click();
      await stepHeading(4).waitFor();
      await audit('Setup, step 4');

      expect(found).toEqual([]);
    }, 180_000);
  }

  it('saves the .wslconfig and restores a version with the keyboard alone', async () => {
    const demo = await pages.open('healthy', { timeoutMs: 45_000 });
    page = pages.page;
    const before = wslconfigOf(demo);
    await rail('.wslconfig').click();
    const processors = page.getByLabel(/^wsl2\.processors/);
    await processors.focus();
    await page.keyboard.press('Control+A');
    await page.keyboard.type('4');
    await page.keyboard.press('Enter');
    await page.getByLabel('The change to .wslconfig').waitFor();
    await tabTo(/^Save$/);
    await page.keyboard.press('Enter');
    await page
      .getByTestId('wslconfig-status')
      .getByText(/^Saved\./)
      .waitFor();
    expect(wslconfigOf(demo)).toMatch(/processors=4\r\n/);

    await rail('History').click();
    await page.locator('[data-version]').first().waitFor();
    // From the row of the oldest version (the file before the save): Tab to its Restore.
    await page.locator('[data-version]').last().getByRole('button', { name: 'Changes since' }).focus();
    await page.keyboard.press('Tab');
    expect(await page.evaluate('document.activeElement?.textContent')).toBe('Restore');
    // Every row has a "Restore": a screen reader also hears which version this one is, by its time and reason.
    const description = await page.evaluate(
      "(document.activeElement?.getAttribute('aria-describedby') ?? '').split(' ').map((id) => document.getElementById(id)?.textContent ?? '').join(' ')",
    );
    const oldest = page.locator('[data-version]').last().locator('td');
    expect(description).toBe(`${await oldest.nth(0).textContent()} ${await oldest.nth(1).textContent()}`);
    expect(description).toMatch(/\d{4}/);
    await page.keyboard.press('Enter');
    await page.getByRole('dialog', { name: 'Restore this version of .wslconfig?' }).waitFor();
    await page.keyboard.press('Enter');
    await page.getByText(/back to that version/).waitFor();
    expect(wslconfigOf(demo)).toBe(before);
  }, 120_000);
});
