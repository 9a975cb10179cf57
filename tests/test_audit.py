"""The dependency audit in CI (.ci/audit.py): what fails the build, what is only reported."""

from __future__ import annotations

import importlib.util
import json
import subprocess
from pathlib import Path

import pytest

SCRIPT = Path(__file__).resolve().parents[1] / ".ci" / "audit.py"
spec = importlib.util.spec_from_file_location("ci_audit", SCRIPT)
assert spec and spec.loader
audit = importlib.util.module_from_spec(spec)
spec.loader.exec_module(audit)

CLEAN = {"name": "fastapi", "version": "0.165.0", "vulns": []}
VULNERABLE = {"name": "jinja2", "version": "3.1.2", "vulns": [
    {"id": "GHSA-h5c8-rqwp-cp95", "aliases": ["CVE-2024-22195"], "fix_versions": ["3.1.3"], "description": "xss"}]}
UNREACHABLE = {"name": "alembic", "skip_reason": "Dependency not found on PyPI and could not be audited: alembic (1.20.1)"}


def test_a_known_vulnerability_fails_and_says_how_to_fix_it() -> None:
    code, lines = audit.verdict({"dependencies": [CLEAN, VULNERABLE]}, {})
    assert code == 1
    assert "dependency audit: VULNERABLE jinja2 3.1.2: GHSA-h5c8-rqwp-cp95 (fixed in 3.1.3)" in lines
    assert "constraints.txt" in lines[-1] and "audit-ignore.txt" in lines[-1]


def test_an_accepted_vulnerability_is_shown_but_passes() -> None:
    code, lines = audit.verdict({"dependencies": [CLEAN, VULNERABLE]}, {"CVE-2024-22195": "templates are ours, never a user's"})
    assert code == 0
    assert any("accepted (templates are ours, never a user's)" in line for line in lines)


def test_an_audit_that_could_not_reach_its_data_is_reported_not_failed() -> None:
    code, lines = audit.verdict({"dependencies": [UNREACHABLE, CLEAN]}, {})
    assert code == 0
    assert lines[0].startswith("dependency audit: could not check 1 of 2 pinned packages (Dependency not found on PyPI")
    assert lines[-1] == "dependency audit: no known vulnerabilities in 1 checked package"


def test_a_report_file_is_judged_and_the_ignore_list_is_read(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    report = tmp_path / "report.json"
    report.write_text(json.dumps({"dependencies": [VULNERABLE]}), encoding="utf-8")
    assert audit.main(["--report", str(report)]) == 1
    assert "VULNERABLE jinja2" in capsys.readouterr().out
    ignore = tmp_path / "ignore.txt"
    ignore.write_text("# comment\nGHSA-h5c8-rqwp-cp95   not reachable from sayso\n\n", encoding="utf-8")
    assert audit.ignored(ignore) == {"GHSA-h5c8-rqwp-cp95": "not reachable from sayso"}
    assert audit.ignored(tmp_path / "none.txt") == {}


@pytest.mark.parametrize("failure", ["no ensurepip", "index silent"])
def test_an_audit_that_cannot_run_says_so_in_one_line_and_passes(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], failure: str
) -> None:
    def fail(*args: object, **kwargs: object) -> None:
        if failure == "no ensurepip":
            raise subprocess.CalledProcessError(1, ["python", "-m", "ensurepip"])
        raise subprocess.TimeoutExpired(["python", "-m", "pip"], audit.TIMEOUT)

    monkeypatch.setattr(audit.venv, "create", fail)
    assert audit.main([]) == 0
    (line,) = capsys.readouterr().out.splitlines()
    assert line.startswith("dependency audit: not done: ") and line.endswith("; not a failure"), line
