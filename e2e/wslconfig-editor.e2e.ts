import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { useDemoPages, wslconfigOf } from './support/demo-pages';

/** Screenshots land here, for CI's artefacts. */
const pages = useDemoPages(join(import.meta.dirname, '..', 'test-results', 'wslconfig-editor'));

describe('the .wslconfig editor in the browser demo', () => {
  it('sets processors and swap through the form, diff first, and explains the ignored memory=8gb line', async () => {
    const demo = await pages.open('healthy');
    const { page } = pages;
    writeFileSync(
      join(demo.stateDir, 'profile', '.wslconfig'),
      '[wsl2]\r\nmemory=8gb\r\nfoo=bar\r\n',
      'latin1',
    );
    await page.getByRole('link', { name: '.wslconfig' }).click();

    const ignored = page.locator('.raw-line[data-line="2"]');
    await ignored.waitFor();
    expect(await ignored.getAttribute('class')).toContain('raw-line--ignored');
    expect(await ignored.textContent()).toMatch(/memory=8gb.*WSL ignores this line.*upper case/s);
    expect(await page.getByRole('heading', { name: 'Kept untouched' }).isVisible()).toBe(true);
    expect(await page.getByLabel(/^wsl2\.memory/).getAttribute('aria-describedby')).toBeTruthy();

    await page.getByLabel(/^wsl2\.processors/).fill('4');
    await page.getByLabel(/^wsl2\.swap \(/).fill('8GB');
    await page.keyboard.press('Enter');
    const diff = page.getByLabel('The change to .wslconfig');
    await diff.waitFor();
    expect(await diff.locator('[data-kind="added"]').allTextContents()).toEqual([
      expect.stringContaining('processors=4') as unknown,
      expect.stringContaining('swap=8GB') as unknown,
    ]);
    await pages.shot('1-diff');
    await page.getByRole('button', { name: 'Save' }).click();
    await page
      .getByTestId('wslconfig-status')
      .getByText(/^Saved\./)
      .waitFor();
    expect(wslconfigOf(demo)).toBe('[wsl2]\r\nmemory=8gb\r\nfoo=bar\r\nprocessors=4\r\nswap=8GB\r\n');
    await pages.shot('2-saved');
  }, 60_000);

  it('lists the versions on the page with time and reason, shows a diff and restores one by keyboard, confirmed', async () => {
    const demo = await pages.open('healthy');
    const { page } = pages;
    const original = wslconfigOf(demo);
    await page.getByRole('link', { name: '.wslconfig' }).click();
    await page.getByLabel(/^wsl2\.processors/).fill('4');
    await page.keyboard.press('Enter');
    await page.getByLabel('The change to .wslconfig').waitFor();
    await page.getByRole('button', { name: 'Save' }).click();
    await page
      .getByTestId('wslconfig-status')
      .getByText(/^Saved\./)
      .waitFor();
    const saved = wslconfigOf(demo);
    expect(saved).toContain('processors=4');

    const versions = page.getByTestId('wslconfig-versions');
    const rows = versions.locator('[data-version]');
    await expect.poll(() => rows.count()).toBeGreaterThanOrEqual(1);
    const oldest = rows.last();
    expect(await oldest.locator('td').first().textContent()).toMatch(/\d/);
    expect((await oldest.locator('td').nth(1).textContent())?.length).toBeGreaterThan(3);

    // Keyboard only: the diff of the oldest version, then Restore, then Enter in the confirm.
    await oldest.getByRole('button', { name: 'Changes since' }).focus();
    await page.keyboard.press('Enter');
    const diff = versions.getByLabel('This version against the file now, line by line');
    await diff.waitFor();
    expect(await diff.textContent()).toContain('processors=4');
    await oldest.getByRole('button', { name: 'Restore' }).focus();
    await page.keyboard.press('Enter');
    const confirm = page.getByRole('dialog', { name: 'Restore this version of .wslconfig?' });
    await confirm.waitFor();
    await pages.shot('3-restore-confirm');
    // Esc cancels: nothing is written.
    await page.keyboard.press('Escape');
    await confirm.waitFor({ state: 'hidden' });
    expect(wslconfigOf(demo)).toBe(saved);
    await oldest.getByRole('button', { name: 'Restore' }).focus();
    await page.keyboard.press('Enter');
    await confirm.waitFor();
    await page.keyboard.press('Enter');
    await versions
      .getByTestId('versions-status')
      .getByText(/back to that version/)
      .waitFor();
    expect(wslconfigOf(demo)).toBe(original);
    // The form reads the file again: processors is no longer 4.
    await expect.poll(() => page.getByLabel(/^wsl2\.processors/).inputValue()).not.toBe('4');
    await pages.shot('4-restored');
  }, 90_000);
});
