import { performance } from 'node:perf_hooks';
import type { Locator, Page } from 'playwright-core';

/** What a first run cost the user, and where it ended. */
export interface FirstRun {
  /** Clicks, list choices and filled fields (a native select would count two); no typing. */
  readonly actions: number;
  /** From the window's first page to "Verified" with the goal judged. */
  readonly seconds: number;
  /** Each action, in order, by the name of what was pressed. */
  readonly path: readonly string[];
  /** What the end says about the goal ("… fits now: …"). */
  readonly goal: string;
}

/** The line a successful verification shows. */
export const VERIFIED = 'Verified: WSL runs with your .wslconfig.';

/**
 * Walk the first run as a new user does, from a page just opened on a fresh demo: wait for what happens by itself,
 * press only the one button each step asks for ("Next", "Apply and verify", and "Shut down" when WSL runs), and
 * stop at "Verified" with the goal's verdict shown. Counts every action and the seconds it took. Locators only (no
 * function sent into the page), so the bench can run it through tsx as well.
 */
export async function walkFirstRun(page: Page): Promise<FirstRun> {
  const started = performance.now();
  const path: string[] = [];
  const act = async (target: Locator, name: string): Promise<void> => {
    await target.click();
    path.push(name);
  };

  const next = page.getByRole('button', { name: 'Next: your model' });
  await next.waitFor();
  await act(next, 'Next: your model');

  const apply = page.getByRole('button', { name: /^(Apply and verify|Verify now)$/ });
  await page.getByRole('heading', { name: /: (fits this PC|does not fit beside Windows)$/ }).waitFor();
  await apply.and(page.locator(':enabled')).waitFor();
  await act(apply, (await apply.textContent()) ?? 'Apply and verify');

  const dialog = page.getByRole('dialog', { name: 'Shut down WSL?' });
  const verified = page.getByText(VERIFIED);
  const failed = page.getByRole('alert').getByText(/^Not verified\./);
  await dialog.or(verified).or(failed).first().waitFor({ timeout: 120_000 });
  if (await dialog.isVisible()) await act(dialog.getByRole('button', { name: 'Shut down' }), 'Shut down');

  await verified.or(failed).first().waitFor({ timeout: 120_000 });
  if (await failed.isVisible()) throw new Error(`The first run ended ${await failed.textContent()}`);
  const goal = page.getByTestId('goal-verdict');
  await goal.waitFor();
  return {
    actions: path.length,
    seconds: (performance.now() - started) / 1000,
    path,
    goal: (await goal.textContent()) ?? '',
  };
}
