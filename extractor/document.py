"""The Document model every reader produces: ordered blocks of paragraphs and tables.

Readers know nothing of report templates; everything downstream knows nothing of file formats.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path


@dataclass(eq=False, slots=True)
class Cell:
    """One merged region of a table. A merged cell is the same object at every grid position it covers."""

    text: str
    row: int
    col: int
    rowspan: int = 1
    colspan: int = 1
    page: int | None = None


@dataclass(eq=False)
class Table:
    """A rectangular grid of cells, `grid[row][col]`, with merges resolved."""

    grid: list[list[Cell]]
    page: int | None = None

    @property
    def n_rows(self) -> int:
        return len(self.grid)

    @property
    def n_cols(self) -> int:
        return len(self.grid[0]) if self.grid else 0

    def row_cells(self, r: int) -> list[Cell]:
        """The distinct cells of row `r`, left to right (a merged cell once)."""
        seen: list[Cell] = []
        for cell in self.grid[r]:
            if not seen or seen[-1] is not cell:
                seen.append(cell)
        return seen


@dataclass(eq=False)
class Paragraph:
    text: str
    page: int | None = None


Block = Paragraph | Table


@dataclass(eq=False)
class Document:
    source: Path
    format: str
    blocks: list[Block] = field(default_factory=list)
    pages: int | None = None
    warnings: list[str] = field(default_factory=list)
    # The title the file declares apart from its text (a web page's <title>), for when the text's own lines
    # show none: a page saved whole opens with its site's menus.
    declared_title: str | None = None

    @property
    def tables(self) -> list[Table]:
        return [b for b in self.blocks if isinstance(b, Table)]

    @property
    def paragraphs(self) -> list[Paragraph]:
        return [b for b in self.blocks if isinstance(b, Paragraph)]


def build_grid(rows: list[list[tuple[str, int, int, int]]], page: int | None = None,
               n_cols: int = 0) -> list[list[Cell]]:
    """Turn each row's placed cells `(text, col, rowspan, colspan)` into a rectangular grid of shared Cells, at
    least `n_cols` wide (a table's columns, when the last of them holds no cell).

    Positions no cell covers become empty cells, so every row has the same length.
    """
    n_rows = len(rows)
    n_cols = max(n_cols, max((col + colspan for row in rows for _, col, _, colspan in row), default=0))
    grid: list[list[Cell | None]] = [[None] * n_cols for _ in range(n_rows)]
    for r, row in enumerate(rows):
        line = grid[r]
        for text, col, rowspan, colspan in row:
            cell = Cell(text, r, col, rowspan, colspan, page)
            if rowspan == 1 and colspan == 1:
                if line[col] is None:
                    line[col] = cell
                continue
            for rr in range(r, min(n_rows, r + rowspan)):
                for cc in range(col, col + colspan):
                    if grid[rr][cc] is None:
                        grid[rr][cc] = cell
    for r, line in enumerate(grid):
        if None in line:
            line[:] = [cell if cell is not None else Cell("", r, c, page=page) for c, cell in enumerate(line)]
    return grid
