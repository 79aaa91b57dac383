import type { WslSnapshot } from '@headroom/contract';

/** What the tray icon shows: WSL running (some distro is up) or stopped. */
export type TrayState = 'running' | 'stopped';

/** Fill colours as [red, green, blue]: Windows' success green, and a neutral grey. */
export const TRAY_COLORS: Readonly<Record<TrayState, readonly [number, number, number]>> = {
  running: [0x10, 0x7c, 0x10],
  stopped: [0x8a, 0x8a, 0x8a],
};

/** Sub-samples per pixel side for the circle's antialiased edge. */
const SAMPLES = 4;

/**
 * Draw the tray icon: a filled circle on a transparent square, as premultiplied BGRA bytes (`size * size * 4`),
 * the layout `nativeImage.createFromBitmap` takes. Drawn in code so the app ships no binary icon for its states.
 */
export function drawTrayIcon(state: TrayState, size: number): Uint8Array {
  if (!Number.isInteger(size) || size < 1)
    throw new RangeError(`Icon size must be a positive integer, not ${size}.`);
  const [red, green, blue] = TRAY_COLORS[state];
  const pixels = new Uint8Array(size * size * 4);
  const centre = size / 2;
  const radius = size / 2 - Math.max(1, size / 16);
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      let inside = 0;
      for (let sy = 0; sy < SAMPLES; sy++) {
        for (let sx = 0; sx < SAMPLES; sx++) {
          const dx = x + (sx + 0.5) / SAMPLES - centre;
          const dy = y + (sy + 0.5) / SAMPLES - centre;
          if (dx * dx + dy * dy <= radius * radius) inside++;
        }
      }
      const coverage = inside / (SAMPLES * SAMPLES);
      const offset = (y * size + x) * 4;
      pixels[offset] = Math.round(blue * coverage);
      pixels[offset + 1] = Math.round(green * coverage);
      pixels[offset + 2] = Math.round(red * coverage);
      pixels[offset + 3] = Math.round(255 * coverage);
    }
  }
  return pixels;
}

/** Whether the icon shows running: any distro in the snapshot is Running. */
export function trayStateFor(snapshot: WslSnapshot | undefined): TrayState {
  return snapshot?.distros.some((distro) => distro.state === 'Running') ? 'running' : 'stopped';
}

/** Windows cuts a notification-area tooltip at 127 characters; longer ones are shortened with an ellipsis. */
export const TRAY_TOOLTIP_MAX = 127;

/**
 * The tray tooltip: which distros are running, that WSL is stopped, or why WSL could not be read. Whitespace in an
 * error message is collapsed, since a tooltip is one line.
 */
export function trayTooltip(snapshot: WslSnapshot | undefined, error?: { readonly message: string }): string {
  let text: string;
  if (error) {
    text = `Headroom — WSL unavailable: ${error.message.replace(/\s+/g, ' ').trim()}`;
  } else if (!snapshot) {
    text = 'Headroom — checking WSL…';
  } else {
    const running = snapshot.distros
      .filter((distro) => distro.state === 'Running')
      .map((distro) => distro.name);
    if (running.length > 0) text = `Headroom — WSL running: ${running.join(', ')}`;
    else if (snapshot.distros.length === 0) text = 'Headroom — no WSL distros installed';
    else text = 'Headroom — WSL stopped';
  }
  return text.length <= TRAY_TOOLTIP_MAX ? text : `${text.slice(0, TRAY_TOOLTIP_MAX - 1)}…`;
}
