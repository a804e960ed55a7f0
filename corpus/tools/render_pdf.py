"""A second PDF producer: reportlab drawing a ReportSpec's text and ruled tables itself.

Unlike LibreOffice it breaks tables at row boundaries without closing merged cells (a vertical label cut by
the page runs on, empty, on the next page, as WPS does), can repeat header rows on the new page, and prints
page numbers as "— n —" in the footer.
"""
from __future__ import annotations

from pathlib import Path

from reportlab.lib.pagesizes import A4
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.cidfonts import UnicodeCIDFont
from reportlab.pdfgen import canvas

from layout import ReportSpec, TableSpec, place

FONT = "STSong-Light"
pdfmetrics.registerFont(UnicodeCIDFont(FONT))
PAGE_W, PAGE_H = A4
MARGIN_X, MARGIN_TOP, MARGIN_BOTTOM = 60.0, 70.0, 70.0
BODY = 10.5
TABLE_FONT = 8.0
LINE = 1.5  # line height as a multiple of the font size
CELL_PAD = 2.5


def is_value(text: str) -> bool:
    return bool(text) and (text.replace(".", "").isdigit() or set(text) <= set("—-/"))


def lines_within(height: float, size: float) -> int:
    """How many lines of text in `size` a cell part `height` tall holds (one at least)."""
    return max(1, int((height - 2 * CELL_PAD) // (size * 1.3)))


def wrap(text: str, width: float, size: float) -> list[str]:
    """Break text into lines no wider than `width` (CJK breaks anywhere)."""
    lines = []
    for paragraph in text.split("\n"):
        line = ""
        for ch in paragraph:
            if pdfmetrics.stringWidth(line + ch, FONT, size) > width and line:
                lines.append(line)
                line = ch
            else:
                line += ch
        lines.append(line)
    return lines


class Renderer:
    def __init__(self, path: Path, repeat_header: int = 0, shrink: float = 1.0, rules: str = "all", turn: int = 0):
        self.canvas = canvas.Canvas(str(path), pagesize=A4, invariant=1)
        self.canvas.setAuthor("extractor corpus (reportlab)")
        # turn 90 or 270: landscape pages laid on upright paper, their content turned a quarter counter-clockwise
        # (or clockwise), as some print drivers do, with no /Rotate to say so
        self.turn = turn
        self.width, self.height = (PAGE_H, PAGE_W) if turn else (PAGE_W, PAGE_H)
        self.turn_page()
        self.page = 1
        self.y = self.height - MARGIN_TOP
        self.repeat_header = repeat_header
        self.shrink = shrink
        # all | open_sides (no outer left/right border) | horizontal (no vertical rules) | three_line (rules above
        # and below the table and under its header only, 三线表) | none (no rules: columns by alignment alone) |
        # columns (column rules, and rules above and below the table only: rows by the text alone)
        self.rules = rules
        # borderless tables are mostly printed centred in their cells; ruled ones here are left-aligned
        self.centred = rules in ("three_line", "none")

    def turn_page(self):
        if self.turn == 90:
            self.canvas.translate(PAGE_W, 0)
            self.canvas.rotate(90)
        elif self.turn == 270:
            self.canvas.translate(0, PAGE_H)
            self.canvas.rotate(-90)

    def new_page(self):
        self.footer()
        self.canvas.showPage()
        self.turn_page()
        self.page += 1
        self.y = self.height - MARGIN_TOP

    def footer(self):
        self.canvas.setFont(FONT, 9)
        self.canvas.drawCentredString(self.width / 2, MARGIN_BOTTOM / 2, f"— {self.page} —")

    def text(self, text: str, size: float = BODY, centred: bool = False):
        for line in wrap(text, self.width - 2 * MARGIN_X, size):
            if self.y - size * LINE < MARGIN_BOTTOM:
                self.new_page()
            self.y -= size * LINE
            self.canvas.setFont(FONT, size)
            if centred:
                self.canvas.drawCentredString(self.width / 2, self.y, line)
            else:
                self.canvas.drawString(MARGIN_X, self.y, line)

    def table(self, spec: TableSpec):
        grid, merges, width = spec.placed or place(spec.rows)
        size = TABLE_FONT * self.shrink
        col_w = self.column_widths(grid, width)
        xs = [MARGIN_X]
        for w in col_w:
            xs.append(xs[-1] + w)
        owner = {}
        for r0, c0, r1, c1 in merges:
            for r in range(r0, r1 + 1):
                for c in range(c0, c1 + 1):
                    owner[(r, c)] = (r0, c0, r1, c1)
        heights = []
        for r, row in enumerate(grid):
            lines = 1
            for c, text in enumerate(row):
                r0, c0, r1, c1 = owner.get((r, c), (r, c, r, c))
                if (r0, c0) == (r, c) and r1 == r:
                    cell_w = xs[c1 + 1] - xs[c0] - 2 * CELL_PAD
                    lines = max(lines, len(wrap(text, cell_w, size)))
            heights.append(lines * size * 1.3 + 2 * CELL_PAD)

        def text_height(r0: int, c0: int, c1: int) -> float:
            """The height the text of the cell at (r0, c0), across columns c0..c1, needs."""
            return len(wrap(grid[r0][c0], xs[c1 + 1] - xs[c0] - 2 * CELL_PAD, size)) * size * 1.3 + 2 * CELL_PAD

        # a cell merged down several rows grows the last of them to hold its text, as Word and WPS do
        for r0, c0, r1, c1 in sorted(merges, key=lambda m: m[2] - m[0]):
            if r1 > r0:
                heights[r1] += max(0.0, text_height(r0, c0, c1) - sum(heights[r0:r1 + 1]))
        self.y -= 4

        body_start = next((r for r in range(len(grid)) if any(is_value(t) for t in grid[r][1:])), len(grid))

        def first_cut(r: int) -> int | None:
            """The first row of the merged header cells (above the first row holding a value) a page break before
            row r would cut short of their text."""
            cut = [r0 for r0, c0, r1, c1 in merges
                   if r0 < min(r, body_start) and r <= r1 and sum(heights[r0:r]) < text_height(r0, c0, c1)]
            return min(cut) if cut else None

        header = list(range(min(self.repeat_header, len(grid))))
        top_row, bottom, r, moved = 0, self.y, 0, False
        while r < len(grid):
            if bottom - heights[r] < MARGIN_BOTTOM and r > top_row:
                # Word and WPS keep a header cell's text inside it: the break moves up above the cell (the
                # whole table to the next page when the cell starts it)
                start = first_cut(r)
                if start is not None and start < r:
                    if start == 0 and not moved:
                        self.new_page()
                        top_row, bottom, r, moved = 0, self.y, 0, True
                        continue
                    if start > top_row:
                        r = start
                self.draw_rows(grid, owner, xs, heights, top_row, r, size)
                self.new_page()
                if header and r > header[-1]:
                    self.draw_rows(grid, owner, xs, heights, header[0], header[-1] + 1, size)
                top_row, bottom = r, self.y
            bottom -= heights[r]
            r += 1
        self.draw_rows(grid, owner, xs, heights, top_row, len(grid), size)
        self.y -= 6

    def column_widths(self, grid, width):
        total = self.width - 2 * MARGIN_X
        if width <= 3:
            first = total * 0.55
            return [first] + [(total - first) / (width - 1)] * (width - 1) if width > 1 else [total]
        if width >= 12:
            return [total / width] * width
        label_cols = 3 if width == 10 else 1
        label_w = total * (0.42 if width == 10 else 0.34)
        return [label_w / label_cols] * label_cols + [(total - label_w) / (width - label_cols)] * (width - label_cols)

    def draw_rows(self, grid, owner, xs, heights, start, stop, size):
        """Rows start..stop-1 from the current y; merged cells are clipped to the rows drawn on this page."""
        if start >= stop:
            return
        tops = [self.y]
        for r in range(start, stop):
            tops.append(tops[-1] - heights[r])
        c = self.canvas
        c.setLineWidth(0.6)
        drawn = set()
        for r in range(start, stop):
            for col in range(len(grid[r])):
                r0, c0, r1, c1 = owner.get((r, col), (r, col, r, col))
                key = (max(r0, start), c0)
                if key in drawn:
                    continue
                drawn.add(key)
                rr0, rr1 = max(r0, start), min(r1, stop - 1)
                x0, x1 = xs[c0], xs[c1 + 1]
                y_top, y_bottom = tops[rr0 - start], tops[rr1 - start + 1]
                if self.rules == "all":
                    c.rect(x0, y_bottom, x1 - x0, y_top - y_bottom, stroke=1, fill=0)
                elif self.rules == "open_sides":
                    c.line(x0, y_top, x1, y_top)
                    c.line(x0, y_bottom, x1, y_bottom)
                    if c0 > 0:
                        c.line(x0, y_top, x0, y_bottom)
                    if c1 < len(grid[r0]) - 1:
                        c.line(x1, y_top, x1, y_bottom)
                elif self.rules == "horizontal":
                    c.line(x0, y_top, x1, y_top)
                    c.line(x0, y_bottom, x1, y_bottom)
                elif self.rules == "columns":
                    c.line(x0, y_top, x0, y_bottom)
                    c.line(x1, y_top, x1, y_bottom)
                lines = wrap(grid[r0][c0], x1 - x0 - 2 * CELL_PAD, size)
                # a merged cell cut by the page break: its text runs on from the part above the break into the
                # part below it, as in Word, when the part above has no room for all of it
                if r0 < start:
                    lines = lines[lines_within(sum(heights[r0:start]), size):]
                elif r1 >= stop:
                    lines = lines[:lines_within(y_top - y_bottom, size)]
                if not lines:
                    continue
                c.setFont(FONT, size)
                text_h = len(lines) * size * 1.3
                y = (y_top + y_bottom) / 2 + text_h / 2 - size
                for line in lines:
                    if self.centred:
                        c.drawCentredString((x0 + x1) / 2, y, line)
                    else:
                        c.drawString(x0 + CELL_PAD, y, line)
                    y -= size * 1.3
        if self.rules == "columns":
            for y in (tops[0], tops[-1]):
                c.line(xs[0], y, xs[-1], y)
        if self.rules == "three_line":
            header_end = next((r for r in range(len(grid)) if any(is_value(t) for t in grid[r][1:])), 0)
            edges = [tops[0], tops[-1]] + ([tops[header_end - start]] if start < header_end < stop else [])
            for y in edges:
                c.line(xs[0], y, xs[-1], y)
        self.y = tops[-1]

    def close(self):
        self.footer()
        self.canvas.save()


def write_pdf(spec: ReportSpec, path: Path, repeat_header: int = 0, shrink: float = 1.0, rules: str = "all",
              turn: int = 0) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    renderer = Renderer(path, repeat_header=repeat_header, shrink=shrink, rules=rules, turn=turn)
    for block in spec.blocks:
        if isinstance(block, TableSpec):
            renderer.table(block)
        elif isinstance(block, tuple) and block[0] == "title":
            renderer.text(block[1], size=16, centred=True)
        elif isinstance(block, tuple) and block[0] == "heading":
            renderer.text(block[1], size=12)
        else:
            renderer.text(block)
    renderer.close()
