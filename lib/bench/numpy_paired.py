# The numpy side of `deno task bench`'s paired timing: builds the reference's models and data exactly as
# ../shared/bench/reference_numpy.py's main does (its classes, imported from the file named by argv[1]),
# then times windows of steps on request, so that each backend's windows alternate with numpy's in one run.
# Protocol (one line each way): "mlp K" | "cnn K" | "matmul K"  ->  a JSON list of K step times in ms.
import importlib.util, json, sys, time
import numpy as np

spec = importlib.util.spec_from_file_location("reference_numpy", sys.argv[1])
ref = importlib.util.module_from_spec(spec)
spec.loader.exec_module(ref)
f32 = np.float32
rng = np.random.default_rng(0)  # the reference main's set-up, in its order
mlp = ref.MLP((rng.standard_normal((3072, 50)) * 0.01).astype(f32), np.zeros(50, f32),
              (rng.standard_normal((50, 10)) * 0.01).astype(f32), np.zeros(10, f32))
mb = [(rng.standard_normal((100, 3072), dtype=f32), np.eye(10, dtype=f32)[rng.integers(0, 10, 100)]) for _ in range(20)]
cnn = ref.CNN((rng.standard_normal((3, 3, 1, 16)) * np.sqrt(2 / 9)).astype(f32), np.zeros(16, f32),
              (rng.standard_normal((3, 3, 16, 32)) * np.sqrt(2 / 144)).astype(f32), np.zeros(32, f32),
              (rng.standard_normal((1568, 10)) * np.sqrt(1 / 1568)).astype(f32), np.zeros(10, f32))
cb = [(rng.standard_normal((64, 28, 28, 1), dtype=f32), np.eye(10, dtype=f32)[rng.integers(0, 10, 64)]) for _ in range(10)]
A = rng.standard_normal((1024, 1024), dtype=f32); Bm = rng.standard_normal((1024, 1024), dtype=f32)
steps = {
    "mlp": lambda i: mlp.step(*mb[i % len(mb)], 0.1),
    "cnn": lambda i: cnn.step(*cb[i % len(cb)], 0.1),
    "matmul": lambda i: A @ Bm,
}
done = {name: 0 for name in steps}
for name, step in steps.items():  # the reference's warm-up
    for i in range(5 if name != "cnn" else 3): step(i)
for line in sys.stdin:
    name, k = line.split()
    times = []
    for _ in range(int(k)):
        t0 = time.perf_counter(); steps[name](done[name]); times.append((time.perf_counter() - t0) * 1e3)
        done[name] += 1
    print(json.dumps(times), flush=True)
