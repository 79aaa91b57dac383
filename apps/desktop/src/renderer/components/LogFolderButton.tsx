import type { HeadroomBridge } from '@headroom/contract';
import { useState } from 'react';

/**
 * "Open log folder" at the foot of the rail: Headroom's log of background failures, for a support request. In the
 * app it opens the folder in Explorer; in the browser demo it shows the path, as a browser cannot open folders.
 */
export function LogFolderButton({ bridge }: { readonly bridge: Pick<HeadroomBridge, 'invoke'> }) {
  const [note, setNote] = useState<string>();
  const open = async (): Promise<void> => {
    try {
      const answer = await bridge.invoke('app.openLogFolder', undefined);
      setNote(answer.opened ? undefined : `${answer.message ?? 'Could not open it.'} ${answer.path}`);
    } catch (error) {
      setNote(error instanceof Error ? error.message : String(error));
    }
  };
  return (
    <div className="rail__about">
      <button type="button" className="rail__log" onClick={() => void open()}>
        Open log folder
      </button>
      {note ? (
        <p className="rail__note" role="status">
          {note}
        </p>
      ) : null}
    </div>
  );
}
