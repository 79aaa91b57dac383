import { openRollingCsvLog, type RollingCsvLog } from '@headroom/host';
import { METRICS_CSV_COLUMNS } from './metrics-sampler';

/**
 * The metrics CSV log at `path`, writing only while `enabled()` says so: the Settings page turns it on and off while
 * Headroom runs. The file is opened on the first row written (10 MB, one older generation kept).
 */
export function switchableCsvLog(path: string, enabled: () => boolean): RollingCsvLog {
  let file: RollingCsvLog | undefined;
  return {
    append: (row) => {
      if (!enabled()) return Promise.resolve();
      file ??= openRollingCsvLog({ path, header: ['time', ...METRICS_CSV_COLUMNS], maxBytes: 10 * 2 ** 20 });
      return file.append(row);
    },
  };
}
