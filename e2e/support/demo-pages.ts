import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, expect } from 'vitest';
import { launchChromium } from './browser';
import { startDemo, type DemoProcess } from './demo';

/** One demo and one page per test, for a spec file. */
export interface DemoPages {
  /** The page of the current test (opened by `open`). */
  readonly page: Page;
  /** Start the demo on a scenario (the simulator 20 times faster) and open its window at the URL it printed. */
  open(
    scenario: string,
    options?: {
      viewport?: { width: number; height: number };
      timeoutMs?: number;
      /** Runs on the new page before it loads the window (routes that hold or drop the service's answers). */
      beforeLoad?: (page: Page) => Promise<void>;
    },
  ): Promise<DemoProcess>;
  /**
   * Restart the demo as a user restarts the app: the process ended, a new one started on the same state (and data)
   * folder, and the page opened at its new URL.
   */
  restart(): Promise<DemoProcess>;
  /** A full-page screenshot into the spec's artefact folder. */
  shot(name: string): Promise<Buffer>;
}

/**
 * Register a spec's hooks: one Chromium for the file; after each test its page closed, its demo stopped, and no
 * uncaught error in the page. Screenshots go to `artefacts`, for CI.
 */
export function useDemoPages(artefacts: string): DemoPages {
  let browser: Browser;
  let demo: DemoProcess | undefined;
  let scenarioOpened = 'healthy';
  let current: Page | undefined;
  const pageErrors: string[] = [];

  beforeAll(async () => {
    mkdirSync(artefacts, { recursive: true });
    browser = await launchChromium();
  });
  afterAll(() => browser.close());
  afterEach(async () => {
    await current?.close();
    current = undefined;
    await demo?.stop();
    demo = undefined;
    expect(pageErrors.splice(0)).toEqual([]);
  });

  const pages: DemoPages = {
    get page() {
      if (!current) throw new Error('No page is open: call open() first.');
      return current;
    },
    async open(scenario, options = {}) {
      scenarioOpened = scenario;
      demo = await startDemo(scenario, { HEADROOM_SIM_TIME_SCALE: '0.05' });
      current = await browser.newPage({ viewport: options.viewport ?? { width: 1100, height: 900 } });
      current.setDefaultTimeout(options.timeoutMs ?? 30_000);
      current.on('pageerror', (error) => pageErrors.push(error.message));
      await options.beforeLoad?.(current);
      await current.goto(demo.url);
      return demo;
    },
    async restart() {
      if (!demo) throw new Error('No demo runs: call open() first.');
      const { stateDir } = demo;
      await demo.halt();
      demo = await startDemo(scenarioOpened, { HEADROOM_SIM_TIME_SCALE: '0.05' }, { stateDir });
      await pages.page.goto(demo.url);
      return demo;
    },
    shot: (name) => pages.page.screenshot({ path: join(artefacts, `${name}.png`), fullPage: true }),
  };
  return pages;
}

/** The simulated user's .wslconfig as the demo left it, or undefined when there is none. */
export function wslconfigOf(demo: DemoProcess): string | undefined {
  const path = join(demo.stateDir, 'profile', '.wslconfig');
  return existsSync(path) ? readFileSync(path, 'latin1') : undefined;
}
