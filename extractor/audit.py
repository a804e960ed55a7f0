"""Checks an auditor needs, as findings: identities, required sections and fields, prose against tables,
consecutive years, duplicates. The rules are data in mappings/ (identities.yaml, templates.yaml, prose.yaml)."""
from __future__ import annotations

import fnmatch
import hashlib
import re
from functools import lru_cache

import pandas as pd

from .mapping import Finding
from .mappings import FieldSpec, Mappings
from .normalize import format_number, squash

TOLERANCE = 1e-6
# Two documents with the same agency, year and at least this many identical cells are one report.
MIN_CELLS_FOR_DUPLICATE = 20
FORMAT_FIDELITY = {"docx": 0, "doc": 1, "rtf": 1, "html": 2, "mht": 2, "pdf": 3}

Cells = dict[tuple[str, str], float | None]


def number(value: float | None) -> str:
    return "blank" if value is None else format_number(value)


@lru_cache(maxsize=4096)
def field_matcher(pattern: str):
    """A compiled test for a field pattern such as 'requests.result.*' (fnmatch's, compiled once)."""
    return re.compile(fnmatch.translate(pattern)).match


class Observed:
    """A document's cells, with the fields a pattern such as 'requests.result.*' names found once per pattern
    (a document is checked against dozens of rules, most naming the same patterns)."""

    def __init__(self, cells: Cells):
        self.cells = cells
        self.fields = sorted({f for f, _ in cells})
        self.by_pattern: dict[str, list[str]] = {}

    def matching(self, field_pattern: str) -> list[str]:
        """The observed fields `field_pattern` names, sorted."""
        found = self.by_pattern.get(field_pattern)
        if found is None:
            matches = field_matcher(field_pattern)
            found = self.by_pattern[field_pattern] = [f for f in self.fields if matches(f)]
        return found

    def expand(self, patterns: list[str], field: str | None, dim: str | None) -> dict[tuple[str, str], None]:
        """The observed cells 'field:dim' patterns name, each once, in order ({field} and {dim} filled in; a
        field may end in *)."""
        found: dict[tuple[str, str], None] = {}
        cells = self.cells
        for pattern in patterns:
            field_pattern, cell_dim = filled_pattern(pattern, field, dim)
            if "*" in field_pattern:
                for name in self.matching(field_pattern):
                    if (name, cell_dim) in cells:
                        found[(name, cell_dim)] = None
            elif (field_pattern, cell_dim) in cells:
                found[(field_pattern, cell_dim)] = None
        return found

    def side(self, patterns: list[str], field: str | None,
             dim: str | None) -> list[tuple[tuple[str, str], float | None]]:
        """The cells of one side of a rule, with their values."""
        return [(key, self.cells[key]) for key in self.expand(patterns, field, dim)]

    def rule_instances(self, rule: dict):
        """Each (field, dim) to fill in a rule's {field} and {dim} with, for the cells the document has (None
        where the rule names none)."""
        fields = [f for pattern in rule.get("fields", []) for f in self.matching(pattern)]
        if "fields" in rule and not fields:
            return
        for field in fields or [None]:
            for dim in rule.get("dims") or [None]:
                yield field, dim


@lru_cache(maxsize=4096)
def filled_pattern(pattern: str, field: str | None, dim: str | None) -> tuple[str, str]:
    """(field pattern, dim) of a 'field:dim' pattern with its {field} and {dim} filled in."""
    names = {k: v for k, v in (("field", field), ("dim", dim)) if v is not None}
    field_pattern, dim = pattern.format(**names).rsplit(":", 1)
    return field_pattern, dim


def describe(items) -> str:
    """Cells named briefly: 'requests.received_new: natural_person + commercial' or 'a + b [total]'."""
    fields = {field for (field, _), _ in items}
    dims = {dim for (_, dim), _ in items}
    if len(fields) == 1:
        return f"{next(iter(fields))}: " + " + ".join(dim for (_, dim), _ in items)
    if len(dims) == 1:
        return " + ".join(field for (field, _), _ in items) + f" [{next(iter(dims))}]"
    return " + ".join(f"{field}/{dim}" for (field, dim), _ in items)


# Key sets remembered: 500 generated reports have 25; each costs a few kilobytes, so memory stays flat.
@lru_cache(maxsize=256)
def identity_checks(template: str, present: frozenset, mappings: Mappings) -> tuple[tuple[dict, tuple, tuple], ...]:
    """(rule, cells of its left side, cells of its right side) for each identity instance a document with the
    cells `present` is checked against. Which cells a rule names depends only on which cells there are, and
    documents of one format mostly have the same: worked out once for them all."""
    observed = Observed(dict.fromkeys(present))
    checks = []
    for rule in identities_of(template, mappings):
        for named_field, named_dim in observed.rule_instances(rule):
            left = tuple(observed.expand(rule["left"], named_field, named_dim))
            right = tuple(observed.expand(rule["right"], named_field, named_dim))
            if left and right:
                checks.append((rule, left, right))
    return tuple(checks)


def check_identities(cells: Cells, template: str, mappings: Mappings) -> list[Finding]:
    """identity_violation for each identity of the format that the document's numbers break."""
    findings = []
    for rule, left_cells, right_cells in identity_checks(template, frozenset(cells), mappings):
        left = [(key, cells[key]) for key in left_cells]
        right = [(key, cells[key]) for key in right_cells]
        left_sum = sum(v or 0.0 for _, v in left)
        right_sum = sum(v or 0.0 for _, v in right)
        if abs(left_sum - right_sum) <= TOLERANCE:
            continue
        (field, dim), _ = left[0]
        left_text = " + ".join(number(v) for _, v in left)
        right_text = " + ".join(number(v) for _, v in right)
        findings.append(Finding(
            "identity_violation", "error",
            f"{rule['name']}: {describe(left)} ({left_text}) = {number(left_sum)}, but {describe(right)} "
            f"({right_text}) = {number(right_sum)}; {rule.get('detail', '')}",
            section=mappings.fields[field].section if field in mappings.fields else None,
            field=field, dim=dim, expected=number(right_sum), actual=number(left_sum),
        ))
    return findings


@lru_cache(maxsize=64)
def identities_of(template: str, mappings: Mappings) -> tuple[dict, ...]:
    """The identities a report format is checked against."""
    return tuple(rule for rule in mappings.identities if template in [str(t) for t in rule.get("templates", [])])


def check_required(cells: Cells, sections: set[str], headed: set[str], template: str,
                   mappings: Mappings) -> list[Finding]:
    """missing_section for required sections absent; missing_field for rows (or columns) a format's table lacks."""
    findings = []
    for section in mappings.required_sections.get(template, []):
        if section not in sections:
            findings.append(Finding("missing_section", "warning",
                                    f"the {template} format requires a '{section}' section; none was found",
                                    section=section))
    required = required_specs(template, mappings)
    if not required:
        return findings
    present_fields = {f for f, _ in cells}
    observed_sections = {mappings.fields[f].section for f in present_fields if f in mappings.fields}
    optional = set()  # the forms of an alternative that need not be there
    for members in alternative_fields(mappings):
        if any(f in present_fields for f in members):
            optional |= {f for f in members if f not in present_fields}
        else:
            optional |= set(members[1:])
    for section in sorted(headed - observed_sections):
        if any(spec.section == section for spec, _ in required):
            findings.append(Finding("missing_field", "warning",
                                    f"the '{section}' section has no table of the {template} format, or it was not recognised",
                                    section=section))
    for spec, wanted in required:
        if spec.id in optional or spec.section not in observed_sections:
            continue
        if spec.id not in present_fields:
            findings.append(Finding("missing_field", "warning",
                                    f"{spec.id} ({spec.label}) is absent from the {template} table",
                                    section=spec.section, field=spec.id))
            continue
        for dim in wanted:
            if (spec.id, dim) not in cells:
                findings.append(Finding("missing_field", "warning",
                                        f"{spec.id} has no '{dim}' column in the {template} table",
                                        section=spec.section, field=spec.id, dim=dim))
    return findings


@lru_cache(maxsize=16)
def alternative_fields(mappings: Mappings) -> tuple[tuple[str, ...], ...]:
    """The fields of each group of alternatives (forms of one row of which a table needs only one)."""
    return tuple(tuple(f for f in mappings.fields if any(field_matcher(g)(f) for g in group))
                 for group in mappings.alternatives)


@lru_cache(maxsize=64)
def required_specs(template: str, mappings: Mappings) -> tuple[tuple[FieldSpec, tuple[str, ...]], ...]:
    """(field, dims its row must have) for each field the format's tables hold (templates.yaml)."""
    national = "2019" if template == "hybrid" else template
    required = []
    for pattern, dims in mappings.required_fields.get(template, {}).items():
        for spec in mappings.fields.values():
            if field_matcher(pattern)(spec.id) and national in spec.templates:
                required.append((spec, tuple(d for d in dims if d in spec.dims)))
    return tuple(required)


def check_prose(text: str, cells: Cells, mappings: Mappings) -> list[Finding]:
    """text_table_mismatch where a figure the prose states is not the table's (a blank cell reads as 0)."""
    squashed = squash(text)
    findings = []
    for figure in mappings.figures:
        field, dim = figure["cell"].rsplit(":", 1)
        if (field, dim) not in cells:
            continue
        table_value = cells[(field, dim)] or 0.0
        stated = []
        for pattern in figure["patterns"]:
            for match in pattern.finditer(squashed):
                value = float(figure["value"]) if "value" in figure else float(match.group(1))
                stated.append((value, match.group(0)))
        if stated and not any(abs(value - table_value) <= TOLERANCE for value, _ in stated):
            value, quote = stated[0]
            findings.append(Finding(
                "text_table_mismatch", "warning",
                f"the text says “{quote}” but the table's {field}/{dim} is {number(cells[(field, dim)])}",
                section=mappings.fields[field].section, field=field, dim=dim,
                expected=number(value), actual=number(cells[(field, dim)]),
            ))
    return findings


def audit_document(cells: Cells, text: str, sections: set[str], headed: set[str], template: str,
                   mappings: Mappings) -> list[Finding]:
    """Every per-document check."""
    return (check_identities(cells, template, mappings)
            + check_required(cells, sections, headed, template, mappings)
            + check_prose(text, cells, mappings))


# ----------------------------------------------------------------------------- across documents


def fingerprint(cells: Cells) -> str:
    """A short digest of a document's numbers, to recognise the same report under another file."""
    text = "\n".join(f"{f}|{d}|{v!r}" for (f, d), v in sorted(cells.items()))
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


class CorpusAudit:
    """Checks across documents, fed one document at a time so a corpus never has to fit in memory: duplicates
    (counted once) and consecutive years of one agency. Feed the most faithful copies first (see FORMAT_FIDELITY):
    of two copies, the one fed first is kept."""

    def __init__(self, mappings: Mappings):
        self.mappings = mappings
        self.by_digest: dict[str, str] = {}
        self.by_numbers: dict[tuple, str] = {}
        self.years: dict[tuple[str, int], tuple[str, str, Cells]] = {}  # (agency, year) -> doc_id, source, cells
        self.cross_year_fields = {
            pattern.split(":")[0] for rule in mappings.cross_year
            for pattern in [rule["this_year"], *rule["last_year"]]
        } | {f for rule in mappings.cross_year for f in rule.get("fields", [])}

    def accept(self, document: dict, cells: Cells) -> dict | None:
        """A duplicate finding when `document` repeats one already accepted (its observations must then be
        dropped), else None."""
        if document["status"] == "failed":
            return None
        original, why = self.by_digest.get(document["doc_id"]), "the same file content"
        year = document.get("year")
        key = None
        if original is None and len(cells) >= MIN_CELLS_FOR_DUPLICATE and year is not None and not pd.isna(year):
            key = (document.get("agency"), int(year), fingerprint(cells))
            original, why = self.by_numbers.get(key), "the same agency, year and numbers"
        if original is not None:
            return {
                "doc_id": document["doc_id"], "source": document["source"], "kind": "duplicate",
                "severity": "warning", "section": None, "field": None, "dim": None,
                "detail": f"{why} as {original}: its observations are counted once, under that file",
                "expected": original, "actual": document["source"],
            }
        self.by_digest[document["doc_id"]] = document["source"]
        if key is not None:
            self.by_numbers[key] = document["source"]
        if document.get("agency") and year is not None and not pd.isna(year):
            wanted = {k: v for k, v in cells.items() if any(field_matcher(f)(k[0]) for f in self.cross_year_fields)}
            self.years.setdefault((document["agency"], int(year)), (document["doc_id"], document["source"], wanted))
        return None

    def finish(self) -> list[dict]:
        """cross_year_mismatch where an agency's report does not carry on from its report of the year before."""
        findings = []
        for (agency, year), (doc_id, source, this) in sorted(self.years.items()):
            previous = self.years.get((agency, year - 1))
            if previous is None:
                continue
            _, previous_source, last = previous
            this_observed, last_observed = Observed(this), Observed(last)
            for rule in self.mappings.cross_year:
                for named_field, named_dim in Observed({**this, **last}).rule_instances(rule):
                    this_key = list(this_observed.expand([rule["this_year"]], named_field, named_dim))
                    last_items = last_observed.side(rule["last_year"], named_field, named_dim)
                    if not this_key or not last_items:
                        continue
                    now = this[this_key[0]] or 0.0
                    before = sum(v or 0.0 for _, v in last_items)
                    if abs(now - before) <= TOLERANCE:
                        continue
                    field, dim = this_key[0]
                    findings.append({
                        "doc_id": doc_id, "source": source, "kind": "cross_year_mismatch", "severity": "warning",
                        "section": self.mappings.fields[field].section, "field": field, "dim": dim,
                        "detail": f"{rule['name']}: {year} {field}/{dim} is {number(this[this_key[0]])}, but the "
                                  f"{year - 1} report ({previous_source}) gives {describe(last_items)} = "
                                  f"{number(before)} ({rule.get('detail', '')})",
                        "expected": number(before), "actual": number(this[this_key[0]]),
                    })
        return findings
