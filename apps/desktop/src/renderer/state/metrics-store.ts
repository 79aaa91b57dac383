import type {
  ErrorPayload,
  HeadroomBridge,
  MetricsMarker,
  MetricsSample,
  MetricsStatus,
  MetricsWindowSeconds,
} from '@headroom/contract';
import type { StoreApi } from 'zustand/vanilla';
import { createRequestStore } from './request';
import { bucketWidthMs, mergePoints, windowEnd } from './series-merge';

/** A point as the charts take it: epoch milliseconds and a value, or null for a gap. */
export type Point = readonly [number, number | null];

/** What the dashboard draws: the window's series and markers, the sources' state, and the controls' state. */
export interface MetricsState {
  readonly windowSeconds: MetricsWindowSeconds;
  readonly paused: boolean;
  readonly series: Readonly<Record<string, readonly Point[]>>;
  /** The newest value of each series as sampled (the drawn series of a long window keep only each bucket's extremes). */
  readonly latest: Readonly<Record<string, number | null>>;
  /** The newest samples as they came, at most a minute: the table view. */
  readonly recent: readonly MetricsSample[];
  readonly markers: readonly MetricsMarker[];
  readonly status: MetricsStatus | undefined;
  /** The end of the window (the newest sample's time, frozen while paused). */
  readonly to: number;
  /** Bumped on every change the charts must redraw for. */
  readonly version: number;
  readonly error: ErrorPayload | undefined;
  /** Start watching (and keep the lease alive) until the returned function is called. */
  readonly watch: () => () => void;
  readonly setWindow: (windowSeconds: MetricsWindowSeconds) => void;
  readonly setPaused: (paused: boolean) => void;
  /** Fetch the window again from the service (after a window change, a resume, or to re-reduce a long window). */
  readonly refresh: () => Promise<void>;
}

/** How many raw samples the table view keeps. */
const RECENT_SAMPLES = 60;

/** The newest value of every series in a snapshot. */
function latestOf(series: Readonly<Record<string, readonly Point[]>>): Record<string, number | null> {
  const latest: Record<string, number | null> = {};
  for (const [id, points] of Object.entries(series)) {
    const last = points[points.length - 1];
    if (last) latest[id] = last[1];
  }
  return latest;
}

/**
 * Run `callback` at the next animation frame, or after 250 ms when frames do not come (a window hidden in the tray
 * draws none), so pushed samples never pile up waiting for a frame.
 */
function nextFrameOrSoon(callback: () => void): void {
  let done = false;
  const once = (): void => {
    if (done) return;
    done = true;
    callback();
  };
  requestAnimationFrame(once);
  setTimeout(once, 250);
}

/** Whether the page is shown, and when that changes; tests hand in their own. */
export interface PageVisibility {
  hidden(): boolean;
  /** Listen to changes; returns the function that stops listening. */
  onChange(listener: () => void): () => void;
}

/**
 * The document's visibility: Electron makes a page hidden when its window hides to the tray or minimises, and the
 * browser when its tab is in the background.
 */
export function documentVisibility(): PageVisibility {
  return {
    hidden: () => document.visibilityState === 'hidden',
    onChange(listener) {
      document.addEventListener('visibilitychange', listener);
      return () => document.removeEventListener('visibilitychange', listener);
    },
  };
}

/** Whether two drawn series hold the same points. */
function samePoints(a: readonly Point[], b: readonly Point[]): boolean {
  if (a.length !== b.length) return false;
  for (let index = 0; index < a.length; index += 1) {
    const [x, y] = [a[index], b[index]];
    if (x?.[0] !== y?.[0] || x?.[1] !== y?.[1]) return false;
  }
  return true;
}

/**
 * A fetched window's series, each one that holds the same points as the drawn one kept as the drawn array, so a
 * chart whose picture did not change does not redraw.
 */
function keepUnchanged(
  drawn: Readonly<Record<string, readonly Point[]>>,
  fetched: Readonly<Record<string, readonly Point[]>>,
): Record<string, readonly Point[]> {
  const series: Record<string, readonly Point[]> = {};
  for (const [id, points] of Object.entries(fetched)) {
    const before = drawn[id];
    series[id] = before && samePoints(before, points) ? before : points;
  }
  return series;
}

/** The service stops sampling a minute after the last watch; the dashboard renews well inside that. */
const RENEW_MS = 20_000;
/** A window longer than 5 min is fetched again this often, so it stays at ~1,000 points per series. */
const REFETCH_MS: Readonly<Record<MetricsWindowSeconds, number>> = { 300: 0, 3_600: 60_000, 86_400: 300_000 };

/** Called after each batch of samples reaches the store, with when it started and the store version: the bench's hook. */
export type RenderTimingHook = (startedAt: number, version: number) => void;

declare global {
  interface Window {
    /** Set by the benchmark: every store update's start, so it can time update + render. */
    __headroomMetricsUpdate?: RenderTimingHook;
    /** Set by the benchmark: called once the dashboard has rendered a store version. */
    __headroomMetricsRendered?: (version: number) => void;
  }
}

/**
 * The metrics store over a bridge: watches while the dashboard is shown and its page visible (a hidden page tells
 * the service at once, so sampling stops, and watches again when shown), takes each second's `metrics.sample` push
 * and coalesces them per animation frame (a busy window draws once per frame, not once per message), trims the
 * series to the window, and freezes while paused.
 */
export function createMetricsStore(
  bridge: HeadroomBridge,
  frame: (callback: () => void) => void = nextFrameOrSoon,
  visibility: PageVisibility = documentVisibility(),
): StoreApi<MetricsState> {
  let queued: MetricsSample[] = [];
  let frameRequested = false;
  let watchers = 0;
  let renewTimer: ReturnType<typeof setInterval> | undefined;
  let stopListening: (() => void) | undefined;
  /** This page's id with the service, so its hiding ends only its own lease. */
  const watcher = `page-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 10)}`;
  let lastFetch = 0;
  /** The time of the newest pushed sample taken into the store. */
  let lastPushAt = 0;
  /** Each fetch's number: an answer to an older fetch (or for another window) is dropped. */
  let fetchSeq = 0;

  const unwatch = (): void =>
    void bridge
      .invoke('metrics.unwatch', { watcher })
      // The lease ends by itself a minute later; nothing for the user to do, but it is said in the console.
      .catch((error: unknown) => console.warn('Headroom: could not stop live metrics at once', error));

  const store = createRequestStore<MetricsState>((set, get, request) => {
    /**
     * Ask the service for the window, which also renews the lease. A renewal (`renewing`) takes the snapshot's
     * series only when pushes were missed or the window is due to be reduced again (`REFETCH_MS`): otherwise the
     * pushes already drew the same picture, and taking it would redraw every chart for nothing.
     */
    const fetchWindow = (renewing = false): Promise<void> => {
      const seq = ++fetchSeq;
      const windowSeconds = get().windowSeconds;
      const refetch = REFETCH_MS[windowSeconds];
      const due = !renewing || (refetch > 0 && Date.now() - lastFetch > refetch);
      if (due) lastFetch = Date.now();
      return request(
        async () => {
          const snapshot = await bridge.invoke('metrics.watch', { windowSeconds, watcher });
          // The page hid while this fetch ran: its unwatch may have reached the service first.
          if (visibility.hidden()) unwatch();
          const state = get();
          // Pushes were missed while nobody watched (another page): the snapshot is then the newer word.
          const missed = snapshot.to > lastPushAt + 1_500;
          if (!due && !missed) return { status: snapshot.status };
          return {
            series: keepUnchanged(state.series, snapshot.series),
            latest: missed
              ? { ...state.latest, ...latestOf(snapshot.series) }
              : { ...latestOf(snapshot.series), ...state.latest },
            markers: snapshot.markers,
            status: snapshot.status,
            to: windowEnd(snapshot.to, bucketWidthMs(windowSeconds)),
            version: state.version + 1,
          };
        },
        // An answer while paused, to an older fetch or for another window is dropped.
        { current: () => !get().paused && seq === fetchSeq && get().windowSeconds === windowSeconds },
      );
    };

    /** Watch: fetch the window now and renew the lease while shown. */
    const resume = (): void => {
      if (renewTimer !== undefined) return;
      void fetchWindow();
      renewTimer = setInterval(() => void fetchWindow(true), RENEW_MS);
    };
    /** Hidden: stop renewing and tell the service now, so nothing samples for a window nobody sees. */
    const pause = (): void => {
      if (renewTimer === undefined) return;
      clearInterval(renewTimer);
      renewTimer = undefined;
      unwatch();
    };

    return {
      refresh: () => fetchWindow(),
      windowSeconds: 300,
      paused: false,
      series: {},
      latest: {},
      recent: [],
      markers: [],
      status: undefined,
      to: 0,
      version: 0,
      error: undefined,
      watch: () => {
        watchers += 1;
        if (watchers === 1) {
          stopListening = visibility.onChange(() => {
            if (visibility.hidden()) pause();
            else resume();
          });
          if (!visibility.hidden()) resume();
        }
        return () => {
          watchers -= 1;
          if (watchers > 0) return;
          stopListening?.();
          stopListening = undefined;
          // Another page: the lease runs out in a minute, so coming back soon finds the sources still on.
          clearInterval(renewTimer);
          renewTimer = undefined;
        };
      },
      setWindow: (windowSeconds) => {
        set({ windowSeconds });
        void fetchWindow();
      },
      setPaused: (paused) => {
        set({ paused });
        if (!paused) void fetchWindow();
      },
    };
  });

  const flush = (): void => {
    frameRequested = false;
    const batch = queued;
    queued = [];
    const last = batch.at(-1);
    if (!last) return;
    const startedAt = performance.now();
    const state = store.getState();
    const bucketMs = bucketWidthMs(state.windowSeconds);
    const to = windowEnd(last.time, bucketMs);
    const from = to - state.windowSeconds * 1000;
    const series: Record<string, readonly Point[]> = {};
    const ids = new Set([
      ...Object.keys(state.series),
      ...batch.flatMap((sample) => Object.keys(sample.values)),
    ]);
    for (const id of ids) {
      const added = batch.flatMap((sample): Point[] => {
        const value = sample.values[id];
        return value === undefined ? [] : [[sample.time, value]];
      });
      series[id] = mergePoints(state.series[id] ?? [], added, from, bucketMs);
    }
    const newMarkers = batch.flatMap((sample) => sample.markers);
    const markers =
      newMarkers.length === 0 && (state.markers[0]?.time ?? from) >= from
        ? state.markers
        : [...state.markers, ...newMarkers].filter((marker) => marker.time >= from);
    lastPushAt = last.time;
    const latest = { ...state.latest };
    for (const sample of batch) Object.assign(latest, sample.values);
    const recent = [...state.recent, ...batch].slice(-RECENT_SAMPLES);
    store.setState({ series, latest, recent, markers, status: last.status, to, version: state.version + 1 });
    window.__headroomMetricsUpdate?.(startedAt, state.version + 1);
    const refetch = REFETCH_MS[state.windowSeconds];
    if (refetch > 0 && Date.now() - lastFetch > refetch) void store.getState().refresh();
  };

  bridge.on('metrics.sample', (sample) => {
    if (store.getState().paused || watchers === 0) return;
    queued.push(sample);
    if (!frameRequested) {
      frameRequested = true;
      frame(flush);
    }
  });
  return store;
}
