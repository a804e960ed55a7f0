"""Cell-level precision, recall and F1 of the extractor against ground truth, by template and by format.

    python bench/accuracy.py                     # the shipped corpus (corpus/truth/*.truth.csv)
    python bench/accuracy.py --real ../shared/real   # also real reports with hand-checked truth

A cell is (source, field, dim). A predicted cell is right when the truth has it with the same value (both
null counts as the same). Precision = right / predicted, recall = right / truth cells.
"""
from __future__ import annotations

import argparse
import math
import sys
from collections import defaultdict
from pathlib import Path

import pandas as pd

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from extractor import extract_file  # noqa: E402
from extractor.mapping import HIGH_CONFIDENCE  # noqa: E402

TOLERANCE = 1e-6


def load_truth(folder: Path, base: Path) -> tuple[pd.DataFrame, pd.DataFrame]:
    truths, documents = [], []
    for path in sorted(folder.glob("*.truth.csv")):
        truth = pd.read_csv(path, dtype={"value": "float64"}, keep_default_na=True)
        truth["path"] = [str(base / s) for s in truth["source"]]
        truths.append(truth)
        docs_path = path.with_name(path.name.replace(".truth.csv", ".documents.csv"))
        if docs_path.exists():
            docs = pd.read_csv(docs_path, dtype=str, keep_default_na=False)
            docs["path"] = [str(base / s) for s in docs["source"]]
            documents.append(docs)
    return (pd.concat(truths, ignore_index=True) if truths else pd.DataFrame(),
            pd.concat(documents, ignore_index=True) if documents else pd.DataFrame())


def same(a, b) -> bool:
    a_null = a is None or (isinstance(a, float) and math.isnan(a))
    b_null = b is None or (isinstance(b, float) and math.isnan(b))
    if a_null or b_null:
        return a_null and b_null
    return abs(float(a) - float(b)) <= TOLERANCE


def score(truth: pd.DataFrame, documents: pd.DataFrame, verbose: bool = False):
    groups = defaultdict(lambda: {"predicted": 0, "truth": 0, "right": 0, "wrong_confident": 0})
    mistakes = []
    meta = {row["path"]: row for _, row in documents.iterrows()} if len(documents) else {}
    for path, expected in truth.groupby("path"):
        report = extract_file(path)
        info = meta.get(path, {})
        template = info.get("template") or report.document["template"]
        group_keys = [f"template={template}", f"format={info.get('format') or report.document['format']}"
                      + (f"/{info.get('producer')}" if info.get("producer") else ""), "all"]
        want = {(r.field, r.dim): r.value for r in expected.itertuples()}
        got = {(r.field, r.dim): (r.value, r.score) for r in report.observations.itertuples()}
        right = sum(1 for key, (value, _) in got.items() if key in want and same(value, want[key]))
        wrong_confident = sum(1 for key, (value, s) in got.items()
                              if s >= HIGH_CONFIDENCE and (key not in want or not same(value, want[key])))
        for key in group_keys:
            g = groups[key]
            g["predicted"] += len(got)
            g["truth"] += len(want)
            g["right"] += right
            g["wrong_confident"] += wrong_confident
        for key in sorted(set(got) | set(want)):
            if key not in got:
                mistakes.append((path, key, "missing", want[key], None))
            elif key not in want:
                mistakes.append((path, key, "extra", None, got[key][0]))
            elif not same(got[key][0], want[key]):
                mistakes.append((path, key, "wrong", want[key], got[key][0]))
        if info.get("template") and report.document["template"] != info["template"]:
            mistakes.append((path, ("template", ""), "wrong", info["template"], report.document["template"]))
        if "agency" in info and (info["agency"] or None) != report.document["agency"]:
            mistakes.append((path, ("agency", ""), "wrong", info["agency"], report.document["agency"]))
        if info.get("year") and str(report.document["year"]) != str(info["year"]):
            mistakes.append((path, ("year", ""), "wrong", info["year"], report.document["year"]))
    return groups, mistakes


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=ROOT / "corpus")
    parser.add_argument("--real", type=Path, action="append", default=[], help="a folder of real reports with truth")
    parser.add_argument("--show", type=int, default=30, help="list this many mistakes")
    args = parser.parse_args(argv)
    truth, documents = load_truth(args.corpus / "truth", args.corpus)
    for folder in args.real:
        real_truth, real_docs = load_truth(folder, folder)
        truth = pd.concat([truth, real_truth], ignore_index=True)
        documents = pd.concat([documents, real_docs], ignore_index=True)
    groups, mistakes = score(truth, documents)
    print(f"{'group':32} {'truth':>7} {'pred':>7} {'right':>7} {'precision':>9} {'recall':>7} {'F1':>7} {'wrong>=high':>11}")
    for key in sorted(groups, key=lambda k: (k == "all", k)):
        g = groups[key]
        precision = g["right"] / g["predicted"] if g["predicted"] else 0.0
        recall = g["right"] / g["truth"] if g["truth"] else 0.0
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        print(f"{key:32} {g['truth']:7d} {g['predicted']:7d} {g['right']:7d} {precision:9.4f} {recall:7.4f} {f1:7.4f} "
              f"{g['wrong_confident']:11d}")
    if mistakes:
        print(f"\n{len(mistakes)} mistakes (first {args.show}):")
        for path, key, what, want, got in mistakes[: args.show]:
            shown = "/".join(Path(path).parts[-2:])
            print(f"  {what:7} {shown[:48]:48} {key[0]}/{key[1]} truth={want} got={got}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
