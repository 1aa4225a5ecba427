"""Sums `llvm-cov export -summary-only` per-file figures into one line-coverage figure per target
(Sources/<Target>/...) and exits 1 when a target is under its floor."""
import json
import re
import sys

FLOORS = {"FormCore": 85.0, "Connectors": 85.0}
DEFAULT_FLOOR = 80.0
# The benchmarks are run by hand in release builds, never by the tests. (The `formwork`
# binary is measured: the end-to-end tests run it with LLVM_PROFILE_FILE set.)
UNMEASURED = {"formwork-bench"}

totals = {}
for entry in json.load(sys.stdin)["data"][0]["files"]:
    match = re.search(r"/Sources/([^/]+)/", entry["filename"])
    if not match:
        continue
    lines = entry["summary"]["lines"]
    seen = totals.setdefault(match.group(1), [0, 0])
    seen[0] += lines["count"]
    seen[1] += lines["count"] - lines["covered"]

failed = False
print(f"{'target':<16} {'lines':>7} {'missed':>7} {'cover':>7}  floor")
for target in sorted(totals):
    lines, missed = totals[target]
    cover = 100.0 * (lines - missed) / lines if lines else 100.0
    floor = None if target in UNMEASURED else FLOORS.get(target, DEFAULT_FLOOR)
    verdict = "" if floor is None else (f"{floor:.0f}%" + ("" if cover >= floor else "  UNDER"))
    failed |= floor is not None and cover < floor
    print(f"{target:<16} {lines:>7} {missed:>7} {cover:>6.1f}%  {verdict}")
sys.exit(1 if failed else 0)
