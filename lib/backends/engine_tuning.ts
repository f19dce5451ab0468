/**
 * A cheaper way for tfjs's engine to keep what a kernel's gradient needs, on one backend.
 *
 * While a gradient is being recorded, the engine keeps every input and output a kernel's gradient
 * names (`inputsToSave`, `outputsToSave`) as a clone: an `Identity` kernel run through the whole
 * dispatch, plus a tape node for that clone. On the cpu layout the clone only shares the data (one
 * more reference); the dispatch and the tape node cost ~4 µs per saved tensor, 14 of them in the
 * lecture's 2-layer-net train step (about 5% of it).
 *
 * {@link keepSavedTensorsCheaply} makes the same clone directly — a new tensor on the same data,
 * one more reference, kept — without the dispatch and without the tape node. The tape node only
 * matters for higher-order gradients (a gradient recorded while the saved tensors are used), so
 * the direct way is taken only at gradient depth 1, for data the named backend holds; everything
 * else goes the engine's own way. Gradients are the same, bit for bit (engine_tuning_test.ts).
 * @module
 */
import * as tf from "@tensorflow/tfjs";

/** Off: the engine's own way everywhere (for A/B measurements and tests). */
export const engineTuning = { enabled: true };

/** The parts of tfjs's engine this touches (not in its public types). */
interface EngineInternals {
  backendName: string;
  backend: { incRef(dataId: object): void };
  state: { gradientDepth: number; tensorInfo: Map<object, { backend: unknown }> };
  keep<T extends tf.Tensor>(t: T): T;
  makeTensorFromTensorInfo(info: tf.TensorInfo, backend?: unknown): tf.Tensor;
  saveTensorsForBackwardMode(tensors: tf.Tensor[]): tf.Tensor[];
}

let installedFor: string | undefined;

/**
 * Installs the direct way for the backend named `backendName` (a backend whose Identity kernel
 * only adds a reference to the data: the cpu layout). Once per process.
 */
export function keepSavedTensorsCheaply(backendName: string): void {
  if (installedFor !== undefined) return;
  installedFor = backendName;
  const engine = tf.engine() as unknown as EngineInternals;
  const own = engine.saveTensorsForBackwardMode;
  engine.saveTensorsForBackwardMode = function (this: EngineInternals, tensors: tf.Tensor[]): tf.Tensor[] {
    const direct = engineTuning.enabled && this.backendName === backendName && this.state.gradientDepth === 1 &&
      tensors.every((t) => this.state.tensorInfo.get(t.dataId)?.backend === this.backend);
    if (!direct) return own.call(this, tensors);
    return tensors.map((t) => {
      this.backend.incRef(t.dataId);
      return this.keep(this.makeTensorFromTensorInfo({ dataId: t.dataId, shape: t.shape, dtype: t.dtype }));
    });
  };
}
