import type { WslSnapshot } from '@headroom/contract';
import { describe, expect, it } from 'vitest';
import { drawTrayIcon, TRAY_ICON_SIZES, TRAY_TOOLTIP_MAX, trayStateFor, trayTooltip } from './tray-icon';

const OBSERVED_AT = '2026-01-01T00:00:00.000Z';

function snapshot(...distros: [name: string, state: 'Running' | 'Stopped'][]): WslSnapshot {
  return {
    observedAt: OBSERVED_AT,
    distros: distros.map(([name, state], index) => ({ name, state, isDefault: index === 0, version: 2 })),
  };
}

/** [blue, green, red, alpha] at (x, y). */
function pixel(bitmap: Uint8Array, size: number, x: number, y: number): number[] {
  const offset = (y * size + x) * 4;
  return [...bitmap.slice(offset, offset + 4)];
}

describe('drawTrayIcon', () => {
  it.each(
    TRAY_ICON_SIZES.flatMap((size) =>
      (['green', 'amber', 'red', 'grey'] as const).map((state) => [state, size] as const),
    ),
  )('draws the %s light as a %i px BGRA square with something in it', (state, size) => {
    const bitmap = drawTrayIcon(state, size);
    expect(bitmap).toHaveLength(size * size * 4);
    const opaque = Array.from({ length: size * size }, (_, i) => bitmap[i * 4 + 3] ?? 0).filter(
      (a) => a === 255,
    );
    expect(opaque.length).toBeGreaterThan((size * size) / 8);
  });

  it('fills the centre of the disc opaque green, and of the diamond opaque red', () => {
    expect(pixel(drawTrayIcon('green', 32), 32, 16, 16)).toEqual([0x10, 0x7c, 0x10, 255]);
    expect(pixel(drawTrayIcon('red', 32), 32, 16, 16)).toEqual([0x1c, 0x2b, 0xc4, 255]);
  });

  it('gives each light its own shape, so it reads without colour: the grey ring is hollow', () => {
    const alpha = (state: 'green' | 'amber' | 'red' | 'grey') =>
      Array.from({ length: 32 * 32 }, (_, i) => drawTrayIcon(state, 32)[i * 4 + 3]);
    const shapes = (['green', 'amber', 'red', 'grey'] as const).map((state) => alpha(state).join(','));
    expect(new Set(shapes).size).toBe(4);
    expect(pixel(drawTrayIcon('grey', 32), 32, 16, 16)[3]).toBe(0);
    expect(pixel(drawTrayIcon('amber', 32), 32, 6, 6)[3]).toBe(0);
    expect(pixel(drawTrayIcon('green', 32), 32, 6, 6)[3]).toBeGreaterThan(0);
  });

  it.each([
    [0, 0],
    [31, 0],
    [0, 31],
    [31, 31],
  ])('leaves the corner (%i, %i) fully transparent', (x, y) => {
    expect(pixel(drawTrayIcon('green', 32), 32, x, y)).toEqual([0, 0, 0, 0]);
  });

  it('antialiases the edge with premultiplied partial alpha', () => {
    const size = 32;
    const bitmap = drawTrayIcon('green', size);
    const all = Array.from({ length: size * size }, (_, i) =>
      pixel(bitmap, size, i % size, Math.floor(i / size)),
    );
    const partial = all.filter(([, , , alpha]) => alpha !== undefined && alpha > 0 && alpha < 255);
    expect(partial.length).toBeGreaterThan(0);
    for (const [blue = 0, green = 0, red = 0, alpha = 0] of partial) {
      expect(green).toBeLessThanOrEqual(alpha);
      expect(Math.abs(green - Math.round((0x7c * alpha) / 255))).toBeLessThanOrEqual(1);
      expect(blue).toBe(red);
    }
  });

  it('refuses a size that is not a positive integer', () => {
    expect(() => drawTrayIcon('green', 0)).toThrow(RangeError);
    expect(() => drawTrayIcon('green', 15.5)).toThrow(RangeError);
  });
});

describe('trayStateFor', () => {
  it('is green when any distro runs and grey otherwise, until the first health check', () => {
    expect(trayStateFor(snapshot(['docker-desktop', 'Stopped'], ['Ubuntu-24.04', 'Running']))).toBe('green');
    expect(trayStateFor(snapshot(['Ubuntu-24.04', 'Stopped']))).toBe('grey');
    expect(trayStateFor(snapshot())).toBe('grey');
    expect(trayStateFor(undefined)).toBe('grey');
  });
});

describe('trayTooltip', () => {
  it('names the running distros', () => {
    const shot = snapshot(['Ubuntu-24.04', 'Running'], ['Debian', 'Stopped'], ['docker-desktop', 'Running']);
    expect(trayTooltip(shot)).toBe('Headroom — WSL running: Ubuntu-24.04, docker-desktop');
  });

  it('says WSL is stopped when no distro runs', () => {
    expect(trayTooltip(snapshot(['Ubuntu-24.04', 'Stopped']))).toBe('Headroom — WSL stopped');
  });

  it('says when no distro is installed', () => {
    expect(trayTooltip(snapshot())).toBe('Headroom — no WSL distros installed');
  });

  it("leads with the health light's line once there is one", () => {
    const shot = snapshot(['Ubuntu-24.04', 'Running']);
    expect(trayTooltip(shot, undefined, { summary: 'GPU passthrough slow, 1.2 s' })).toBe(
      'Headroom — GPU passthrough slow, 1.2 s · WSL running: Ubuntu-24.04',
    );
    expect(
      trayTooltip(snapshot(['Ubuntu-24.04', 'Stopped']), undefined, { summary: 'WSL stopped (normal)' }),
    ).toBe('Headroom — WSL stopped (normal)');
  });

  it('says it is still checking before the first snapshot', () => {
    expect(trayTooltip(undefined)).toBe('Headroom — checking WSL…');
  });

  it('gives the reason on one line when WSL cannot be read', () => {
    const error = { message: 'wsl.exe was not found:\n  WSL is not installed.' };
    expect(trayTooltip(snapshot(['Ubuntu-24.04', 'Running']), error)).toBe(
      'Headroom — WSL unavailable: wsl.exe was not found: WSL is not installed.',
    );
  });

  it('fits the Windows tooltip limit, ending in an ellipsis', () => {
    const names = Array.from({ length: 20 }, (_, i) => [`Distro-${i}`, 'Running'] as [string, 'Running']);
    const text = trayTooltip(snapshot(...names));
    expect(text).toHaveLength(TRAY_TOOLTIP_MAX);
    expect(text.startsWith('Headroom — WSL running: Distro-0, Distro-1')).toBe(true);
    expect(text.endsWith('…')).toBe(true);
  });
});
