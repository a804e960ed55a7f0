"""Cells read right and wrong on generated reports whose tables are redrawn as authors and exporters draw them,
in every format and PDF rule style: reports never seen, beyond the shipped corpus.

    python bench/layouts.py [--reports 40] [--seed 33] [--formats docx html pdf:all pdf:none ...]
                            [--redrawings as_drawn turned ...] [--repeat-header N] [--table-font PT]

For each format (pdf:STYLE draws PDFs with that rule style: all, none, three_line, horizontal, columns,
open_sides) and each redrawing (corpus/tools/redraw.py), prints the truth cells, those read right, and those
read wrong (a value other than the truth's, or a cell the truth does not have). Wrong is the figure that
matters: a missing cell is reported by the findings, a wrong one is not. With --repeat-header N, a PDF table
running on to the next page prints its first N rows again atop it (Word's repeated header rows). With
--table-font PT, PDF tables are set in PT points (8 unless told; 10.5 is Word's 五号, common in reports).
"""
from __future__ import annotations

import argparse
import itertools
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "corpus" / "tools"))

from extractor import extract_file  # noqa: E402
from layout import write_docx  # noqa: E402
from redraw import REDRAWINGS, generated_reports, redrawn  # noqa: E402
from render_html import write_html  # noqa: E402
from render_pdf import TABLE_FONT, write_pdf  # noqa: E402

FORMATS = ["docx", "html", "pdf:all", "pdf:none", "pdf:three_line", "pdf:horizontal", "pdf:columns", "pdf:open_sides"]


def write(spec, folder: Path, name: str, format_: str, repeat_header: int = 0,
          table_font: float = TABLE_FONT) -> Path:
    kind, _, rules = format_.partition(":")
    path = folder / f"{name}.{kind}"
    if kind == "docx":
        write_docx(spec, path)
    elif kind == "html":
        write_html(spec, path)
    else:
        write_pdf(spec, path, rules=rules or "all", repeat_header=repeat_header, shrink=table_font / TABLE_FONT)
    return path


def score(path: Path, truth: dict) -> tuple[int, int]:
    """(right, wrong) cells of one file against its truth."""
    got = {(o.field, o.dim): (None if o.value != o.value else o.value) for o in extract_file(path).observations.itertuples()}
    right = sum(1 for key, value in truth.items() if key in got and got[key] == value)
    wrong = sum(1 for key, value in got.items() if truth.get(key, "absent") != value)
    return right, wrong


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--reports", type=int, default=40)
    parser.add_argument("--seed", type=int, default=33)
    parser.add_argument("--formats", nargs="+", default=FORMATS)
    parser.add_argument("--redrawings", nargs="+", default=[n for n in REDRAWINGS if n != "turned"],
                        choices=list(REDRAWINGS))
    parser.add_argument("--repeat-header", type=int, default=0,
                        help="PDF: print a table's first N rows again atop the page it runs on to")
    parser.add_argument("--table-font", type=float, default=TABLE_FONT, help="PDF: the tables' type size (pt)")
    args = parser.parse_args(argv)
    reports = list(itertools.islice(generated_reports(args.seed), args.reports))
    print(f"{args.reports} generated reports (seed {args.seed}), "
          f"{sum(len(report.truth) for _, report in reports)} truth cells a run")
    print(f"{'format':16} {'redrawing':22} {'truth':>6} {'right':>6} {'wrong':>6} {'s':>5}")
    with tempfile.TemporaryDirectory() as folder:
        for format_, name in itertools.product(args.formats, args.redrawings):
            started = time.perf_counter()
            truth_cells = right = wrong = 0
            for i, (_, report) in enumerate(reports):
                truth = {(field, dim): value for field, dim, value in report.truth}
                path = write(redrawn(report.spec, REDRAWINGS[name]), Path(folder), f"r{i}", format_,
                             args.repeat_header, args.table_font)
                r, w = score(path, truth)
                truth_cells, right, wrong = truth_cells + len(truth), right + r, wrong + w
            print(f"{format_:16} {name:22} {truth_cells:6d} {right:6d} {wrong:6d} {time.perf_counter() - started:5.0f}",
                  flush=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
