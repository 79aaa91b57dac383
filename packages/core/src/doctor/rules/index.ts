import type { Rule } from '../rule';
import { memoryCeiling, wslconfigNotApplied } from './memory';
import { modelsOn9p } from './runtime';
import { wsl1Distro, wslNotInstalled } from './wsl';
import { autoreclaimGradual, wslconfigIgnoredLines, wslconfigMisplaced } from './wslconfig';

/** The rules about WSL itself, .wslconfig, memory and where models live. */
export const SETUP_RULES: readonly Rule[] = [
  wslNotInstalled,
  wsl1Distro,
  wslconfigIgnoredLines,
  wslconfigMisplaced,
  wslconfigNotApplied,
  memoryCeiling,
  autoreclaimGradual,
  modelsOn9p,
];
