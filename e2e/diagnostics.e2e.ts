import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { useDemoPages, wslconfigOf } from './support/demo-pages';

/** Screenshots land here, for CI's artefacts. */
const pages = useDemoPages(join(import.meta.dirname, '..', 'test-results', 'diagnostics'));

describe('the Diagnostics page in the browser demo', () => {
  it('fixes the ignored memory line with its button: diff first, the file changed byte-exactly, verify passes', async () => {
    const demo = await pages.open('invalid-memory-value');
    const { page } = pages;
    await page.getByRole('link', { name: 'Diagnostics' }).click();
    const finding = page.locator('[data-finding="wslconfig-ignored-lines"]');
    await finding.waitFor();
    expect(await finding.textContent()).toMatch(/memory=16gb/);

    // Why? opens the source; keyboard only from here: Fix, then Enter on the focused "Apply the fix".
    await finding.getByText('Why?').click();
    await finding.locator('.finding__source').waitFor();
    await finding.getByRole('button', { name: 'Fix' }).focus();
    await page.keyboard.press('Enter');
    const diff = finding.getByLabel('The change to .wslconfig');
    await diff.waitFor();
    expect(await diff.locator('[data-kind="removed"]').allTextContents()).toEqual([
      expect.stringContaining('memory=16gb') as unknown,
    ]);
    expect(await diff.locator('[data-kind="added"]').allTextContents()).toEqual([
      expect.stringContaining('memory=16GB') as unknown,
    ]);
    await pages.shot('1-diff');
    expect(wslconfigOf(demo)).toBe('[wsl2]\r\nmemory=16gb\r\nprocessors=12\r\n');
    await expect.poll(() => page.evaluate(() => document.activeElement?.textContent)).toBe('Apply the fix');
    await page.keyboard.press('Enter');
    await page
      .getByTestId('diagnostics-status')
      .getByText(/^Done: /)
      .waitFor();
    expect(wslconfigOf(demo)).toBe('[wsl2]\r\nmemory=16GB\r\nprocessors=12\r\n');
    await page.locator('[data-finding="wslconfig-ignored-lines"]').waitFor({ state: 'detached' });

    await page.getByRole('button', { name: 'Shut down WSL and verify' }).click();
    const dialog = page.getByRole('dialog', { name: 'Shut down WSL?' });
    await dialog.waitFor();
    await page.keyboard.press('Enter');
    await page.getByText('Verified: WSL runs with your .wslconfig.').waitFor({ timeout: 60_000 });
    await pages.shot('2-verified');
  }, 120_000);

  it('mutes a finding, keeps it muted after a reload, and announces a new run of the checks', async () => {
    await pages.open('invalid-memory-value');
    const { page } = pages;
    await page.getByRole('link', { name: 'Diagnostics' }).click();
    const finding = page.locator('[data-finding="wslconfig-ignored-lines"]');
    await finding.getByRole('button', { name: /^Mute/ }).click();
    await page.getByRole('heading', { name: 'Muted (1)' }).waitFor();
    await page.reload();
    await page.getByRole('heading', { name: 'Muted (1)' }).waitFor();
    await page.getByRole('button', { name: 'Run checks again' }).click();
    await page
      .getByTestId('diagnostics-status')
      .getByText(/^Checked: /)
      .waitFor();
  }, 60_000);
});
