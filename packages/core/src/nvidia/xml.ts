import { parsed, parseSafely, unreadable, type Parsed } from '../probe/parse-result';
import { classifyNvidiaSmiFailure } from './errors';
import type { GpuDetails, GpuProcess, NvidiaSmiReport } from './gpu-details';
import { lenientNumber, numberValue, textValue, UNITS, wholeNumber, withoutNote } from './values';
import { childElement, childElements, parseXmlTree, textAt, type XmlElement } from '../text/xml-tree';

function textOf(element: XmlElement | undefined, ...path: readonly string[]): string | null {
  const value = textAt(element, ...path);
  return value === undefined ? null : textValue(withoutNote(value));
}

function reading(
  element: XmlElement | undefined,
  units: Readonly<Record<string, number>>,
  ...path: readonly string[]
): number | null {
  return lenientNumber(numberValue(textAt(element, ...path), units, true));
}

/** The first of several readings that is reported (not missing and not N/A). */
function firstReading(...values: readonly (number | null)[]): number | null {
  return values.find((value) => value !== null) ?? null;
}

function readProcesses(gpu: XmlElement): GpuProcess[] | null {
  const section = childElement(gpu, 'processes');
  if (!section) return null;
  const processes: GpuProcess[] = [];
  for (const info of childElements(section)) {
    if (info.name !== 'process_info') continue;
    const pid = wholeNumber(textAt(info, 'pid'));
    if (pid === null) continue;
    processes.push({
      pid,
      type: textOf(info, 'type'),
      name: textOf(info, 'process_name'),
      usedMemoryMiB: reading(info, UNITS.mebibytes, 'used_memory'),
    });
  }
  return processes;
}

function readGpu(gpu: XmlElement): GpuDetails {
  const fb = childElement(gpu, 'fb_memory_usage');
  // DTD v12+ moved the board's power into gpu_power_readings (v13 splits average and instant); v10/v11 use
  // power_readings. module_ and gpu_memory_power_readings hold other readings and are not the board's draw.
  const power = childElement(gpu, 'gpu_power_readings');
  const legacyPower = childElement(gpu, 'power_readings');
  return {
    busId: textValue(gpu.attributes.get('id')),
    name: textOf(gpu, 'product_name'),
    uuid: textOf(gpu, 'uuid'),
    driverModel: textOf(gpu, 'driver_model', 'current_dm'),
    memoryTotalMiB: reading(fb, UNITS.mebibytes, 'total'),
    memoryUsedMiB: reading(fb, UNITS.mebibytes, 'used'),
    memoryReservedMiB: reading(fb, UNITS.mebibytes, 'reserved'),
    memoryFreeMiB: reading(fb, UNITS.mebibytes, 'free'),
    utilizationGpuPercent: reading(gpu, UNITS.percent, 'utilization', 'gpu_util'),
    temperatureC: reading(gpu, UNITS.celsius, 'temperature', 'gpu_temp'),
    powerDrawW: firstReading(
      reading(power, UNITS.watts, 'average_power_draw'),
      reading(power, UNITS.watts, 'instant_power_draw'),
      reading(power, UNITS.watts, 'power_draw'),
      reading(legacyPower, UNITS.watts, 'power_draw'),
    ),
    processes: readProcesses(gpu),
  };
}

/**
 * Parse `nvidia-smi -q -x`: the driver and CUDA versions and, per GPU, name, uuid, driver model, framebuffer
 * memory (not BAR1, and not a MIG device's share), utilisation, temperature, power draw and processes. Reads DTD
 * v10 to v13. The XML is read by a small element reader (no DOM); a document cut off before
 * `</nvidia_smi_log>`, another root, or garbage is unreadable, naming the probe.
 */
export function parseNvidiaSmiXml(text: string, probe: string): Parsed<NvidiaSmiReport> {
  return parseSafely(probe, text, () => {
    const failure = classifyNvidiaSmiFailure(text, null);
    if (failure) return unreadable(probe, `nvidia-smi reported an error: ${failure.message}`, text);
    const root = parseXmlTree(text);
    if (typeof root === 'string') return unreadable(probe, `the XML cannot be read: ${root}`, text);
    if (root.name !== 'nvidia_smi_log')
      return unreadable(probe, `the root element is <${root.name}>, not <nvidia_smi_log>`, text);
    const gpus = childElements(root)
      .filter((child) => child.name === 'gpu')
      .map(readGpu);
    if (gpus.length === 0) return unreadable(probe, 'the report lists no GPU', text);
    return parsed({
      // 610 renamed the labels in the banner and in -q; its XML was not captured, so both names are read.
      driverVersion: textOf(root, 'kmd_version') ?? textOf(root, 'driver_version'),
      cudaVersion: textOf(root, 'cuda_umd_version') ?? textOf(root, 'cuda_version'),
      attachedGpus: wholeNumber(textAt(root, 'attached_gpus')),
      gpus,
    });
  });
}
