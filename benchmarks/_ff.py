"""First frame only: floor vs ready, interleaved, N runs."""
import sys, shutil, tempfile
from pathlib import Path
from benchmarks import measures
from benchmarks.generate import HEAVY
from benchmarks.run import dataset
from benchmarks.timing import interleaved, median
n = int(sys.argv[1]) if len(sys.argv) > 1 else 7
data = Path("benchmarks/.data")
data.mkdir(exist_ok=True)
src = dataset(HEAVY, data)
measures.use_bytecode_cache(data / "pycache")
with tempfile.TemporaryDirectory(dir=data) as tmp:
    db = Path(tmp) / "h.db"; shutil.copyfile(src, db)
    d = [measures.PYTHON, "-m", "benchmarks.tui_driver"]
    cmds = {"floor": [*d, "floor"], "ready": [*d, "ready", str(db)]}
    for a in cmds.values(): measures.run_once(a, measures.ENV)
    s = interleaved(cmds, n, measures.ENV)
    f, r = measures._ms(s["floor"]), measures._ms(s["ready"])
    print(f"floor {f:.0f} ready {r:.0f} ratio {r/f:.2f}")
