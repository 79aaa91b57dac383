import type { WslSnapshot } from '@headroom/contract';

/** What the tray icon shows: the health light (green, amber, red, grey). */
export type TrayState = 'green' | 'amber' | 'red' | 'grey';

/** Fill colours as [red, green, blue]: Windows' success green, caution amber, critical red, and a neutral grey. */
export const TRAY_COLORS: Readonly<Record<TrayState, readonly [number, number, number]>> = {
  green: [0x10, 0x7c, 0x10],
  amber: [0xc2, 0x7c, 0x0e],
  red: [0xc4, 0x2b, 0x1c],
  grey: [0x8a, 0x8a, 0x8a],
};

/** The sizes Windows asks a notification-area icon for at 100–300 % scaling. */
export const TRAY_ICON_SIZES = [16, 20, 24, 32, 48] as const;

/** Sub-samples per pixel side for the shape's antialiased edge. */
const SAMPLES = 4;

/**
 * Whether a point (relative to the centre, in units of the icon's radius) is inside the state's shape. Each state has
 * its own shape, so the light reads in monochrome and for colour-blind users: green a disc, amber a triangle, red a
 * diamond, grey a ring.
 */
function insideShape(state: TrayState, x: number, y: number): boolean {
  switch (state) {
    case 'green':
      return x * x + y * y <= 1;
    case 'amber':
      return y <= 0.8 && y >= -0.95 + 1.75 * Math.abs(x);
    case 'red':
      return Math.abs(x) + Math.abs(y) <= 1;
    case 'grey': {
      const r = x * x + y * y;
      return r <= 1 && r >= 0.45 * 0.45;
    }
  }
}

/**
 * Draw the tray icon: the state's shape on a transparent square, as premultiplied BGRA bytes (`size * size * 4`),
 * the layout `nativeImage.createFromBitmap` takes. Drawn in code, so the icons of every state and size come from one
 * source and the app ships no binary art for them.
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
          const dx = (x + (sx + 0.5) / SAMPLES - centre) / radius;
          const dy = (y + (sy + 0.5) / SAMPLES - centre) / radius;
          if (insideShape(state, dx, dy)) inside++;
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

/** The light before the first health check: green while a distro runs, grey otherwise. */
export function trayStateFor(snapshot: WslSnapshot | undefined): TrayState {
  return snapshot?.distros.some((distro) => distro.state === 'Running') ? 'green' : 'grey';
}

/** Windows cuts a notification-area tooltip at 127 characters; longer ones are shortened with an ellipsis. */
export const TRAY_TOOLTIP_MAX = 127;

/**
 * The tray tooltip: the health light's line when there is one, then which distros are running, that WSL is stopped,
 * or why WSL could not be read. Whitespace in an error message is collapsed, since a tooltip is one line.
 */
export function trayTooltip(
  snapshot: WslSnapshot | undefined,
  error?: { readonly message: string },
  health?: { readonly summary: string },
): string {
  let text: string;
  const running =
    snapshot?.distros.filter((distro) => distro.state === 'Running').map((distro) => distro.name) ?? [];
  if (health && !error) {
    text = `Headroom — ${health.summary}${running.length > 0 ? ` · WSL running: ${running.join(', ')}` : ''}`;
  } else if (error) {
    text = `Headroom — WSL unavailable: ${error.message.replace(/\s+/g, ' ').trim()}`;
  } else if (!snapshot) {
    text = 'Headroom — checking WSL…';
  } else {
    if (running.length > 0) text = `Headroom — WSL running: ${running.join(', ')}`;
    else if (snapshot.distros.length === 0) text = 'Headroom — no WSL distros installed';
    else text = 'Headroom — WSL stopped';
  }
  return text.length <= TRAY_TOOLTIP_MAX ? text : `${text.slice(0, TRAY_TOOLTIP_MAX - 1)}…`;
}
