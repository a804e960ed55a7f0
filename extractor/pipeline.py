"""One report file in, its observations, document row and findings out; a folder of them likewise."""
from __future__ import annotations

import hashlib
import os
import time
from collections.abc import Iterator
from dataclasses import dataclass, replace
from pathlib import Path

import pandas as pd

from .audit import audit_document
from .document import Document, Table
from .mapping import (Finding, MappingState, drop_group_rows, keep_best, map_captioned_table, map_table,
                      map_turned_table)
from .mappings import Mappings, load_mappings
from .metadata import find_metadata
from .normalize import parse_value
from .readers import ReadError, read_document, sniff_format
from .schema import DOCUMENTS, FINDINGS, OBSERVATIONS, frame
from .sections import find_sections

REPORT_EXTENSIONS = {".docx", ".doc", ".pdf", ".htm", ".html", ".wps", ".rtf", ".mht", ".mhtml"}
SECTION_ORDER = ["overview", "proactive", "response", "requests", "review_litigation", "capacity", "problems",
                 "other_matters"]
HASH_CHUNK = 1 << 20
DOC_ID_CHARS = 16  # the doc_id: this many hex digits of the file's SHA-256
# Reports up to this year use the 2019 national form when no table says which form it is.
LAST_2019_FORMAT_YEAR = 2020


@dataclass
class Report:
    """Everything extracted from one file: the three contract tables, for that file alone."""

    observations: pd.DataFrame
    documents: pd.DataFrame
    findings: pd.DataFrame

    @property
    def document(self) -> dict:
        return self.documents.iloc[0].to_dict()

    @property
    def status(self) -> str:
        return self.document["status"]

    def value(self, field: str, dim: str):
        """The value of one (field, dim) cell, or KeyError when the report has no such cell."""
        rows = self.observations[(self.observations["field"] == field) & (self.observations["dim"] == dim)]
        if rows.empty:
            raise KeyError((field, dim))
        value = rows.iloc[0]["value"]
        return None if pd.isna(value) else float(value)


def safe_source(path: Path, root: Path | None) -> str:
    """The path relative to `root` (or the file name), '/'-separated; bytes that are not UTF-8 shown as \\xNN,
    never dropped."""
    relative = path.relative_to(root) if root and root != path else Path(path.name)
    return os.fsencode(relative.as_posix()).decode("utf-8", "backslashreplace")


def content_digest(path: Path) -> str:
    """SHA-256 of a file's bytes, read in chunks."""
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        for chunk in iter(lambda: handle.read(HASH_CHUNK), b""):
            digest.update(chunk)
    return digest.hexdigest()


def decide_template(hints: set[str], has_national_tables: bool, year: int | None) -> str:
    """The document's format from its tables' formats (spec SCHEMA.md, "Report formats")."""
    national = hints & {"2019", "2021"}
    if "legacy" in hints and (national or has_national_tables):
        return "hybrid"
    if "2021" in national:
        return "2021"
    if "2019" in national:
        return "2019"
    if "legacy" in hints:
        return "legacy"
    if has_national_tables:
        if year is None:
            return "unknown"
        return "2019" if year <= LAST_2019_FORMAT_YEAR else "2021"
    return "unknown"


def captioned_tables(document: Document) -> list[tuple[Table, str]]:
    """Each table with the text of the paragraph printed just above it ('' when another table is)."""
    tables, caption = [], ""
    for block in document.blocks:
        if isinstance(block, Table):
            tables.append((block, caption))
            caption = ""
        elif block.text.strip():
            caption = block.text.strip()
    return tables


def numbers_read(result) -> int:
    return sum(value.value is not None for value in result.values)


def explains_little(result, table: Table) -> bool:
    """Whether a reading of a table maps fewer than half the numbers it prints (the cells are counted only
    when it maps fewer than half as many values as the table has cells)."""
    read = numbers_read(result)
    if 2 * read >= table.n_rows * table.n_cols:
        return False
    printed = sum(parse_value(cell.text).value is not None for r in range(table.n_rows) for cell in table.row_cells(r))
    return 2 * read < printed


def map_document(document: Document, mappings: Mappings):
    """All tables of a document mapped in order, the header of one table carried to a headerless next."""
    state, turned_state = MappingState(), MappingState()
    values, findings, hints, group_rows = [], [], set(), []
    national = False
    recognised_tables = 0
    for index, (table, caption) in enumerate(captioned_tables(document)):
        result = map_table(table, index, mappings, state)
        if not result.recognised or explains_little(result, table):
            # a table turned about its diagonal may also show column names the first reading knows, and yet
            # give it no value, or a few (the request table with 申请人情况 down and 三、本年度办理结果 across:
            # its rows 其他 and 总计 read as the fields of those names)
            trial = replace(turned_state)
            turned = map_turned_table(table, index, mappings, trial)
            # kept only if it maps more numbers: a header alone (its rows on the next page) read turned is a
            # row of blank values, which says nothing
            kept_turned = bool(turned) and numbers_read(turned) > numbers_read(result)
            # a next table read turned may be the rest of this one, without its applicants down: read under
            # the header this one's turned reading found
            turned_state = trial if kept_turned else MappingState()
            if kept_turned or result.recognised:
                # whichever reading is kept, the header the upright one found explains too little of its own
                # table for a next table without a header to be read under it
                state.columns = None
            if kept_turned:
                result = turned
        else:
            turned_state = MappingState()
        if not result.values and caption:
            result = map_captioned_table(table, caption, index, mappings) or result
        values.extend(result.values)
        group_rows.extend(result.group_rows)
        findings.extend(result.findings)
        hints |= result.templates
        recognised_tables += result.recognised
        national |= any(v.section in ("requests", "review_litigation") and "legacy" not in mappings.fields[v.field].templates
                        for v in result.values)
    values, duplicates = keep_best(drop_group_rows(group_rows, values))
    return values, findings + duplicates, hints, national, recognised_tables


def extract_document(document: Document, doc_id: str, source: str, mappings: Mappings):
    """(observation records, document record, finding records) of a document that was read."""
    agency, year = find_metadata(document, Path(source).name)
    values, findings, hints, national, recognised = map_document(document, mappings)
    template = decide_template(hints, national, year)
    placed = find_sections(document, mappings)
    headed = {s for s in placed if s and s != "other"}
    sections = headed | {v.section for v in values}
    cells = {(v.field, v.dim): v.value for v in values}
    text = "\n".join(p.text for p in document.paragraphs)
    findings += audit_document(cells, text, sections, headed, template, mappings)
    common = {"doc_id": doc_id, "source": source}
    observations = [v.record(doc_id, source, agency, year, template) for v in values]
    if not document.tables:
        findings.append(Finding("no_tables", "warning", "the document holds no table: is it an annual report?"))
    elif not recognised:
        findings.append(Finding("no_tables", "warning", "no table of a known report format was recognised"))
    if agency is None or year is None:
        missing = " and ".join(name for name, v in (("agency", agency), ("year", year)) if v is None)
        findings.append(Finding("unknown_metadata", "warning", f"{missing} not found in the title, file name or prose"))
    document_record = {
        **common, "format": document.format, "pages": document.pages,
        "status": "partial" if document.warnings else "ok",
        "error": "; ".join(document.warnings) or None,
        "agency": agency, "year": year, "template": template, "n_tables": len(document.tables),
        "n_observations": len(observations),
        "sections": " ".join(s for s in SECTION_ORDER if s in sections),
    }
    finding_records = [{**common, **vars(f)} for f in findings]
    return observations, document_record, finding_records


def failed_record(doc_id: str, source: str, format_: str, message: str) -> tuple[dict, dict]:
    document = {
        "doc_id": doc_id, "source": source, "format": format_, "pages": None, "status": "failed",
        "error": message, "agency": None, "year": None, "template": "unknown", "n_tables": 0,
        "n_observations": 0, "sections": "",
    }
    finding = {"doc_id": doc_id, "source": source, "kind": "parse_error", "severity": "error",
               "section": None, "field": None, "dim": None, "detail": message, "expected": None, "actual": None}
    return document, finding


def extract_records(path: Path, root: Path | None = None, mappings: Mappings | None = None,
                    kind: str | None = None, digest: str | None = None):
    """(observations, document, findings) records of one file; a file that cannot be read is a failed row.
    `kind` (the sniffed format) and `digest` (its content_digest) are taken as given when the caller has them."""
    started = time.perf_counter()
    path = Path(path)
    mappings = mappings or load_mappings()
    source = safe_source(path, root)
    try:
        doc_id = (digest or content_digest(path))[:DOC_ID_CHARS]
    except OSError as exc:
        doc_id = hashlib.sha256(source.encode()).hexdigest()[:DOC_ID_CHARS]
        document, finding = failed_record(doc_id, source, "unknown", f"cannot read the file: {exc.strerror or exc}")
        document["seconds"] = time.perf_counter() - started
        return [], document, [finding]
    format_ = "unknown"
    try:
        format_ = kind or sniff_format(path)
        document = read_document(path, format_)
        observations, document_record, findings = extract_document(document, doc_id, source, mappings)
    except ReadError as exc:
        observations = []
        document_record, finding = failed_record(doc_id, source, format_, str(exc))
        findings = [finding]
    except Exception as exc:  # a bug or a file no reader foresaw must not stop the batch
        observations = []
        document_record, finding = failed_record(doc_id, source, format_, f"unexpected error: {type(exc).__name__}: {exc}")
        findings = [finding]
    document_record["seconds"] = round(time.perf_counter() - started, 4)
    return observations, document_record, findings


def extract_file(path: str | Path, mappings: Mappings | None = None) -> Report:
    """Extract one report file. Never raises for a bad file: its Report has a failed document row."""
    observations, document, findings = extract_records(Path(path), None, mappings)
    return Report(frame(observations, OBSERVATIONS), frame([document], DOCUMENTS), frame(findings, FINDINGS))


def is_report_file(path: Path) -> bool:
    """Report extensions, plus any file whose content is a PDF or Word file whatever its name says."""
    if path.name.startswith((".", "~$")):
        return False
    if path.suffix.lower() in REPORT_EXTENSIONS:
        return True
    try:
        return sniff_format(path) in ("pdf", "docx", "doc", "rtf", "mht")
    except (OSError, ReadError):
        return False


def iter_report_files(folder: Path) -> Iterator[Path]:
    """Report files under `folder`, sorted, each once (symlink loops are not followed)."""
    folder = Path(folder)
    if folder.is_file():
        yield folder
        return
    for dirpath, dirnames, filenames in os.walk(folder, followlinks=False):
        dirnames[:] = sorted(d for d in dirnames if not d.startswith("."))
        for name in sorted(filenames):
            path = Path(dirpath) / name
            if is_report_file(path):
                yield path
