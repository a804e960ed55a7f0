"""Tables printed without rules (or with too few to bound their rows): read by the alignment of their text.

A row is a text line that holds values (numbers, or the dashes that print a blank) beside other text, or a
label beside its unit; the lines of a wrapped label join it, rows parting at the widest gap between lines.
Columns are the white rivers no body line crosses; in the label area, where one label may run across several
columns, an edge lies where the label cells of a row stand apart. Header lines are the lines just above the
first row whose text sits over those columns.

A table that prints no value at all (every cell left blank) is read under its header: the lowest header cell
over each column names it, and a row starts at each cell of the label column nearest the values. A table that
ends its page runs on at the top of the next one, read on the same columns.
"""
from __future__ import annotations

import bisect
import math
from dataclasses import dataclass, field, replace
from operator import itemgetter
from statistics import median
from typing import Callable

from ..normalize import is_unit_word, parse_label, parse_value, squash
from .pdf_text import group_lines, text_of

# Characters further apart than this fraction of their size are in different cells.
CELL_GAP = 0.45
# Value lines further apart than this many of their line heights are not rows of one table.
MAX_ROW_GAP = 7.0
# A header or label line joins the table only if it is at most this many line heights from the next line in it.
MAX_LINE_GAP = 1.6
# Lines of a table that prints no value are at most this many line heights apart.
MAX_BLANK_GAP = 1.5
# At most this many lines after a table that prints no value, set as close as its rows, may be text of another kind.
MAX_TRAILING_LINES = 3
# Lines closer than this many line heights are lines of one cell (a label wrapped around its value line).
TIGHT_GAP = 0.4
# Text whose lines, everywhere on the page, stand further apart than this share of its size is set with extra
# line spacing (a fixed 28 pt, 1.5 lines; single spacing leaves about SINGLE_GAP), counted on MIN_LOOSE_GAPS
# gaps between lines or more, each under LOOSE_GAP_LIMIT times the size (a paragraph's or a section's white aside).
LOOSE_GAP = 0.6
SINGLE_GAP = 0.2
MIN_LOOSE_GAPS = 4
LOOSE_GAP_LIMIT = 3.0
# Row lines overlapping down the page by more than this share of their size are lines of one row.
MIN_ROW_OVERLAP = 0.1
# Rows of one table are set as far apart as each other, give or take this factor.
ROW_GAP_SPREAD = 1.5
# Text smaller or larger than the table's by more than this fraction is not in the table (a heading, a note).
SIZE_TOLERANCE = 0.08
# Text edges and column edges closer than this (pt) are taken to meet.
EDGE_SNAP = 3.0
# A header text whose middle is within this (pt) of the middle of a run of columns is centred over them.
CENTRE_TOLERANCE = 2.0
# Text edges within this (pt) of each other are flush.
FLUSH = 1.0
# A cell's text keeps at least this far (pt) from the middle of each of its side rules: half the rule, and the
# padding (a browser's thinnest: a 1px border and 1px padding, 1.5pt).
MIN_CELL_PADDING = 1.5
# Characters of a number, which may wrap in a narrow cell.
DIGITS = set("0123456789.,０１２３４５６７８９．，")
# Characters that print a value besides digits: the dashes and slashes that print a blank.
VALUE_MARKS = set("-—―－/／")


@dataclass
class Segment:
    chars: list[dict]
    x0: float
    x1: float
    text: str

    @property
    def is_value(self) -> bool:
        text = squash(self.text)
        return bool(text) and (set(text) <= VALUE_MARKS or parse_value(text).value is not None
                               and any(ch.isdigit() for ch in text))

    @property
    def top(self) -> float:
        return min(ch["top"] for ch in self.chars)

    @property
    def bottom(self) -> float:
        return max(ch["bottom"] for ch in self.chars)


@dataclass
class Line:
    top: float
    bottom: float
    size: float
    segments: list[Segment]

    @property
    def values(self) -> int:
        return sum(s.is_value for s in self.segments)

    @property
    def is_value_line(self) -> bool:
        return self.values >= 1 and len(self.segments) >= 2

    @property
    def is_row_line(self) -> bool:
        """A value line, or a unit with the value left blank (beside its label, or alone on its line, centred
        between the lines of a wrapped label): a row of its own either way."""
        return self.is_value_line or any(is_unit_word(s.text) for s in self.segments[1:]) \
            or len(self.segments) == 1 and is_unit_word(self.segments[0].text)

    @property
    def height(self) -> float:
        return max(self.bottom - self.top, self.size, 1.0)


@dataclass
class Columns:
    """Where an unruled table's columns lie (the first `label_columns` hold labels) and its text size: what
    reading its continuation on the next page needs."""

    x_lines: list[float]
    label_columns: int
    size: float
    # the texts of the header's pieces: the header's first rows printed again atop the next page (Word's repeated
    # header rows) are passed over there
    header_pieces: frozenset[str] = frozenset()
    ink: Ink | None = None  # where its text stands in those columns

    @property
    def values_left(self) -> float:
        """The left edge of the leftmost text in the value columns: labels on the next page may reach up to it
        (the white between labels and values, where the edge between them lies, holds no text of the page
        before)."""
        return min(self.ink.lefts[self.label_columns:], default=math.inf) if self.ink else math.inf


@dataclass
class Ink:
    """Where a table's text stands: the column lines it was read on, the left and right edges of the text in
    each column, from the runs of characters that keep within one (a heading or a group's name across columns
    shows no column's text), and its size."""

    x_lines: list[float]
    lefts: tuple[float, ...]
    rights: tuple[float, ...]
    size: float

    @classmethod
    def of(cls, chars: list[dict], x_lines: list[float]) -> Ink:
        width = len(x_lines) - 1
        lefts, rights = [math.inf] * width, [-math.inf] * width

        def column(x: float) -> int:
            return min(max(bisect.bisect_right(x_lines, x) - 1, 0), width - 1)

        for line in text_lines(chars):
            for segment in line.segments:
                k = column(segment.x0)
                if column(segment.x1 - EDGE_SNAP) == k:
                    lefts[k], rights[k] = min(lefts[k], segment.x0), max(rights[k], segment.x1)
        return cls(list(x_lines), tuple(lefts), tuple(rights),
                   median(ch["bottom"] - ch["top"] for ch in chars) if chars else 0.0)


@dataclass
class AlignedTable:
    """Rows of placed cells (text, col, rowspan, colspan) for `build_grid`, with the table's position."""

    rows: list[list[tuple[str, int, int, int]]]
    top: float
    bottom: float
    x_lines: list[float]
    chars: list[dict] = field(default_factory=list)
    label_columns: int = 1
    headed: bool = True  # printed under a header of its own
    header_pieces: frozenset[str] = frozenset()  # see Columns

    @property
    def columns(self) -> Columns:
        return Columns(self.x_lines, self.label_columns,
                       median(ch.get("size", ch["bottom"] - ch["top"]) for ch in self.chars), self.header_pieces,
                       Ink.of(self.chars, self.x_lines))


def text_lines(chars: list[dict]) -> list[Line]:
    """The page's text lines, each cut into segments at gaps wide enough to part two cells."""
    lines = []
    for group in group_lines([ch for ch in chars if not ch["text"].isspace()]):
        group.sort(key=lambda ch: ch["x0"])
        size = median(ch.get("size", ch["bottom"] - ch["top"]) for ch in group)
        segments: list[list[dict]] = [[group[0]]]
        for ch in group[1:]:
            if ch["x0"] - segments[-1][-1]["x1"] > CELL_GAP * size:
                segments.append([ch])
            else:
                segments[-1].append(ch)
        lines.append(Line(min(ch["top"] for ch in group), max(ch["bottom"] for ch in group), size,
                          [Segment(seg, seg[0]["x0"], max(ch["x1"] for ch in seg), text_of(seg)) for seg in segments]))
    return lines


def with_leading_taken_in(chars: list[dict], spaced: bool | None,
                          lines: list[Line] | None = None) -> tuple[list[dict], dict[int, dict]]:
    """Copies of `chars` whose boxes take in the extra white between their lines where the document sets its
    text with extra line spacing (`spaced`: a fixed 28 pt, or 1.5 lines, in a table's cells as in its rows,
    see `paragraph_spacing`), so that its lines stand as close as single-spaced ones and the rules of this
    module, in line heights, hold; and the original of each copy, by the copy's id. Text of a size any two
    lines of which stand closer (the wrapped lines of a cell with padding round it) is left as it is; so is
    every character of a page not `spaced` (a table whose rows are all one line, with padding, looks the same
    as one with spacing). `lines`: the text lines of `chars`, when the caller has them."""
    if not spaced:
        return chars, {}
    lines = lines if lines is not None else text_lines(chars)
    extra: dict[float, float] = {}
    for size in {round(line.size * 2) / 2 for line in lines}:
        same = sorted((line for line in lines if round(line.size * 2) / 2 == size), key=lambda line: line.top)
        gaps = sorted(b.top - a.bottom for a, b in zip(same, same[1:]) if 0 < b.top - a.bottom < LOOSE_GAP_LIMIT * size)
        if len(gaps) >= MIN_LOOSE_GAPS and gaps[0] > LOOSE_GAP * size:
            extra[size] = (gaps[0] - SINGLE_GAP * size) / 2
    if not extra:
        return chars, {}
    copies, originals = [], {}
    for ch in chars:
        pad = extra.get(round(ch.get("size", ch["bottom"] - ch["top"]) * 2) / 2, 0.0)
        copy = {**ch, "top": ch["top"] - pad, "bottom": ch["bottom"] + pad, "height": ch["height"] + 2 * pad} \
            if pad else ch
        copies.append(copy)
        originals[id(copy)] = ch
    return copies, originals


def paragraph_spacing(lines: list[Line]) -> bool | None:
    """Whether a page's paragraphs are set with extra line spacing: a line of one piece of text reaching the
    right edge of the page's text, and the next line starting where it starts, in its size, further below it
    than LOOSE_GAP of that size; None when the page wraps no paragraph."""
    if not lines:
        return None
    right = max(line.segments[-1].x1 for line in lines)
    gaps = [(b.top - a.bottom) / a.size for a, b in zip(lines, lines[1:])
            if len(a.segments) == len(b.segments) == 1 and same_size(a, b)
            and abs(a.segments[0].x0 - b.segments[0].x0) <= EDGE_SNAP and a.segments[0].x1 >= right - a.size
            and 0 < b.top - a.bottom < LOOSE_GAP_LIMIT * a.size]
    return min(gaps) > LOOSE_GAP if gaps else None


def pieces_of(lines: list[Line]) -> frozenset[str]:
    """The texts of the lines' pieces (see Columns.header_pieces)."""
    return frozenset(squash(s.text) for line in lines for s in line.segments)


def chars_of(lines: list[Line]) -> list[dict]:
    return [ch for line in lines for s in line.segments for ch in s.chars]


def same_size(a: Line, b: Line) -> bool:
    return abs(a.size - b.size) <= SIZE_TOLERANCE * max(a.size, b.size)


def aligned_tables(chars: list[dict], rivers: Callable[..., list[tuple[float, float]]],
                   continued: Columns | None = None, top_margin: float = 0.0,
                   foot: float = math.inf, lines: list[Line] | None = None) -> list[AlignedTable]:
    """Tables found by alignment among `chars` (the characters outside ruled tables), top to bottom: the rest
    of the table that ended the page before (`continued`; a running header above it, within `top_margin`, is
    passed over), tables that print values, then tables that print none (every cell left blank) under a
    header naming their columns, and a table's header alone at the foot of the page (above `foot`, the bottom
    margin), its rows on the next.

    `rivers(rows, left, right, solid)` gives the white x-ranges between columns (the PDF reader's); `lines`: the
    text lines of `chars`, when the caller has them."""
    lines = lines if lines is not None else text_lines(chars)
    tables = []
    if continued:
        table, body = continuation(lines, continued, top_margin)
        if table:
            tables.append(table)
            in_table = {id(line) for line in body}
            lines = [line for line in lines if id(line) not in in_table]
    for first, last in value_runs(lines):
        after = tables[-1].bottom if tables else -math.inf
        table = aligned_table(lines, first, last, rivers, after=after)
        if table and not table.headed and (tables or continued):
            # the rest of a table its author split, under no header: read on the columns of the table above
            # when it keeps to them (some of its columns may be blank throughout, so its own text misses them)
            table = aligned_table(lines, first, last, rivers, tables[-1].columns if tables else continued,
                                  after) or table
        if table:
            tables.append(table)
    rest = lines_outside(lines, tables)
    tables += blank_tables(rest, rivers)
    rest = lines_outside(rest, tables)
    header = header_at_foot([line for line in rest if line.bottom <= foot], rivers)
    if header and (not tables or header.top > max(table.bottom for table in tables)):
        tables.append(header)
    return sorted(tables, key=lambda t: t.top)


def lines_outside(lines: list[Line], tables: list[AlignedTable]) -> list[Line]:
    """The lines none of whose pieces the tables took."""
    taken = {id(ch) for table in tables for ch in table.chars}
    return [line for line in lines if not any(id(s.chars[0]) in taken for s in line.segments)]


def header_at_foot(lines: list[Line], rivers) -> AlignedTable | None:
    """The header of a table alone at the foot of a page, its rows on the next (the 复议/诉讼 table over its
    one row): the last lines, close together, in one size and printing no value, whose lowest cells name
    three columns or more, set apart. Every column it names is read as a value column, so that the next page's
    rows of numbers continue it (see `continuation`)."""
    if not lines:
        return None
    start = len(lines) - 1
    while start > 0 and same_size(lines[start - 1], lines[-1]) \
            and lines[start].top - lines[start - 1].bottom <= MAX_BLANK_GAP * lines[start].height:
        start -= 1
    block = lines[start:]
    if len(block) < 2 or any(line.values for line in block):
        return None
    leaves = lowest(header_cells(block, {id(s) for line in block for s in line.segments}))
    if len(merged_spans((cell.x0, cell.x1) for cell in leaves)) < 3:
        return None
    left = min(s.x0 for line in block for s in line.segments)
    right = max(s.x1 for line in block for s in line.segments)
    runs = rivers([], left - 1, right + 1, [cell.chars for cell in leaves])
    alignment = text_alignment(block, runs)
    x_lines = [left - 1, *(edge_in(run, alignment) for run in runs), right + 1]
    rows = [row_of(group, x_lines, alignment == "centre") for group in header_rows(block, x_lines)]
    return AlignedTable([r for r in rows if r], block[0].top, block[-1].bottom, x_lines, chars_of(block), 0,
                        headed=True, header_pieces=pieces_of(block))


def blank_tables(lines: list[Line], rivers) -> list[AlignedTable]:
    """Tables that print no value at all (every cell left blank): a header whose cells stand over columns,
    right of a run of label lines. Lines of such a table follow one another at most MAX_BLANK_GAP line heights
    apart, in one size."""
    tables = []
    start = 0
    while start < len(lines):
        end = start + 1
        while end < len(lines) and same_size(lines[end], lines[start]) \
                and lines[end].top - lines[end - 1].bottom <= MAX_BLANK_GAP * lines[end].height:
            end += 1
        # the block may end in lines set like the table's that are not in it (a heading, prose): of the readings
        # without up to MAX_TRAILING_LINES of its last lines, the one with the most value columns wins
        readings = [blank_table(lines[start:end - k], rivers)
                    for k in range(min(MAX_TRAILING_LINES, end - start - 2) + 1)]
        found = [(len(t.x_lines) - 1 - t.label_columns, -k, t) for k, t in enumerate(readings) if t]
        if found:
            tables.append(max(found, key=lambda item: item[:2])[2])
        start = end
    return tables


def blank_table(block: list[Line], rivers) -> AlignedTable | None:
    """The blank table that ends `block` (lines close together, none holding a value), if there is one.

    The body is the run of lines at the end of the block that keep left of some header text; the header is
    the lines above it whose cells keep either left of the values' columns (the stub) or right of the body."""
    if any(line.values for line in block):
        return None
    split = len(block) - 1
    body_right = block[split].segments[-1].x1
    while split > 0 and not any(s.x0 > body_right + EDGE_SNAP for s in block[split - 1].segments):
        split -= 1
        body_right = max(body_right, block[split].segments[-1].x1)
    value_left = math.inf
    header_start = split
    while header_start > 0:
        line, below = block[header_start - 1], block[header_start]
        over = [s.x0 for s in line.segments if s.x0 > body_right + EDGE_SNAP]
        left_of_values = min([value_left, *over])
        # a line with no text over the values is the stub's only when set tight above (a wrapped stub header)
        if not over and below.top - line.bottom > TIGHT_GAP * line.height \
                or not all(s.x0 > body_right + EDGE_SNAP or s.x1 < left_of_values - EDGE_SNAP for s in line.segments):
            break
        value_left = left_of_values
        header_start -= 1
    header, body = block[header_start:split], block[split:]
    if header and min(s.x0 for line in body for s in line.segments) > \
            min(s.x1 for line in header for s in line.segments):
        # the "body" starts right of where the header's first cell ends: no stub of labels, but the lowest
        # names of a header (商业 over 企业, under columns named above), its rows on the next page
        return None
    over_values = [s for line in header for s in line.segments if s.x0 > body_right + EDGE_SNAP]
    over_ids = {id(s) for s in over_values}
    # the lowest header cell of each column names it; a group header above may be centred across a river
    leaves = lowest(header_cells(header, over_ids))
    if len(body) < 2 or len(merged_spans((cell.x0, cell.x1) for cell in leaves)) < 2:
        return None
    members = header + body
    left = min(s.x0 for line in members for s in line.segments)
    right = max(s.x1 for line in members for s in line.segments)
    solid = [[ch for s in line.segments if id(s) not in over_ids for ch in s.chars] for line in members]
    runs = rivers([], left - 1, right + 1, solid + [cell.chars for cell in leaves])
    alignment = text_alignment(header, runs)
    separators = [edge_in(run, alignment) for run in runs]
    value_separators = separators[max(0, bisect.bisect_left(separators, value_left) - 1):]
    if not value_separators or value_separators[0] < body_right:
        return None
    label_separators = label_edges([[line] for line in members], value_left, value_separators[0])
    groups = rows_by_cells(body, leaf_column_left(body, [left - 1, *label_separators, value_separators[0]]))
    label_separators = label_edges([*groups, *([line] for line in header)], value_left, value_separators[0])
    x_lines = [left - 1, *label_separators, *value_separators, right + 1]
    rows = [row_of(group, x_lines, alignment == "centre") for group in header_rows(header, x_lines)]
    rows += [row_of(group, x_lines) for group in groups]
    return AlignedTable([r for r in rows if r], members[0].top, members[-1].bottom, x_lines,
                        chars_of(members), len(label_separators) + 1)


@dataclass
class HeaderCell:
    """Header text set in one cell: segments stacked tight, one under the other (a wrapped column name)."""

    top: float
    bottom: float
    x0: float
    x1: float
    chars: list[dict]


def header_cells(header: list[Line], ids: set[int]) -> list[HeaderCell]:
    """The header cells formed by the segments whose id is in `ids`."""
    cells: list[HeaderCell] = []
    for line in header:
        segments = [s for s in line.segments if id(s) in ids]
        for segment in segments:
            # the segment's own top and bottom: cells of different heights centre their text at different
            # heights, and one line may take in text set a little lower (商业企 beside a wrapped stub)
            top, bottom = segment.top, segment.bottom
            above = next((c for c in cells if overlaps_x(c, segment)
                          and 0 <= top - c.bottom <= TIGHT_GAP * line.height), None)
            # a name over several names of the line below is a group's, set as close as a wrapped name's lines
            # where a header has no padding (未经复议直接起诉 over 结 | 结 | 其 | 尚 of vertical names)
            if above and sum(overlaps_x(above, other) for other in segments) == 1:
                above.bottom, above.x0, above.x1 = bottom, min(above.x0, segment.x0), max(above.x1, segment.x1)
                above.chars = above.chars + segment.chars
            else:
                cells.append(HeaderCell(top, bottom, segment.x0, segment.x1, list(segment.chars)))
    return cells


def lowest(cells: list[HeaderCell]) -> list[HeaderCell]:
    """The cells with no other cell under them: those that name one column each."""
    return [cell for cell in cells if not any(o.top > cell.top and overlaps_x(o, cell) for o in cells)]


def overlaps_x(a, b) -> bool:
    return a.x0 < b.x1 and b.x0 < a.x1


def continuation(lines: list[Line], columns: Columns, top_margin: float = 0.0) -> tuple[AlignedTable | None, list[Line]]:
    """The rows at the top of a page that continue an unruled table from the page before, read on its columns,
    and the lines they take: lines in the table's size, close together, that keep within its width, cross
    none of its value columns' edges and print nothing but values in its value columns (labels there are
    those of another table, or of columns of the label area the page before left blank). Lines above
    `top_margin` that are not such lines (a running header) are passed over, and so is the table's header
    printed again (taken too, so that no table below takes it for its own)."""
    repeated, body = continued_lines(lines, columns, top_margin)
    if not body and columns.label_columns == 0:
        # a header alone at the foot of the page before named every column a value column; its first may be the
        # stub (信息内容), whose labels (行政处罚) its rows print
        columns = replace(columns, label_columns=1)
        repeated, body = continued_lines(lines, columns, top_margin)
    if not body:
        return None, []
    x_lines = columns.x_lines
    label_columns = columns.label_columns
    reach = max((s.x1 for line in body for s in line.segments if not s.is_value and not is_unit_word(s.text)),
                default=-math.inf)
    if reach > x_lines[label_columns]:
        # labels reach into the white the page before left between its labels and values (see `keeps_to`)
        x_lines = [*x_lines[:label_columns], (reach + columns.values_left) / 2, *x_lines[label_columns + 1:]]
    # labels set beside each other across an edge of the label area above (三、本年度办理结果 beside a long item
    # that starts left of where the items above did, a group label beside items the part above printed alone)
    # part the label area by their own white
    values_edge = x_lines[label_columns]
    groups = rows_by_cells(body, leaf_column_left(body, x_lines[:label_columns + 1]))
    own = label_edges(groups, values_edge, values_edge)
    if any(s.x0 + EDGE_SNAP < x < s.x1 - EDGE_SNAP for line in body for s in line.segments
           for x in x_lines[1:label_columns]):
        edges = own
    else:
        # a group label the part above never printed ((三)不予公开 beside its items) stands in a column of its own
        edges = sorted([*x_lines[1:label_columns], *(x for x in own if parts_a_column(groups, x, x_lines))])
    if edges and edges != x_lines[1:label_columns]:
        x_lines, label_columns = [x_lines[0], *edges, *x_lines[label_columns:]], len(edges) + 1
        groups = rows_by_cells(body, leaf_column_left(body, x_lines[:label_columns + 1]))
    # rows left blank after its last row of numbers, set as far apart as its rows (四、结转下年度继续办理)
    value_lines = [line for line in body if line.is_value_line]
    if value_lines:
        last = next(i for i, line in enumerate(lines) if line is body[-1])
        trailing = blank_rows_after(lines, last, groups, value_lines[-1], x_lines[label_columns])
        groups += trailing
        body = body + [line for group in trailing for line in group]
    rows = [row_of(group, x_lines) for group in groups]
    return AlignedTable([r for r in rows if r], body[0].top, body[-1].bottom, x_lines,
                        chars_of(body), label_columns, header_pieces=columns.header_pieces), repeated + body


def parts_a_column(groups: list[list[Line]], x: float, x_lines: list[float]) -> bool:
    """Whether an edge at `x` parts text that `x_lines` put in one column: a row of `groups` prints text on both
    sides of it inside the column that holds it."""
    k = bisect.bisect_right(x_lines, x) - 1
    if not 0 <= k < len(x_lines) - 1:
        return False
    a, b = x_lines[k] - EDGE_SNAP, x_lines[k + 1] + EDGE_SNAP
    for group in groups:
        inside = [s for line in group for s in line.segments if a <= s.x0 and s.x1 <= b]
        if any(s.x1 < x for s in inside) and any(s.x0 > x for s in inside):
            return True
    return False


def continued_lines(lines: list[Line], columns: Columns, top_margin: float) -> tuple[list[Line], list[Line]]:
    """(header lines printed again, body): the first lines that keep to `columns` (see `keeps_to`), close
    together (rows of values as far apart as `value_runs` allows), past those above `top_margin` that do not
    and past the table's header printed again (lines of its pieces)."""
    repeated: list[Line] = []
    body: list[Line] = []
    for i, line in enumerate(lines):
        if not body and is_header_piece(line, columns, follows_piece=bool(repeated)):
            repeated.append(line)
            continue
        below = lines[i + 1] if i + 1 < len(lines) else None
        # a row of values keeps to the table across a row left blank, as in `value_runs`
        gap_allowed = (MAX_ROW_GAP if line.is_row_line else MAX_BLANK_GAP) * line.height
        if not keeps_to(line, columns, below) or body and line.top - body[-1].bottom > gap_allowed:
            if not body and line.bottom < top_margin:
                continue
            break
        body.append(line)
    return repeated, body


def is_header_piece(line: Line, columns: Columns, follows_piece: bool = False) -> bool:
    """Whether every piece of `line` prints a piece of the header of the table set in `columns`, one of them two
    characters or more (a label wrapped a character a line, 其 over 他, may print one of a header's too) unless
    the line follows one that does (议 | 讼 under 行政复 | 行政诉, the header's cells wrapped)."""
    texts = [squash(s.text) for s in line.segments]
    return all(text in columns.header_pieces for text in texts) and \
        (follows_piece or any(len(text) >= 2 for text in texts))


def keeps_to(line: Line, columns: Columns, below: Line | None = None) -> bool:
    """Whether `line` could be a line of a table set in `columns`: in its size, within its width (but for a value
    in its last column wider than those the page before printed there, 16.8 under 0 and 1, and a label
    longer than those the page before centred in its first column, on a line with its values or over a line
    of them, `below`, that overlaps it), crossing none of its value columns' edges, and printing nothing but
    values (and their units, 万元) in its value columns."""
    x_lines = columns.x_lines
    value_edges = x_lines[columns.label_columns:-1]
    first, last = line.segments[0], line.segments[-1]
    beside_values = line.is_row_line or below is not None and below.is_row_line and below.top < line.bottom
    labels = [s for s in line.segments if not s.is_value and not is_unit_word(s.text)]
    values_edge = value_edges[0]
    if all(s.x0 >= columns.values_left - EDGE_SNAP for s in line.segments if s not in labels):
        # a label may reach past the edge between labels and values into the white before the values (an item
        # label wider than any the page before printed: 1.属于国家秘密 in a third label column)
        values_edge = max([values_edge, *(s.x1 + EDGE_SNAP for s in labels if s.x1 < columns.values_left - EDGE_SNAP)])
    return abs(line.size - columns.size) <= SIZE_TOLERANCE * columns.size \
        and (first.x0 >= x_lines[0] - EDGE_SNAP or beside_values and first.x1 < x_lines[1] + EDGE_SNAP) \
        and (last.x1 <= x_lines[-1] + EDGE_SNAP or last.is_value and last.x0 > x_lines[-2]) \
        and not any(s.x0 + EDGE_SNAP < x < s.x1 - EDGE_SNAP for s in line.segments for x in value_edges[1:]) \
        and not any(s.x0 + EDGE_SNAP < values_edge < s.x1 - EDGE_SNAP for s in line.segments) \
        and not any(s.x0 > values_edge - EDGE_SNAP for s in labels)


def leaf_column_left(body: list[Line], edges: list[float]) -> float:
    """The left edge of the label column nearest the values (`edges`: those of the label area's columns),
    passing over a column of units (条, 件, ——), which sit centred on their rows and so do not show where
    a row starts, and over one that holds no label at all: empty, or only numbers (a value column taken for
    the label area where the rows above its header print none of its values)."""
    for x0, x1 in reversed(list(zip(edges, edges[1:]))):
        texts = [squash(s.text) for line in body for s in line.segments if x0 <= s.x0 and s.x1 <= x1 + EDGE_SNAP]
        if any(not (is_unit_word(text) or set(text) <= VALUE_MARKS or parse_value(text).value is not None)
               for text in texts):
            return x0
    return edges[0]


def rows_by_cells(body: list[Line], leaf_left: float) -> list[list[Line]]:
    """Body lines grouped into rows where no value marks them: a row starts at each cell of the label column
    nearest the values (see `cell_starts`); lines of other columns (a group label centred on its rows) go with
    the row whose cell they follow. A group that holds two rows of values (see `holds_two_rows`) is parted as
    `body_rows` parts rows."""
    starts = cell_starts(body, leaf_left)
    groups = [body[a:b] for a, b in zip([0, *starts[1:]], [*starts[1:], len(body)])]
    return [row for group in groups for row in (body_rows(group, leaf_left) if holds_two_rows(group) else [group])]


def holds_two_rows(group: list[Line]) -> bool:
    """Whether lines read as one cell's hold two rows: two lines apart (not overlapping down the page) that each
    print two values or more and nothing but values after their first (labels wrapped as tight as a row's own
    lines hide where the second row starts). Digits in a header of words set a character a line are not."""
    return len(anchor_chains([line for line in group if prints_a_row_of_values(line)])) > 1


def prints_a_row_of_values(line: Line) -> bool:
    first = next((i for i, s in enumerate(line.segments) if s.is_value), None)
    return first is not None and len(line.segments) - first >= 2 and all(s.is_value for s in line.segments[first:])


def merged_spans(spans) -> list[tuple[float, float]]:
    """The (x0, x1) ranges, overlapping ones merged, left to right."""
    merged: list[list[float]] = []
    for x0, x1 in sorted(spans):
        if merged and x0 < merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], x1)
        else:
            merged.append([x0, x1])
    return [(a, b) for a, b in merged]


def cell_starts(body: list[Line], leaf_left: float) -> list[int]:
    """Indexes of the body lines that start a row: a line with text right of `leaf_left` (in the label column
    nearest the values, or a value) set apart from the text above it there (lines of one cell are set tight;
    cells have padding). In a table set without padding whose rows print their values on their label's first
    line (see `opens_rows`), or that prints no line apart from the one above it, each row line and each
    numbered label starts a row too."""
    if opens_rows(body, leaf_left) or all(b.top - a.bottom <= TIGHT_GAP * b.height for a, b in zip(body, body[1:])) \
            and sum(opens_label(line, leaf_left) for line in body) >= 2:
        return [i for i, line in enumerate(body) if i == 0 or line.top - body[i - 1].bottom > TIGHT_GAP * line.height
                or line.is_row_line and not overlaps_above(body, i) or opens_label(line, leaf_left)]
    starts = []
    above = None
    label_row = False  # the row under way was started by a label of the left columns
    for i, line in enumerate(body):
        right = [ch for s in line.segments if s.x1 > leaf_left + EDGE_SNAP for ch in s.chars]
        if not right:
            # a label of the left columns alone on its line starts a row when set apart from the lines around
            # it (a group label centred on its rows overlaps them), or overlapped only by numbers (its own, set
            # by the middle of its lines); text set tight under it, there or right of the edge, is more of its
            # row (a label wrapped in a narrow column, its numbers by its middle line, below its second line
            # when it wraps over four)
            apart_above = i == 0 or line.top - body[i - 1].bottom > TIGHT_GAP * line.height
            if apart_above and (i + 1 == len(body) or body[i + 1].top >= line.bottom
                                or all(s.is_value for s in body[i + 1].segments)):
                starts.append(i)
                above, label_row = line.bottom, True
            elif label_row and not apart_above:
                above = line.bottom
            continue
        label_row = False
        # measured on the text right of the edge only: a group label to the left, set on its own baseline,
        # would close the gap between two rows (one reaching past the edge by less than EDGE_SNAP too)
        top, bottom = min(ch["top"] for ch in right), max(ch["bottom"] for ch in right)
        if above is None or top - above > TIGHT_GAP * line.height:
            starts.append(i)
        above = bottom
    return starts


def opens_label(line: Line, leaf_left: float) -> bool:
    """Whether `line` opens a label in the label column at `leaf_left`: its text there starts with a numbering
    (（一）, 1.) or 其中."""
    first = next((s for s in line.segments if s.x1 > leaf_left + EDGE_SNAP), None)
    if first is None or first.is_value or is_unit_word(first.text):
        return False
    label = parse_label(first.text)
    return label.ordinal is not None or label.such_as


def overlaps_above(body: list[Line], i: int) -> bool:
    """Whether `body[i]` overlaps the line above it down the page (one row's cells holding lines at other
    heights, see `anchor_chains`)."""
    return i > 0 and body[i].top < body[i - 1].bottom - MIN_ROW_OVERLAP * body[i].size


def opens_rows(body: list[Line], leaf_left: float) -> bool:
    """Whether a table is set without padding between its rows, and its rows print their values on their label's
    first line (cells set at the top, as Word and LibreOffice set them): its rows of values that open a numbered
    label in the label column at `leaf_left` are set as close under the line above them as a label's own lines
    are (a line they overlap, a group label centred on its rows, aside), and more of its rows of values open a
    numbered label than follow a line that does. Where rows have no padding, only that tells which row a
    label's wrapped lines belong to."""
    tight = apart = opening = following = 0
    for i, line in enumerate(body):
        if not line.is_row_line:
            continue
        if opens_label(line, leaf_left):
            opening += 1
            above = next((a for a in reversed(body[:i]) if a.bottom <= line.top + MIN_ROW_OVERLAP * line.size), None)
            if above is not None:
                if line.top - above.bottom > TIGHT_GAP * line.height:
                    apart += 1
                else:
                    tight += 1
        elif i > 0 and not body[i - 1].is_row_line and opens_label(body[i - 1], leaf_left):
            following += 1
    return tight > 3 * apart and opening >= 2 and opening > 2 * following


def value_runs(lines: list[Line]) -> list[tuple[int, int]]:
    """(first, last) line index of each run of row lines (value lines, and labels beside a unit with the value
    left blank) close enough, and of one text size, to be one table.

    A line in another size (a heading) between value lines starts another table, and so does a header line:
    one with no value but several cells, some of them over the values (label lines keep left of them)."""
    runs: list[tuple[int, int]] = []
    first = last = None
    value_left = math.inf
    for i, line in enumerate(lines):
        if not line.is_row_line:
            continue
        if last is not None and (too_far_apart(lines, last, i, value_left)
                                 or any(is_header_line(lines[j], value_left) or not same_size(lines[j], line)
                                        for j in range(last + 1, i))):
            runs.append((first, last))
            first, value_left = None, math.inf
        if first is None:
            first = i
        last = i
        if line.is_value_line:
            value_left = min(value_left, value_left_of(line))
    if first is not None:
        runs.append((first, last))
    # a run needs a value: rows that only print a unit are read only beside rows that print numbers
    return [(a, b) for a, b in runs if any(lines[k].is_value_line for k in range(a, b + 1))]


def too_far_apart(lines: list[Line], last: int, i: int, value_left: float) -> bool:
    """Whether row lines `lines[last]` and `lines[i]` are too far apart to be rows of one table: more than
    MAX_ROW_GAP line heights, unless the lines between fill the space as rows of labels do (blank rows of
    labels wrapped over several lines): each left of the values, in the table's size, and at most MAX_LINE_GAP
    line heights below the one above."""
    line = lines[i]
    if line.top - lines[last].bottom <= MAX_ROW_GAP * line.height:
        return False
    between = lines[last + 1:i]
    chain = [lines[last], *between, line]
    return not between \
        or any(b.top - a.bottom > MAX_LINE_GAP * line.height for a, b in zip(chain, chain[1:])) \
        or any(not same_size(b, line) or b.segments[-1].x1 > value_left - EDGE_SNAP for b in between)


def is_header_line(line: Line, value_left: float) -> bool:
    return not line.values and len(line.segments) >= 2 and any(s.x1 > value_left for s in line.segments)


def aligned_table(lines: list[Line], first: int, last: int, rivers,
                  frame: Columns | None = None, after: float = -math.inf) -> AlignedTable | None:
    """The table whose value lines run from `lines[first]` to `lines[last]`, with its header and label lines;
    with `frame`, the same table under no header read on those columns (None unless it keeps to them). `after`:
    the bottom of the table above it on the page, whose lines are not this one's."""
    body = lines[first:last + 1]
    value_lines = [line for line in body if line.is_value_line]
    if not value_lines:
        return None
    # the first row may leave the first value columns blank: the header's names over them (自然人) are over
    # the values of the rows below
    header, loose = header_lines(lines, first, value_lines)
    # label lines just above the first value line are its row's (a label wrapped around its values)
    while loose and all(s.x1 < value_left_of(value_lines[0]) for s in header[-1].segments):
        header.pop()
        first -= 1
        loose -= 1
    # label lines just below the last value line belong to its row (a label wrapped around its values), but for
    # one set over another table's header (its caption: 第二十条第（八）项 over 信息内容 | 上一年项目数量…)
    tail = last
    while tail + 1 < len(lines) and is_label_continuation(lines[tail + 1], lines[tail], value_lines[-1]) \
            and not lines[tail + 1].is_value_line and not heads_a_table(lines, tail + 1, value_lines[-1]):
        tail += 1
    body = lines[first:tail + 1]
    members = header + body
    left = min(s.x0 for line in members for s in line.segments)
    right = max(s.x1 for line in members for s in line.segments)
    value_left = min(value_left_of(line) for line in value_lines)
    # body lines that stick out past the values on the right are prose, not cells
    if any(s.x1 > right + EDGE_SNAP for line in body for s in line.segments):
        return None
    # body lines keep within their cells (a label wraps inside its column); a header cell may span columns, so
    # only header text that crosses no river between the body's columns narrows them
    body_chars = [[ch for s in line.segments for ch in s.chars] for line in body]
    rough = rivers([], left - 1, right + 1, body_chars)
    alignment = text_alignment([*header, *value_lines], rough)
    # of the header, only the lowest cell over each column (a group header centred over several columns may
    # print inside one of them) that bridges no river between the body's columns
    cells = header_cells(header, {id(s) for line in header for s in line.segments})
    column_names = [cell for cell in lowest(cells) if not any(cell.x0 < start and end < cell.x1 for start, end in rough)]
    narrow = [cell.chars for cell in column_names]
    separators = [edge_in(run, alignment) for run in rivers([], left - 1, right + 1, body_chars + narrow)]
    # a column named right of every label the body prints holds values, though none on this page (自然人 left
    # blank in every row of the rest of a table; any column of a table whose rows print no label, as the
    # 复议/诉讼 table's 行政复议 left blank): its edge parts labels from values
    label_right = max((s.x1 for line in body for s in line.segments if not s.is_value), default=-math.inf)
    value_left = min([value_left, *(cell.x0 for cell in column_names if cell.x0 > label_right)])
    # the river just left of the first value column parts labels from values, even where a header crosses it
    value_separators = separators[max(0, bisect.bisect_left(separators, value_left) - 1):]
    groups = body_rows(body)
    values_edge = value_separators[0] if value_separators else math.inf

    def edges_by(groups: list[list[Line]]) -> list[float]:
        return label_edges([*groups, *([line] for line in header)], value_left, values_edge)

    label_separators = edges_by(groups)
    leaf_left = leaf_column_left(body, [left - 1, *label_separators, min(values_edge, right)])
    # the rows parted again by the label column nearest the values alone: a group label beside it ((四)无法提供
    # set on lines of several rows' labels) does not show where they part. The label edges stay those found
    # on whole lines, where the group label shares rows with the labels beside it.
    groups = body_rows(body, leaf_left)
    # rows whose values are all blank (and print no unit) stand apart as cells of the label column do: read
    # by those cells when they part every value line from the next (rows set with padding)
    by_cells = parted_by_cells(body, leaf_left, groups)
    if by_cells:
        groups, label_separators = by_cells, edges_by(by_cells)
    # rows so parted may show a label column their whole lines hid (the last line of a label spanning two label
    # columns, (二)部分公开…他情形）, set beside a group label and an item): by cells of that column, nearer
    # the values, a row left blank between two rows of numbers stands apart (1.属于国家秘密)
    finer = label_separators if by_cells else edges_by(groups)
    finer_leaf = leaf_column_left(body, [left - 1, *finer, min(values_edge, right)])
    if len(finer) > len(label_separators) and finer_leaf > leaf_left:
        by_cells = parted_by_cells(body, finer_leaf, groups)
        if by_cells:
            groups, label_separators = by_cells, edges_by(by_cells)
    trailing = blank_rows_after(lines, tail, groups, value_lines[-1], value_left)
    groups += trailing
    members += [line for group in trailing for line in group]
    if trailing:
        # their labels may stand in label columns no other row uses ((三)不予公开 beside its first item, the
        # rest of its rows on the next page)
        label_separators = edges_by(groups)
    if not header:
        leading = blank_rows_before(lines, first, groups, value_lines[0], value_left, after)
        if leading:
            groups[:0] = leading
            members[:0] = [line for group in leading for line in group]
            # their labels may stand in label columns no other row uses (三、本年度办理结果 beside the item)
            label_separators = label_edges(groups, value_left, values_edge)
            left = min(left, *(s.x0 for group in leading for line in group for s in line.segments))
    x_lines, label_columns = [left - 1, *label_separators, *value_separators, right + 1], len(label_separators) + 1
    if frame is not None:
        if header or not all(keeps_to(line, frame) for line in members):
            return None
        # the frame's value columns; the label area's columns are this table's own (its rows' labels show them)
        value_edges = frame.x_lines[frame.label_columns:-1]
        label_separators = [x for x in label_separators if x < value_edges[0] - EDGE_SNAP]
        x_lines = [min(left - 1, frame.x_lines[0]), *label_separators, *value_edges, max(right + 1, frame.x_lines[-1])]
        label_columns = len(label_separators) + 1
    if len(x_lines) < 3:
        return None
    rows = [row_of(group, x_lines, alignment == "centre") for group in header_rows(header, x_lines)]
    rows += [row_of(group, x_lines) for group in groups]
    return AlignedTable([r for r in rows if r], members[0].top, members[-1].bottom, x_lines,
                        chars_of(members), label_columns, headed=bool(header),
                        header_pieces=pieces_of(header) or (frame.header_pieces if frame is not None else frozenset()))


def parted_by_cells(body: list[Line], leaf_left: float, groups: list[list[Line]]) -> list[list[Line]] | None:
    """The body's rows read by the cells of the label column at `leaf_left` (see `rows_by_cells`), when that parts
    more rows than `groups` and no two lines of values share a row: rows whose values are all blank (and print no
    unit) stand apart as their label cells do (rows set with padding). None otherwise."""
    by_cells = rows_by_cells(body, leaf_left)
    if (len(by_cells) > len(groups) or opens_rows(body, leaf_left)) and \
            all(sum(line.is_row_line for line in group) <= 1 for group in by_cells):
        return by_cells
    return None


def blank_rows_after(lines: list[Line], last: int, groups: list[list[Line]], value_line: Line,
                     value_left: float) -> list[list[Line]]:
    """Rows after `lines[last]` (a table's last line) that print a label and no value: lines in the table's
    size, left of its values, each a row gap below the one before (as far apart as the table's rows are, give or
    take a quarter, or that with an empty row between), or tight under it (a wrapped label). A heading set
    further off is not taken, nor a label whose values overlap it on the next line."""
    gaps = [lower[0].top - upper[-1].bottom for upper, lower in zip(groups, groups[1:])]
    if not gaps:
        return []
    low, high = min(gaps), max(gaps)
    rows: list[list[Line]] = []
    for k in range(last + 1, len(lines)):
        # measured between the labels nearest the values: a group label beside them (三、本年度办理结果) is set
        # by the middle of the rows it spans, and may stand higher than its first row's label
        line, gap = lines[k], lines[k].segments[-1].top - lines[k - 1].segments[-1].bottom
        if not same_size(line, value_line) or any(s.x1 > value_left - EDGE_SNAP for s in line.segments):
            break
        if k + 1 < len(lines) and lines[k + 1].is_row_line and lines[k + 1].top < line.bottom:
            break  # its values stand on the line under it, set by the middle of its wrapped label
        if rows and gap <= TIGHT_GAP * line.height:
            rows[-1].append(line)
        elif TIGHT_GAP * line.height < gap and (0.75 * low <= gap <= 1.25 * high
                                                or one_row_skipped(gap, low, high, line)):
            rows.append([line])
        else:
            break
    return rows


def one_row_skipped(gap: float, low: float, high: float, line: Line) -> bool:
    """Whether `gap` above `line` is a row gap with an empty row in it (rows `low` to `high` apart): a row left
    blank that the author set apart from the rows of numbers above by an empty row."""
    return 0.75 * (2 * low + line.height) <= gap <= 1.25 * (2 * high + line.height)


def blank_rows_before(lines: list[Line], first: int, groups: list[list[Line]], value_line: Line,
                      value_left: float, after: float) -> list[list[Line]]:
    """Rows above `lines[first]` (the first line of a table under no header) that print a label and no value:
    the rest of a table its author split, opening on a row left blank (1.本机关不掌握相关政府信息). As
    `blank_rows_after` takes them, and each row's first line opens with a numbered item (1. （四） 四、) over the
    label column of the row below it: the last line of a paragraph above the table is not a row."""
    gaps = [lower[0].top - upper[-1].bottom for upper, lower in zip(groups, groups[1:])]
    if not gaps:
        return []
    low, high = min(gaps), max(gaps)
    candidates: list[list[Line]] = []  # bottom up
    below = lines[first]
    for k in range(first - 1, -1, -1):
        line, gap = lines[k], below.top - lines[k].bottom
        if line.top <= after or not same_size(line, value_line) \
                or any(s.x1 > value_left - EDGE_SNAP for s in line.segments):
            break
        if candidates and gap <= TIGHT_GAP * line.height:
            candidates[-1].insert(0, line)
        elif TIGHT_GAP * line.height < gap and 0.75 * low <= gap <= 1.25 * high:
            candidates.append([line])
        else:
            break
        below = line
    rows: list[list[Line]] = []
    under = groups[0]
    for row in candidates:
        if not is_item_row(row, under):
            break
        rows.insert(0, row)
        under = row
    return rows


def is_item_row(row: list[Line], below: list[Line]) -> bool:
    """Whether label lines `row` open with a numbered item set over the label text of the row `below` (beside
    it, a group label of the label column to the left may open too: 三、本年度办理结果)."""
    labels = [s for line in below for s in line.segments if not s.is_value]
    return any(parse_label(head.text).ordinal is not None and any(head.x0 < s.x1 and s.x0 < head.x1 for s in labels)
               for head in row[0].segments)


def text_alignment(lines: list[Line], runs: list[tuple[float, float]]) -> str:
    """How the table's text is set in its cells: "left" when the values and headers of each column share a
    left edge and not a right one, "right" the other way round, else "centre"."""
    columns: dict[int, list[Segment]] = {}
    ends = [end for _, end in runs]
    for line in lines:
        for segment in line.segments:
            column = bisect.bisect_left(ends, segment.x1)
            if column > 0:  # the label column is set apart from the values' alignment
                columns.setdefault(column, []).append(segment)
    votes = {"left": 0, "right": 0}
    for segments in columns.values():
        left_spread = max(s.x0 for s in segments) - min(s.x0 for s in segments)
        right_spread = max(s.x1 for s in segments) - min(s.x1 for s in segments)
        if left_spread <= FLUSH and right_spread > FLUSH:
            votes["left"] += 1
        elif right_spread <= FLUSH and left_spread > FLUSH:
            votes["right"] += 1
    for side, other in (("left", "right"), ("right", "left")):
        if votes[side] > max(votes[other], len(columns) // 3):
            return side
    return "centre"


def edge_in(run: tuple[float, float], alignment: str) -> float:
    """Where in a white river the column edge lies: just before text set flush left (the river's end), just
    after text set flush right (its start), in the middle between centred columns."""
    start, end = run
    if alignment == "left":
        return max(start, end - FLUSH)
    if alignment == "right":
        return min(end, start + FLUSH)
    return (start + end) / 2


def is_label_continuation(line: Line, above: Line, value_line: Line) -> bool:
    """Whether `line` (no value) is more of a label just above it: the same size, a line height away, and
    left of the values."""
    return same_size(line, value_line) and line.top - above.bottom <= MAX_LINE_GAP * line.height - line.height \
        and line.segments[-1].x1 < value_left_of(value_line)


def heads_a_table(lines: list[Line], i: int, value_line: Line) -> bool:
    """Whether `lines[i]` is set over a table's header, in the white a table may keep from its caption (a
    caption: 第二十条第（八）项 over 信息内容 | 上一年项目数量…)."""
    return i + 1 < len(lines) and is_header_line(lines[i + 1], value_left_of(value_line)) \
        and lines[i + 1].top - lines[i].bottom <= MAX_LINE_GAP * lines[i + 1].height


def value_left_of(line: Line) -> float:
    """The left edge of a value line's first value."""
    return min(s.x0 for s in line.segments if s.is_value)


def header_lines(lines: list[Line], first: int, value_lines: list[Line]) -> tuple[list[Line], int]:
    """The lines above the first row (`lines[first]`) that belong to the table whose `value_lines` follow:
    header lines of several cells, lines over the value columns (right of the left edge of the table's values:
    the first row may leave the first columns blank; or centred over a value, right of the rows' labels), and
    label lines set close above them (not a heading set apart); with how many of its last lines may be the
    first row's label (all but those under a header's stub, see `stub_lines`)."""
    first_value = value_lines[0]
    values_left = min(value_left_of(line) for line in value_lines)
    labels_right = max((s.x1 for line in value_lines for s in line.segments if not s.is_value), default=-math.inf)
    values = [s for line in value_lines for s in line.segments if s.is_value]
    value_left = value_left_of(first_value)
    taken: list[Line] = []
    below = lines[first]
    loose = None
    i = first - 1
    while i >= 0:
        line = lines[i]
        if line.values or not same_size(line, first_value):
            break
        gap = below.top - line.bottom
        spans_values = any(s.x1 > value_left for s in line.segments)
        # a name centred over a column may start left of its values: by a character (织 of 法人或其他组织), or
        # by more when wider than they are (位：万元）), though right of the labels (a caption centred over the
        # whole table is centred over no value)
        over_values = all(s.x0 >= values_left - max(EDGE_SNAP, line.height)
                          or s.x0 > labels_right + EDGE_SNAP and any(
                              v.x0 - EDGE_SNAP <= (s.x0 + s.x1) / 2 <= v.x1 + EDGE_SNAP for v in values)
                          for s in line.segments)
        if len(line.segments) >= 2 and spans_values or gap <= TIGHT_GAP * line.height \
                or gap <= MAX_LINE_GAP * line.height - line.height and (spans_values or taken) \
                or over_values and gap <= MAX_LINE_GAP * line.height:
            taken.insert(0, line)
            below = line
            i -= 1
            continue
        # a stub cell printed in each row of the header (merged cells drawn apart) ends a row gap above; or
        # the first rows are left blank (规章 with no number under the header of 第二十条第（一）项), lines
        # the table's first rows take back
        stub = stub_lines(lines, i, below, value_left)
        if stub:
            loose = len(taken) if loose is None else loose
        else:
            # (none taken but the first row's label, wrapped over its values)
            first_row_label = not any(s.x1 > value_left - EDGE_SNAP for line in taken for s in line.segments)
            stub = blank_rows_under_header(lines, i, below, value_left) if first_row_label else []
            if not stub:
                break
        taken[:0] = stub
        below = stub[0]
        i -= len(stub)
    return taken, len(taken) if loose is None else loose


def stub_lines(lines: list[Line], last: int, below: Line, value_left: float) -> list[Line]:
    """The lines up to `lines[last]` that end a header's stub column under header lines over the values (the
    lines of a stub cell printed in each row of the header, the last a row gap above the table's first row):
    up to MAX_TRAILING_LINES label lines, each at most MAX_LINE_GAP line heights from the next, set tight under
    a line of header cells over the values. Empty when there is no such header above them."""
    for i in range(last, max(-1, last - MAX_TRAILING_LINES - 1), -1):
        line = lines[i]
        if line.values or not same_size(line, below) or below.top - line.bottom > MAX_LINE_GAP * line.height:
            return []
        if i < last and len(line.segments) >= 2 and any(s.x1 > value_left for s in line.segments):
            # the stub's lines run on from the header's (a blank row is set a row gap below it)
            return lines[i + 1:last + 1] if lines[i + 1].top - line.bottom <= TIGHT_GAP * line.height else []
        if any(s.x1 > value_left for s in line.segments):
            return []
        below = line
    return []


def blank_rows_under_header(lines: list[Line], last: int, below: Line, value_left: float) -> list[Line]:
    """The lines up to `lines[last]` of rows that print a label and no value, set between a header line (one of
    several cells over the values) and `below` (a table's first value line, or the first line of its label
    wrapped over it), each row as far from the next as
    the others are (within ROW_GAP_SPREAD), its label lines tight: at most MAX_TRAILING_LINES rows. Empty when
    no header line tops them: label lines alone above a table are its caption or the prose before it."""
    gaps: list[float] = []
    for i in range(last, -1, -1):
        line = lines[i]
        gap = below.top - line.bottom
        if is_header_line(line, value_left) and same_size(line, below):
            gaps.append(gap)
            return lines[i + 1:last + 1] if len(gaps) > 1 and max(gaps) <= ROW_GAP_SPREAD * min(gaps) else []
        if line.values or not same_size(line, below) or line.segments[-1].x1 > value_left - EDGE_SNAP:
            return []
        if gap > TIGHT_GAP * line.height:
            if len(gaps) == MAX_TRAILING_LINES:
                return []
            gaps.append(gap)
        elif not gaps:
            return []  # set tight over the value line: its own row's label, not a row of its own
        below = line
    return []


def label_edges(rows: list[list[Line]], value_left: float, before: float = math.inf) -> list[float]:
    """Column edges inside the label area, left of `before` (the first value column's edge) by more than
    EDGE_SNAP. Label text of one row that stands apart (no overlap across) is in cells side by side, so an edge
    lies in each gap between them; gaps in different rows that overlap share one edge, in the middle of their
    overlap."""
    gaps = []
    for lines in rows:
        clusters = merged_spans((s.x0, s.x1) for line in lines for s in line.segments
                                if s.x1 < value_left and not s.is_value)
        gaps += [(a[1], b[0]) for a, b in zip(clusters, clusters[1:])]
    shared: list[list[float]] = []
    for start, end in sorted(gaps):
        if shared and start < shared[-1][1]:
            shared[-1] = [max(shared[-1][0], start), min(shared[-1][1], end)]
        else:
            shared.append([start, end])
    return [x for x in ((start + end) / 2 for start, end in shared) if x < before - EDGE_SNAP]


def header_rows(header: list[Line], x_lines: list[float]) -> list[list[Line]]:
    """Header lines grouped into rows. A line joins the row above when each of its cells either continues a
    cell of that row (the same columns: a wrapped header) or sits in columns the row leaves free (cells of
    different heights, centred, print their lines at different heights); otherwise it starts a row."""
    groups: list[list[Line]] = []
    spans: list[tuple[int, int]] = []
    for line in header:
        new = [column_span(s, x_lines) for s in line.segments]
        fits = groups and all(span in spans or not any(overlaps(span, other) for other in spans) for span in new)
        if fits:
            groups[-1].append(line)
            spans += [span for span in new if span not in spans]
        else:
            groups.append([line])
            spans = list(dict.fromkeys(new))
    return groups


def overlaps(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] < b[0] + b[1] and b[0] < a[0] + a[1]


def body_rows(body: list[Line], leaf_left: float | None = None) -> list[list[Line]]:
    """Each value line with the label lines of its row. Between two value lines, the rows part where the text
    stands furthest apart (lines of one cell are set tight; cells have padding), the place nearest the middle
    when equal; lines above the first value line or below the last join it. Without `leaf_left`, measured
    between whole lines; with it (the left edge of the label column nearest the values), column by column,
    on the text right of it only: a group label centred beside the rows is one cell, set tight across the
    padding of the rows it spans."""
    chains = anchor_chains(body)
    pieces = [inked_pieces(line, leaf_left) for line in body] if leaf_left is not None else None
    cuts = [0]
    for (_, a), (b, _), after in zip(chains, chains[1:], [*(first for first, _ in chains[2:]), len(body)]):
        middle = (body[a].bottom + body[b].top) / 2

        def white(k: int) -> float:
            if pieces is None:
                return body[k].top - body[k - 1].bottom
            # the row above from its first line, the row below up to the next value line
            return white_across(pieces[cuts[-1]:k], pieces[k:after], default=body[k].top - body[k - 1].bottom)

        # of equal whites right of `leaf_left` (no label there, as under a label spanning the leaf column too:
        # (二)部分公开… over six lines, its numbers by its middle), the widest white between whole lines
        cuts.append(max(range(a + 1, b + 1), key=lambda k: (
            round(white(k), 1), round(body[k].top - body[k - 1].bottom, 1),
            -abs((body[k].top + body[k - 1].bottom) / 2 - middle))))
    cuts.append(len(body))
    return [body[start:end] for start, end in zip(cuts, cuts[1:])]


def anchor_chains(body: list[Line]) -> list[tuple[int, int]]:
    """(first, last) index of each run of row lines that overlap down the page: one row whose cells, set by
    their middle, hold different numbers of lines (a "——" wrapped in a narrow column over two lines, the
    numbers beside it on one line between them). The rows of a table never overlap: cells have padding."""
    chains: list[list[int]] = []
    for i, line in enumerate(body):
        if not line.is_row_line:
            continue
        if chains and line.top < body[chains[-1][1]].bottom - MIN_ROW_OVERLAP * line.size:
            chains[-1][1] = i
        else:
            chains.append([i, i])
    return [(first, last) for first, last in chains]


def inked_pieces(line: Line, leaf_left: float) -> list[tuple[float, float, float, float]]:
    """(x0, x1, top, bottom) of each segment of `line` right of `leaf_left`, by the ink of its characters (a
    line's own top and bottom span every baseline it joined)."""
    return [(s.x0, s.x1, s.top, s.bottom)
            for s in line.segments if s.x1 > leaf_left + EDGE_SNAP]


def white_across(above: list[list[tuple]], below: list[list[tuple]], default: float) -> float:
    """The least white between a piece above and a piece below it in the same column (pieces by line, see
    `inked_pieces`); `default` where no column holds pieces on both sides."""
    upper = [piece for line in above for piece in line]
    lower = [piece for line in below for piece in line]
    return min((top - bottom for x0, x1, _, bottom in upper for u0, u1, top, _ in lower if x0 < u1 and u0 < x1),
               default=default)


def column_span(segment: Segment, x_lines: list[float]) -> tuple[int, int]:
    """(first column, columns covered) of a segment: the columns its ink falls in."""
    last_col = len(x_lines) - 2

    def col(x: float) -> int:
        return max(0, min(last_col, bisect.bisect_right(x_lines, x) - 1))

    first, last = col(segment.x0 + 0.5), col(segment.x1 - 0.5)
    return first, last - first + 1


def row_of(lines: list[Line], x_lines: list[float], centred: bool = False) -> list[tuple[str, int, int, int]]:
    """One grid row: the segments of its lines, those sharing a column joined into one cell. With `centred`
    (a header row of a table set centred), a cell takes in the empty columns around it over which its text is
    centred: a header over several columns is printed in the middle of them, inside one of them."""
    cells: list[tuple[int, int, list[dict]]] = []  # (first col, last col, chars)
    for segment in (s for line in lines for s in line.segments):
        first, span = column_span(segment, x_lines)
        last = first + span - 1
        overlapping = [c for c in cells if c[0] <= last and first <= c[1]]
        chars = list(segment.chars)
        for c in overlapping:
            cells.remove(c)
            first, last, chars = min(first, c[0]), max(last, c[1]), c[2] + chars
        cells.append((first, last, chars))
    cells.sort(key=lambda c: c[0])
    if centred:
        cells = [widened(cell, cells, x_lines) for cell in cells]
    # a number wrapped in a narrow column is one number (see `box_text`)
    return [(box_text(chars, x_lines[first], x_lines[last + 1]), first, 1, last - first + 1)
            for first, last, chars in cells]


def widened(cell: tuple[int, int, list[dict]], cells: list, x_lines: list[float]) -> tuple[int, int, list[dict]]:
    """`cell` over the widest run of columns, free of other cells, whose middle is the middle of its text."""
    first, last, chars = cell
    centre = (min(ch["x0"] for ch in chars) + max(ch["x1"] for ch in chars)) / 2
    taken = {c for other in cells if other is not cell for c in range(other[0], other[1] + 1)}
    best = (first, last)
    a = first
    while a >= 0 and a not in taken:
        b = last
        while b < len(x_lines) - 1 and b not in taken:
            if abs((x_lines[a] + x_lines[b + 1]) / 2 - centre) <= CENTRE_TOLERANCE and b - a > best[1] - best[0]:
                best = (a, b)
            b += 1
        a -= 1
    return best[0], best[1], chars


def box_text(chars: list[dict], left: float, right: float) -> str:
    """A cell's text, the cell running from `left` to `right`. A number too wide for its cell wraps onto the
    next line ("35" over "2" in a narrow column is 352; "15826" over "00元" is 1582600元): its lines are
    joined again when each line but the last fills the cell, leaving no room for the character that opens the
    next, and follows the one above it as lines of one cell do (at most MAX_LINE_GAP line heights apart). The
    cell's padding is at least MIN_CELL_PADDING a side, and the white before its lines where they are set
    flush left (Word pads a cell 5.4 pt a side). Numbers on lines that do not fill it stay apart, and are then
    never read as one (two rows run into one cell); so do numbers further apart (rows several lines tall, each
    centring its number: 16 over 5 over 9 are three rows')."""
    text = text_of(chars)
    number = text.rstrip("".join(set(text) - DIGITS - {"\n"}))  # a unit after it (1582600元) wraps with it
    if "\n" not in number or not set(number) - {"\n"} <= DIGITS or \
            number != text and not is_unit_word(text[len(number):]):
        return text
    lines = group_lines(chars)
    starts = [min(ch["x0"] for ch in line) for line in lines]
    padding = max(MIN_CELL_PADDING, min(starts) - left) if max(starts) - min(starts) <= FLUSH else MIN_CELL_PADDING
    numbers = [text_of(lines[0])]
    for line, below in zip(lines, lines[1:]):
        used = max(ch["x1"] for ch in line) - min(ch["x0"] for ch in line)
        if used + min(below, key=itemgetter("x0"))["width"] + 2 * padding < right - left:
            return text
        height = max(ch["bottom"] - ch["top"] for ch in line)
        gap = min(ch["top"] for ch in below) - max(ch["bottom"] for ch in line)
        if gap <= MAX_LINE_GAP * height:
            numbers[-1] += text_of(below)
        else:
            numbers.append(text_of(below))
    return "\n".join(numbers)
