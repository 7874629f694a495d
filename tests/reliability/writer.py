"""A writer process for the concurrency test: runs one netrhythm command many times in-process.

Usage (DB: a file or a postgresql:// URL):
       python writer.py DB COUNT LABEL  (logs COUNT reach-outs, notes "LABEL-i")
       python writer.py DB nudge STOPFILE  (runs `netrhythm nudge` in a loop until STOPFILE
                                            exists, at least once)
Prints one line per failed command and, at the end, "done OK FAILED".
"""

from __future__ import annotations

import contextlib
import io
import sys
import time
from pathlib import Path

from netrhythm.cli.main import main


def _run(args: list[str]) -> tuple[int, str]:
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = main(args)
    return code, out.getvalue() + err.getvalue()


def run() -> None:
    db, what = sys.argv[1], sys.argv[2]
    ok = failed = 0
    if what == "nudge":
        stop, deadline = Path(sys.argv[3]), time.monotonic() + 600
        while not (ok + failed and stop.exists()) and time.monotonic() < deadline:
            code, text = _run(["--db", db, "nudge"])
            ok, failed = (ok + 1, failed) if code == 0 else (ok, failed + 1)
            if code or "locked" in text:
                print(f"FAIL nudge {code}: {text.strip()}", flush=True)
    else:
        for i in range(int(what)):
            code, text = _run(["--db", db, "log", "reach-out", "--note", f"{sys.argv[3]}-{i}"])
            ok, failed = (ok + 1, failed) if code == 0 else (ok, failed + 1)
            if code or "locked" in text:
                print(f"FAIL log {i} {code}: {text.strip()}", flush=True)
    print(f"done {ok} {failed}", flush=True)


if __name__ == "__main__":
    run()
