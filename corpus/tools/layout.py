"""A report as plain data (paragraphs and tables with merges), written as .docx by python-docx.

Used to build the shipped corpus: the seed report rebuilt by hand and the generated reports. A table is a
list of rows; a row lists its cells left to right, each a string or a Span(text, cols, rows). Positions
covered by a merge from an earlier row are skipped, as in Word.
"""
from __future__ import annotations

import datetime
import io
import zipfile
from dataclasses import dataclass, field
from pathlib import Path

import docx
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Pt


FIXED_TIME = datetime.datetime(2024, 1, 1, 0, 0, 0)


@dataclass
class Span:
    text: str
    cols: int = 1
    rows: int = 1


@dataclass
class TableSpec:
    rows: list[list] | None = None
    placed: tuple | None = None  # (grid, merges, width) as place() returns, for tables cut from others


def split_table(rows: list[list], at: int, header_rows: int = 0) -> tuple[TableSpec, TableSpec]:
    """A table cut in two before row `at`, as authors do at a page break: merges crossing the cut are
    closed above it and re-opened below with their text; the first `header_rows` rows may be repeated."""
    grid, merges, width = place(rows)
    first_merges, second_merges = [], []
    for r0, c0, r1, c1 in merges:
        if r1 < at:
            first_merges.append((r0, c0, r1, c1))
            if r1 < header_rows:
                second_merges.append((r0, c0, r1, c1))
        elif r0 >= at:
            second_merges.append((r0 - at + header_rows, c0, r1 - at + header_rows, c1))
        else:
            first_merges.append((r0, c0, at - 1, c1))
            second_merges.append((header_rows, c0, r1 - at + header_rows, c1))
    second_grid = [row[:] for row in grid[:header_rows]] + [row[:] for row in grid[at:]]
    for r0, c0, r1, c1 in merges:
        if r0 < at <= r1:
            second_grid[header_rows][c0] = grid[r0][c0]
    first = TableSpec(placed=(grid[:at], [m for m in first_merges if m[2] > m[0] or m[3] > m[1]], width))
    second = TableSpec(placed=(second_grid, [m for m in second_merges if m[2] > m[0] or m[3] > m[1]], width))
    return first, second


@dataclass
class ReportSpec:
    blocks: list = field(default_factory=list)  # str paragraphs, ("title", str), ("heading", str), TableSpec

    def title(self, text: str):
        self.blocks.append(("title", text))

    def heading(self, text: str):
        self.blocks.append(("heading", text))

    def para(self, text: str):
        self.blocks.append(text)

    def table(self, rows):
        self.blocks.append(rows if isinstance(rows, TableSpec) else TableSpec(rows))


def place(rows: list[list]) -> tuple[list[list[str]], list[tuple[int, int, int, int]], int]:
    """(text grid, merges as (r0, c0, r1, c1), width) of a table given row by row with spans."""
    covered: set[tuple[int, int]] = set()
    placed = []
    width = 0
    for r, row in enumerate(rows):
        c = 0
        for item in row:
            span = item if isinstance(item, Span) else Span(str(item))
            while (r, c) in covered:
                c += 1
            placed.append((r, c, span))
            for rr in range(r, r + span.rows):
                for cc in range(c, c + span.cols):
                    covered.add((rr, cc))
            c += span.cols
            width = max(width, c)
    grid = [["" for _ in range(width)] for _ in rows]
    merges = []
    for r, c, span in placed:
        grid[r][c] = span.text
        if span.cols > 1 or span.rows > 1:
            merges.append((r, c, r + span.rows - 1, c + span.cols - 1))
    return grid, merges, width


def set_cjk_font(document, name: str = "SimSun") -> None:
    style = document.styles["Normal"]
    style.font.name = name
    style.font.size = Pt(10.5)
    rpr = style.element.get_or_add_rPr()
    fonts = rpr.find(qn("w:rFonts"))
    if fonts is None:
        fonts = OxmlElement("w:rFonts")
        rpr.append(fonts)
    fonts.set(qn("w:eastAsia"), name)


def add_table(document, spec: TableSpec):
    grid, merges, width = spec.placed or place(spec.rows)
    table = document.add_table(rows=len(grid), cols=width)
    table.style = "Table Grid"
    for r, row in enumerate(grid):
        for c, text in enumerate(row):
            if text:
                lines = text.split("\n")
                cell = table.cell(r, c)
                cell.paragraphs[0].text = lines[0]
                for line in lines[1:]:
                    cell.add_paragraph(line)
    for r0, c0, r1, c1 in merges:
        merged = table.cell(r0, c0).merge(table.cell(r1, c1))
        # merge() keeps the paragraphs of every cell it covers; the covered ones are empty here
        for extra in merged.paragraphs[1:]:
            if not extra.text:
                extra._element.getparent().remove(extra._element)
    return table


def write_docx(spec: ReportSpec, path: Path) -> None:
    document = docx.Document()
    set_cjk_font(document)
    for block in spec.blocks:
        if isinstance(block, TableSpec):
            add_table(document, block)
        elif isinstance(block, tuple) and block[0] == "title":
            paragraph = document.add_paragraph()
            paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
            run = paragraph.add_run(block[1])
            run.bold = True
            run.font.size = Pt(16)
        elif isinstance(block, tuple) and block[0] == "heading":
            paragraph = document.add_paragraph()
            paragraph.add_run(block[1]).bold = True
        else:
            document.add_paragraph(block)
    path.parent.mkdir(parents=True, exist_ok=True)
    properties = document.core_properties
    properties.author = properties.last_modified_by = "extractor corpus"
    properties.created = properties.modified = FIXED_TIME
    buffer = io.BytesIO()
    document.save(buffer)
    path.write_bytes(stable_zip(buffer.getvalue()))


def stable_zip(data: bytes) -> bytes:
    """The same package with fixed entry times, so that a rebuilt corpus is byte-identical."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as source, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            target.writestr(zipfile.ZipInfo(info.filename, date_time=FIXED_TIME.timetuple()[:6]),
                            source.read(info.filename), compress_type=zipfile.ZIP_DEFLATED)
    return out.getvalue()
