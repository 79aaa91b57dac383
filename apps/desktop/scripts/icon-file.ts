import { mkdir, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { drawTrayIcon, type TrayState } from '../src/main/tray-icon';

/** The sizes of the app's .ico: the shell's 16–48 px, and 256 px for large icons and the installer. */
export const APP_ICON_SIZES = [16, 20, 24, 32, 48, 256] as const;

/** One image of an .ico: its side in pixels and its premultiplied BGRA pixels, top row first. */
export interface IcoImage {
  readonly size: number;
  readonly bgra: Uint8Array;
}

/**
 * A Windows .ico of 32-bit images (BITMAPINFOHEADER, bottom-up rows, straight alpha, and the 1-bit AND mask Windows
 * still expects after them). Pure: bytes in, bytes out.
 */
export function writeIco(images: readonly IcoImage[]): Uint8Array {
  const bodies = images.map(({ size, bgra }) => {
    const maskRow = Math.ceil(size / 32) * 4;
    const body = new Uint8Array(40 + size * size * 4 + maskRow * size);
    const view = new DataView(body.buffer);
    view.setUint32(0, 40, true);
    view.setInt32(4, size, true);
    view.setInt32(8, size * 2, true);
    view.setUint16(12, 1, true);
    view.setUint16(14, 32, true);
    view.setUint32(20, size * size * 4 + maskRow * size, true);
    for (let y = 0; y < size; y++) {
      for (let x = 0; x < size; x++) {
        const from = (y * size + x) * 4;
        const to = 40 + ((size - 1 - y) * size + x) * 4;
        const alpha = bgra[from + 3] ?? 0;
        const straight = (value: number): number =>
          alpha === 0 ? 0 : Math.min(255, Math.round((value * 255) / alpha));
        body[to] = straight(bgra[from] ?? 0);
        body[to + 1] = straight(bgra[from + 1] ?? 0);
        body[to + 2] = straight(bgra[from + 2] ?? 0);
        body[to + 3] = alpha;
      }
    }
    return body;
  });
  const header = 6 + 16 * images.length;
  const total = header + bodies.reduce((sum, body) => sum + body.length, 0);
  const ico = new Uint8Array(total);
  const view = new DataView(ico.buffer);
  view.setUint16(2, 1, true);
  view.setUint16(4, images.length, true);
  let offset = header;
  images.forEach(({ size }, index) => {
    const body = bodies[index] ?? new Uint8Array();
    const entry = 6 + 16 * index;
    ico[entry] = size >= 256 ? 0 : size;
    ico[entry + 1] = size >= 256 ? 0 : size;
    view.setUint16(entry + 4, 1, true);
    view.setUint16(entry + 6, 32, true);
    view.setUint32(entry + 8, body.length, true);
    view.setUint32(entry + 12, offset, true);
    ico.set(body, offset);
    offset += body.length;
  });
  return ico;
}

/** The app icon, drawn from the same source as the tray's light (the green disc), at every size Windows asks for. */
export function appIcon(state: TrayState = 'green'): Uint8Array {
  return writeIco(APP_ICON_SIZES.map((size) => ({ size, bgra: drawTrayIcon(state, size) })));
}

/** Where the installer's icon is written (electron-builder.yml's `win.icon`). */
export const APP_ICON_PATH = fileURLToPath(new URL('../build-resources/icon.ico', import.meta.url));

/** Write the app icon for the installer. */
export async function writeAppIcon(): Promise<void> {
  await mkdir(dirname(APP_ICON_PATH), { recursive: true });
  await writeFile(APP_ICON_PATH, appIcon());
}
