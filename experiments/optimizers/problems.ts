/**
 * Small deterministic loss surfaces with stated properties, for the optimization slides: an
 * ill-conditioned quadratic (its condition number is measured from its Hessian) and a saddle.
 * @module
 */

/** A differentiable objective of a flat parameter vector. The minimum value is `minimum`. */
export interface Objective {
  name: string;
  /** Number of parameters. */
  size: number;
  loss(p: Float32Array): number;
  grad(p: Float32Array): Float32Array;
}

/** Options of {@link quadratic}. */
export interface QuadraticOptions {
  /** Curvature of the shallow axis (smallest Hessian eigenvalue). */
  shallow: number;
  /** Condition number: the steep axis has curvature shallow·kappa. */
  kappa: number;
  /** Rotation of the axes in degrees (0: the steep axis is the second coordinate). */
  angleDeg?: number;
}

/**
 * f(θ) = ½ θᵀHθ in 2-D with H = R·diag(shallow, shallow·kappa)·Rᵀ. Minimum 0 at the origin.
 * @example
 * ```ts
 * const q = quadratic({ shallow: 1, kappa: 100 });
 * conditionNumber(numericHessian(q, Float32Array.of(0.3, -0.2))); // ≈ 100
 * ```
 */
export function quadratic(o: QuadraticOptions): Objective & { axes: [number, number][] } {
  const a = ((o.angleDeg ?? 0) * Math.PI) / 180, c = Math.cos(a), s = Math.sin(a);
  const l1 = o.shallow, l2 = o.shallow * o.kappa;
  // H = l1·u uᵀ + l2·w wᵀ with u = (c, s) (shallow axis) and w = (−s, c) (steep axis).
  const h11 = l1 * c * c + l2 * s * s, h22 = l1 * s * s + l2 * c * c, h12 = (l1 - l2) * c * s;
  return {
    name: `quadratic κ=${o.kappa}`,
    size: 2,
    axes: [[c, s], [-s, c]],
    loss: (p) => 0.5 * (h11 * p[0] * p[0] + 2 * h12 * p[0] * p[1] + h22 * p[1] * p[1]),
    grad: (p) => Float32Array.of(h11 * p[0] + h12 * p[1], h12 * p[0] + h22 * p[1]),
  };
}

/** Options of {@link saddle}. */
export interface SaddleOptions {
  /** Curvature along the stable (ascending) direction x. */
  steep: number;
  /** Magnitude of the negative curvature along y. */
  shallow: number;
}

/**
 * f(x, y) = ½·steep·x² − ½·shallow·y² + ¼·shallow·y⁴: a saddle at the origin whose stable
 * manifold is the x axis, and two minima at (0, ±1) with value −shallow/4.
 */
export function saddle(o: SaddleOptions): Objective {
  return {
    name: `saddle ${o.steep}/${o.shallow}`,
    size: 2,
    loss: (p) => 0.5 * o.steep * p[0] * p[0] - 0.5 * o.shallow * p[1] * p[1] + 0.25 * o.shallow * p[1] ** 4,
    grad: (p) => Float32Array.of(o.steep * p[0], -o.shallow * p[1] + o.shallow * p[1] ** 3),
  };
}

/** The Hessian of `f` at `at` by central differences of its gradient (symmetrised). */
export function numericHessian(f: Objective, at: Float32Array, h = 1e-2): number[][] {
  const n = f.size, H: number[][] = Array.from({ length: n }, () => new Array<number>(n).fill(0));
  for (let j = 0; j < n; j++) {
    const up = Float32Array.from(at), down = Float32Array.from(at);
    up[j] += h;
    down[j] -= h;
    const gu = f.grad(up), gd = f.grad(down), step = up[j] - down[j];
    for (let i = 0; i < n; i++) H[i][j] = (gu[i] - gd[i]) / step;
  }
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < i; j++) H[i][j] = H[j][i] = (H[i][j] + H[j][i]) / 2;
  }
  return H;
}

/** Eigenvalues of a symmetric 2×2 matrix, smallest first. */
export function eigenvalues2(H: number[][]): [number, number] {
  const tr = H[0][0] + H[1][1], det = H[0][0] * H[1][1] - H[0][1] * H[1][0];
  const d = Math.sqrt(Math.max(0, (tr * tr) / 4 - det));
  return [tr / 2 - d, tr / 2 + d];
}

/** The condition number |λ_max| / |λ_min| of a symmetric 2×2 Hessian. */
export function conditionNumber(H: number[][]): number {
  const [a, b] = eigenvalues2(H).map(Math.abs);
  return Math.max(a, b) / Math.min(a, b);
}

/** Eigen-decomposition of a symmetric 2×2 matrix: values smallest first, unit vectors as columns. */
export function eigen2(H: number[][]): { values: [number, number]; vectors: [number[], number[]] } {
  const values = eigenvalues2(H);
  const vectors = values.map((l) => {
    // (H − l I) v = 0: v ⟂ first row, unless that row is zero.
    const a = H[0][0] - l, b = H[0][1];
    const v = Math.abs(a) + Math.abs(b) > 1e-12 * (Math.abs(l) + 1) ? [-b, a] : [H[1][1] - l, -H[1][0]];
    const n = Math.hypot(v[0], v[1]) || 1;
    return Math.abs(v[0]) + Math.abs(v[1]) === 0 ? [1, 0] : [v[0] / n, v[1] / n];
  }) as [number[], number[]];
  if (values[0] === values[1]) return { values, vectors: [[1, 0], [0, 1]] };
  return { values, vectors };
}
