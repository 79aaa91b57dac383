import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { useDemoPages, wslconfigOf } from './support/demo-pages';
import { VERIFIED, walkFirstRun } from './support/first-run';

/** A screenshot of each moment lands here, for CI's artefacts (docs/ keeps a copy of the ones it shows). */
const pages = useDemoPages(join(import.meta.dirname, '..', 'test-results', 'first-run'));
let page: Page;

describe('the first run on a PC whose WSL memory is too small for its 70B model', () => {
  it('reaches Verified with the 70B goal in at most 4 actions, and the end says whether it fits', async () => {
    const running = await pages.open('memory-ceiling', {
      // Whether the overview ever showed before setup: a first start must open on setup without a flash of it.
      beforeLoad: async (opening) => {
        await opening.addInitScript(() => {
          const seen = window as unknown as { sawOverview?: boolean };
          new MutationObserver(() => {
            if (document.getElementById('overview')) seen.sawOverview = true;
          }).observe(document, { childList: true, subtree: true });
        });
      },
    });
    page = pages.page;
    const run = await walkFirstRun(page);
    expect(
      await page.evaluate(() => (window as unknown as { sawOverview?: boolean }).sawOverview),
    ).toBeUndefined();
    console.info(
      `first run on memory-ceiling: ${run.actions} actions (${run.path.join(', ')}) in ${run.seconds.toFixed(1)} s`,
    );
    expect(run.path).toEqual(['Next: your model', 'Apply and verify', 'Shut down']);
    expect(run.actions).toBeLessThanOrEqual(4);
    expect(run.goal).toMatch(/^llama3\.1:70b.* fits now/i);
    await pages.shot('memory-ceiling-3-verified');
    // Memory only: the swap change that merely follows it was offered unticked, so the file keeps swap=0.
    expect(wslconfigOf(running)).toBe('[wsl2]\r\nmemory=24GB\r\nswap=0\r\n');

    await page.getByRole('button', { name: 'Back' }).click();
    await page.getByRole('heading', { name: /^Step 2 of 4:/ }).waitFor();
    expect(await page.getByRole('radio', { name: /llama3\.1:70b/ }).isChecked()).toBe(true);
    // Sized again against the file WSL now runs with: nothing left to change.
    await page.getByRole('heading', { name: /: fits this PC$/ }).waitFor();
    expect(await page.getByText(/already fits/).isVisible()).toBe(true);
    await pages.shot('memory-ceiling-2-goal-after');
    // A new context drops the old sizing at once; the new one follows by itself.
    await page.getByRole('textbox', { name: 'Context length (tokens)' }).fill('16384');
    await page.getByTestId('sizing-status').waitFor();
    await page.getByRole('heading', { name: /: (fits this PC|does not fit beside Windows)$/ }).waitFor();
  }, 120_000);

  it('asks before shutting down when "Apply and verify" is pressed before the distro list has loaded', async () => {
    // The window's first seconds: no push has arrived, and every `wsl.list` is held until the button is pressed.
    let release = (): void => undefined;
    const held = new Promise<void>((resolve) => (release = resolve));
    await pages.open('memory-ceiling', {
      beforeLoad: async (opening) => {
        await opening.route('**/api/events**', (route) => route.abort());
        await opening.route('**/api/invoke/wsl.list', async (route) => {
          await held;
          await route.continue();
        });
      },
    });
    page = pages.page;
    await page.getByRole('button', { name: 'Next: your model' }).click();
    const apply = page.getByRole('button', { name: /^(Apply and verify|Verify now)$/ });
    await apply.and(page.locator(':enabled')).waitFor();
    await pages.shot('memory-ceiling-2-goal');
    await apply.click();
    // Pressed while the list is still on its way: the question must wait for it, not take "nothing runs".
    release();
    const dialog = page.getByRole('dialog', { name: 'Shut down WSL?' });
    await dialog.waitFor();
    expect(await dialog.textContent()).toContain('Ubuntu-24.04');
    await pages.shot('memory-ceiling-2-shutdown-question');
    await dialog.getByRole('button', { name: 'Shut down' }).click();
    await page.getByText(VERIFIED).waitFor({ timeout: 60_000 });
  }, 120_000);

  it('does not ask again once the user said so, and Settings can turn the question back on', async () => {
    await pages.open('memory-ceiling');
    page = pages.page;
    await page.getByRole('button', { name: 'Next: your model' }).click();
    await page.getByRole('button', { name: 'Apply and verify' }).and(page.locator(':enabled')).click();
    const dialog = page.getByRole('dialog', { name: 'Shut down WSL?' });
    await dialog.getByRole('checkbox', { name: /Don’t ask again/ }).check();
    await dialog.getByRole('button', { name: 'Shut down' }).click();
    await page.getByText(VERIFIED).waitFor({ timeout: 60_000 });
    // Verified: nothing to try again, only the way on.
    expect(await page.getByRole('button', { name: 'Try again' }).count()).toBe(0);

    await page.getByRole('button', { name: 'Back' }).click();
    await page.getByRole('heading', { name: /^Step 2 of 4:/ }).waitFor();
    // Sized again against the file as it is now: nothing left to change, so the one button verifies.
    await page.getByRole('button', { name: 'Verify now' }).and(page.locator(':enabled')).click();
    await page.getByText(VERIFIED).waitFor({ timeout: 60_000 });
    expect(await dialog.isVisible()).toBe(false);

    await page.getByRole('link', { name: 'Settings' }).click();
    const ask = page.getByRole('checkbox', { name: /Ask before shutting WSL down/ });
    expect(await ask.isChecked()).toBe(false);
    await ask.check();
    await page.getByRole('link', { name: 'Setup' }).click();
    await page.getByRole('button', { name: 'Next: finish' }).click();
    await page.getByRole('heading', { name: /^Step 4 of 4: Done/ }).waitFor();
    // Leaving the last step by the rail: the overview knows setup was finished.
    await page.getByRole('link', { name: 'Overview' }).click();
    await page.getByRole('button', { name: 'Run setup again' }).waitFor();
  }, 120_000);
});
