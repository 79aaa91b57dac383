/**
 * Runs under Windows' Node (bundled to app-start.cjs): load an Electron main bundle with `electron` replaced by an
 * inert stand-in and report, as one JSON line on stdout, whether its start-up reached `app.whenReady()` without a
 * throw. `whenReady()` never resolves here, so nothing after it (windows, the tray, wsl.exe) runs.
 *
 * Usage: node.exe app-start.cjs <main bundle>
 */
import Module, { createRequire } from 'node:module';

/** What the start-up check saw; the lane's driver asserts on it. */
export interface AppStartReport {
  readonly bundle: string;
  readonly reachedWhenReady: boolean;
  readonly error?: { readonly code?: string; readonly message: string };
  /** The electron calls start-up made, in order (`app.requestSingleInstanceLock`, ...). */
  readonly electronCalls: readonly string[];
}

type ModuleLoad = (request: string, parent: unknown, isMain: boolean) => unknown;

const calls: string[] = [];
let reachedWhenReady = false;
let firstError: unknown;

/** Electron's answers start-up depends on; every other property is an inert function that records its call. */
const answers: Readonly<Record<string, (...args: unknown[]) => unknown>> = {
  'app.requestSingleInstanceLock': () => true,
  'app.whenReady': () => {
    reachedWhenReady = true;
    return new Promise<never>(() => undefined);
  },
};

function inert(path: string): unknown {
  const target = function stub(): void {
    // a stand-in for any electron function or class
  };
  return new Proxy(target, {
    get(_target, property) {
      // Not a thenable (so `await` sees a value) and no primitive conversion.
      if (typeof property === 'symbol' || property === 'then') return undefined;
      const child = path === '' ? property : `${path}.${property}`;
      const answer = answers[child];
      if (answer) {
        return (...args: unknown[]) => {
          calls.push(child);
          return answer(...args);
        };
      }
      return inert(child);
    },
    apply() {
      calls.push(path);
      return inert(`${path}()`);
    },
    construct() {
      calls.push(`new ${path}`);
      return inert(`new ${path}`) as object;
    },
  });
}

function describe(error: unknown): NonNullable<AppStartReport['error']> {
  if (error instanceof Error) {
    const code = (error as NodeJS.ErrnoException).code;
    return code === undefined ? { message: error.message } : { code, message: error.message };
  }
  return { message: String(error) };
}

function report(bundle: string): void {
  const result: AppStartReport = {
    bundle,
    reachedWhenReady,
    ...(firstError === undefined ? {} : { error: describe(firstError) }),
    electronCalls: calls,
  };
  process.stdout.write(`${JSON.stringify(result)}\n`);
  process.exit(reachedWhenReady && firstError === undefined ? 0 : 1);
}

function main(): void {
  const bundle = process.argv[2];
  if (bundle === undefined) {
    process.stderr.write('usage: app-start.cjs <main bundle>\n');
    process.exit(2);
  }
  const electron = inert('');
  const internals = Module as unknown as { _load: ModuleLoad };
  const load = internals._load;
  internals._load = function (this: unknown, request, parent, isMain) {
    return request === 'electron' ? electron : load.call(this, request, parent, isMain);
  };
  const keep = (error: unknown): void => {
    firstError ??= error;
  };
  process.on('uncaughtException', keep);
  process.on('unhandledRejection', keep);
  try {
    createRequire(__filename)(bundle);
  } catch (error) {
    keep(error);
  }
  // Let start-up's promise callbacks and timers of the first moment run before reporting.
  setTimeout(() => {
    report(bundle);
  }, 300);
}

main();
