import type { DoctorFixPreview, DoctorReportPayload, ErrorPayload, HeadroomBridge } from '@headroom/contract';
import type { StoreApi } from 'zustand/vanilla';
import { createRequestStore } from './request';

/** The Diagnostics page: the doctor's findings, a fix's diff before it is applied, and what the last action did. */
export interface DoctorStoreState {
  readonly report: DoctorReportPayload | undefined;
  readonly checking: boolean;
  /** A fix being written. */
  readonly fixing: boolean;
  /** The diff of the fix the user asked for, waiting for "Apply". */
  readonly preview: DoctorFixPreview | undefined;
  /** What the last check or fix did, for the live region. */
  readonly notice: string | undefined;
  readonly error: ErrorPayload | undefined;
  readonly load: () => Promise<void>;
  /** Run the checks again. */
  readonly check: () => Promise<void>;
  /** Show the diff of a finding's .wslconfig fix. */
  readonly previewFix: (findingId: string) => Promise<void>;
  /** Write the previewed fix. */
  readonly applyFix: () => Promise<void>;
  /** Put the previewed fix away without writing it. */
  readonly cancelFix: () => void;
  readonly mute: (findingId: string, muted: boolean) => Promise<void>;
}

/** How many findings a report has, in words, for the live region. */
export function reportNotice(report: DoctorReportPayload): string {
  const shown = report.findings.filter((finding) => !finding.muted);
  if (shown.length === 0) return 'Checked: nothing needs your attention.';
  return `Checked: ${shown.length} finding${shown.length === 1 ? '' : 's'}.`;
}

/** The doctor store over a bridge; it follows `health.changed` by reading the report again when one is shown. */
export function createDoctorStore(bridge: HeadroomBridge): StoreApi<DoctorStoreState> {
  const store = createRequestStore<DoctorStoreState>((set, get, request) => ({
    report: undefined,
    checking: false,
    fixing: false,
    preview: undefined,
    notice: undefined,
    error: undefined,
    load: () => request(async () => ({ report: await bridge.invoke('doctor.report') }), { busy: 'checking' }),
    check: () =>
      request(
        async () => {
          const report = await bridge.invoke('doctor.check');
          return { report, notice: reportNotice(report) };
        },
        { busy: 'checking', before: { notice: 'Checking…' }, failed: { notice: undefined } },
      ),
    previewFix: (findingId) =>
      request(async () => ({ preview: await bridge.invoke('doctor.previewFix', { findingId }) }), {
        before: { notice: undefined },
      }),
    applyFix: async () => {
      const preview = get().preview;
      if (!preview) return;
      await request(
        async () => {
          const { message, report } = await bridge.invoke('doctor.fix', { findingId: preview.findingId });
          return { report, notice: message, preview: undefined };
        },
        { busy: 'fixing' },
      );
    },
    cancelFix: () => set({ preview: undefined }),
    mute: (findingId, muted) =>
      request(async () => ({ report: await bridge.invoke('doctor.mute', { findingId, muted }) })),
  }));
  bridge.on('health.changed', () => {
    const state = store.getState();
    if (state.report && !state.checking && !state.fixing) void state.load();
  });
  return store;
}
