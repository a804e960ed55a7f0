"""Cells read right and wrong on generated reports written as .docx and turned into PDF by LibreOffice, its
tables drawn with other borders, type sizes and line spacings: tables as Word and LibreOffice lay them out (rows
as close as a cell's own lines unless the spacing says otherwise, each cell's text at its top, rows cut by the
page break), which `bench/layouts.py` (reportlab drawing its own tables) does not show.

    python bench/libreoffice.py [--reports 20] [--seed 33] [--borders none all ...] [--sizes 10.5 12]
                                [--spacings single exact:560 auto:360] [--redrawings as_drawn ...]

--borders: the table style's borders (all, none, three: top and bottom only, hrules: between rows, columns:
between columns, open_sides: all but the outer left and right); --sizes: the type size (pt) of the whole
document; --spacings: its line spacing, as Word writes it (exact:560 is a fixed 28 pt, auto:360 is 1.5 lines).
Prints, for each combination and redrawing (corpus/tools/redraw.py), the truth cells, those read right and
those read wrong (a value other than the truth's, blank included, or a cell the truth does not have), then
the reports with cells missed or wrong (index:missed/wrong). Needs LibreOffice (soffice).
"""
from __future__ import annotations

import argparse
import itertools
import shutil
import subprocess
import sys
import tempfile
import time
import zipfile
from pathlib import Path

from lxml import etree

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "corpus" / "tools"))
sys.path.insert(0, str(ROOT / "bench"))

from layout import write_docx  # noqa: E402
from layouts import score  # noqa: E402
from redraw import REDRAWINGS, generated_reports, redrawn  # noqa: E402

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
SIDES = ("top", "left", "bottom", "right", "insideH", "insideV")
BORDERS = {"all": SIDES, "none": (), "three": ("top", "bottom"), "hrules": ("top", "bottom", "insideH"),
           "columns": ("left", "right", "insideV"), "open_sides": ("top", "bottom", "insideH", "insideV")}


def restyled(docx: Path, target: Path, borders: tuple[str, ...], size: float, spacing: str) -> None:
    """A copy of `docx` whose table style draws only `borders`, its text `size` pt, its lines `spacing` apart
    ("single", or rule:value as Word's w:spacing says it, in the document's default style and the table's)."""
    with zipfile.ZipFile(docx) as package, zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as copy:
        for item in package.infolist():
            data = package.read(item.filename)
            if item.filename == "word/styles.xml":
                styles = etree.fromstring(data)
                for side in styles.iter(*(f"{W}{name}" for name in SIDES)):
                    if side.getparent().tag == f"{W}tblBorders":
                        side.set(f"{W}val", "single" if etree.QName(side).localname in borders else "nil")
                for style in styles.iter(f"{W}style"):
                    if style.get(f"{W}styleId") == "Normal":
                        style.find(f"{W}rPr/{W}sz").set(f"{W}val", str(round(size * 2)))
                    if spacing != "single" and style.get(f"{W}styleId") in ("Normal", "TableGrid"):
                        rule, line = spacing.split(":")
                        properties = style.find(f"{W}pPr")
                        if properties is None:
                            properties = etree.Element(f"{W}pPr")
                            style.insert(2, properties)
                        lines = properties.find(f"{W}spacing")
                        if lines is None:
                            lines = etree.SubElement(properties, f"{W}spacing")
                        lines.set(f"{W}line", line)
                        lines.set(f"{W}lineRule", rule)
                data = etree.tostring(styles, xml_declaration=True, encoding="UTF-8", standalone=True)
            copy.writestr(item, data)


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--reports", type=int, default=20)
    parser.add_argument("--seed", type=int, default=33)
    parser.add_argument("--borders", nargs="+", default=list(BORDERS), choices=list(BORDERS))
    parser.add_argument("--sizes", nargs="+", type=float, default=[10.5])
    parser.add_argument("--spacings", nargs="+", default=["single"])
    parser.add_argument("--redrawings", nargs="+", default=[n for n in REDRAWINGS if n != "turned"],
                        choices=list(REDRAWINGS))
    args = parser.parse_args(argv)
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if not soffice:
        print("LibreOffice (soffice) is not installed", file=sys.stderr)
        return 1
    reports = list(itertools.islice(generated_reports(args.seed), args.reports))
    print(f"{args.reports} generated reports (seed {args.seed}), {sum(len(r.truth) for _, r in reports)} truth cells a run")
    print(f"{'borders':10} {'size':>4} {'spacing':9} {'redrawing':22} {'truth':>6} {'right':>6} {'wrong':>5} {'s':>4}  "
          "missed/wrong by report")
    with tempfile.TemporaryDirectory() as scratch:
        folder = Path(scratch)
        for name in args.redrawings:
            for i, (_, report) in enumerate(reports):
                write_docx(redrawn(report.spec, REDRAWINGS[name]), folder / f"{name}_{i}.docx")
        for borders, size, spacing in itertools.product(args.borders, args.sizes, args.spacings):
            started = time.perf_counter()
            variant = folder / f"{borders}_{size:g}_{spacing.replace(':', '')}"
            variant.mkdir()
            for docx in folder.glob("*.docx"):
                restyled(docx, variant / docx.name, BORDERS[borders], size, spacing)
            subprocess.run([soffice, "--headless", "--convert-to", "pdf", "--outdir", str(variant),
                            *map(str, sorted(variant.glob("*.docx")))], check=True, capture_output=True, timeout=3600)
            for name in args.redrawings:
                truth_cells = right = wrong = 0
                off = []
                for i, (_, report) in enumerate(reports):
                    truth = {(field, dim): value for field, dim, value in report.truth}
                    r, w = score(variant / f"{name}_{i}.pdf", truth)
                    truth_cells, right, wrong = truth_cells + len(truth), right + r, wrong + w
                    if r < len(truth) or w:
                        off.append(f"{i}:{len(truth) - r}/{w}")
                print(f"{borders:10} {size:4g} {spacing:9} {name:22} {truth_cells:6d} {right:6d} {wrong:5d} "
                      f"{time.perf_counter() - started:4.0f}  {' '.join(off)}", flush=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
