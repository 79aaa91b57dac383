import type { Capture } from '@headroom/core';
import { CaptureFormatError, readCapture } from '@headroom/host';
import { EXIT, type CliIo } from '../cli-io';

/**
 * Read the capture folder a command was given, or say why it cannot be read and answer the exit code for that
 * (EXIT.capture, distinct from the doctor's categories). Any other failure still throws.
 */
export async function readCaptureOrExit(dir: string, io: CliIo): Promise<Capture | number> {
  try {
    return await readCapture(dir);
  } catch (error) {
    if (!(error instanceof CaptureFormatError)) throw error;
    io.stderr.write(`headroom: could not read the capture: ${error.message}\n`);
    return EXIT.capture;
  }
}
