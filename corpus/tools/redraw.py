"""Tables redrawn otherwise than the generator draws them, as authors and exporters do: turned about the
diagonal, merged cells drawn apart (the text in each cell, or in the first only), a spacer column, blank rows.

Each redrawing takes and gives a table placed as `layout.place` gives it: (text grid, merges as (r0, c0, r1, c1),
width). `redrawn(spec, redraw)` applies one to every table of a report.
"""
from __future__ import annotations

import itertools
import random

from layout import ReportSpec, Span, TableSpec, place


def as_drawn(grid, merges, width):
    return grid, merges, width


def turned(grid, merges, width):
    """Rows made columns: the table turned about its diagonal, its merges with it."""
    return ([[row[c] for row in grid] for c in range(width)], [(c0, r0, c1, r1) for r0, c0, r1, c1 in merges],
            len(grid))


def text_in_every_cell(grid, merges, width):
    """Merged cells drawn apart, each printing the merged cell's text (as some web pages and exports do)."""
    return cells_drawn_apart(grid, merges, width, keep_text=True)


def text_in_first_cell(grid, merges, width):
    """Merged cells drawn apart, the text in the first of each (as many authors draw them)."""
    return cells_drawn_apart(grid, merges, width, keep_text=False)


def cells_drawn_apart(grid, merges, width, keep_text: bool):
    grid = [row[:] for row in grid]
    for r0, c0, r1, c1 in merges:
        for r in range(r0, r1 + 1):
            for c in range(c0, c1 + 1):
                if (r, c) != (r0, c0):
                    grid[r][c] = grid[r0][c0] if keep_text else ""
    return grid, [], width


def spacer_column(grid, merges, width):
    """An empty column after the first (a table pasted from a spreadsheet)."""
    def moved(c):
        return c + 1 if c >= 1 else c

    return ([row[:1] + [""] + row[1:] for row in grid], [(r0, moved(c0), r1, moved(c1)) for r0, c0, r1, c1 in merges],
            width + 1)


def blank_row_every_fifth(grid, merges, width):
    """An empty row after every fifth row that no merge runs through."""
    inside = {r for r0, _, r1, _ in merges for r in range(r0, r1)}
    rows, moved = [], {}
    for r, row in enumerate(grid):
        moved[r] = len(rows)
        rows.append(row[:])
        if r % 5 == 4 and r not in inside:
            rows.append([""] * width)
    return rows, [(moved[r0], c0, moved[r1], c1) for r0, c0, r1, c1 in merges], width


REDRAWINGS = {
    "as_drawn": as_drawn, "turned": turned, "text_in_every_cell": text_in_every_cell,
    "text_in_first_cell": text_in_first_cell, "spacer_column": spacer_column,
    "blank_row_every_fifth": blank_row_every_fifth,
}


def rows_with_spans(grid, merges, width) -> list[list]:
    """Rows as ReportSpec takes them (strings and Spans) from a placed table."""
    merge_at = {(r, c): merge for merge in merges
                for r in range(merge[0], merge[2] + 1) for c in range(merge[1], merge[3] + 1)}
    out = []
    for r in range(len(grid)):
        row = []
        for c in range(width):
            merge = merge_at.get((r, c))
            if merge and (r, c) != merge[:2]:
                continue  # covered by a merge started earlier
            row.append(Span(grid[r][c], cols=merge[3] - merge[1] + 1, rows=merge[2] - merge[0] + 1)
                       if merge else grid[r][c])
        out.append(row)
    return out


def redrawn_rows(rows: list[list], redraw) -> list[list]:
    """A table's rows (as ReportSpec takes them) redrawn."""
    return rows_with_spans(*redraw(*place(rows)))


def redrawn(spec: ReportSpec, redraw) -> ReportSpec:
    """The report with every table redrawn."""
    return ReportSpec([TableSpec(rows_with_spans(*redraw(*(block.placed or place(block.rows)))))
                       if isinstance(block, TableSpec) else block for block in spec.blocks])


def generated_reports(seed: int):
    """Reports as the generator makes them, one after another from `seed`, endlessly: (style, Generated)."""
    from generate import AGENCIES, article20_state, build_report, choose_style, template_for

    rng = random.Random(seed)
    for i in itertools.count():
        agency, _ = AGENCIES[i % len(AGENCIES)]
        year = 2016 + i % 8
        style = choose_style(template_for(year, rng), rng)
        yield style, build_report(agency, year, style, rng, article20_state(rng))
