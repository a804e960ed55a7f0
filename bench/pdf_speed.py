"""PDF time per page: our whole pipeline against what a plain pdfplumber user pays for the same pages.

    python bench/pdf_speed.py [--repeat 3] [FOLDER ...]

The floor is `pdfplumber.open` + `page.extract_tables()` on every page; ours is `extractor.extract_file`
(reading, table finding, mapping, values). Both are timed in this one run, alternating, best of --repeat,
so the ratio is what to compare across machines. Target: ours <= 1.2 x the floor.
"""
from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

import pdfplumber

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from extractor import extract_file  # noqa: E402


def plain_pdfplumber(path: Path) -> int:
    with pdfplumber.open(path) as pdf:
        for page in pdf.pages:
            page.extract_tables()
        return len(pdf.pages)


def best_time(function, path: Path, repeat: int) -> float:
    times = []
    for _ in range(repeat):
        started = time.perf_counter()
        function(path)
        times.append(time.perf_counter() - started)
    return min(times)


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folders", nargs="*", type=Path, default=[ROOT / "corpus" / "pdf"])
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args(argv)
    files = sorted(p for folder in args.folders for p in (folder.rglob("*.pdf") if folder.is_dir() else [folder]))
    extract_file(files[0])  # imports and mapping load are start-up, not per-page cost
    by_group: dict[str, list[tuple[int, float, float]]] = {}
    for path in files:
        pages = plain_pdfplumber(path)
        floor = best_time(plain_pdfplumber, path, args.repeat)
        ours = best_time(extract_file, path, args.repeat)
        by_group.setdefault(path.parent.name, []).append((pages, floor, ours))
    print(f"{'producer':14} {'files':>5} {'pages':>6} {'floor ms/page':>14} {'ours ms/page':>13} {'ratio':>6} {'median file ratio':>18}")
    everything = []
    for group, rows in sorted(by_group.items()):
        everything += rows
        pages = sum(r[0] for r in rows)
        floor = sum(r[1] for r in rows)
        ours = sum(r[2] for r in rows)
        median = statistics.median(r[2] / r[1] for r in rows)
        print(f"{group:14} {len(rows):5d} {pages:6d} {1000 * floor / pages:14.1f} {1000 * ours / pages:13.1f} "
              f"{ours / floor:6.2f} {median:18.2f}")
    pages = sum(r[0] for r in everything)
    floor = sum(r[1] for r in everything)
    ours = sum(r[2] for r in everything)
    print(f"{'all':14} {len(everything):5d} {pages:6d} {1000 * floor / pages:14.1f} {1000 * ours / pages:13.1f} {ours / floor:6.2f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
