#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""ctest's conformance check: ../shared/conformance/compare.py, made strict.

    run_compare.py CLI CORPUS [FIELDS_FILE]

compare.py scores cells and passes at 100 % even when the candidate exited with an
error after printing its output (a crash at exit, a leak report under ASan); it
reports those runs as "candidate run(s) with errors". Here such a run fails the test,
and times are compared within 1e-9 s (the corpus has nanosecond captures), not the
default 1e-6. Without FIELDS_FILE all fields of the corpus's fields.txt are asked
for in one command, as a user would.
"""
import subprocess
import sys


def main():
    if len(sys.argv) not in (3, 4):
        sys.exit(__doc__)
    cli, corpus = sys.argv[1], sys.argv[2]
    argv = [sys.executable, f"{corpus}/compare.py", "--cmd", cli, "--corpus", corpus,
            "--time-tol", "1e-9", "--jobs", "2"]
    if len(sys.argv) == 4:
        argv += ["--fields", sys.argv[3]]
    p = subprocess.run(argv, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    sys.stdout.write(p.stdout)
    if p.returncode != 0:
        return p.returncode
    if "candidate run(s) with errors" in p.stdout or "exit status" in p.stdout:
        print("run_compare: seqscope-cli exited with an error on some capture (see above)")
        return 1
    if "agreement: 100.00%" not in p.stdout:
        print("run_compare: agreement is not 100 %")
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
