import { basename } from 'node:path';
import type { SetupGoal, SetupState } from '@headroom/contract';
import { setupStateSchema } from '@headroom/contract';
import {
  findPreset,
  isKvCacheType,
  shapeFromGguf,
  shapeFromPreset,
  shapeNeed,
  type CaptureFacts,
  type ModelShape,
  type TargetNeed,
} from '@headroom/core';
import { nullLog, openJsonDocument, readGgufFile, type GgufRead, type Log } from '@headroom/host';

/** The setup's saved goal, judged wherever WSL's memory is judged (the health light, the Overview, the doctor). */
export interface GoalTarget {
  /** What the saved goal needs on the machine of `facts`; undefined without a saved goal or a shape to size it by. */
  need(facts: CaptureFacts): Promise<TargetNeed | undefined>;
  /** Keep the shape of a goal's model once it was sized, so the goal can be judged later without looking again. */
  remember(model: SetupGoal['model'], shape: ModelShape): Promise<void>;
}

/** Where the saved goal and the shapes of sized models are kept. */
export interface GoalTargetDeps {
  /** The wizard's place (setup.json), which holds the saved goal. */
  readonly stateFile: string;
  /** The shapes of the models goals named, by goal model. */
  readonly shapesFile: string;
  /** Default: read the header of a GGUF file on this PC. */
  readonly readGguf?: (path: string) => Promise<GgufRead>;
  readonly log?: Log;
}

/** How many sized models are kept (the goal's and the few tried before it). */
const KEPT_SHAPES = 16;

interface ShapesDocument {
  readonly shapes: Readonly<Record<string, ModelShape>>;
}

function isShape(value: unknown): value is ModelShape {
  const shape = value as Partial<Record<keyof ModelShape, unknown>> | null;
  return (
    typeof shape === 'object' &&
    shape !== null &&
    typeof shape.name === 'string' &&
    typeof shape.layers === 'number' &&
    typeof shape.kvHeads === 'number' &&
    typeof shape.keyDim === 'number' &&
    typeof shape.weightsBytes === 'number' &&
    Array.isArray(shape.notes)
  );
}

function acceptShapes(value: unknown): ShapesDocument | undefined {
  const shapes = (value as { shapes?: unknown } | null)?.shapes;
  if (typeof shapes !== 'object' || shapes === null) return undefined;
  return { shapes: Object.fromEntries(Object.entries(shapes).filter(([, shape]) => isShape(shape))) };
}

function acceptState(value: unknown): SetupState | undefined {
  const result = setupStateSchema.safeParse(value);
  return result.success ? result.data : undefined;
}

/** The key a goal's model is kept under. */
function keyOf(model: SetupGoal['model']): string {
  return JSON.stringify(model);
}

/**
 * The saved goal as the doctor's target: the shape of its model (kept when the wizard sized it; a preset's or a GGUF
 * file's is read again when it was not), sized against the machine of each capture.
 */
export function createGoalTarget(deps: GoalTargetDeps): GoalTarget {
  const log = deps.log ?? nullLog;
  const readHeader = deps.readGguf ?? readGgufFile;
  const state = openJsonDocument(deps.stateFile, acceptState);
  const shapes = openJsonDocument(deps.shapesFile, acceptShapes);

  async function shapeOf(model: SetupGoal['model']): Promise<ModelShape | undefined> {
    const kept = (await shapes.read())?.shapes[keyOf(model)];
    if (kept) return kept;
    if (model.kind === 'preset') {
      const preset = findPreset(model.id);
      const shape = preset ? shapeFromPreset(preset, model.quant.toUpperCase()) : undefined;
      return shape?.ok ? shape.shape : undefined;
    }
    if (model.kind === 'gguf') {
      try {
        const read = await readHeader(model.path);
        const shape = read.info ? shapeFromGguf(read.info, read.size, basename(model.path)) : undefined;
        return shape?.ok ? shape.shape : undefined;
      } catch (error) {
        log.warn(`reading the saved goal's GGUF ${model.path} (the goal is not judged)`, error);
        return undefined;
      }
    }
    // A model found on this PC that was never sized here: nothing to judge by until the wizard sizes it.
    return undefined;
  }

  return {
    async need(facts) {
      const goal = (await state.read())?.goal;
      if (!goal || !isKvCacheType(goal.kvType)) return undefined;
      const shape = await shapeOf(goal.model);
      return shape ? shapeNeed(shape, goal.ctx, goal.kvType, facts) : undefined;
    },
    async remember(model, shape) {
      const kept = (await shapes.read())?.shapes ?? {};
      const key = keyOf(model);
      const entries = Object.entries(kept).filter(([other]) => other !== key);
      await shapes.write({
        shapes: Object.fromEntries([...entries.slice(-(KEPT_SHAPES - 1)), [key, shape]]),
      });
    },
  };
}
