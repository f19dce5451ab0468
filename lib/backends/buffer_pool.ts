/**
 * Reuse of the Float32Arrays that cpu-blas kernels allocate for their outputs.
 *
 * A fresh `new Float32Array(n)` is zeroed by the allocator and freed only by a later GC (whose
 * frequency grows with the external memory handed out); for 150k-float tensors allocated and
 * dropped every train step that is a sizeable part of an element-wise kernel. {@link PooledCpuBackend}
 * instead returns an output buffer to a pool, keyed by length, when the last tensor that refers to
 * it is disposed, and kernels take their outputs from there.
 *
 * Safety: a buffer is reused only when nothing else can see it any more.
 * - Only buffers the pool itself allocated are ever pooled (never a user's array passed to
 *   `tf.tensor(values)`, never one a stock kernel made).
 * - Every registration of such a buffer as tensor data (`write`, `move`; also a view of it, or the
 *   same array under a second data id, as the stock `Complex` kernel does) counts as a reference;
 *   disposal of one drops it; the buffer is pooled when none is left.
 * - A buffer whose values were handed out (`read`, `readSync`: `data()`, `dataSync()`,
 *   `buffer()`, moving the tensor to another backend) is never pooled again: the caller may keep
 *   the array.
 * @module
 */
import { MathBackendCPU } from "@tensorflow/tfjs-backend-cpu";
import type * as tf from "@tensorflow/tfjs";

type DataId = object;
type Values = Parameters<MathBackendCPU["write"]>[0];

/** Pool limits; tests may change them. */
export const poolTuning = {
  /**
   * Smallest array (elements) worth pooling: a fresh Float32Array of 1000 elements takes ~1 µs
   * (calloc, external-memory accounting), as long as the arithmetic of a small kernel.
   */
  minLength: 256,
  /** Most free arrays kept per length (a train step frees dozens of equal-sized ones at its end). */
  perLength: 32,
  /**
   * Most bytes kept in free arrays in all. 256 MB: evaluating `transfer`'s CNN on 500 images makes
   * 25 MB activations, which a 64 MB pool could not keep (its `ci` seed ran 3.5% slower, 20.95 s
   * against 20.2 s, the median of 4 runs each).
   */
  maxBytes: 256 * 2 ** 20,
  /** Off: `take` always allocates and nothing is pooled (for A/B measurements). */
  enabled: true,
};

/** Free arrays by length, and the bookkeeping of the arrays the pool handed out. */
export class BufferPool {
  private readonly free = new Map<number, Float32Array[]>();
  private freeBytes = 0;
  /** The pool's arrays (by their ArrayBuffer) that were never read out, with their live references. */
  private readonly refs = new WeakMap<ArrayBufferLike, { array: Float32Array; count: number }>();

  /** A float32 array of length `n` with unspecified contents: the caller must write every element. */
  take(n: number): Float32Array {
    if (!poolTuning.enabled || n < poolTuning.minLength) return new Float32Array(n);
    const list = this.free.get(n);
    const reused = list?.pop();
    if (reused) {
      this.freeBytes -= reused.byteLength;
      this.refs.set(reused.buffer, { array: reused, count: 0 });
      return reused;
    }
    const array = new Float32Array(n);
    this.refs.set(array.buffer, { array, count: 0 });
    return array;
  }

  /** A zero-filled float32 array of length `n`. */
  zeros(n: number): Float32Array {
    const r = this.take(n);
    return r.fill(0);
  }

  /**
   * Arrays below `minLength` (never pooled, so not in `refs`) that their owner vouched for with
   * {@link adopt}: a kernel's fresh output, one tensor's data, never read out. Registering one again
   * or reading it out drops it.
   */
  private readonly adopted = new WeakSet<Float32Array>();

  /** `values` is now tensor data (one more reference). */
  registered(values: Values): void {
    if (values instanceof Float32Array && this.adopted.delete(values)) return; // now shared
    const entry = bufferOf(values) && this.refs.get(bufferOf(values)!);
    if (entry) entry.count++;
  }

  /**
   * Marks `values`, a small kernel output just made one tensor's data and not read out, as private
   * to that tensor (see {@link isPrivate}). Larger arrays are the pool's own and tracked already.
   */
  adopt(values: Float32Array): void {
    if (values.length < poolTuning.minLength) this.adopted.add(values);
  }

  /** The tensor data `values` was deleted (one reference less); the last one pools the array. */
  released(values: Values): void {
    const buffer = bufferOf(values);
    const entry = buffer && this.refs.get(buffer);
    if (!entry || --entry.count > 0) return;
    this.refs.delete(buffer!);
    this.keepFree(entry.array);
  }

  /**
   * Gives back `array`, taken with {@link take} as scratch space and never registered as tensor
   * data (a convolution's columns): it joins the free arrays. Any other array is ignored.
   */
  give(array: Float32Array): void {
    const entry = this.refs.get(array.buffer);
    if (!entry || entry.count > 0 || entry.array !== array) return;
    this.refs.delete(array.buffer);
    this.keepFree(array);
  }

  private keepFree(array: Float32Array): void {
    if (!poolTuning.enabled || this.freeBytes + array.byteLength > poolTuning.maxBytes) return;
    const list = this.free.get(array.length) ?? [];
    if (list.length >= poolTuning.perLength) return;
    list.push(array);
    this.free.set(array.length, list);
    this.freeBytes += array.byteLength;
  }

  /**
   * Whether `values` is a whole array of the pool's that was never read out and is registered as
   * tensor data exactly once, or a small adopted one: nothing but that one tensor can see it, so it
   * may be written in place.
   */
  isPrivate(values: Values): boolean {
    if (values instanceof Float32Array && values.length < poolTuning.minLength) return this.adopted.has(values);
    const entry = bufferOf(values) && this.refs.get(bufferOf(values)!);
    return !!entry && entry.array === values && entry.count === 1;
  }

  /** `values` was handed out: its array is never pooled again. */
  escaped(values: Values): void {
    if (values instanceof Float32Array) this.adopted.delete(values);
    const buffer = bufferOf(values);
    if (buffer) this.refs.delete(buffer);
  }

  /** Bytes held in free arrays. */
  get pooledBytes(): number {
    return this.freeBytes;
  }

  /** Drops every free array. */
  clear(): void {
    this.free.clear();
    this.freeBytes = 0;
  }
}

function bufferOf(values: Values | undefined): ArrayBufferLike | undefined {
  return ArrayBuffer.isView(values) ? values.buffer : undefined;
}

/** The cpu backend with a {@link BufferPool} for its kernels' outputs. */
export class PooledCpuBackend extends MathBackendCPU {
  readonly pool = new BufferPool();

  override write(values: Values, shape: number[], dtype: tf.DataType): DataId {
    const id = super.write(values, shape, dtype);
    this.pool.registered(values);
    return id;
  }

  override move(dataId: DataId, values: Values, shape: number[], dtype: tf.DataType, refCount: number): void {
    const old = this.data.has(dataId) ? this.data.get(dataId)!.values : undefined;
    super.move(dataId, values, shape, dtype, refCount);
    this.pool.registered(values);
    if (old) this.pool.released(old);
  }

  override readSync(dataId: DataId): ReturnType<MathBackendCPU["readSync"]> {
    const values = this.data.get(dataId)?.values;
    if (values) this.pool.escaped(values);
    return super.readSync(dataId);
  }

  override disposeData(dataId: DataId, force = false): boolean {
    const values = this.data.has(dataId) ? this.data.get(dataId)!.values : undefined;
    const done = super.disposeData(dataId, force);
    if (values && !this.data.has(dataId)) this.pool.released(values);
    return done;
  }

  override dispose(): void {
    this.pool.clear();
    super.dispose();
  }
}

/**
 * A float32 output array of length `n` for a kernel on `backend`, from its pool when it has one;
 * contents unspecified: the caller must write every element.
 */
export function takeOutput(backend: MathBackendCPU, n: number): Float32Array {
  return backend instanceof PooledCpuBackend ? backend.pool.take(n) : new Float32Array(n);
}

/** Returns scratch space taken with {@link takeOutput} and never made tensor data to `backend`'s pool. */
export function giveBack(backend: MathBackendCPU, array: Float32Array): void {
  if (backend instanceof PooledCpuBackend) backend.pool.give(array);
}
