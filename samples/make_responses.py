#!/usr/bin/env python3
"""Writes the sample response files next to their forms, deterministically.

usage: python3 samples/make_responses.py [OUT_DIR]     (OUT_DIR defaults to samples/)

  incident-report.csv        240 rows
  customer-survey.csv        300 rows
  employee-onboarding.jsonl  220 lines, repeat groups as arrays of objects
  clinical-intake.csv        260 rows

site-inspection.csv is the benchmark workload, made by /work/shared/bench/gen_workload.py.

Answers follow each form's rules: a field hidden by a rule or by visibleIf is left empty
(hidden answers are cleared), required fields are always answered, and no error-severity
constraint is broken (warning-severity ones sometimes are, as in real data). Columns follow
the form's field order, read from the *.form.json file. Python 3 standard library only;
every file has its own seeded RNG, so the output is the same on every run.
"""
import os
import sys

sys.dont_write_bytecode = True  # keep samples/generators free of __pycache__
sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "generators"))

import clinical  # noqa: E402  (the generators folder is put on the path just above)
import incident  # noqa: E402
import onboarding  # noqa: E402
import survey  # noqa: E402

OUTPUTS = [
    ("incident-report.csv", incident.write),
    ("customer-survey.csv", survey.write),
    ("employee-onboarding.jsonl", onboarding.write),
    ("clinical-intake.csv", clinical.write),
]


def main(argv):
    if len(argv) > 2 or (len(argv) == 2 and argv[1] in ("-h", "--help")):
        print(__doc__)
        return 2 if len(argv) > 2 else 0
    out_dir = argv[1] if len(argv) == 2 else os.path.dirname(os.path.abspath(__file__))
    os.makedirs(out_dir, exist_ok=True)
    for name, write in OUTPUTS:
        path = os.path.join(out_dir, name)
        write(path)
        print(f"wrote {path}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
