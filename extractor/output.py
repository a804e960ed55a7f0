"""Writing the three tables: Parquet or CSV, atomically, so a failed run never leaves a half-written file."""
from __future__ import annotations

import os
import tempfile
from pathlib import Path

import pandas as pd
import pyarrow.parquet as pq

from .schema import DOCUMENTS, FINDINGS, OBSERVATIONS, to_arrow

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
    """Write the three tables next to each other; returns their paths."""
    paths = output_paths(Path(out))
    tables = {"observations": (observations, OBSERVATIONS), "documents": (documents, DOCUMENTS),
              "findings": (findings, FINDINGS)}
    for name, (df, schema) in tables.items():
        path = paths[name]
        if path.suffix.lower() == ".csv":
            write_atomically(path, lambda tmp, df=df, schema=schema: df[schema.names].to_csv(tmp, index=False, encoding=CSV_ENCODING))
        else:
            write_atomically(path, lambda tmp, df=df, schema=schema: pq.write_table(to_arrow(df, schema), tmp))
    return paths
