"""The HTML audit report, opened in a real headless browser, and --fail-on for pipelines."""
import os
import re
import shutil
import subprocess

import pytest
from typer.testing import CliRunner

from conftest import SEED_DOCX
from extractor.cli import app

runner = CliRunner()
BROWSERS = ("chromium", "chromium-browser", "google-chrome")
INSTALL_SECONDS = 900


def find_browser() -> str | None:
    return next((path for path in map(shutil.which, BROWSERS) if path), None)


@pytest.fixture(scope="session")
def browser() -> str:
    """Debian's chromium, installed here when missing (as root with apt), else the test is skipped."""
    path = find_browser()
    if path:
        return path
    if os.name != "posix" or os.geteuid() != 0 or not shutil.which("apt-get"):
        pytest.skip("chromium is not installed and cannot be installed here (needs root and apt-get)")
    env = dict(os.environ, DEBIAN_FRONTEND="noninteractive")
    try:
        subprocess.run(["apt-get", "update"], env=env, capture_output=True, timeout=INSTALL_SECONDS)
        result = subprocess.run(["apt-get", "install", "-y", "--no-install-recommends", "chromium"], env=env,
                                capture_output=True, text=True, timeout=INSTALL_SECONDS)
    except (OSError, subprocess.TimeoutExpired) as exc:
        pytest.skip(f"chromium could not be installed: {exc}")
    path = find_browser()
    if not path:
        pytest.skip(f"chromium could not be installed: {result.stderr[-500:]}")
    return path


def rendered_dom(browser: str, page, tmp_path) -> str:
    result = subprocess.run(
        [browser, "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync",
         f"--user-data-dir={tmp_path / 'profile'}", "--dump-dom", page.as_uri()],
        capture_output=True, text=True, timeout=120,
    )
    assert result.returncode == 0, result.stderr[-2000:]
    return result.stdout


@pytest.fixture
def report_run(tmp_path, shared):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    shutil.copy(SEED_DOCX, corpus / "seed.docx")
    shutil.copy(shared / "real" / "hongze_district_2023.pdf", corpus / "hongze_district_2023.pdf")
    (corpus / "broken.pdf").write_bytes(b"%PDF-1.4 broken")
    page = tmp_path / "audit.html"
    result = runner.invoke(app, [str(corpus), "--out", str(tmp_path / "data.parquet"), "--report", str(page)])
    assert result.exit_code == 0, result.output
    return page


def test_report_is_self_contained(report_run):
    text = report_run.read_text(encoding="utf-8")
    assert not re.search(r"""(src|href)\s*=\s*["']?(https?:)?//""", text)
    assert "<script>" in text and "<style>" in text


def test_report_loads_in_a_browser_and_shows_the_figures(report_run, browser, tmp_path):
    dom = rendered_dom(browser, report_run, tmp_path)
    body = re.search(r"<body[^>]*>", dom).group(0)
    assert 'data-ready="true"' in body and "data-errors" not in body
    # the seed's figures, each with where it came from
    assert re.search(r'<td class="num" title="seed.docx, page -, table 0, row 4, col 2; printed \'195\'">195</td>', dom)
    assert ">182.32<" in dom
    # hongze's 总计 that does not add up is flagged in its table and listed as an error
    assert re.search(r'<td class="num flagged" title="hongze_district_2023.pdf, page 4, table \d+, row \d+, col 4;', dom)
    assert 'data-kind="identity_violation" data-severity="error"' in dom
    # the failed file is in the coverage and findings, and the filter script has counted the rows
    assert "broken.pdf" in dom and "parse_error" in dom
    shown = int(re.search(r'<span id="filter-count">(\d+)</span>', dom).group(1))
    assert shown == dom.count("<tr data-kind=")
    assert "洪泽区人民政府" in dom and "<svg" in dom


@pytest.mark.parametrize("severity, code", [("error", 0), ("warning", 1)])
def test_fail_on_seed(tmp_path, severity, code):
    # the seed has warnings (agency unknown) but no error
    result = runner.invoke(app, [str(SEED_DOCX), "--out", str(tmp_path / "d.parquet"), "--fail-on", severity])
    assert result.exit_code == code, result.output
    assert (tmp_path / "d.parquet").exists()


def test_fail_on_error_with_a_broken_total(tmp_path, shared):
    result = runner.invoke(app, [str(shared / "real" / "hongze_district_2023.pdf"), "--out",
                                 str(tmp_path / "d.parquet"), "--fail-on", "error"])
    assert result.exit_code == 1
    assert "2 finding(s) of severity error" in result.output
