"""Audit the locked dependencies (constraints.txt) for known vulnerabilities with pip-audit.

    python .ci/audit.py [--constraints constraints.txt] [--report FILE]

pip-audit runs in a virtual environment of its own (so it cannot change the project's pinned
packages) over constraints.txt, asking the package index's vulnerability data about each pin.

What fails CI (exit code 1): a known vulnerability in a pinned version, unless its id is listed
in .ci/audit-ignore.txt with a reason (one "ID  reason" a line) — the fix is a newer pin in
constraints.txt. What does not: an audit that could not be done (pip-audit not installable, no
answer from the vulnerability service, packages it could not look up). That is reported on one
line saying what could not be checked and why, since it says nothing about sayso's dependencies
and must not block a change for a network failure; the vulnerabilities found are always shown.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import venv
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
PIP_AUDIT = "pip-audit==2.10.1"
# Bounds, so that an index that stops answering cannot hold up CI: seconds per network request
# (pip and pip-audit give up on one after this), and for each of the two steps in all.
REQUEST_TIMEOUT = 15
TIMEOUT = 300


def ignored(path: Path = HERE / "audit-ignore.txt") -> dict[str, str]:
    """Vulnerability ids accepted for now, each with its reason."""
    if not path.is_file():
        return {}
    found = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        line = line.split("#", 1)[0].strip()
        if line:
            vulnerability, _, reason = line.partition(" ")
            found[vulnerability] = reason.strip() or "no reason given"
    return found


def verdict(report: dict[str, Any], accepted: dict[str, str]) -> tuple[int, list[str]]:
    """The exit code and the lines to print for one pip-audit JSON report."""
    dependencies = report.get("dependencies", [])
    vulnerable, accepted_lines, unchecked = [], [], []
    for dependency in dependencies:
        if dependency.get("skip_reason"):
            unchecked.append(dependency)
            continue
        for vulnerability in dependency.get("vulns", []):
            ids = [vulnerability["id"], *vulnerability.get("aliases", [])]
            fix = ", ".join(vulnerability.get("fix_versions", [])) or "none yet"
            line = f"{dependency['name']} {dependency.get('version')}: {vulnerability['id']} (fixed in {fix})"
            reason = next((accepted[i] for i in ids if i in accepted), None)
            if reason is None:
                vulnerable.append(line)
            else:
                accepted_lines.append(f"{line}: accepted ({reason})")
    lines = [f"dependency audit: VULNERABLE {line}" for line in vulnerable]
    lines += [f"dependency audit: {line}" for line in accepted_lines]
    checked = len(dependencies) - len(unchecked)
    if unchecked:
        first = unchecked[0]["skip_reason"].split(":")[0]
        lines.append(
            f"dependency audit: could not check {len(unchecked)} of {len(dependencies)} pinned packages "
            f"({first}, e.g. {unchecked[0]['name']}); not a failure: the vulnerability data was not reachable"
        )
    if vulnerable:
        lines.append(f"dependency audit: FAILED: {len(vulnerable)} known vulnerabilit{'y' if len(vulnerable) == 1 else 'ies'}; "
                     "pin a fixed version in constraints.txt or list the id in .ci/audit-ignore.txt with a reason")
        return 1, lines
    if checked:
        lines.append(f"dependency audit: no known vulnerabilities in {checked} checked package{'' if checked == 1 else 's'}")
    return 0, lines


def run_pip_audit(constraints: Path, output: Path) -> str | None:
    """Install pip-audit in a fresh environment and run it; the reason when it could not run."""
    with tempfile.TemporaryDirectory(prefix="sayso-audit-") as folder:
        python = str(Path(folder) / "bin" / "python")
        try:
            venv.create(folder, with_pip=True)
            install = [python, "-m", "pip", "install", "-q", "--timeout", str(REQUEST_TIMEOUT), "--retries", "2", PIP_AUDIT]
            installed = subprocess.run(install, capture_output=True, text=True, timeout=TIMEOUT)
            if installed.returncode != 0:
                return f"pip-audit could not be installed ({_last_line(installed.stderr)})"
            audit = [python, "-m", "pip_audit", "-r", str(constraints), "--no-deps", "--disable-pip", "--progress-spinner", "off",
                     "--timeout", str(REQUEST_TIMEOUT), "--format", "json", "--output", str(output)]
            ran = subprocess.run(audit, capture_output=True, text=True, timeout=TIMEOUT)
        except subprocess.TimeoutExpired:
            return f"installing or running pip-audit took longer than {TIMEOUT} s"
        except (OSError, subprocess.SubprocessError) as err:  # e.g. no ensurepip to make the environment
            return f"no environment for pip-audit ({_last_line(str(err))})"
        if not output.is_file():  # exit 1 with a report means "vulnerabilities found": judged below
            return f"pip-audit failed ({_last_line(ran.stderr)})"
    return None


def _last_line(text: str) -> str:
    lines = [line.strip() for line in text.strip().splitlines() if line.strip()]
    return lines[-1][:200] if lines else "no message"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--constraints", type=Path, default=HERE.parent / "constraints.txt")
    parser.add_argument("--report", type=Path, help="a pip-audit JSON report to judge instead of running pip-audit")
    args = parser.parse_args(argv)
    if args.report is None:
        with tempfile.TemporaryDirectory() as folder:
            output = Path(folder) / "audit.json"
            problem = run_pip_audit(args.constraints, output)
            if problem is None:
                try:
                    report = json.loads(output.read_text(encoding="utf-8"))
                except (OSError, ValueError) as err:
                    problem = f"pip-audit wrote no readable report ({err})"
            if problem:
                print(f"dependency audit: not done: {problem}; not a failure", flush=True)
                return 0
    else:
        report = json.loads(args.report.read_text(encoding="utf-8"))
    code, lines = verdict(report, ignored())
    print("\n".join(lines), flush=True)
    return code


if __name__ == "__main__":
    sys.exit(main())
