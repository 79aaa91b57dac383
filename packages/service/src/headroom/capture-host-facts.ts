import { readCaptureFacts, storagePaths, type Capture } from '@headroom/core';
import { withHostFacts, type HostFacts, type Log } from '@headroom/host';

/**
 * `capture` with the host facts in its host: edition, free memory, display adapters (to name when there is no NVIDIA
 * GPU), battery, and the free space of the drives holding the distros' disks and the model folders the capture names.
 * When the facts fail, the capture as it was, with a log line.
 */
export async function captureWithHostFacts(capture: Capture, facts: HostFacts, log: Log): Promise<Capture> {
  try {
    return {
      ...capture,
      host: await withHostFacts(capture.host, facts, storagePaths(readCaptureFacts(capture))),
    };
  } catch (error) {
    log.warn('reading the host facts', error);
    return capture;
  }
}
