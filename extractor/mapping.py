"""Map a table's column headers and row labels onto canonical (field, dim) cells."""
from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from functools import lru_cache

from rapidfuzz import fuzz, process

from .document import Cell, Table
from .mappings import DimName, FieldSpec, Mappings
from .normalize import (CLOSING, LEVEL_NONE, OPENING, Label, is_unit_word, money_factor, parse_label, parse_value,
                        squash, unbracketed)

# Row-label scores (0-100). Below LOW_CONFIDENCE a row is not mapped; below HIGH_CONFIDENCE it is mapped
# with a low_confidence finding. Calibrated on the generated corpus (bench/accuracy.py).
LOW_CONFIDENCE = 75.0
HIGH_CONFIDENCE = 90.0
# Two fields scoring within this margin of each other are too close to call with high confidence.
AMBIGUITY_MARGIN = 3.0
# A header cell must match a known column header this well to give its column a dim (or a field group).
DIM_MATCH = 85.0
GROUP_MATCH = 88.0
# A context label must match a field's parent this well (or contain it) to count as that parent.
PARENT_MATCH = 85.0
PARENT_MISSING_PENALTY = 25.0
ORDINAL_BONUS = 5.0
ORDINAL_PENALTY = 10.0
# Substring matches count for truncated labels, discounted, when the shorter text is long enough to mean something.
PARTIAL_WEIGHT = 0.9
MIN_PARTIAL_CHARS = 6
SCORE_DIGITS = 3
# A column header that is only a year: 2017年, 2017年度, 2017年统计数
YEAR_HEADER = re.compile(r"((?:19|20)\d{2})年度?(?:统计)?数?")


@dataclass
class Column:
    dim: str | None = None
    group: str | None = None  # field id named by a column group header
    header: str = ""  # raw header texts, top to bottom
    template: str | None = None
    is_unit: bool = False
    year: int | None = None  # the year a header that is only a year names (2017年)
    earlier_year: bool = False  # a column of an earlier year than the report's, beside it: not read
    score: float = 100.0


@dataclass(slots=True)
class CellValue:
    field: str
    dim: str
    section: str
    value: float | None
    unit: str
    raw_label: str
    raw_value: str
    score: float
    page: int | None
    table: int
    row: int
    col: int

    def record(self, doc_id: str, source: str, agency: str | None, year: int | None, template: str) -> dict:
        """The observation row of this cell in the document named (spec SCHEMA.md, observations). Spelt out: a
        dict display builds in half the time of dict(zip(...)), and a report has a hundred or more cells."""
        return {"doc_id": doc_id, "source": source, "agency": agency, "year": year, "template": template,
                "field": self.field, "dim": self.dim, "section": self.section, "value": self.value,
                "unit": self.unit, "raw_label": self.raw_label, "raw_value": self.raw_value, "score": self.score,
                "page": self.page, "table": self.table, "row": self.row, "col": self.col}


@dataclass
class Finding:
    kind: str
    severity: str
    detail: str
    section: str | None = None
    field: str | None = None
    dim: str | None = None
    expected: str | None = None
    actual: str | None = None


@dataclass
class TableResult:
    values: list[CellValue] = field(default_factory=list)
    findings: list[Finding] = field(default_factory=list)
    templates: set[str] = field(default_factory=set)
    recognised: bool = False
    # the last row read, when it printed only blanks: (row, label, its values), for a label wrapped onto the
    # next row with the numbers
    blank_row: tuple[int, str, list[CellValue]] | None = None
    # rows of blanks whose field may head rows of its own (2021 （六）其他处理): dropped by drop_group_rows when
    # the document has those rows, in this table or the next (a table split by a page break)
    group_rows: list[tuple[FieldSpec, list[CellValue], int]] = field(default_factory=list)


@dataclass
class ColumnPlan:
    """What every data row under one header needs to know of its columns, worked out once per header."""

    columns: list[Column]
    value_cols: list[int]
    label_cols: list[int]  # left of the first value column, units aside
    unit_col: int | None
    grouped: bool  # some value column takes its field from a group header: rows are read by column
    by_group: list[tuple[int, FieldSpec]]  # those whose group has the column's dim
    candidates: tuple[FieldSpec, ...]  # the fields a row may be
    mappings: Mappings


def plan_columns(columns: list[Column], mappings: Mappings) -> ColumnPlan:
    value_cols = [c for c, col in enumerate(columns) if col.dim]
    first_value_col = value_cols[0] if value_cols else 0
    grouped = [c for c in value_cols if columns[c].group]
    return ColumnPlan(
        columns=columns, value_cols=value_cols,
        label_cols=[c for c in range(first_value_col) if not columns[c].is_unit and not columns[c].earlier_year],
        unit_col=next((c for c, col in enumerate(columns) if col.is_unit), None),
        grouped=bool(grouped),
        by_group=[(c, mappings.fields[columns[c].group]) for c in grouped
                  if columns[c].dim in mappings.fields[columns[c].group].dims],
        candidates=candidate_fields(columns, mappings),
        mappings=mappings,
    )


@dataclass
class MappingState:
    """What one table passes to the next in a document: its header, for a next table that has none."""

    columns: list[Column] | None = None
    n_cols: int = 0


@lru_cache(maxsize=1 << 14)
def best_dim(text: str, mappings: Mappings, allowed: tuple[str, ...] | None = None):
    """The column header name best matching `text` (among the `allowed` dims, if given), with its score.
    Of equally good names the first listed in columns.yaml wins. A header whose lines read as no column name
    is read by its last lines too: a title over the columns may be read into the header cell below it (第二十条
    第（一）项 over 本年制发件数, in a table without rules). A header naming a group of dims (columns.yaml
    dim_groups) names none, unless its last lines name a column better (法人或其他组织 over 其他, the group's
    name printed in each of its cells)."""
    name, score = dim_of(text, mappings, allowed)
    lines = [line for line in text.splitlines() if line.strip()]
    for k in range(1, len(lines)) if score < DIM_MATCH else ():
        tail_name, tail_score = dim_of("\n".join(lines[k:]), mappings, allowed)
        if tail_score > score:
            name, score = tail_name, tail_score
    if dim_group_score(text, mappings) >= max(score, DIM_MATCH):
        return None, 0.0  # 法人或其他组织 alone over a column is a group's name, however close to 其他组织
    return name, score


@lru_cache(maxsize=1 << 14)
def dim_group_score(text: str, mappings: Mappings) -> float:
    """How well `text` names a group of dims (columns.yaml dim_groups: 法人或其他组织), 0-100."""
    found = process.extractOne(parse_label(text).text, mappings.dim_groups, scorer=fuzz.ratio) \
        if mappings.dim_groups else None
    return found[1] if found else 0.0


def group_name_pieces(table: Table, rows: list[int], mappings: Mappings) -> set[int]:
    """The ids of header cells that hold a piece of a dim group's name cut by a column's edge (法人或 | 其他组织,
    a repeat of the header atop the next page drawn on the value columns): side by side in a row, they read
    as the group's name together, and neither names a column."""
    pieces: set[int] = set()
    for r in rows:
        cells = [cell for cell in table.row_cells(r) if cell.text.strip()]
        for left, right in zip(cells, cells[1:]):
            joined = dim_group_score(left.text + right.text, mappings)
            if left.col + left.colspan == right.col and joined >= DIM_MATCH and \
                    joined >= max(dim_of(left.text, mappings, None)[1], dim_of(right.text, mappings, None)[1]):
                pieces |= {id(left), id(right)}
    return pieces


def dim_of(text: str, mappings: Mappings, allowed: tuple[str, ...] | None):
    """best_dim of the whole of `text`."""
    label = parse_label(text).text
    if not label:
        return None, 0.0
    if YEAR_HEADER.fullmatch(label) and (allowed is None or "value" in allowed):
        return DimName(label, "value"), 100.0  # no template: a year heads tables of any form
    names = mappings.dim_names if allowed is None else [n for n in mappings.dim_names if n.dim in allowed]
    found = process.extractOne(label, [n.name for n in names], scorer=fuzz.ratio)
    if not found:
        return None, 0.0
    return names[found[2]], found[1]


@lru_cache(maxsize=1 << 14)
def best_group(text: str, mappings: Mappings):
    """The field a column-group header names (行政复议 -> review_litigation.review), with its score."""
    best = None, 0.0
    # the words in brackets count when the rest names no group well (行政诉讼（复议后起诉）)
    for reading in dict.fromkeys((text, unbracketed(text))):
        label = parse_label(reading).text
        found = process.extractOne(label, mappings.column_group_texts, scorer=fuzz.ratio) if label else None
        if found and found[1] > best[1]:
            best = mappings.column_groups[found[2]][1], found[1]
        if best[1] >= GROUP_MATCH:
            break
    return best


def is_unit_header(text: str, mappings: Mappings) -> bool:
    return parse_label(text).text in mappings.unit_names


def columns_from_header(table: Table, rows: list[int], mappings: Mappings) -> list[Column]:
    """Each column's dim and field group, read bottom-up from the header rows above the data."""
    columns = []
    named_by: dict[int, Cell] = {}  # column -> the header cell its dim was read from
    pieces = group_name_pieces(table, rows, mappings)
    for c in range(table.n_cols):
        stack: list[Cell] = []
        for r in rows:
            cell = table.grid[r][c]
            if cell.text.strip() and (not stack or stack[-1] is not cell):
                stack.append(cell)
        column = Column(header=" / ".join(cell.text for cell in stack))
        for i in range(len(stack) - 1, -1, -1):
            cell = stack[i]
            if id(cell) in pieces:
                continue
            name, score = best_dim(cell.text, mappings)
            if i > 0:
                # a column name wrapped over two header rows (社会公益 over 组织) is read whole
                joined, joined_score = best_dim(stack[i - 1].text + cell.text, mappings)
                if joined is not None and joined_score > score:
                    name, score = joined, joined_score
            if name is not None and score >= DIM_MATCH:
                column.dim, column.template, column.score = name.dim, name.template, score
                named_by[c] = cell
                year = YEAR_HEADER.fullmatch(name.name)
                column.year = int(year.group(1)) if year else None
                break
            if is_unit_header(cell.text, mappings):
                column.is_unit = True
                break
        if column.dim:
            for cell in reversed(stack):
                group, score = best_group(cell.text, mappings)
                if group and score >= GROUP_MATCH:
                    column.group, column.score = group, min(column.score, score)
                    break
        if column.group and column.dim not in mappings.fields[column.group].dims:
            # the header words mean another dim under this group (其他 under 行政复议 is 其他结果)
            name, score = best_dim(stack[-1].text, mappings, mappings.fields[column.group].dims)
            if name is not None and score >= DIM_MATCH:
                column.dim, column.template, column.score = name.dim, name.template, min(column.score, score)
            else:
                column.dim = column.group = None
        columns.append(column)
    keep_latest_year(columns)
    keep_value_columns_of_spans(table, columns, named_by)
    return columns


def keep_value_columns_of_spans(table: Table, columns: list[Column], named_by: dict[int, Cell]) -> None:
    """A header cell spanning several columns names the one that holds values, not its neighbours that hold
    row labels or nothing (自然人 drawn over a label column and its own, a PDF header's edges guessed wider
    than its column); all of them when none holds values in a cell of its own (values merged alike)."""
    spans: dict[int, list[int]] = {}
    for c, cell in named_by.items():
        if cell.colspan > 1:
            spans.setdefault(id(cell), []).append(c)
    for spanned in spans.values():
        holding = [c for c in spanned if column_holds_values(table, c)]
        if holding:
            for c in spanned:
                if c not in holding:
                    columns[c] = Column(header=columns[c].header)


def keep_latest_year(columns: list[Column]) -> None:
    """Of columns headed by years (2017年 | 2016年), only the latest holds the report's values; the others are
    neither values nor labels."""
    latest = max((c.year for c in columns if c.year), default=None)
    for column in columns:
        if column.year and column.year < latest:
            column.dim, column.earlier_year = None, True


def fill_groups_from_layout(columns: list[Column], mappings: Mappings) -> None:
    """Columns whose dims run exactly as a layout with field groups (the 复议/诉讼 table: 结果维持 … 总计 three
    times) take their fields from it where their own group header was not read (cut by a page or a column
    rule, or left out), or was read over other columns than its own (a table without rules, whose group
    headers' widths are guessed from their text): the groups read run in the layout's order, only their
    edges differ. Groups read in another order than the layout's are the author's, and kept."""
    dim_columns = [c for c in columns if c.dim]
    if not dim_columns:
        return
    for layout in mappings.layouts.values():
        if not layout[0].field or len(layout) != len(dim_columns):
            continue
        if any(c.dim != lc.dim for c, lc in zip(dim_columns, layout)):
            continue
        read = runs(c.group for c in dim_columns if c.group)
        if all(c.group in (None, lc.field) for c, lc in zip(dim_columns, layout)) or \
                is_subsequence(read, runs(lc.field for lc in layout)):
            for column, layout_column in zip(dim_columns, layout):
                column.group = layout_column.field
            return


def runs(items) -> list:
    """Items with repeats in a row made one: a, a, b, a -> a, b, a."""
    out: list = []
    for item in items:
        if not out or out[-1] != item:
            out.append(item)
    return out


def is_subsequence(part: list, whole: list) -> bool:
    rest = iter(whole)
    return all(item in rest for item in part)


def header_kind(cells: list[Cell], filled: list[Cell], mappings: Mappings,
                columns: list[Column] | None = None) -> str | None:
    """'header' for a row of column headers, 'group' for a row of column-group names, else None. `filled`:
    the row's cells that hold text.

    A numbered cell is a row label (（七）总计, 3.其他), never a header. A lone header-like cell is a header only
    to the right of the row's first cell, and not in the label columns of the header already in force.
    """
    if not filled or any(parse_value(c.text).value is not None for c in filled):
        return None
    first_value_col = next((i for i, col in enumerate(columns or []) if col.dim), None)

    def hits(best, threshold) -> list[Cell]:
        return [c for c in filled if parse_label(c.text).ordinal is None and best(c.text, mappings)[1] >= threshold]

    def lone_header(hits: list[Cell]) -> bool:
        return bool(hits) and hits[0] is not cells[0] and (first_value_col is None or hits[0].col >= first_value_col)

    dims = hits(best_dim, DIM_MATCH)
    if len(dims) >= 2:
        return "header"
    groups = hits(best_group, GROUP_MATCH)
    if len(dims) == 1 and len(groups) == 1 and dims != groups:
        return None  # 行政复议 | 结果维持 | (a blank value): the 复议/诉讼 table written out a row per cell
    if lone_header(dims):
        return "header"
    if len(groups) >= 2 or lone_header(groups):
        return "group"
    return None


def is_title_row(cells: list[Cell], filled: list[Cell]) -> bool:
    """A row that is one merged cell, or only text and nothing that could be a value."""
    return len(filled) <= 1 and len(cells) <= 2 and bool(filled) and filled[0].colspan > 1


def trailing_value_columns(table: Table, r: int) -> int:
    """How many columns from the right of row `r` hold numbers or blanks."""
    count, previous = 0, None
    for c in range(table.n_cols - 1, -1, -1):
        cell = table.grid[r][c]
        if cell is previous:
            break
        parsed = parse_value(cell.text)
        if not parsed.ok:
            break
        count, previous = count + 1, cell
    return count


def candidate_fields(columns: list[Column], mappings: Mappings) -> tuple[FieldSpec, ...]:
    """The fields a row of this table may be: those having one of the dims its columns hold."""
    dims = frozenset(c.dim for c in columns if c.dim and not c.group)
    return fields_with_dims(dims, mappings)


@lru_cache(maxsize=256)
def fields_with_dims(dims: frozenset, mappings: Mappings) -> tuple[FieldSpec, ...]:
    return tuple(f for f in mappings.fields.values() if dims & set(f.dims))


@lru_cache(maxsize=65536)
def name_scores(text: str, candidates: tuple[FieldSpec, ...]) -> tuple[float, ...]:
    """0-100 similarity of `text` to each candidate's best name: fuzz.ratio, or for a label long enough to mean
    something, a substring match discounted by PARTIAL_WEIGHT (truncated labels). Computed for all names at
    once, and once per label and candidate set: labels repeat across a corpus."""
    names = [name for spec in candidates for name in spec.names]
    if not text or not names:
        return tuple(0.0 for _ in candidates)
    ratio = process.cdist([text], names, scorer=fuzz.ratio)[0]
    partial = process.cdist([text], names, scorer=fuzz.partial_ratio)[0]
    scores, i = [], 0
    for spec in candidates:
        best = 0.0
        for name in spec.names:
            score = float(ratio[i])
            short, long = sorted((len(text), len(name)))
            if short >= MIN_PARTIAL_CHARS and 2 * short >= long:
                score = max(score, PARTIAL_WEIGHT * float(partial[i]))
            best = max(best, score)
            i += 1
        scores.append(round(best, SCORE_DIGITS))  # cdist computes in float32: keep ties tied
    return tuple(scores)


def parent_position(spec: FieldSpec, context: list[str]) -> int:
    """Index of the latest context label naming one of the field's parents, or -1."""
    for position in range(len(context) - 1, -1, -1):
        text = context[position]
        for parent in spec.parents:
            if parent in text or fuzz.ratio(parent, text) >= PARENT_MATCH:
                return position
    return -1


@dataclass
class Ranked:
    score: float
    parent_at: int  # index in the context of the field's parent label, -1 when absent or not needed
    spec: FieldSpec


def rank_fields(label: Label, context: list[str], candidates) -> list[Ranked]:
    """Candidates by descending score, then by nearest parent, for a row label seen under `context`
    (outermost first, nearest last). A field whose own words are another field's too (被依法纠错数) loses
    PARENT_MISSING_PENALTY when no label above names its group."""
    candidates = tuple(candidates)
    scores = name_scores(label.text, candidates)
    ranked = []
    for spec, score in zip(candidates, scores):
        if score + ORDINAL_BONUS < LOW_CONFIDENCE:
            continue  # no context can make it a match
        position = parent_position(spec, context) if spec.parents else -1
        if spec.parents and position < 0 and spec.has_twins:
            score -= PARENT_MISSING_PENALTY
        if spec.ordinal is not None and label.ordinal is not None:
            score += ORDINAL_BONUS if spec.ordinal == label.ordinal else -ORDINAL_PENALTY
        ranked.append(Ranked(score, position, spec))
    if not ranked and candidates:  # nothing close: the nearest still serves as the finding's best guess
        best = max(range(len(candidates)), key=scores.__getitem__)
        return [Ranked(scores[best], -1, candidates[best])]
    ranked.sort(key=lambda item: (-item.score, -item.parent_at))
    return ranked


@dataclass(frozen=True)
class RowMatch:
    spec: FieldSpec | None
    score: float
    guess: FieldSpec | None = None
    ambiguous_with: FieldSpec | None = None


def match_row(label: Label, context: list[str], candidates: list[FieldSpec]) -> RowMatch:
    """Accept the best field when it clears LOW_CONFIDENCE and no other field is as good, unless the
    context settles it (the nearer group heading wins between look-alikes)."""
    return matched_row(label, tuple(context), tuple(candidates))


@lru_cache(maxsize=1 << 16)
def matched_row(label: Label, context: tuple[str, ...], candidates: tuple[FieldSpec, ...]) -> RowMatch:
    """match_row, remembered: the same labels under the same headings recur in report after report."""
    ranked = rank_fields(label, list(context), candidates)
    if not ranked:
        return RowMatch(None, 0.0)
    top = ranked[0]
    score = min(100.0, top.score)
    if score < LOW_CONFIDENCE:
        return RowMatch(None, score, guess=top.spec)
    runner_up = next((r for r in ranked[1:] if r.spec.id != top.spec.id), None)
    if runner_up and top.score - runner_up.score < AMBIGUITY_MARGIN and not top.parent_at > runner_up.parent_at:
        if score < HIGH_CONFIDENCE or runner_up.score >= HIGH_CONFIDENCE:
            return RowMatch(None, score, guess=top.spec, ambiguous_with=runner_up.spec)
        return RowMatch(top.spec, min(score, HIGH_CONFIDENCE - 0.1), ambiguous_with=runner_up.spec)
    return RowMatch(top.spec, score)


def convert_value(text: str, spec: FieldSpec, dim: str, column: Column, unit_text: str):
    """(value in the canonical unit, unit name, parsed ok) for one printed cell."""
    parsed = parse_value(text)
    unit = "万元" if dim == "amount" else spec.unit
    value = parsed.value
    if value is not None and unit == "万元":
        factor = money_factor(parsed.unit) or money_factor(column.header) or money_factor(unit_text) or 1.0
        value = round(value * factor, 6)
    return value, unit, parsed.ok


def column_holds_values(table: Table, c: int) -> bool:
    """Whether column `c` holds a number (or a blank marker such as ——) in some row, in a cell of its own."""
    for r in range(table.n_rows):
        cell = table.grid[r][c]
        if cell.col == c and cell.colspan == 1 and cell.text.strip() and parse_value(cell.text).ok:
            return True
    return False


def is_unit_column(table: Table, c: int) -> bool:
    """Whether column `c` holds units (条, 件, 人次) in most of its filled cells: a 单位 column without header."""
    texts = [table.grid[r][c].text for r in range(table.n_rows) if table.grid[r][c].text.strip()]
    units = sum(1 for text in texts if is_unit_word(text))
    return bool(texts) and units * 2 > len(texts)


def layout_columns(table: Table, r: int, mappings: Mappings, labels: list[Label]) -> list[Column] | None:
    """Columns for a table with no header: the layout as wide as the row's value columns that fits one of its
    labels best. Columns that hold no value anywhere in the table are splits of a PDF grid, not columns of the
    report."""
    trailing = trailing_value_columns(table, r)
    holding = [c for c in range(table.n_cols - trailing, table.n_cols) if column_holds_values(table, c)]
    width = len(holding)
    best, best_score = None, -1.0
    for layout in mappings.layouts.values():
        if len(layout) != width or width == 0:
            continue
        columns = [Column(is_unit=is_unit_column(table, c)) for c in range(table.n_cols)]
        for c, col in zip(holding, layout):
            columns[c] = Column(dim=col.dim, group=col.field, header="")
        if layout[0].field:
            score = 50.0
        elif not labels:
            continue
        else:
            # a row in this layout fills its columns: only fields having every one of its dims (行政事业性收费
            # beside two numbers is not read as 政府集中采购's 项目数量 and 总金额)
            dims = {col.dim for col in layout}
            candidates = tuple(f for f in candidate_fields(columns, mappings) if dims <= set(f.dims))
            score = max((ranked[0].score for label in labels if (ranked := rank_fields(label, [], candidates))),
                        default=0.0)
        if score > best_score:
            best, best_score = columns, score
    return best if best_score >= LOW_CONFIDENCE or (best and best[-1].group) else None


def map_table(table: Table, index: int, mappings: Mappings, state: MappingState) -> TableResult:
    """Every recognised cell of one table as (field, dim) values, with findings for what was not recognised."""
    result = TableResult()
    columns: list[Column] | None = None
    pending: list[int] = []  # title and header rows since the last data row
    outline: list[Label] = []
    last_was_data = False
    plan: ColumnPlan | None = None
    # rows atop the table, before any value, read under a header carried from the table before: header lines
    # whose words match no column name by themselves (自然 over 人, a name wrapped over two header rows)
    unread_header: list[int] | None = []

    for r in range(table.n_rows):
        cells = table.row_cells(r)
        filled = [c for c in cells if c.text.strip()]
        if not filled:
            continue
        kind = header_kind(cells, filled, mappings, columns)
        if kind or is_title_row(cells, filled):
            if last_was_data:
                pending, outline = [], []
            pending.append(r)
            last_was_data = False
            if kind == "header":
                found = columns_from_header(table, sorted((unread_header or []) + pending), mappings)
                unread_header = None
                fill_groups_from_layout(found, mappings)
                above = columns if columns is not None else header_above(state, table)
                columns = above if above is not None and names_fewer(found, above) else found
            continue
        if columns is None:
            columns = carried_columns(state, table, r)
            if columns is None:
                # the row's own label is the last text before its numbers; those before it are its groups
                labels = [parse_label(c.text) for c in cells if c.text.strip() and not parse_value(c.text).ok]
                columns = layout_columns(table, r, mappings, labels[::-1])
            if columns is None:
                if any(parse_value(c.text).value is not None for c in filled):
                    result.findings.append(Finding(
                        "unmatched_label", "warning",
                        f"table {index} row {r}: numbers in a row under no header, in no known layout",
                        actual=" | ".join(c.text for c in filled),
                    ))
                pending.append(r)
                continue
        if prints_header_again(filled, columns):
            continue
        if unread_header is not None and not prints_a_value(filled):
            unread_header.append(r)
        else:
            unread_header = None
        last_was_data = True
        if plan is None or plan.columns is not columns:
            plan = plan_columns(columns, mappings)
        map_data_row(table, index, r, plan, pending, outline, result)

    # a table whose only headers are years is one of the report's tables if its rows say so
    if columns is not None and any(c.dim for c in columns) and \
            (result.values or not all(c.year for c in columns if c.dim)):
        state.columns, state.n_cols = columns, table.n_cols
        result.recognised = True
        result.templates.update(c.template for c in columns if c.template and c.dim)
    elif not result.values:
        result.findings = []  # its rows are listed as a table outside the forms, not as labels that failed
        report_unknown_table(table, result)
    return result


def prints_a_value(cells: list[Cell]) -> bool:
    """Whether a cell prints a value, or a blank's mark (—, /)."""
    return any(parse_value(cell.text).ok for cell in cells)


def prints_header_again(filled: list[Cell], columns: list[Column]) -> bool:
    """Whether a row prints no value, and under the value columns only words of their own header (行政复议 |
    行政诉讼 over the 复议/诉讼 table's values: the first line of its header printed again atop the page, the
    header above read as one row)."""
    words = [cell for cell in filled if cell.col < len(columns) and columns[cell.col].dim]
    return bool(words) and not prints_a_value(filled) and \
        all(squash(cell.text) in squash(columns[cell.col].header) for cell in words)


def names_fewer(found: list[Column], columns: list[Column]) -> bool:
    """Whether a header found under rows of data, or atop a table after another, names fewer of the same columns
    than the header above them: its first rows printed again atop the next page (Word's repeated header rows),
    the names under 法人或其他组织 left out. Every column it names surely, the header above names alike, and
    that one names more; a name it only comes close to (他组织, a piece of 法人或其他组织 cut at a column's edge,
    like 其他组织) does not count."""
    sure = {c: column.dim for c, column in enumerate(found) if column.dim and column.score >= HIGH_CONFIDENCE}
    above = {c: column.dim for c, column in enumerate(columns) if column.dim}
    return len(found) == len(columns) and 0 < len(sure) < len(above) and \
        all(above.get(c) == d for c, d in sure.items())


def carried_columns(state: MappingState, table: Table, r: int) -> list[Column] | None:
    """The header of the table before, for a table that has none whose row `r` prints values: its columns when
    the table is as wide, else its value columns over as many at this table's right when the row's values fill
    exactly those (the rest of a split table read on the value columns above, its label columns its own)."""
    if state.columns is None:
        return None
    trailing = trailing_value_columns(table, r)
    if not trailing:
        return None
    above = header_above(state, table)
    return above if above is not None and (state.n_cols == table.n_cols or trailing == value_count(above)) else None


def value_count(columns: list[Column]) -> int:
    """The columns from the first holding values to the last."""
    first_value = next((c for c, column in enumerate(columns) if column.dim), None)
    return 0 if first_value is None else len(columns) - first_value


def header_above(state: MappingState, table: Table) -> list[Column] | None:
    """The header of the table before, on this table's columns: whole when the table is as wide, else its
    value columns over as many at this table's right (a table split by a page, its label columns drawn
    otherwise); None when it does not fit."""
    if state.columns is None:
        return None
    if state.n_cols == table.n_cols:
        return state.columns
    values = value_count(state.columns)
    if 0 < values < table.n_cols:
        return [Column() for _ in range(table.n_cols - values)] + state.columns[-values:]
    return None


def map_turned_table(table: Table, index: int, mappings: Mappings,
                     state: MappingState | None = None) -> TableResult | None:
    """The values of a table printed turned, its fields across and their dims down (the 复议/诉讼 table on a
    narrow page: 结果维持 … 总计 as rows, 行政复议 and the two 行政诉讼 as columns), read as the table it turns:
    None unless that reading finds values, every one of them read with high confidence. Rows and columns are
    the printed table's. `state`: what the turned reading of the table before passes on (its header, for the
    rest of a turned table its author split, printing the fields across but not the applicants down)."""
    turned = map_table(transposed(table), index, mappings, state if state is not None else MappingState())
    if not read_with_confidence(turned):
        return None
    for value in turned.values:
        value.row, value.col = value.col, value.row
    note = " (in the table read turned: its rows are the printed columns)"
    turned.findings = [replace(f, detail=f.detail + note) for f in turned.findings]
    return turned


def map_captioned_table(table: Table, caption: str, index: int, mappings: Mappings) -> TableResult | None:
    """The values of a table whose rows have no label, read under the caption printed above it as the title
    of its columns (（二）行政诉讼（未经复议直接起诉） over a table of 结果维持 … 总计): None unless that reading
    finds values, every one of them read with high confidence."""
    title = [Cell(caption, 0, 0, colspan=table.n_cols, page=table.page)] * table.n_cols
    result = map_table(Table([title, *table.grid], table.page), index, mappings, MappingState())
    if not read_with_confidence(result):
        return None
    for value in result.values:
        value.row -= 1
    return result


def read_with_confidence(result: TableResult) -> bool:
    """Whether a second reading of a table is to be kept: it finds values, and doubts none."""
    return result.recognised and bool(result.values) and all(v.score >= HIGH_CONFIDENCE for v in result.values)


def transposed(table: Table) -> Table:
    """The table turned about its diagonal: a merged cell stays one cell, its spans swapped."""
    turned: dict[int, Cell] = {}

    def turn(cell: Cell) -> Cell:
        if id(cell) not in turned:
            turned[id(cell)] = Cell(cell.text, cell.col, cell.row, cell.colspan, cell.rowspan, cell.page)
        return turned[id(cell)]

    return Table([[turn(table.grid[r][c]) for r in range(table.n_rows)] for c in range(table.n_cols)], table.page)


@lru_cache(maxsize=1 << 14)
def stacked_label(text: str) -> tuple[str, str]:
    """(heading, item) when a label's lines hold a numbered heading and then a numbered item of a lower level
    ("（三）不予公开" over "1.属于国家秘密"), else ("", "")."""
    lines = [line for line in text.splitlines() if line.strip()]
    first = parse_label(lines[0]) if lines else None
    if not first or first.ordinal is None:
        return "", ""
    for k in range(1, len(lines)):
        label = parse_label(lines[k])
        if label.ordinal is not None and label.level > first.level:
            return "\n".join(lines[:k]), "\n".join(lines[k:])
    return "", ""


def map_data_row(table, index, r, plan: ColumnPlan, pending, outline, result: TableResult,
                 item: str | None = None) -> None:
    """Map row `r` under `plan`; `item`: one of the numbered items a blank row's label cell holds, read as the
    row's label."""
    if not plan.value_cols:
        return
    row = table.grid[r]
    columns = plan.columns
    label_cells: list[Cell] = []
    for c in plan.label_cols:
        cell = row[c]
        if cell.text.strip() and (not label_cells or label_cells[-1] is not cell):
            label_cells.append(cell)
    unit_text = row[plan.unit_col].text if plan.unit_col is not None else ""
    row_values = [row[c] for c in plan.value_cols]
    parsed = [parse_value(c.text) for c in row_values]
    has_number = any(p.value is not None for p in parsed)
    has_content = any(p.value is not None or not p.ok for p in parsed)

    if plan.grouped:
        for c, spec in plan.by_group:
            emit(row, index, r, c, spec, columns[c], columns[c].header.strip(), unit_text, round(columns[c].score, 1),
                 result)
        return

    if not label_cells:
        if has_number:
            result.findings.append(Finding(
                "unmatched_label", "warning",
                f"table {index} row {r}: numbers without a row label",
                actual=" | ".join(c.text for c in row_values),
            ))
        return
    items = numbered_items(label_cells[-1].text) if item is None and not has_content else ()
    if len(items) > 1:
        # two rows left blank read as one (a table without rules, their padding lost at the top of a page):
        # each numbered item is a row of blanks
        for one in items:
            map_data_row(table, index, r, plan, pending, outline, result, one)
        return
    raw_label = item if item is not None else label_cells[-1].text
    label = parse_label(raw_label)
    ancestors = [parse_label(c.text).text for c in label_cells[:-1]]
    if label.level != LEVEL_NONE:
        while outline and outline[-1].level >= label.level:
            outline.pop()
    titles = [parse_label(table.grid[p][0].text).text for p in pending]
    context = titles + [item.text for item in outline] + ancestors
    outline.append(label)

    candidates = plan.candidates
    match = match_row(label, context, candidates)
    if len(label_cells) > 1 and (match.spec is None or match.score < HIGH_CONFIDENCE):
        # a label broken across cells (a PDF rule through a merged cell): read the row's last label cells as
        # one (the cells before them are its groups), cell after cell, or line by line across the cells when
        # each holds a piece of every printed line
        outer = context[: len(context) - len(ancestors)]
        for split in range(len(label_cells) - 2, -1, -1):
            pieces = [c.text.splitlines() for c in label_cells[split:]]
            readings = ["".join(c.text for c in label_cells[split:]),
                        "".join("".join(lines[i] for lines in pieces if i < len(lines))
                                for i in range(max(map(len, pieces))))]
            for reading in dict.fromkeys(readings):
                whole = match_row(parse_label(reading), tuple(outer) + tuple(ancestors[:split]), candidates)
                if whole.spec is not None and whole.score > match.score:
                    match, raw_label = whole, reading
    if match.spec is None or match.score < HIGH_CONFIDENCE:
        # a note in brackets that tells a row from its twin (行政诉讼（复议后起诉）) is read as part of its label
        plain = unbracketed(raw_label)
        if plain != raw_label:
            whole = match_row(parse_label(plain), context, candidates)
            if whole.spec is not None and whole.score > match.score:
                match = whole
    heading, item = stacked_label(raw_label)
    if item and (match.spec is None or match.score < HIGH_CONFIDENCE):
        # a group heading printed in the cell above its first item, both read into one cell (a blank heading
        # row of a table without rules): the heading is context, the item the label
        inner = match_row(parse_label(item), context + [parse_label(heading).text], candidates)
        if inner.spec is not None and inner.score > match.score:
            match = inner
    previous, result.blank_row = result.blank_row, None
    if has_number and previous and previous[0] == r - 1 and is_cut_short(previous[1]) and \
            (match.spec is None or match.score < HIGH_CONFIDENCE):
        # a label wrapped over two rows, its numbers beside its last lines, the row above it left blank (a table
        # without rules read as two rows: （二）部分公开（区分处理的， over 只计这一情形…） and the numbers)
        _, above_label, above_values = previous
        joined = match_row(parse_label(above_label + raw_label), context, candidates)
        if joined.spec is not None and joined.score >= HIGH_CONFIDENCE and joined.score > match.score:
            for value in above_values:
                result.values.remove(value)
            result.group_rows = [entry for entry in result.group_rows if entry[1] is not above_values]
            match, raw_label = joined, f"{above_label}\n{raw_label}"
    if (match.spec is None or match.score < HIGH_CONFIDENCE) and len(plan.value_cols) == 1 and \
            emit_outcome_row(row, index, r, plan, raw_label, [c.text for c in label_cells[:-1]], context, unit_text,
                             result):
        return
    if match.spec is None:
        if has_number:
            guess = f"{match.guess.id} ({match.score:.0f})" if match.guess else "none"
            why = f", as close to {match.ambiguous_with.id}" if match.ambiguous_with else ""
            result.findings.append(Finding(
                "unmatched_label", "warning",
                f"table {index} row {r}: label {raw_label!r} matched no field well enough; best guess {guess}{why}",
                section=match.guess.section if match.guess else None,
                expected=match.guess.id if match.guess else None,
                actual=raw_label,
            ))
        return
    spec = match.spec
    if match.score < HIGH_CONFIDENCE and not has_content:
        return  # a row of blanks that is only like a field is a group heading (三、依申请公开情况), not data
    if match.score < HIGH_CONFIDENCE:
        why = f"; {match.ambiguous_with.id} scores almost as well" if match.ambiguous_with else ""
        result.findings.append(Finding(
            "low_confidence", "warning",
            f"table {index} row {r}: label {raw_label!r} read as {spec.id} with score {match.score:.0f}{why}",
            section=spec.section, field=spec.id, actual=raw_label,
        ))
    emitted = []
    label_text, score = raw_label.strip(), round(match.score, 1)
    for c in plan.value_cols:
        if columns[c].dim in spec.dims:
            value = emit(row, index, r, c, spec, columns[c], label_text, unit_text, score, result)
            if value is not None:
                emitted.append(value)
    if spec.group_when_children and emitted and all(v.value is None for v in emitted):
        result.group_rows.append((spec, emitted, r))
    if emitted and not has_content:
        result.blank_row = (r, raw_label, emitted)


@lru_cache(maxsize=1 << 14)
def numbered_items(text: str) -> tuple[str, ...]:
    """The numbered items of one level a label's lines hold (2.没有现成信息 / 需要另行制作 / 3.补正后申请内 / 容仍
    不明确: two), each with the lines it wraps onto; none unless the first line is numbered."""
    lines = [line for line in text.splitlines() if line.strip()]
    first = parse_label(lines[0]) if lines else None
    if not first or first.ordinal is None:
        return ()
    starts = [k for k, line in enumerate(lines)
              if k == 0 or (label := parse_label(line)).ordinal is not None and label.level == first.level]
    return tuple("\n".join(lines[a:b]) for a, b in zip(starts, [*starts[1:], len(lines)]))


def is_cut_short(label: str) -> bool:
    """Whether a label stops mid-phrase, to run on in the row below: a bracket left open, or a comma, 、 or colon
    last."""
    text = squash(label)
    return sum(map(text.count, OPENING)) > sum(map(text.count, CLOSING)) or text.endswith((",", "、", ":"))


@lru_cache(maxsize=16)
def group_dims(mappings: Mappings) -> tuple[str, ...]:
    """The dims of the fields named by column groups: the outcomes of the 复议/诉讼 table."""
    return tuple(dict.fromkeys(d for f in mappings.fields.values() if f.by_column for d in f.dims))


def outcome_group(label: str, groups: list[str], mappings: Mappings) -> tuple[FieldSpec, str, float] | None:
    """(field, dim, score) of a row whose label names an outcome (结果维持) and whose group, the nearest of
    `groups` (label cells to its left, then headings above, innermost first) that names one, names a field
    read by column groups (行政复议): the 复议/诉讼 table written out a row per cell."""
    name, dim_score = best_dim(label, mappings, group_dims(mappings))
    if name is None or dim_score < DIM_MATCH:
        return None
    for text in groups:
        group, group_score = best_group(text, mappings)
        if group and group_score >= GROUP_MATCH:
            spec = mappings.fields[group]
            return (spec, name.dim, min(dim_score, group_score)) if name.dim in spec.dims else None
    return None


def emit_outcome_row(row, index, r, plan: ColumnPlan, raw_label, ancestors, context, unit_text, result) -> bool:
    """Read a row of the 复议/诉讼 table written out a row per cell (行政复议 | 结果维持 | 3), its one value column
    taking the row's outcome for its dim; False when the row is not one."""
    found = outcome_group(raw_label, [*reversed(ancestors), *reversed(context)], plan.mappings)
    if found is None:
        return False
    spec, dim, score = found
    c = plan.value_cols[0]
    column = replace(plan.columns[c], dim=dim, template=None)
    return emit(row, index, r, c, spec, column, raw_label.strip(), unit_text, round(score, 1), result) is not None


def emit(row, index, r, c, spec, column, label_text, unit_text, score, result) -> CellValue | None:
    """One cell's value under its row's label (stripped) and score (rounded)."""
    cell = row[c]
    if c > 0 and row[c - 1] is cell:
        return None  # a value cell merged across columns is read once, in its first column
    value, unit, ok = convert_value(cell.text, spec, column.dim, column, unit_text)
    if not ok:
        result.findings.append(Finding(
            "unparsed_value", "warning",
            f"table {index} row {r} col {c}: {cell.text!r} is not a number",
            section=spec.section, field=spec.id, dim=column.dim, actual=cell.text,
        ))
    item = CellValue(spec.id, column.dim, spec.section, value, unit, label_text, cell.text, score, cell.page, index,
                     r, c)
    result.values.append(item)
    if len(spec.templates) == 1:
        result.templates.add(spec.templates[0])
    return item


def drop_group_rows(group_rows, values: list[CellValue]) -> list[CellValue]:
    """`values` but those of blank rows heading child rows of their own (2021 （六）其他处理): such a row
    holds no numbers, and is not read."""
    mapped = {v.field for v in values}
    dropped = {id(value) for spec, row_values, _row in group_rows
               if any(f.startswith(spec.id + ".") for f in mapped) for value in row_values}
    return [v for v in values if id(v) not in dropped] if dropped else values


def report_unknown_table(table: Table, result: TableResult) -> None:
    """Rows of a table outside the national formats are listed (info), not forced onto canonical fields."""
    for r in range(table.n_rows):
        cells = table.row_cells(r)
        numbers = [c for c in cells if parse_value(c.text).value is not None]
        labels = [c.text for c in cells if c.text.strip() and not parse_value(c.text).ok]
        if numbers and labels:
            result.findings.append(Finding(
                "unmatched_label", "info",
                f"row {r} of a table outside the national formats: {labels[0]!r}",
                actual=labels[0],
            ))


def keep_best(values: list[CellValue]) -> tuple[list[CellValue], list[Finding]]:
    """One value per (field, dim): the best-matched row wins (the first on a tie); the others are reported."""
    best: dict[tuple[str, str], CellValue] = {}
    for value in values:
        key = (value.field, value.dim)
        if key not in best or value.score > best[key].score:
            best[key] = value
    kept, findings = [], []
    for value in values:
        winner = best[(value.field, value.dim)]
        if value is winner:
            kept.append(value)
        else:
            findings.append(Finding(
                "unmatched_label", "warning",
                f"table {value.table} row {value.row} col {value.col}: {value.field}/{value.dim} is also read from "
                f"table {winner.table} row {winner.row} col {winner.col} (score {winner.score:.0f}); this cell "
                f"({value.raw_value!r} under {value.raw_label!r}) is not used",
                section=value.section, field=value.field, dim=value.dim, actual=value.raw_value,
            ))
    return kept, findings
