"""Tables as Word describes them, in a .docx, a Word 97 .doc or RTF: rows of cells, each spanning grid columns
and merged down with the cells below it, made into a Document's grid; and the paragraphs of a .doc or RTF (text,
the mark that ends it, table depth, a row's cell edges and merges) made into blocks and tables."""
from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass, field

from ..document import Paragraph, Table, build_grid

# A single cell holding this much text is a page laid out in a table, not a statistical table.
LAYOUT_CELL_CHARS = 200
# TC80 flags: horizontal merge in bits 0-1 (2 or 3: merged into the cell before), vertical in bits 5-6
MERGED_INTO_PREVIOUS = (2, 3)
VERTICAL_MERGE = {1: "continue", 3: "restart"}
# Two cell edges this close (in twips, 1/20 pt) are one column edge: rows drawn by hand are a hair apart.
EDGE_SNAP_TWIPS = 30

CELL_MARK, PARAGRAPH_MARK = "\x07", "\r"


@dataclass
class WordParagraph:
    text: str
    mark: str  # the character that ends it: \r, \x07 (cell or row end) or \x0c
    depth: int = 0  # table nesting: 0 outside tables
    row_end: bool = False
    row: list[tuple[int, int, int]] = field(default_factory=list)  # row end: (left, right, TC80 flags) a cell


def is_layout_table(rows: list) -> bool:
    """Whether a table's rows (as `read_table` takes them) are a page laid out in a table: one column of long
    text."""
    if len(rows) > 2:
        return False
    texts = [text for _, cells in rows for text, _, _ in cells]
    return len(texts) <= 2 and any(len(text) > LAYOUT_CELL_CHARS for text in texts)


def read_table(rows: list) -> list[Table]:
    """One table's rows, [(grid columns skipped before the row, [(text, columns spanned, vertical merge: 'restart',
    'continue' or None), ...]), ...], as a grid with the spans and merges resolved."""
    placed_rows: list[list[tuple[str, int, int, int]]] = []
    open_merges: dict[int, tuple[int, int]] = {}  # col -> (row index, position in that row) of a vMerge start
    for r, (col, cells) in enumerate(rows):
        row: list[tuple[str, int, int, int]] = []
        for text, span, merge in cells:
            if merge == "continue" and col in open_merges:
                start_r, pos = open_merges[col]
                text, c, rowspan, colspan = placed_rows[start_r][pos]
                placed_rows[start_r][pos] = (text, c, rowspan + 1, colspan)
            else:
                row.append((text, col, 1, span))
                if merge == "restart":
                    open_merges[col] = (r, len(row) - 1)
                else:
                    open_merges.pop(col, None)
            col += span
        placed_rows.append(row)
    grid = build_grid(placed_rows)
    return [Table(grid)] if grid and grid[0] else []


def widen_last_cell(row: list, text: str, span: int) -> None:
    """Merge a cell into the one before it in `row` (read_table's cells): their texts a line apart, their spans
    added."""
    previous_text, previous_span, previous_merge = row[-1]
    row[-1] = ("\n".join(t for t in (previous_text, text) if t), previous_span + span, previous_merge)


def blocks_of(paragraphs: list[WordParagraph]) -> list:
    """Paragraphs outside tables as they are; each run of table paragraphs as one table. A table nested in a
    cell is read into that cell's text; a table used for page layout (one column of long text) as its flow."""
    blocks: list = []
    rows: list = []  # the table being read: (cell texts, cell edges) a row
    cells: list[str] = []
    lines: list[str] = []

    def table_so_far() -> list:
        """The table's blocks, a last row that no row end closed (a damaged file) included as it stands."""
        last = cells + (["\n".join(lines).strip()] if lines else [])
        return table_blocks(rows + ([(last, [])] if last else []))

    for paragraph in paragraphs:
        if paragraph.depth == 0:
            if rows or cells or lines:
                blocks.extend(table_so_far())
                rows, cells, lines = [], [], []
            blocks.append(Paragraph(paragraph.text))
        elif paragraph.depth > 1:
            if not paragraph.row_end and paragraph.text.strip():
                lines.append(paragraph.text.strip())
        elif paragraph.row_end:
            rows.append((cells, paragraph.row))
            cells = []
        elif paragraph.mark == CELL_MARK:
            lines.append(paragraph.text)
            cells.append("\n".join(lines).strip())
            lines = []
        else:
            lines.append(paragraph.text)
    if rows or cells or lines:
        blocks.extend(table_so_far())
    return blocks


def table_blocks(word_rows: list[tuple[list[str], list[tuple[int, int, int]]]]) -> list:
    """One table's rows (cell texts, and the cells' edges and merges from the row's definition) as the
    .docx reader's rows, then its grid."""
    edges = snapped_edges([edge for _, cells in word_rows for left, right, _ in cells for edge in (left, right)])
    rows = []
    merged_down: set[int] = set()  # the columns where the row above holds a vertically merged cell
    for texts, cells in word_rows:
        if len(cells) < len(texts):  # a row without a (full) definition: one column a cell, after the defined
            start = column_of(edges, cells[-1][1]) if cells else 0
            placed = [(column_of(edges, left), column_of(edges, right), flags) for left, right, flags in cells]
            placed += [(start + k, start + k + 1, 0) for k in range(len(texts) - len(cells))]
        else:
            placed = [(column_of(edges, left), column_of(edges, right), flags) for left, right, flags in cells]
        row: list[tuple[str, int, str | None]] = []
        merging: set[int] = set()
        for text, (left, right, flags) in zip(texts, placed):
            span = max(1, right - left)
            if flags & 0x3 in MERGED_INTO_PREVIOUS and row:
                widen_last_cell(row, text, span)
                continue
            merge = VERTICAL_MERGE.get(flags >> 5 & 0x3)
            if merge == "restart" and not text and left in merged_down:
                # Word may copy a row's properties whole to the next row, so that the cells continuing a merge
                # say it starts again: an empty one under a merged cell continues it
                merge = "continue"
            if merge:
                merging.add(left)
            row.append((text, span, merge))
        merged_down = merging
        rows.append((placed[0][0] if placed else 0, row))
    if is_layout_table(rows):
        return [Paragraph(line.strip()) for _, row in rows for text, _, _ in row for line in text.splitlines()]
    return read_table(rows)


def snapped_edges(edges: list[int]) -> list[int]:
    """The table's column edges: every cell edge its rows use, those within EDGE_SNAP_TWIPS as one."""
    snapped: list[int] = []
    for edge in sorted(set(edges)):
        if not snapped or edge - snapped[-1] > EDGE_SNAP_TWIPS:
            snapped.append(edge)
    return snapped


def column_of(edges: list[int], x: int) -> int:
    """The index of the column edge at (or snapped to) `x`: an edge stands for those up to EDGE_SNAP_TWIPS
    after it."""
    return max(0, bisect_right(edges, x) - 1)
