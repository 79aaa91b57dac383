import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from './support/browser';
import { startDemo, type DemoProcess } from './support/demo';

let demo: DemoProcess;
let browser: Browser;
let page: Page;
const consoleErrors: string[] = [];

beforeAll(async () => {
  [demo, browser] = await Promise.all([startDemo('healthy'), launchChromium()]);
  page = await browser.newPage();
  page.setDefaultTimeout(10_000);
  page.on('console', (message) => {
    if (message.type() === 'error') consoleErrors.push(message.text());
  });
  page.on('pageerror', (error) => consoleErrors.push(error.message));
});

afterAll(async () => {
  await browser.close();
  await demo.stop();
});

const stateOf = (name: string) =>
  page
    .getByRole('row', { name: new RegExp(`^${name}\\b`) })
    .getByRole('cell')
    .first();

describe('the WSL page in the browser demo (healthy scenario)', () => {
  it('lists the distros with their states', async () => {
    await page.goto(demo.url);
    await page.getByRole('link', { name: 'Overview' }).click();
    await page.getByRole('heading', { name: 'WSL distributions' }).waitFor();
    await stateOf('Ubuntu-24.04').filter({ hasText: 'Running' }).waitFor();
    expect(await page.getByRole('row', { name: /Ubuntu-24\.04/ }).textContent()).toContain('Default');
    expect(await stateOf('docker-desktop').textContent()).toBe('Running');
    expect(await page.getByText('2 of 2 running').isVisible()).toBe(true);
  });

  it('hides the token from the address bar once the page has it', () => {
    expect(page.url()).not.toContain('token');
  });

  it('asks before shutting down, naming what will stop; Esc cancels and nothing stops', async () => {
    await page.getByRole('button', { name: 'Shut down WSL' }).click();
    const dialog = page.getByRole('dialog', { name: 'Shut down WSL?' });
    await dialog.waitFor();
    expect(await dialog.textContent()).toContain('This stops Ubuntu-24.04 and docker-desktop.');
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'hidden' });
    expect(await stateOf('Ubuntu-24.04').textContent()).toBe('Running');
  });

  it('shuts WSL down: every distro shows Stopped without a reload', async () => {
    const navigations: string[] = [];
    page.on('framenavigated', (frame) => navigations.push(frame.url()));
    await page.getByRole('button', { name: 'Shut down WSL' }).click();
    await page
      .getByRole('dialog', { name: 'Shut down WSL?' })
      .getByRole('button', { name: 'Shut down' })
      .click();
    await stateOf('Ubuntu-24.04').filter({ hasText: 'Stopped' }).waitFor();
    await stateOf('docker-desktop').filter({ hasText: 'Stopped' }).waitFor();
    expect(
      await page.getByRole('region', { name: 'WSL distributions' }).getByRole('status').textContent(),
    ).toBe('WSL is shut down. Every distribution is stopped.');
    expect(await page.getByText('WSL is stopped.', { exact: false }).first().isVisible()).toBe(true);
    expect(navigations).toEqual([]);
  });

  it('ran without a console error or a CSP violation', () => {
    expect(consoleErrors).toEqual([]);
  });
});
