"""The three output tables of the contract (spec SCHEMA.md): column names and Arrow types."""
from __future__ import annotations

import math

import pandas as pd
import pyarrow as pa

OBSERVATIONS = pa.schema([
    ("doc_id", pa.string()), ("source", pa.string()), ("agency", pa.string()), ("year", pa.int64()),
    ("template", pa.string()), ("section", pa.string()), ("field", pa.string()), ("dim", pa.string()),
    ("value", pa.float64()), ("unit", pa.string()), ("raw_label", pa.string()), ("raw_value", pa.string()),
    ("score", pa.float64()), ("page", pa.int64()), ("table", pa.int64()), ("row", pa.int64()), ("col", pa.int64()),
])
DOCUMENTS = pa.schema([
    ("doc_id", pa.string()), ("source", pa.string()), ("format", pa.string()), ("pages", pa.int64()),
    ("status", pa.string()), ("error", pa.string()), ("agency", pa.string()), ("year", pa.int64()),
    ("template", pa.string()), ("n_tables", pa.int64()), ("n_observations", pa.int64()),
    ("sections", pa.string()), ("seconds", pa.float64()),
])
FINDINGS = pa.schema([
    ("doc_id", pa.string()), ("source", pa.string()), ("kind", pa.string()), ("severity", pa.string()),
    ("section", pa.string()), ("field", pa.string()), ("dim", pa.string()), ("detail", pa.string()),
    ("expected", pa.string()), ("actual", pa.string()),
])

INTEGER_COLUMNS = {"year", "page", "table", "row", "col", "pages", "n_tables", "n_observations"}


def frame(records: list[dict], schema: pa.Schema) -> pd.DataFrame:
    """A DataFrame with exactly the schema's columns in order; nullable integers stay integers, text columns
    hold str or None (object dtype). Built column by column: a per-column astype costs several times more."""
    columns = {}
    for name in schema.names:
        values = [record.get(name) for record in records]
        if name in INTEGER_COLUMNS:
            columns[name] = pd.array(values, dtype="Int64")
        elif pa.types.is_floating(schema.field(name).type):
            columns[name] = pd.Series([math.nan if v is None else v for v in values], dtype="float64")
        else:
            columns[name] = pd.Series(values, dtype=object)
    return pd.DataFrame(columns, columns=schema.names)
