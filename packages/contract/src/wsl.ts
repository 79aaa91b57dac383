import { DISTRO_STATES, type WslDistro } from '@headroom/core';
import { z } from 'zod';

/** A distro as it crosses the contract: the same fields core parses from `wsl --list --verbose`. */
export const wslDistroSchema = z.object({
  name: z.string().min(1),
  isDefault: z.boolean(),
  state: z.enum([...DISTRO_STATES, 'Unknown']),
  version: z.union([z.literal(1), z.literal(2)]),
});

/** What Headroom knows about WSL's distros at one moment. */
export const wslSnapshotSchema = z.object({
  distros: z.array(wslDistroSchema),
  /** ISO 8601 time the list was read. */
  observedAt: z.iso.datetime(),
});

/** A {@link wslSnapshotSchema} value. */
export type WslSnapshot = z.infer<typeof wslSnapshotSchema>;

type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;

/** Compile-time proof that the schema and core's type describe the same distro: the build breaks if they drift. */
export const DISTRO_SCHEMA_MATCHES_CORE: Same<WslDistro, z.infer<typeof wslDistroSchema>> = true;
