import { SeriesRing, type SeriesPoint } from './series-ring';

/** What a marker on the time axis stands for. */
export type MarkerKind =
  | 'wsl-boot'
  | 'wsl-shutdown'
  | 'windows-update'
  | 'driver-change'
  | 'display-reset'
  | 'inference-crash'
  | 'passthrough-failure';

/** A labelled tick on the time axis. */
export interface Marker {
  readonly time: number;
  readonly kind: MarkerKind;
  readonly label: string;
}

/** The store's sizes: a day at 1 Hz by default, and how many series and markers it keeps at most. */
export interface MetricsStoreOptions {
  readonly capacity?: number;
  readonly maxSeries?: number;
  readonly maxMarkers?: number;
}

/** The series and markers of one time window, reduced for drawing. */
export interface MetricsWindow {
  readonly from: number;
  readonly to: number;
  readonly series: Readonly<Record<string, SeriesPoint[]>>;
  readonly markers: readonly Marker[];
}

/** 24 h of 1 Hz samples. */
export const DAY_OF_SECONDS = 86_400;

/**
 * Every live series in bounded memory: one {@link SeriesRing} per series id (created on its first sample, at most
 * `maxSeries`), and the markers of the same span. Pure: the caller stamps samples with its clock.
 */
export class MetricsStore {
  private readonly rings = new Map<string, SeriesRing>();
  private markerList: Marker[] = [];
  private readonly capacity: number;
  private readonly maxSeries: number;
  private readonly maxMarkers: number;

  constructor(options: MetricsStoreOptions = {}) {
    this.capacity = options.capacity ?? DAY_OF_SECONDS;
    this.maxSeries = options.maxSeries ?? 64;
    this.maxMarkers = options.maxMarkers ?? 2_000;
  }

  /** Add one moment's values; null records a gap (a series that stopped, such as WSL's after a shutdown). */
  append(time: number, values: Readonly<Record<string, number | null>>): void {
    for (const [id, value] of Object.entries(values)) {
      let ring = this.rings.get(id);
      if (!ring) {
        if (this.rings.size >= this.maxSeries) continue;
        ring = new SeriesRing(this.capacity);
        this.rings.set(id, ring);
      }
      ring.push(time, value);
    }
  }

  /** Put a marker on the time axis; the oldest go first past the cap, and a clock jumping back drops later ones. */
  mark(marker: Marker): void {
    this.markerList = this.markerList.filter((existing) => existing.time <= marker.time);
    this.markerList.push(marker);
    if (this.markerList.length > this.maxMarkers)
      this.markerList.splice(0, this.markerList.length - this.maxMarkers);
  }

  /** The ids of every series seen. */
  seriesIds(): string[] {
    return [...this.rings.keys()];
  }

  /** The newest value of a series. */
  latest(id: string): SeriesPoint | undefined {
    return this.rings.get(id)?.latest();
  }

  /** The series and markers from `from` to `to`, each series reduced to at most `maxPoints` points. */
  window(from: number, to: number, maxPoints = 1_000): MetricsWindow {
    const series: Record<string, SeriesPoint[]> = {};
    for (const [id, ring] of this.rings) series[id] = ring.downsample(from, to, maxPoints);
    return {
      from,
      to,
      series,
      markers: this.markerList.filter((marker) => marker.time >= from && marker.time <= to),
    };
  }
}
