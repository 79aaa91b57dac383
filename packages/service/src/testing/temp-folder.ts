import { rmSync } from 'node:fs';

/**
 * Remove a test's temporary folder. Work a test started in the background (the health check that follows a shutdown,
 * a refresh of the distro list) may still have a simulated wsl.exe writing its state there for a moment after the test
 * ends, so a removal that meets a folder filling up again tries again instead of failing the test.
 */
export function removeTempFolder(dir: string): void {
  rmSync(dir, { recursive: true, force: true, maxRetries: 10, retryDelay: 100 });
}
