"""Run the browser tests N times while two busy loops take the CPU, and count the passes.

    python -m bench.flaky 5

A test that reads the page at once instead of waiting fails here first.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def main(runs: int) -> None:
    # Each loop ends by itself once this script is gone, however it ends.
    hogs = [subprocess.Popen([sys.executable, "-c", f"import os\nwhile os.getppid() == {os.getpid()}: pass"])
            for _ in range(2)]
    passed = 0
    try:
        for run in range(1, runs + 1):
            code = subprocess.run([sys.executable, "-m", "pytest", "-m", "browser", "-q", "-p", "no:cacheprovider",
                                   "--tb=line"],
                                  cwd=ROOT, capture_output=True, text=True)
            summary = (code.stdout.strip().splitlines() or ["(no output)"])[-1]
            passed += code.returncode == 0
            print(f"run {run}: {'pass' if code.returncode == 0 else 'FAIL'} — {summary}", flush=True)
            for line in code.stdout.splitlines():
                if line.startswith(("FAILED", "ERROR", str(ROOT))):
                    print(f"  {line}", flush=True)
    finally:
        for hog in hogs:
            hog.kill()
            hog.wait()
    print(f"{passed} of {runs} runs passed with two busy loops beside them")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 5)
