/**
 * A symmetric eigen-solver (cyclic Jacobi rotations), small and exact enough for the 3×3 RGB
 * covariance of PCA colour augmentation (AlexNet).
 * @module
 */

/** Eigenvalues (descending) and unit eigenvectors (`vectors[k]` belongs to `values[k]`). */
export interface Eigen {
  values: number[];
  vectors: number[][];
}

/**
 * Eigen-decomposition of a symmetric matrix by cyclic Jacobi rotations: each rotation zeroes one
 * off-diagonal pair; sweeps repeat until the off-diagonal mass is below `tol` times the matrix norm.
 * @example
 * ```ts
 * const { values } = jacobiEigen([[2, 1], [1, 2]]); // [3, 1]
 * ```
 */
export function jacobiEigen(matrix: readonly (readonly number[])[], tol = 1e-14, maxSweeps = 100): Eigen {
  const n = matrix.length;
  for (const row of matrix) {
    if (row.length !== n) throw new Error(`jacobiEigen: the matrix must be square, got ${n}×${row.length}`);
  }
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < i; j++) {
      const d = Math.abs(matrix[i][j] - matrix[j][i]);
      if (d > 1e-12 * (Math.abs(matrix[i][j]) + Math.abs(matrix[j][i]) + 1e-300)) {
        throw new Error(`jacobiEigen: the matrix is not symmetric at (${i}, ${j}): ${matrix[i][j]} vs ${matrix[j][i]}`);
      }
    }
  }
  const a = matrix.map((r) => [...r]);
  const v: number[][] = Array.from({ length: n }, (_, i) => Array.from({ length: n }, (_, j) => (i === j ? 1 : 0)));
  const norm = Math.sqrt(a.flat().reduce((s, x) => s + x * x, 0));
  const off = () => {
    let s = 0;
    for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) if (i !== j) s += a[i][j] ** 2;
    return Math.sqrt(s);
  };
  for (let sweep = 0; sweep < maxSweeps && off() > tol * norm; sweep++) {
    for (let p = 0; p < n - 1; p++) {
      for (let q = p + 1; q < n; q++) {
        if (a[p][q] === 0) continue;
        // Rotation angle that zeroes a[p][q] (Numerical Recipes' stable form).
        const theta = (a[q][q] - a[p][p]) / (2 * a[p][q]);
        const t = Math.sign(theta || 1) / (Math.abs(theta) + Math.sqrt(theta * theta + 1));
        const c = 1 / Math.sqrt(t * t + 1), s = t * c;
        for (let k = 0; k < n; k++) {
          const akp = a[k][p], akq = a[k][q];
          a[k][p] = c * akp - s * akq;
          a[k][q] = s * akp + c * akq;
        }
        for (let k = 0; k < n; k++) {
          const apk = a[p][k], aqk = a[q][k];
          a[p][k] = c * apk - s * aqk;
          a[q][k] = s * apk + c * aqk;
        }
        for (let k = 0; k < n; k++) {
          const vkp = v[k][p], vkq = v[k][q];
          v[k][p] = c * vkp - s * vkq;
          v[k][q] = s * vkp + c * vkq;
        }
      }
    }
  }
  const order = Array.from({ length: n }, (_, i) => i).sort((i, j) => a[j][j] - a[i][i]);
  return { values: order.map((i) => a[i][i]), vectors: order.map((i) => v.map((row) => row[i])) };
}

/** Largest |A·v − λ·v| over the eigenpairs, and largest |v_i·v_j − δ_ij| (both ≈ 0 for a correct solve). */
export function eigenResiduals(
  matrix: readonly (readonly number[])[],
  e: Eigen,
): { residual: number; orthonormality: number } {
  let residual = 0, orthonormality = 0;
  e.values.forEach((lambda, k) => {
    const vk = e.vectors[k];
    matrix.forEach((row, i) => {
      const av = row.reduce((s, x, j) => s + x * vk[j], 0);
      residual = Math.max(residual, Math.abs(av - lambda * vk[i]));
    });
    e.vectors.forEach((vj, j) => {
      const dot = vk.reduce((s, x, i) => s + x * vj[i], 0);
      orthonormality = Math.max(orthonormality, Math.abs(dot - (j === k ? 1 : 0)));
    });
  });
  return { residual, orthonormality };
}
