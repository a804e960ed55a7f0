"""The `extract` command: a thin layer over the batch engine and the streaming outputs."""
from __future__ import annotations

import os
from collections import Counter
from enum import Enum
from pathlib import Path

import pandas as pd
import pyarrow.csv as pa_csv
import pyarrow.parquet as pq
import typer
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

from .batch import DEFAULT_TIMEOUT, BatchOptions, plan, run_corpus
from .mappings import load_mappings
from .output import SCHEMAS, CorpusOutputs
from .report import write_html_report
from .schema import frame

SEVERITIES = ["error", "warning", "info"]
INTERRUPTED = 130


class Severity(str, Enum):
    error = "error"
    warning = "warning"
    info = "info"


class Engine(str, Enum):
    local = "local"
    dask = "dask"


app = typer.Typer(add_completion=False, help="Turn government information-disclosure annual reports into tidy data.")


@app.command()
def extract(
    corpus: Path = typer.Argument(..., exists=True, help="A report file, or a folder searched recursively."),
    out: Path = typer.Option(Path("output/data.parquet"), "--out", "-o",
                             help="data.parquet or data.csv (the trio: also data.documents.*, data.findings.*), "
                                  "or a folder for a Parquet dataset."),
    partition: str = typer.Option(None, "--partition", help="With a folder --out: Hive-partition observations by "
                                                            "this column (e.g. year)."),
    workers: int = typer.Option(os.cpu_count() or 1, "--workers", "-w", min=0,
                                help="Worker processes (0: in this process, without timeouts)."),
    timeout: float = typer.Option(DEFAULT_TIMEOUT, "--timeout", min=1, help="Seconds one file may take."),
    cache: Path = typer.Option(None, "--cache", help="Keep per-file results here; unchanged files are not re-read."),
    engine: Engine = typer.Option(Engine.local, "--engine", help="local processes, or a Dask cluster."),
    scheduler: str = typer.Option(None, "--scheduler", help="The Dask scheduler's address (with --engine dask)."),
    mappings: Path = typer.Option(None, "--mappings", help="A folder of mapping YAML to use instead of the built-in one."),
    report: Path = typer.Option(None, "--report", help="Also write a self-contained HTML audit report here."),
    fail_on: Severity = typer.Option(None, "--fail-on",
                                     help="Exit with status 1 when findings of this severity (or worse) exist."),
    quiet: bool = typer.Option(False, "--quiet", "-q", help="No progress bar and no summary."),
) -> None:
    """Extract every report under CORPUS into the three tables of the output contract."""
    console = Console(stderr=True, quiet=quiet)
    if engine == Engine.dask and not scheduler:
        console.print("[red]error:[/red] --engine dask needs --scheduler ADDRESS (e.g. tcp://10.0.0.5:8786)")
        raise typer.Exit(2)
    try:
        load_mappings(mappings)
        outputs = CorpusOutputs(out, partition)
    except (OSError, ValueError) as exc:
        console.print(f"[red]error:[/red] {exc}")
        raise typer.Exit(2)
    options = BatchOptions(workers=workers, timeout=timeout, engine=engine.value, scheduler=scheduler,
                           cache=cache, mappings=str(mappings) if mappings else None)
    status, kinds = Counter(), Counter()
    severities, failures, n_observations, n_cached = Counter(), [], 0, 0
    planned = plan(corpus)
    total = len(planned.files)
    try:
        with Progress(TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
                      console=console, transient=True, disable=quiet or not console.is_terminal) as progress:
            task = progress.add_task("extracting", total=total)
            for result in run_corpus(corpus, options, planned):
                if isinstance(result, list):  # the cross-year findings close the run
                    outputs.add([], None, result)
                    findings = result
                else:
                    outputs.add(result.observations, result.document, result.findings)
                    findings = result.findings
                    status[result.document["status"]] += 1
                    n_observations += len(result.observations)
                    n_cached += result.cached
                    if result.document["status"] == "failed":
                        failures.append((result.document["source"], result.document["error"]))
                    progress.update(task, advance=1, description=result.path.name[:40])
                kinds.update(f["kind"] for f in findings)
                severities.update(f["severity"] for f in findings)
        paths = outputs.commit()
    except KeyboardInterrupt:
        outputs.abort()
        console.print(f"[yellow]interrupted[/yellow] after {sum(status.values())} of {total} files: nothing was "
                      f"written, and earlier outputs at {out} are as they were")
        raise typer.Exit(INTERRUPTED)
    except BaseException:
        outputs.abort()
        raise
    console.print(
        f"documents: {sum(status.values())} ({status.get('ok', 0)} ok, {status.get('partial', 0)} partial, "
        f"{status.get('failed', 0)} failed{f', {n_cached} from the cache' if cache else ''}); "
        f"observations: {n_observations}; findings: {sum(kinds.values())}"
    )
    for kind, n in sorted(kinds.items()):
        console.print(f"  {kind}: {n}")
    for source, error in failures:
        console.print(f"  [red]failed[/red] {source}: {error}")
    console.print("wrote " + ", ".join(str(p) for p in paths.values()))
    if report:
        frames = [read_back(paths[name], SCHEMAS[name]) for name in ("observations", "documents", "findings")]
        console.print(f"wrote {write_html_report(report, *frames)}")
    if fail_on:
        worst = SEVERITIES[: SEVERITIES.index(fail_on.value) + 1]
        failing = sum(severities[s] for s in worst)
        if failing:
            console.print(f"[red]{failing} finding(s) of severity {' or '.join(worst)}[/red] (--fail-on {fail_on.value})")
            raise typer.Exit(1)


def read_back(path: Path, schema) -> pd.DataFrame:
    """A written table as a DataFrame with the contract's types (integers stay integers, nulls are None)."""
    table = pa_csv.read_csv(path) if path.suffix.lower() == ".csv" else pq.read_table(path)
    return frame(table.to_pylist(), schema)


def main() -> None:
    app()
