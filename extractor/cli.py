"""The `extract` command: a thin layer over extractor.extract_corpus and write_tables."""
from __future__ import annotations

from collections import Counter
from enum import Enum
from pathlib import Path

import typer
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

from .mappings import load_mappings
from .output import write_tables
from .pipeline import extract_corpus, iter_report_files
from .report import write_html_report

SEVERITIES = ["error", "warning", "info"]


class Severity(str, Enum):
    error = "error"
    warning = "warning"
    info = "info"


app = typer.Typer(add_completion=False, help="Turn government information-disclosure annual reports into tidy data.")


@app.command()
def extract(
    corpus: Path = typer.Argument(..., exists=True, help="A report file, or a folder searched recursively."),
    out: Path = typer.Option(Path("output/data.parquet"), "--out", "-o",
                             help="data.parquet (or data.csv): also writes data.documents.* and data.findings.*"),
    mappings: Path = typer.Option(None, "--mappings", help="A folder of mapping YAML to use instead of the built-in one."),
    report: Path = typer.Option(None, "--report", help="Also write a self-contained HTML audit report here."),
    fail_on: Severity = typer.Option(None, "--fail-on",
                                     help="Exit with status 1 when findings of this severity (or worse) exist."),
    quiet: bool = typer.Option(False, "--quiet", "-q", help="No progress bar and no summary."),
) -> None:
    """Extract every report under CORPUS into the three tables of the output contract."""
    console = Console(stderr=True, quiet=quiet)
    try:
        loaded = load_mappings(mappings)
    except (OSError, ValueError) as exc:
        console.print(f"[red]error:[/red] {exc}")
        raise typer.Exit(2)
    total = sum(1 for _ in iter_report_files(corpus))
    with Progress(TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
                  console=console, transient=True, disable=quiet or not console.is_terminal) as progress:
        task = progress.add_task("extracting", total=total)

        def advance(path: Path, document: dict) -> None:
            progress.update(task, advance=1, description=path.name[:40])

        observations, documents, findings = extract_corpus(corpus, loaded, on_file=advance)
    try:
        paths = write_tables(out, observations, documents, findings)
    except ValueError as exc:
        console.print(f"[red]error:[/red] {exc}")
        raise typer.Exit(2)
    status = Counter(documents["status"]) if len(documents) else Counter()
    console.print(
        f"documents: {len(documents)} ({status.get('ok', 0)} ok, {status.get('partial', 0)} partial, "
        f"{status.get('failed', 0)} failed); observations: {len(observations)}; findings: {len(findings)}"
    )
    for kind, n in sorted(Counter(findings["kind"]).items()) if len(findings) else []:
        console.print(f"  {kind}: {n}")
    for _failed in documents[documents["status"] == "failed"].itertuples() if len(documents) else []:
        console.print(f"  [red]failed[/red] {_failed.source}: {_failed.error}")
    console.print(f"wrote {paths['observations']}, {paths['documents'].name}, {paths['findings'].name}")
    if report:
        console.print(f"wrote {write_html_report(report, observations, documents, findings)}")
    if fail_on:
        worst = SEVERITIES[: SEVERITIES.index(fail_on.value) + 1]
        failing = findings[findings["severity"].isin(worst)] if len(findings) else findings
        if len(failing):
            console.print(f"[red]{len(failing)} finding(s) of severity {' or '.join(worst)}[/red] (--fail-on {fail_on.value})")
            raise typer.Exit(1)


def main() -> None:
    app()
