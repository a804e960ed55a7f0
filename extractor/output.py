"""Writing the three tables: Parquet or CSV, atomically, so a failed run never leaves a half-written file."""
from __future__ import annotations

import csv
import math
import os
import shutil
import tempfile
from pathlib import Path

import pandas as pd
import pyarrow as pa
import pyarrow.dataset as ds
import pyarrow.parquet as pq

from .schema import DOCUMENTS, FINDINGS, OBSERVATIONS

CSV_ENCODING = "utf-8-sig"  # the BOM makes Excel read the Chinese as UTF-8


def output_paths(out: Path) -> dict[str, Path]:
    """data.parquet -> data.parquet, data.documents.parquet, data.findings.parquet (likewise .csv)."""
    out = Path(out)
    suffix = out.suffix.lower()
    if suffix not in (".parquet", ".csv"):
        raise ValueError(f"--out must end in .parquet or .csv, not {out.name!r}")
    stem = out.with_suffix("")
    return {
        "observations": out,
        "documents": stem.with_name(f"{stem.name}.documents{suffix}"),
        "findings": stem.with_name(f"{stem.name}.findings{suffix}"),
    }


def current_umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def write_atomically(path: Path, write) -> None:
    """Write through a temporary file in the same folder, then rename over the target."""
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    os.close(handle)
    try:
        os.chmod(temporary, 0o666 & ~current_umask())  # mkstemp's 0600 is for the temporary, not the output
        write(temporary)
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def write_tables(out: str | Path, observations: pd.DataFrame, documents: pd.DataFrame, findings: pd.DataFrame) -> dict[str, Path]:
    """Write the three tables next to each other (or as a dataset folder), as `extract` does; returns their
    paths. Nothing is put in place unless all three are written."""
    outputs = CorpusOutputs(out)
    try:
        outputs.add(plain_records(observations), None, plain_records(findings))
        for document in plain_records(documents):
            outputs.add([], document, [])
        return outputs.commit()
    except BaseException:
        outputs.abort()
        raise


def plain_records(df: pd.DataFrame) -> list[dict]:
    """Rows as dicts of plain Python values, missing values (NaN, NA) as None."""
    return [{k: (None if v is None or v is pd.NA or (isinstance(v, float) and math.isnan(v))
                 else v.item() if hasattr(v, "item") else v) for k, v in row.items()}
            for row in df.to_dict("records")]


# Rows buffered per table before they go to disk: bounds memory whatever the corpus size.
BATCH_ROWS = 20_000
SCHEMAS = {"observations": OBSERVATIONS, "documents": DOCUMENTS, "findings": FINDINGS}


class TableStream:
    """One table written as rows arrive, to a temporary file that commit() renames into place."""

    def __init__(self, path: Path, schema: pa.Schema):
        self.path, self.schema = path, schema
        self.row_type = pa.struct(schema)
        path.parent.mkdir(parents=True, exist_ok=True)
        handle, name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
        os.close(handle)
        os.chmod(name, 0o666 & ~current_umask())
        self.temporary = Path(name)
        self.rows: list[dict] = []
        self.count = 0
        self.csv = path.suffix.lower() == ".csv"
        if self.csv:
            self.handle = open(self.temporary, "w", encoding=CSV_ENCODING, newline="")
            self.writer = csv.DictWriter(self.handle, fieldnames=schema.names, extrasaction="ignore")
            self.writer.writeheader()
        else:
            self.writer = pq.ParquetWriter(self.temporary, schema)

    def add(self, rows: list[dict]) -> None:
        self.rows.extend(rows)
        self.count += len(rows)
        if len(self.rows) >= BATCH_ROWS:
            self.flush()

    def flush(self) -> None:
        if not self.rows:
            return
        if self.csv:
            self.writer.writerows({k: csv_cell(r.get(k)) for k in self.schema.names} for r in self.rows)
        else:
            # converted in one pass in C++, a row a struct (three times faster than column by column in Python);
            # from_pandas makes a NaN a null, as a missing value is everywhere else
            rows = pa.array(self.rows, type=self.row_type, from_pandas=True)
            self.writer.write_table(pa.Table.from_struct_array(rows))
        self.rows = []

    def close(self) -> None:
        self.flush()
        (self.handle if self.csv else self.writer).close()

    def commit(self) -> Path:
        self.close()
        os.replace(self.temporary, self.path)
        return self.path

    def abort(self) -> None:
        try:
            (self.handle if self.csv else self.writer).close()
        except Exception:  # already closed or half-written: it is deleted either way
            pass
        self.temporary.unlink(missing_ok=True)


def csv_cell(value):
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return ""
    return value


class CorpusOutputs:
    """The three tables of a run, streamed to disk and put in place together only when the run completes.

    `out` ending in .parquet or .csv gives the file trio; any other `out` is a folder holding a Parquet dataset:
    observations/ (Hive-partitioned by `partition`, e.g. year=2021/), documents.parquet, findings.parquet."""

    def __init__(self, out: str | Path, partition: str | None = None):
        self.out = Path(out)
        self.partition = partition
        suffix = self.out.suffix.lower()
        if suffix and suffix not in (".parquet", ".csv") and not self.out.is_dir():
            raise ValueError(f"--out must end in .parquet or .csv, or name a folder, not {self.out.name!r}")
        self.dataset = suffix not in (".parquet", ".csv")
        if partition and not self.dataset:
            raise ValueError("--partition writes a folder: give --out a folder name, e.g. --out output/data/")
        if partition and partition not in OBSERVATIONS.names:
            raise ValueError(f"cannot partition by {partition!r}: not a column of the observations")
        if self.dataset:
            self.out.parent.mkdir(parents=True, exist_ok=True)
            self.staging = Path(tempfile.mkdtemp(prefix=f".{self.out.name}.", suffix=".tmp", dir=self.out.parent))
            targets = {"observations": self.staging / "observations.parquet",
                       "documents": self.staging / "documents.parquet", "findings": self.staging / "findings.parquet"}
        else:
            self.staging = None
            targets = output_paths(self.out)
        self.streams = {name: TableStream(path, SCHEMAS[name]) for name, path in targets.items()}

    def add(self, observations: list[dict], document: dict | None, findings: list[dict]) -> None:
        self.streams["observations"].add(observations)
        if document is not None:
            self.streams["documents"].add([document])
        self.streams["findings"].add(findings)

    def commit(self) -> dict[str, Path]:
        paths = {name: stream.commit() for name, stream in self.streams.items()}
        if not self.dataset:
            return paths
        if self.partition:
            observations = paths["observations"]
            ds.write_dataset(ds.dataset(observations), self.staging / "observations", format="parquet",
                             partitioning=ds.partitioning(pa.schema([OBSERVATIONS.field(self.partition)]), flavor="hive"),
                             existing_data_behavior="overwrite_or_ignore")
            observations.unlink()
        replace_folder(self.staging, self.out)
        return {name: self.out / (name if name == "observations" and self.partition else f"{name}.parquet")
                for name in self.streams}

    def abort(self) -> None:
        for stream in self.streams.values():
            stream.abort()
        if self.staging:
            shutil.rmtree(self.staging, ignore_errors=True)


def replace_folder(new: Path, target: Path) -> None:
    """Put folder `new` where `target` is, the old one removed only once the new one is in place."""
    if target.exists():
        old = target.with_name(f".{target.name}.old.{os.getpid()}")
        os.replace(target, old)
        os.replace(new, target)
        shutil.rmtree(old, ignore_errors=True)
    else:
        os.replace(new, target)
