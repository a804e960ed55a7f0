"""Read a PDF into a Document with pdfplumber: ruled tables as grids, text lines between them as paragraphs.

The Document is the same as the .docx reader's: mapping never knows which format a table came from.
"""
from __future__ import annotations

import bisect
import copy
import itertools
import logging
import math
import re
import statistics
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cache, cached_property
from operator import itemgetter
from pathlib import Path

import pdfplumber
import pdfplumber.page
from pdfplumber.utils import cluster_objects
from pdfminer.pdfdocument import PDFEncryptionError, PDFPasswordIncorrect
from pdfminer.pdftypes import resolve_all

from ..document import Cell, Document, Paragraph, Table, build_grid
from ..normalize import is_unit_word, parse_label, parse_value, squash
from .errors import ReadError
from .alignment import (EDGE_SNAP, MAX_LINE_GAP, SIZE_TOLERANCE, TIGHT_GAP, VALUE_MARKS, Columns, aligned_tables,
                        Ink, body_rows, box_text, header_cells, label_edges, lowest, merged_spans,
                        is_header_line, paragraph_spacing, rows_by_cells, same_size, text_lines, value_left_of,
                        with_leading_taken_in)
from .pdf_text import group_lines, text_of

# pdfminer logs a warning per glyph of some fonts (missing FontBBox); they say nothing about the data.
logging.getLogger("pdfminer").setLevel(logging.ERROR)

# Graphics thinner than this (pt) are rules even when drawn as filled rectangles; fatter filled shapes without a
# stroke are backgrounds (WPS paints one behind every line of text) and must not become table edges.
MAX_RULE_THICKNESS = 2.0
# Cell edges closer than this (pt) are the same grid line.
GRID_SNAP = 3.0
# Page headers and footers live within this distance (pt) of the page's top or bottom edge, on an A4 page or
# smaller; on a larger page (A3, or a page scaled up whole) within this share of its longer side.
MARGIN = 60.0
MARGIN_SHARE = MARGIN / 842
# Page numbers and dates differ from page to page in a running header or footer.
RUNNING_DIGITS = re.compile(r"[0-9０-９一二三四五六七八九十〇]+")
# The caption over the rest of a table on the next page: 续表, 续表1, 续上表, （续）, 表3（续）.
CONTINUED_CAPTION = re.compile(r"^(续表[0-9一二三四五六七八九十]*[：:]?|续上表|[（(]续[)）]|表[0-9一二三四五六七八九十]+[（(]续[)）])$")
PAGE_NUMBER = re.compile(r"^[-—–－\s]*\d+[-—–－\s]*$|^第\s*\d+\s*页(\s*[/，,]?\s*共\s*\d+\s*页)?$|^\d+\s*/\s*\d+$")
MARKED_PAGE_NUMBER = re.compile(r"^[-—–－]\s*\d+\s*[-—–－]$|^第\s*\d+\s*页(\s*[/，,]?\s*共\s*\d+\s*页)?$")
# Text-layer checks: below this share of CJK among the meaningful characters, the text does not decode.
MIN_CJK_SHARE = 0.2
MIN_CHARS_FOR_TEXT_CHECK = 30
TABLE_SETTINGS = {"vertical_strategy": "lines", "horizontal_strategy": "lines", "snap_tolerance": 3,
                  "join_tolerance": 3, "intersection_tolerance": 3}


def is_cjk(ch: str) -> bool:
    code = ord(ch)
    return (0x4E00 <= code <= 0x9FFF or 0x3400 <= code <= 0x4DBF or 0x3000 <= code <= 0x303F or 0xFF00 <= code <= 0xFFEF
            or 0x2E80 <= code <= 0x2FDF)  # radicals some fonts print ideographs as (see pdf_text.AS_IDEOGRAPHS)


def is_garbage(text: str) -> bool:
    """A glyph the font could not map to Unicode: (cid:NN), private use, or stray Latin-1 from UTF-8 bytes."""
    if text.startswith("(cid:"):
        return True
    code = ord(text[0]) if text else 0
    return 0xE000 <= code <= 0xF8FF or 0x80 <= code <= 0x2FFF and not (0x2000 <= code <= 0x206F)


# Coordinates closer than this (points) are the same: a rule this close to level is level.
AXIS_TOLERANCE = 0.01
# Copies of a character drawn this close (points) are one character printed bold (pdfplumber's default).
DUPLICATE_TOLERANCE = 1.0
# A page is turned upright when at least this many of its characters, and most, run a quarter or a half turn
# from level.
MIN_TURNED_CHARS = 20
# Text turned more than this from level or upright is a watermark laid across the page, not the report's.
SLANT_DEGREES = 10.0
# Text this many times the page's usual size and this light a grey is a watermark behind the page's text.
WATERMARK_SIZE = 1.8
FAINT_LIGHTNESS = 0.6
GREY_SPREAD = 0.1  # channels further apart than this are a colour, not a grey


def is_rule(obj) -> bool:
    """Lines, stroked rectangles and thin filled rectangles draw table rules; big filled ones are backgrounds."""
    if obj["object_type"] == "line":
        return True
    if obj["object_type"] == "rect":
        return bool(obj.get("stroke")) or min(obj["width"], obj["height"]) <= MAX_RULE_THICKNESS
    if obj["object_type"] == "curve":
        return bool(obj.get("stroke"))
    return True


PAGE_BOXES = ("MediaBox", "CropBox", "TrimBox", "BleedBox", "ArtBox")


def page_at_origin(page):
    """The page with its top left corner at (0, 0). pdfplumber places objects where the page's MediaBox lies (its
    issue #1181): a MediaBox set off the origin (a page cut from a larger sheet, as some printers and imposition
    tools leave it) would move every line away from the edges its margins are measured from, and a page number
    would be read as a paragraph parting a table from its rest on the next page."""
    x0, y0 = page.page_obj.mediabox[:2]
    if not (x0 or y0):
        return page
    # pdfminer lays the text out from its own MediaBox (kept); pdfplumber places it by the attributes' boxes
    boxes = {name: resolve_all(page.page_obj.attrs.get(name)) for name in PAGE_BOXES}
    return page_with(page, {name: [box[0] - x0, box[1] - y0, box[2] - x0, box[3] - y0]
                            for name, box in boxes.items() if isinstance(box, list) and len(box) == 4})


def page_with(page, attrs: dict, **fields):
    """A new pdfplumber page over a copy of `page`'s pdfminer page, with these attributes and fields changed."""
    page_obj = copy.copy(page.page_obj)
    page_obj.attrs = {**page_obj.attrs, **attrs}
    for name, value in fields.items():
        setattr(page_obj, name, value)
    return pdfplumber.page.Page(page.pdf, page_obj, page.page_number, page.initial_doctop)


def upright_page(page):
    """The page as it is read: a landscape page laid on upright paper with its content turned (no /Rotate, so its
    text runs a quarter turn from level), or a page upside down (its /Rotate turning level text over, or its
    content drawn so), is turned upright, as a reader turns the paper; any other page as it is. Its text
    decides: more than half of it, and MIN_TURNED_CHARS characters at least, turned one way. Upside down, the
    characters of a line run right to left, and 134 would read 431."""
    turns = Counter(upright_turn(ch) for ch in page.chars)
    turn, count = max(((t, n) for t, n in turns.items() if t), key=itemgetter(1), default=(0, 0))
    if count < MIN_TURNED_CHARS or count * 2 <= len(page.chars):
        return page
    rotation = (page.rotation + turn) % 360
    # pdfminer lays the text out by `rotate`, pdfplumber sizes the page by /Rotate
    return page_with(page, {"Rotate": rotation}, rotate=rotation)


def upright_turn(ch) -> int:
    """How far clockwise a character's page must turn for it to stand upright: 90 for text turned a quarter
    counter-clockwise (running up the page), 270 for a quarter clockwise, 180 for text upside down, else 0."""
    angle = text_angle(ch)
    return next((turn for turn in (90, 180, 270) if abs(angle - turn) <= SLANT_DEGREES), 0)


def text_angle(ch) -> float:
    """The angle, in degrees counter-clockwise from level (0 to 360), that a character's text runs at."""
    a, b = ch["matrix"][0], ch["matrix"][1]
    if not b:  # level (or upside down), as nearly every character is
        return 180.0 if a < 0 else 0.0
    return math.degrees(math.atan2(b, a)) % 360


def readable_page(page):
    """The page with only the text a reader reads: without copies of characters drawn again a hair apart
    (`duplicate_chars`), and without watermarks, which would otherwise fall into the tables' cells: text set
    at a slant, or large and faint (`watermark_chars`)."""
    chars = page.chars
    dropped = {id(ch) for ch in chars if is_slanted(ch)} | watermark_chars(chars)
    dropped |= duplicate_chars([ch for ch in chars if id(ch) not in dropped] if dropped else chars)
    if not dropped:
        return page
    return page.filter(lambda obj: obj["object_type"] != "char" or id(obj) not in dropped)


def watermark_chars(chars: list[dict]) -> set[int]:
    """The ids of characters printed large and in a faint grey behind the page's text (a level watermark):
    WATERMARK_SIZE times the page's usual size or more, and lighter than FAINT_LIGHTNESS."""
    if not chars:
        return set()
    large = WATERMARK_SIZE * statistics.median_low(ch["size"] for ch in chars)
    return {id(ch) for ch in chars
            if ch["size"] >= large and lightness(ch.get("non_stroking_color")) >= FAINT_LIGHTNESS}


def lightness(color) -> float:
    """0 (black) to 1 (white) for a grey in any colour space; 0 for a colour (a red title is not faint) or a
    pattern."""
    if not isinstance(color, (tuple, list)) or not all(isinstance(v, (int, float)) for v in color):
        return 0.0
    if len(color) == 1:
        return float(color[0])
    if len(color) == 3 and max(color) - min(color) <= GREY_SPREAD:
        return sum(color) / 3
    if len(color) == 4 and max(color[:3]) <= GREY_SPREAD:
        return 1.0 - color[3]
    return 0.0


def is_slanted(ch) -> bool:
    """Turned to an angle that is neither level nor a quarter turn. Text turned to run down a narrow cell is not
    slanted, nor is italic text (sheared, not turned)."""
    return SLANT_DEGREES < text_angle(ch) % 90 < 90 - SLANT_DEGREES


def duplicate_chars(chars: list[dict]) -> set[int]:
    """The ids of the copies of characters printed several times over, a hair apart (a bold face faked by
    drawing each glyph two or three times, as WPS and some printers do): the same character in the same font
    and size within DUPLICATE_TOLERANCE of another is one character, its topmost, leftmost copy. pdfplumber's
    dedupe_chars does the same but puts the characters back in order with list.index, which is quadratic in
    a page's characters."""
    if len({(ch["text"], round(ch["x0"]), round(ch["doctop"])) for ch in chars}) == len(chars):
        return set()  # no two copies of a character at one place to the nearest point: most pages, found fast

    def same(ch):  # the size to a tenth of a point: a copy drawn through another transform differs slightly
        return ch["upright"], ch["text"], ch["fontname"], round(ch["size"], 1)

    copies_of_others = set()
    for _, group in itertools.groupby(sorted(chars, key=same), key=same):
        for line in cluster_objects(list(group), itemgetter("doctop"), DUPLICATE_TOLERANCE):
            for copies in cluster_objects(line, itemgetter("x0"), DUPLICATE_TOLERANCE):
                first = min(copies, key=itemgetter("doctop", "x0"))
                copies_of_others.update(id(ch) for ch in copies if ch is not first)
    return copies_of_others


def straighten_rules(page) -> None:
    """Make the page's nearly level or upright lines and curve pieces exactly so, in place. pdfplumber calls a
    line horizontal only when its top and bottom are equal to the last bit (jsvine/pdfplumber#1276), and the
    transform of a page turned with /Rotate (a landscape page kept in a portrait box) leaves them 1e-13 apart:
    its horizontal rules would read as vertical ones and its tables fall apart."""
    for line in page.objects.get("line", []):
        if line["top"] != line["bottom"] and abs(line["top"] - line["bottom"]) < AXIS_TOLERANCE:
            line["bottom"], line["y0"], line["height"] = line["top"], line["y1"], 0
        if line["x0"] != line["x1"] and abs(line["x0"] - line["x1"]) < AXIS_TOLERANCE:
            line["x1"], line["width"] = line["x0"], 0
    for curve in page.objects.get("curve", []):
        points = [tuple(point) for point in curve["pts"]]
        for i in range(1, len(points)):
            (x0, y0), (x1, y1) = points[i - 1], points[i]
            points[i] = (x0 if abs(x1 - x0) < AXIS_TOLERANCE else x1, y0 if abs(y1 - y0) < AXIS_TOLERANCE else y1)
        curve["pts"] = points


def snap(values: list[float]) -> list[float]:
    """Sorted distinct positions, merging those within GRID_SNAP of each other."""
    merged: list[float] = []
    for value in sorted(values):
        if merged and value - merged[-1] <= GRID_SNAP:
            continue
        merged.append(value)
    return merged


def index_of(grid_lines: list[float], value: float) -> int:
    """The index of the line of the sorted `grid_lines` nearest `value` (of two as near, the first)."""
    i = bisect.bisect_left(grid_lines, value)
    if i == 0 or i == len(grid_lines):
        return max(0, i - 1)
    return i - 1 if value - grid_lines[i - 1] <= grid_lines[i] - value else i


@dataclass
class PlacedTable:
    table: Table
    top: float
    bottom: float
    x_lines: list[float]
    last_page: int = 0
    columns: Columns | None = None  # an unruled table's columns, for its continuation on the next page
    y_lines: list[float] = field(default_factory=list)  # a ruled table's row lines
    # a table whose column lines were found in the white between its text (no vertical rules): where its text
    # stands in the columns it was first read on
    ink: Ink | None = None


def grid_from_cells(cells: list[tuple], chars: list[dict], page_number: int) -> PlacedTable | None:
    """A Table whose merged cells are pdfplumber's cell boxes placed on the grid of all their edges."""
    if not cells:
        return None
    xs = snap([c[0] for c in cells] + [c[2] for c in cells])
    ys = snap([c[1] for c in cells] + [c[3] for c in cells])
    if len(xs) < 2 or len(ys) < 2:
        return None
    owner: dict[tuple[int, int], int] = {}
    boxes = []
    for x0, top, x1, bottom in cells:
        c0, c1 = index_of(xs, x0), index_of(xs, x1)
        r0, r1 = index_of(ys, top), index_of(ys, bottom)
        if c1 <= c0 or r1 <= r0:
            continue
        for r in range(r0, r1):
            for c in range(c0, c1):
                owner[(r, c)] = len(boxes)
        boxes.append((r0, c0, r1 - r0, c1 - c0))
    inside: list[list[dict]] = [[] for _ in boxes]
    for ch in chars:
        x, y = (ch["x0"] + ch["x1"]) / 2, (ch["top"] + ch["bottom"]) / 2
        if not (xs[0] <= x <= xs[-1] and ys[0] <= y <= ys[-1]):
            continue
        key = (min(bisect.bisect_right(ys, y), len(ys) - 1) - 1, min(bisect.bisect_right(xs, x), len(xs) - 1) - 1)
        if key in owner:
            inside[owner[key]].append(ch)
    rows: list[list] = [[] for _ in range(len(ys) - 1)]
    for (r0, c0, rowspan, colspan), box_chars in zip(boxes, inside):
        rows[r0].append((box_text(box_chars, xs[c0], xs[c0 + colspan]), c0, rowspan, colspan))
    for row in rows:
        row.sort(key=lambda item: item[1])
    if not any(rows):
        return None
    grid = build_grid(rows, page=page_number, n_cols=len(xs) - 1)
    return PlacedTable(Table(grid, page=page_number), ys[0], ys[-1], xs, page_number, y_lines=ys)


def parts_by_columns(cells: list[tuple], chars: list[dict]) -> list[list[tuple]]:
    """pdfplumber's cells of one ruled area cut into the tables it holds. Two tables drawn one right under the
    other touch, so pdfplumber finds one; but where a row's column edges are neither among the next row's nor
    hold them all (merged cells only drop edges), the columns were laid out anew and another table begins:
    between two rows of numbers (compared where the numbers are), or from a row of numbers to a header."""
    tops = snap([c[1] for c in cells])
    if len(tops) < 2:
        return [cells]

    def row_cells(top: float) -> list[tuple]:
        return [c for c in cells if c[1] - GRID_SNAP <= top < c[3] - GRID_SNAP]

    def number_start(row: list[tuple]) -> float | None:
        starts = [c[0] for c in row if parse_value(text_in(c, chars)).value is not None]
        return min(starts) if starts else None

    def within(small, large):
        return lines_among(small, large, GRID_SNAP)

    cuts = []
    for above, top in zip(tops, tops[1:]):
        upper, lower = row_cells(above), row_cells(top)
        upper_edges = snap([x for c in upper for x in (c[0], c[2])])
        lower_edges = snap([x for c in lower for x in (c[0], c[2])])
        if within(upper_edges, lower_edges) or within(lower_edges, upper_edges):
            continue
        starts = [number_start(upper), number_start(lower)]
        if starts[0] is None:
            continue  # a header row over its table: its cells may lie across the columns below
        if starts[1] is None:
            cuts.append(top)  # rows of numbers, then a header of other columns: the next table's
            continue
        start = min(starts) - GRID_SNAP
        upper_values = [x for x in upper_edges if x >= start]
        lower_values = [x for x in lower_edges if x >= start]
        if not within(upper_values, lower_values) and not within(lower_values, upper_values):
            cuts.append(top)
    if not cuts:
        return [cells]
    bounds = [-math.inf, *cuts, math.inf]
    parts = [[c for c in cells if low - GRID_SNAP <= c[1] < high - GRID_SNAP] for low, high in zip(bounds, bounds[1:])]
    return [part for part in parts if part]


def lines_among(small: list[float], large: list[float], tolerance: float) -> bool:
    """Whether every position in `small` has one in `large` within `tolerance`."""
    return all(any(abs(x - y) <= tolerance for y in large) for x in small)


def text_in(box: tuple, chars: list[dict]) -> str:
    """The text of the characters whose middle lies in the box (x0, top, x1, bottom)."""
    x0, top, x1, bottom = box
    return text_of([ch for ch in chars if x0 <= (ch["x0"] + ch["x1"]) / 2 <= x1
                    and top <= (ch["top"] + ch["bottom"]) / 2 <= bottom])


def margin_of(page) -> float:
    return max(MARGIN, MARGIN_SHARE * max(page.width, page.height))


def page_number_chars(chars: list[dict], page_height: float, margin: float = MARGIN, marked: bool = False) -> set[int]:
    """ids of the characters of page numbers ("— 2 —", "第 2 页 共 5 页") in the page's top or bottom margin: a
    line of its own, or, set apart on a line of table text run into the margin, one that says it is a page
    number (a bare number there may be a cell's). `marked`: only those that say so, a line of their own too."""
    found: set[int] = set()
    for group in group_lines(chars):
        top = min(c["top"] for c in group)
        if not (top < margin or top > page_height - margin):
            continue
        if (MARKED_PAGE_NUMBER if marked else PAGE_NUMBER).match(text_of(group)):
            found.update(id(c) for c in group)
            continue
        group = sorted(group, key=lambda c: c["x0"])
        size = statistics.median(c["bottom"] - c["top"] for c in group)
        pieces = [[group[0]]]
        for ch in group[1:]:
            if ch["x0"] - pieces[-1][-1]["x1"] > size:
                pieces.append([])
            pieces[-1].append(ch)
        for piece in pieces:
            if MARKED_PAGE_NUMBER.match(text_of(piece)):
                found.update(id(c) for c in piece)
    return found


def page_text_lines(chars: list[dict]) -> list[tuple[float, str]]:
    """(top, text) of each line of text outside tables."""
    lines: list[tuple[float, str]] = []
    for group in group_lines(chars):
        line = text_of(group)
        if line:
            lines.append((min(c["top"] for c in group), line))
    return lines


def check_text_layer(pdf) -> list[int]:
    """Raise for a PDF with no usable text; return the pages whose text does not decode."""
    total = cjk = garbage = 0
    bad_pages = []
    for number, page in enumerate(pdf.pages, start=1):
        page_cjk = page_garbage = 0
        for ch in page.chars:
            text = ch["text"]
            if not text or text.isspace() or text.isascii() and not text.startswith("(cid:"):
                continue
            if is_cjk(text[0]):
                page_cjk += 1
            elif is_garbage(text):
                page_garbage += 1
        total += len(page.chars)
        cjk += page_cjk
        garbage += page_garbage
        if page_garbage >= MIN_CHARS_FOR_TEXT_CHECK and page_cjk < MIN_CJK_SHARE * (page_cjk + page_garbage):
            bad_pages.append(number)
    if total == 0:
        raise ReadError("no text layer: the PDF is an image (a scan), OCR needed")
    meaningful = cjk + garbage
    if meaningful >= MIN_CHARS_FOR_TEXT_CHECK and cjk < MIN_CJK_SHARE * meaningful:
        raise ReadError(
            "text does not decode to Chinese: the PDF's fonts lack a ToUnicode map "
            f"({garbage} undecodable glyphs such as (cid:NN) against {cjk} CJK characters); OCR needed"
        )
    if cjk == 0 and total < MIN_CHARS_FOR_TEXT_CHECK * len(pdf.pages):
        raise ReadError("no text layer: the PDF is an image (a scan), OCR needed")
    return bad_pages


def open_pdf(path: Path):
    """pdfplumber's PDF, opened with the empty password that most 'protected' reports use."""
    try:
        return pdfplumber.open(path, password="")
    except Exception as exc:  # pdfplumber wraps pdfminer's many error types; look at the cause
        causes = [exc]
        while causes[-1].__cause__ or causes[-1].__context__:
            causes.append(causes[-1].__cause__ or causes[-1].__context__)
        if any(isinstance(c, PDFPasswordIncorrect) for c in causes):
            raise ReadError("encrypted PDF: it needs a password to open") from None
        if any(isinstance(c, PDFEncryptionError) for c in causes):
            raise ReadError(f"encrypted PDF with an encryption it cannot open: {causes[-1]}") from None
        detail = next((f"{type(c).__name__}: {c}" for c in reversed(causes) if str(c)), type(exc).__name__)
        raise ReadError(f"not a readable PDF: {detail}") from exc


def read_pdf(path: Path) -> Document:
    """Read every page: tables from ruling lines, the rest as lines of text, tables continued across pages joined."""
    with open_pdf(path) as pdf:
        try:
            bad = set(check_text_layer(pdf))
            warnings = [f"page {n}: text does not decode to Chinese, page skipped" for n in sorted(bad)]
            blocks: list = []
            continued = above = spaced = None
            for number, page in enumerate(pdf.pages, start=1):
                page_blocks, spaced = ([], spaced) if number in bad else \
                    read_page(readable_page(upright_page(page_at_origin(page))), number, warnings, continued, above,
                              spaced)
                # a table that ends its page (above its footer) may run on at the top of the next
                last = next((b for b in reversed(page_blocks) if not isinstance(b, MarginLine)), None)
                continued = last.columns if isinstance(last, PlacedTable) else None
                above = last.x_lines if isinstance(last, PlacedTable) else None
                blocks.extend(page_blocks)
            pages = len(pdf.pages)
        except ReadError:
            raise
        except Exception as exc:
            raise ReadError(f"PDF could not be read: {type(exc).__name__}: {exc}") from exc
    return Document(source=path, format="pdf", blocks=join_continued_tables(without_running_lines(blocks)),
                    pages=pages, warnings=warnings)


def open_rule_ends(ruled) -> list[float]:
    """Heights where vertical rules stop with no horizontal rule to meet them: a table cut by the page edge.

    pdfplumber only builds cells with four corners, so such a table would lose its last (or first) row and the
    merged label cells that run into the break; a rule drawn there closes them.
    """
    verticals, horizontals = [], []  # (x, top, bottom), (y, x0, x1)
    for obj in list(ruled.lines) + list(ruled.rects):
        width, height = obj["x1"] - obj["x0"], obj["bottom"] - obj["top"]
        if max(width, height) <= MAX_RULE_THICKNESS:
            continue  # a dot where two borders meet (Chromium) is no rule: it closes nothing
        if obj["object_type"] == "rect" and min(width, height) > MAX_RULE_THICKNESS:
            horizontals += [(obj["top"], obj["x0"], obj["x1"]), (obj["bottom"], obj["x0"], obj["x1"])]
            verticals += [(obj["x0"], obj["top"], obj["bottom"]), (obj["x1"], obj["top"], obj["bottom"])]
        elif height > width:
            verticals.append(((obj["x0"] + obj["x1"]) / 2, obj["top"], obj["bottom"]))
        else:
            horizontals.append(((obj["top"] + obj["bottom"]) / 2, obj["x0"], obj["x1"]))
    horizontals.sort()
    heights = [h[0] for h in horizontals]

    def met(x: float, y: float) -> bool:
        first = bisect.bisect_left(heights, y - GRID_SNAP)
        last = bisect.bisect_right(heights, y + GRID_SNAP)
        return any(x0 - GRID_SNAP <= x <= x1 + GRID_SNAP for _, x0, x1 in horizontals[first:last])

    # a rule drawn row by row, piece under piece, ends only where its last piece does
    joined: list[list[float]] = []
    for x, top, bottom in sorted(verticals, key=lambda v: (round(v[0] / GRID_SNAP), v[1])):
        if joined and abs(joined[-1][0] - x) <= GRID_SNAP and top - joined[-1][2] <= GRID_SNAP:
            joined[-1][2] = max(joined[-1][2], bottom)
        else:
            joined.append([x, top, bottom])
    if not joined:
        return []
    # where the page cuts the table (its first and last rule ends), a rule must meet each vertical rule; elsewhere
    # any rule at that height will do (a merged label cell stops a rule mid-table)
    page_cuts = [min(v[1] for v in joined), max(v[2] for v in joined)]
    ends: list[float] = []
    for y in sorted({y for x, top, bottom in joined for y in (top, bottom)
                     if not (met(x, y) if near(page_cuts, y) else near(heights, y))}):
        if not (ends and y - ends[-1] <= GRID_SNAP):
            ends.append(y)
    return ends


def near(sorted_values: list[float], value: float, tolerance: float = GRID_SNAP) -> bool:
    """Whether a sorted list holds a value within `tolerance` of `value`."""
    i = bisect.bisect_left(sorted_values, value - tolerance)
    return i < len(sorted_values) and sorted_values[i] <= value + tolerance


# ---------------------------------------------------------------- tables drawn without vertical rules


class CharsByHeight:
    """A page's visible characters ordered by the height of their middle, to take a band of them quickly."""

    def __init__(self, chars: list[dict]):
        self.chars = sorted((ch for ch in chars if not ch["text"].isspace()), key=lambda ch: ch["top"] + ch["bottom"])
        self.middles = [(ch["top"] + ch["bottom"]) / 2 for ch in self.chars]

    def between(self, top: float, bottom: float) -> list[dict]:
        """The characters whose middle lies from `top` to `bottom`."""
        return self.chars[bisect.bisect_left(self.middles, top):bisect.bisect_right(self.middles, bottom)]


# Horizontal rules further apart than this (pt) do not bound rows of one table.
MAX_ROW_HEIGHT = 90.0
# A table drawn with horizontal rules only needs at least this many rows to be read from its rules (fewer,
# as in a 三线表, leave it to the alignment of its text).
MIN_RULED_ROWS = 3
# White space between columns parts them when it is at least this wide (pt), or this share of the type's size
# when that is less (type set small, or a page scaled down whole), measured at this resolution.
MIN_RIVER_WIDTH = 4.0
MIN_RIVER_EMS = 0.5
# A text this long printed again atop a page is a title printed again, not the rest of a cut row
MIN_PRINTED_AGAIN = 4
RIVER_BINS_PER_PT = 2


def joined_horizontal_rules(ruled) -> list[tuple[float, float, float]]:
    """(y, x0, x1) of each horizontal rule, pieces drawn cell by cell joined into one rule."""
    pieces = sorted(((e["top"] + e["bottom"]) / 2, e["x0"], e["x1"]) for e in ruled.edges if e["orientation"] == "h")
    rules: list[tuple[float, float, float]] = []
    for y, x0, x1 in sorted(pieces, key=lambda p: (round(p[0] / GRID_SNAP), p[1])):
        if rules and abs(rules[-1][0] - y) <= GRID_SNAP and x0 - rules[-1][2] <= GRID_SNAP:
            rules[-1] = (rules[-1][0], rules[-1][1], max(rules[-1][2], x1))
        else:
            rules.append((y, x0, x1))
    return sorted(rules)


def has_vertical_rules(ruled) -> bool:
    return any(e["orientation"] == "v" and e["bottom"] - e["top"] > MAX_RULE_THICKNESS for e in ruled.edges)


def rule_regions(rules: list[tuple[float, float, float]], chars: CharsByHeight,
                 rest_of_above: Callable[[list], bool] | None = None,
                 top_margin: float = MARGIN) -> list[list[tuple[float, float, float]]]:
    """Runs of horizontal rules that bound the rows of one table.

    Rules join a stack when they lie within its first rule's width (a rule under a merged cell stops short on
    the left, or on the right under a merged header such as 总计). A stack is then cut at each band that does
    not read as a table row (see `is_table_band`), such as a heading between two tables (they share the page
    margins), unless it is a row left blank (see `is_blank_row`). Each run of at least MIN_RULED_ROWS rows
    reading as rows by themselves is a table; so is a shorter run opening the page, nothing above it, that
    `rest_of_above` (given when a table ended the page before) reads as the rest of that table."""
    stacks: list[list[tuple[float, float, float]]] = []
    for rule in rules:
        y, x0, x1 = rule
        stack = stacks[-1] if stacks else None
        if stack and x1 <= stack[0][2] + 2 * GRID_SNAP and x0 >= stack[0][1] - 2 * GRID_SNAP \
                and (y - stack[-1][0] <= MAX_ROW_HEIGHT or is_filled_row(chars, stack[-1][0], y, x0, x1)):
            stack.append(rule)
        else:
            stacks.append([rule])
    regions = []
    for stack in stacks:
        left, right = stack[0][1], stack[0][2]
        bands = [Band([ch for ch in chars.between(upper[0], lower[0])
                       if left - GRID_SNAP <= ch["x0"] and ch["x1"] <= right + GRID_SNAP], lower[0] - upper[0],
                      upper[0])
                 for upper, lower in zip(stack, stack[1:])]
        opens_page = rest_of_above is not None and stack is stacks[0] and not chars.between(top_margin, stack[0][0])

        def is_table(run: list, rows: int, value_rows: int) -> bool:
            # the rest of the table above opens the page with rows of values (a header printed again has none)
            return rows >= MIN_RULED_ROWS or value_rows > 0 and opens_page and run[0] is stack[0] and rest_of_above(run)

        start = 0
        if opens_page:
            # rows left blank that end the table above, alone on this page before its header printed again
            leading = rest_left_blank(bands)
            if leading and rest_of_above(stack[:leading + 1]):
                regions.append(stack[:leading + 1])
                start = leading + 1
        run, rows, value_rows = [stack[start]], 0, 0
        for k in range(start, len(bands)):
            lower = stack[k + 1]
            if is_table_band(bands[k]) and not is_gap_before_header(bands, k):
                rows += 1
                value_rows += bands[k].value_lines == 1
            elif not is_blank_row(bands, k):
                if is_table(run, rows, value_rows):
                    regions.append(run)
                run, rows, value_rows = [], 0, 0
            run.append(lower)
        if is_table(run, rows, value_rows):
            regions.append(run)
    return regions


def rest_left_blank(bands: list[Band]) -> int:
    """How many of the bands opening a page hold rows left blank that end the table on the page before
    (1.本机关不掌握相关政府信息, its group label （四）无法提供 beside it or on a band of its own), set apart by an
    empty band from that table's header printed again below them (header cells side by side, past a band of one
    run such as 申请人情况): text in the header's size and no value, keeping left of the header's cells over
    the values, a numbered item among it. 0 when the page opens otherwise."""
    k = 0
    while k < len(bands) and bands[k].chars and not bands[k].value_lines:
        k += 1
    if k == 0 or k + 1 >= len(bands) or not bands[k].is_white:
        return 0
    j = k + 1
    while j < len(bands) and bands[j].is_one_run:
        j += 1
    if j >= len(bands) or not bands[j].chars or bands[j].value_lines:
        return 0
    header = bands[j]
    cells = merged_spans((s.x0, s.x1) for line in header.lines for s in line.segments)
    if len(cells) < 2:
        return 0
    leading = [s for band in bands[:k] for line in band.lines for s in line.segments]
    if any(abs(band.size - header.size) > SIZE_TOLERANCE * header.size for band in bands[:k]) \
            or max(s.x1 for s in leading) > cells[1][0] + EDGE_SNAP:
        return 0
    return k if any(parse_label(s.text).ordinal is not None for s in leading) else 0


def is_gap_before_header(bands: list[Band], k: int) -> bool:
    """Whether `bands[k]`, empty, parts a row of values above (or rows left blank under it) from header cells
    below (names set over those values, no value of their own; 申请人情况 spanning them is one): the white
    between the end of one table and a header printed again, not a row left blank (its labels keep left of the
    values)."""
    if not bands[k].is_white or not 0 < k < len(bands) - 1:
        return False
    # above, past rows left blank (one run of text, no value: 8.属于行政查询事项 ending the table)
    i = k - 1
    while i > 0 and bands[i].chars and bands[i].is_one_run and not bands[i].value_lines:
        i -= 1
    above = bands[i]
    if above.value_lines != 1:
        return False
    value_left = min(value_left_of(line) for line in above.lines if line.values)
    # below, past lines of one cell that keep left of those values (申请人情况 over the applicant columns, when
    # this row's values stand further right), header cells side by side
    j = k + 1
    while j < len(bands) - 1 and bands[j].chars and bands[j].is_one_run and not bands[j].value_lines \
            and not reaches_over(bands[j], value_left):
        j += 1
    below = bands[j]
    return bool(below.chars) and not below.value_lines and not below.is_one_run and reaches_over(below, value_left)


def reaches_over(band: Band, value_left: float) -> bool:
    """Whether text of `band` reaches over the value columns, which start at `value_left` (header cells do; a
    row's labels keep left of them)."""
    return any(s.x1 > value_left - EDGE_SNAP for line in band.lines for s in line.segments)


def is_filled_row(chars: CharsByHeight, top: float, bottom: float, left: float, right: float) -> bool:
    """Whether the text between two rules further apart than MAX_ROW_HEIGHT fills the space between them, as a
    label wrapped over many lines does (1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请 in a
    narrow column), rather than leaving white where a table ends and another begins: lines one under the
    other, each at most MAX_LINE_GAP line heights from the next and from the rules."""
    lines = text_lines([ch for ch in chars.between(top, bottom) if left <= (ch["x0"] + ch["x1"]) / 2 <= right])
    if not lines:
        return False
    height = max(line.height for line in lines)
    edges = [top, *(y for line in lines for y in (line.top, line.bottom)), bottom]
    return all(lower - upper <= MAX_LINE_GAP * height for upper, lower in zip(edges[::2], edges[1::2]))


@dataclass
class Band:
    """The characters between two horizontal rules, and their text lines."""

    chars: list[dict]
    height: float = 0.0
    top: float | None = None  # the upper rule's

    @property
    def is_set_apart(self) -> bool:
        """Whether its text stands apart from the rules as a heading does, not as a cell's with its padding:
        more than a line's white both above and below it, or a line's white above and not half that below (a
        heading set over the table under it)."""
        if not self.chars:
            return False
        top, bottom = min(ch["top"] for ch in self.chars), max(ch["bottom"] for ch in self.chars)
        if self.height - (bottom - top) > 2 * self.size:
            return True
        if self.top is None:
            return False
        above, below = top - self.top, self.top + self.height - bottom
        return above >= self.size and below <= above / 2

    @property
    def is_white(self) -> bool:
        """No text, between rules set apart (not two pieces of one rule broken where a column has none)."""
        return not self.chars and self.height > GRID_SNAP

    @cached_property
    def lines(self):
        return text_lines(self.chars)

    @cached_property
    def value_lines(self) -> int:
        return sum(line.values > 0 for line in self.lines)

    @cached_property
    def size(self) -> float:
        return statistics.median(line.size for line in self.lines) if self.chars else 0.0

    @cached_property
    def is_one_run(self) -> bool:
        """Text and no value, its lines' pieces all in one run across, with no white as wide as a river between
        them: a label alone, or a heading (not header cells side by side)."""
        spans = merged_spans((s.x0, s.x1) for line in self.lines for s in line.segments)
        return bool(self.chars) and not self.value_lines and \
            not any(b[0] - a[1] >= river_width(self.size) for a, b in zip(spans, spans[1:]))


def is_table_band(band: Band) -> bool:
    """Whether the text between two rules reads as a table row by itself: a value, or text cut by a wide gap (a
    heading such as "4、因政府信息公开申请…" holds a digit but no value, and no gap)."""
    if band.value_lines:
        # a row's values sit on one line; values on several lines are rows no rule parts (a 三线表's body)
        return band.value_lines == 1
    return not band.is_one_run


def is_blank_row(bands: list[Band], k: int) -> bool:
    """Whether `bands[k]`, one run of text, is a row left blank (（三）不予公开) rather than a heading between two
    tables: the nearest rows of values above and below it (past empty bands and other such runs of text in its
    size) print their text in its size, and their values right of it. Right above header cells over those
    values, it is a table's caption or a line of its header. When neither neighbour prints values, rows left
    blank with a group label beside their item (（六）其他处理 | 1.申请人…) are passed over too, unless they
    reach over the values (header cells). Text set apart from the rules as a heading is (`Band.is_set_apart`)
    is not a row."""
    band = bands[k]
    if not band.is_one_run or band.is_set_apart:
        return False
    for blank_rows in (False, True):
        (above, _), (below, passed_below) = (nearest_text(bands, k, step, blank_rows) for step in (-1, 1))
        rows = [b for b in (above, below) if b is not None and b.value_lines == 1]
        value_lines = [line for row in rows for line in row.lines if line.values]
        if value_lines:
            break
    else:
        return False
    if any(b.is_white for b in passed_below):
        # an empty band parts it from what follows (the white ending a table before its header printed again):
        # it is the last row of the table above, if any, whatever stands below
        if above is None or above.value_lines != 1:
            return False
        below, passed_below = None, []
        value_lines = [line for line in above.lines if line.values]
    value_left = min(value_left_of(line) for line in value_lines)
    if below is not None and below.value_lines != 1 and not below.is_one_run and \
            any(s.x1 > value_left for line in below.lines for s in line.segments):
        return False
    if any(reaches_over(b, value_left) for b in passed_below):
        return False  # header cells below it, over the values
    return all(same_size(line, value_line) and line.segments[-1].x1 < value_left - EDGE_SNAP
               for value_line in value_lines for line in band.lines)


def nearest_text(bands: list[Band], k: int, step: int, blank_rows: bool = False) -> tuple[Band | None, list[Band]]:
    """The band nearest `bands[k]` upwards (step -1) or downwards (1) that is neither empty nor one run of text
    in its size (with `blank_rows`, nor any text in its size printing no value), and the bands passed over."""
    i = k + step
    passed = []
    while 0 <= i < len(bands) and (not bands[i].chars or same_size(bands[i], bands[k]) and (
            bands[i].is_one_run or blank_rows and not bands[i].value_lines)):
        passed.append(bands[i])
        i += step
    return (bands[i] if 0 <= i < len(bands) else None), passed


def column_river_runs(chars: CharsByHeight, region: list[tuple[float, float, float]]) -> list[tuple[float, float]]:
    """(start, end) of the white between the columns of a table drawn with horizontal rules only, its rows the
    bands between the rules."""
    left, right = min(r[1] for r in region), max(r[2] for r in region)
    ys = [r[0] for r in region]
    bands = [chars.between(top, bottom) for top, bottom in zip(ys, ys[1:])]
    runs = river_runs(bands, left, right)
    # a band without values may hold a header of several rows under one rule (a 三线表's, whose 未经复议直接起诉
    # spans five columns): when its lines, each a row, part more columns than the band as one row does, only
    # the line naming the most columns must keep within them
    holds_values = [any(is_value_char(ch) for ch in band) for band in bands]
    value_bands = [band for band, values in zip(bands, holds_values) if values]
    header_bands = [band for band, values in zip(bands, holds_values) if band and not values]
    lines = [line for band in header_bands for line in group_lines(band)]
    if not value_bands and header_bands:
        # a header alone (at the foot of a page, its rows on the next): its columns are those the names of
        # one column each part, the lowest cells whatever their band (自然人 and 总计 beside a group's name, over
        # the names it groups), as an unruled header's are
        header = text_lines([ch for band in header_bands for ch in band])
        leaves = lowest(header_cells(header, {id(s) for line in header for s in line.segments}))
        return clear_of_names(river_runs([], left, right, [cell.chars for cell in leaves]), lines)
    if value_bands and len(lines) > len(header_bands):
        by_lines = river_runs(value_bands + lines, left, right)
        if len(by_lines) > len(runs):
            runs = by_lines
    return clear_of_names(runs, lines)


def clear_of_names(runs: list[tuple[float, float]], lines: list[list[dict]]) -> list[tuple[float, float]]:
    """The rivers narrowed to the white the header's names leave: a name reaching into a river from one side
    (自然人 wider than the numbers under it) keeps whole in its column. A name across a river spans columns, and
    says nothing of where the others part (申请人情况 over seven)."""
    pieces = [(piece[0]["x0"], piece[-1]["x1"]) for line in lines for piece in ink_runs(line)]
    pieces = [(x0, x1) for x0, x1 in pieces if not any(x0 <= start and end <= x1 for start, end in runs)]
    narrowed = []
    for start, end in runs:
        low, high = start, end
        for x0, x1 in pieces:
            if x0 < low < x1 < high:
                low = x1
            elif low < x0 < high < x1:
                high = x0
        narrowed.append((low, high) if high - low >= 1.0 else (start, end))
    return narrowed


def ink_runs(line: list[dict]) -> list[list[dict]]:
    """A line's characters in runs set without white between them (a word, a CJK name)."""
    runs: list[list[dict]] = []
    for ch in sorted(line, key=itemgetter("x0")):
        if runs and ch["x0"] - runs[-1][-1]["x1"] <= 1.0:
            runs[-1].append(ch)
        else:
            runs.append([ch])
    return runs


def river_width(type_size: float) -> float:
    """The least white (pt) that parts two columns of type this size."""
    return min(MIN_RIVER_WIDTH, MIN_RIVER_EMS * type_size)


def is_value_char(ch: dict) -> bool:
    return ch["text"].isdigit() or ch["text"] in VALUE_MARKS


def river_runs(rows: list[list[dict]], left: float, right: float,
               solid: list[list[dict]] = ()) -> list[tuple[float, float]]:
    """(start, end) of each white x-range between `left` and `right` that no row holding numbers crosses, nor
    the row naming the most columns (header rows spanning several columns may straddle a separator), nor any
    of the `solid` rows (lines of text known to keep within their cells)."""
    width = int((right - left) * RIVER_BINS_PER_PT) + 1

    def coverage(row_chars) -> int:
        """The bins the row's ink covers, as the bits of an int (bin x is bit x)."""
        mask = 0
        for ch in row_chars:
            first = max(0, int((ch["x0"] - left) * RIVER_BINS_PER_PT))
            last = min(width, math.ceil((ch["x1"] - left) * RIVER_BINS_PER_PT))
            if last > first:
                mask |= ((1 << (last - first)) - 1) << first
        return mask

    blocked = 0
    for row_chars in solid:
        blocked |= coverage(row_chars)
    header, header_runs = 0, 1
    for row_chars in rows:
        row = coverage(row_chars)
        if any(is_value_char(ch) for ch in row_chars):
            blocked |= row
            continue
        runs = (row & ~(row << 1)).bit_count()  # bins that start a run of ink
        if runs > header_runs:
            header, header_runs = row, runs
    blocked |= header
    # bit x of the string below is bin x; a river is a run of free bins not touching either edge
    bins = format(blocked, f"0{width}b")[::-1][:width]
    separators = []
    type_size = None
    for run in re.finditer("0+", bins):
        start, end = run.span()
        white = (end - start) / RIVER_BINS_PER_PT
        if start == 0 or end >= width:
            continue
        if white < MIN_RIVER_WIDTH:
            if type_size is None:
                type_size = statistics.median(ch["bottom"] - ch["top"] for row in (*rows, *solid) for ch in row)
            if white < river_width(type_size):
                continue
        separators.append((left + start / RIVER_BINS_PER_PT, left + end / RIVER_BINS_PER_PT))
    return separators


def vertical_rule(x: float, top: float, bottom: float) -> dict:
    """A rule drawn where the page has none, as pdfplumber's explicit lines take it."""
    return {"object_type": "line", "x0": x, "x1": x, "top": top, "bottom": bottom, "width": 0, "height": bottom - top}


def horizontal_rule(y: float, left: float, right: float) -> dict:
    return {"object_type": "line", "x0": left, "x1": right, "top": y, "bottom": y, "width": right - left, "height": 0}


def inferred_rules(page, ruled, above: list[float] | None = None) -> tuple[list[dict], list[dict]]:
    """(vertical, horizontal) rules for tables drawn with horizontal rules only: verticals in the white rivers
    between columns, and each row rule drawn across the whole table. `above`: the column edges of the table
    that ended the page before, for a table that opens this page (see `edges_above`)."""
    if has_vertical_rules(ruled):
        return [], []
    lines = []
    # a page number under a table whose last rule runs into the bottom margin is not a number of its rows
    margin = margin_of(page)
    page_numbers = page_number_chars(page.chars, page.height, margin)
    chars = CharsByHeight([ch for ch in page.chars if id(ch) not in page_numbers])

    def edges_above_of(region, runs: list[tuple[float, float]]) -> list[float] | None:
        left, right = min(r[1] for r in region), max(r[2] for r in region)
        return edges_above(above, left, right, runs, chars.between(region[0][0], region[-1][0]))

    # fewer rows than a table needs, opening the page, are read from their rules as the rest of the table above
    # when they keep to its columns
    rest_of_above = (lambda run: edges_above_of(run, column_river_runs(chars, run)) is not None) if above else None
    for i, region in enumerate(rule_regions(joined_horizontal_rules(ruled), chars, rest_of_above, margin)):
        top, bottom = region[0][0], region[-1][0]
        left, right = min(r[1] for r in region), max(r[2] for r in region)
        runs = column_river_runs(chars, region)
        xs = [left, right] + [(start + end) / 2 for start, end in runs]
        labels = label_rules(chars, region)
        if i == 0 and above and not chars.between(margin, top):
            xs = edges_above_of(region, runs) or xs
            # an edge above stands in the white between two labels (a unit beside its row's label) where the
            # page's own edge would: the label rule drawn there too would part a column of its own
            labels = [rule for rule in labels if not any(
                start <= rule["x0"] <= end and any(start <= x <= end for x in xs) for start, end in runs)]
        lines += [vertical_rule(x, top, bottom) for x in xs]
        lines += labels
        # a rule that stops short under a merged label cell still ends a row: each row gets its own label cell
        lines += [horizontal_rule(y, left, right) for y, _, _ in region]
    return [ln for ln in lines if ln["height"]], [ln for ln in lines if not ln["height"]]


def edges_above(above: list[float], left: float, right: float, runs: list[tuple[float, float]],
                chars: list[dict]) -> list[float] | None:
    """The column edges of the table above (`above`, ending the page before) for the rest of it opening this
    page, whose own white runs between columns (`runs`) miss those of columns it leaves blank throughout (their
    white joins the runs beside them): None unless the table above lies within this one's width (as wide, or
    narrower when read by the alignment of its text, a 三线表's body, which ends where its text does), no edge
    above cuts a character of it right of its first value, and each of its runs holds an edge above. Left of
    its values the labels may stand otherwise than above (四、结转下年度继续办理 across label columns the part
    above kept apart): an edge above that cuts one is dropped, and a run that then holds no edge gets one of
    its own."""
    lines = text_lines(chars)
    values_left = min((s.x0 for line in lines for s in line.segments if s.is_value), default=None)
    if not left - 2 * GRID_SNAP <= above[0] <= above[-1] <= right + 2 * GRID_SNAP:
        return None
    if values_left is None:
        values_left = right
    # the header repeated atop the page (Word's repeated header rows) spans the columns its names group
    # (申请人情况, set over a column its rows leave blank): only rows' text, values and labels, must keep within
    # the columns; a line without values is a header's when it prints text right of every row's label (the
    # labels from the first row of values down, left of the values)
    first_row = min((line.top for line in lines if line.values), default=math.inf)
    labels_right = max((s.x1 for line in lines if line.top >= first_row for s in line.segments
                        if not s.is_value and s.x1 <= values_left + EDGE_SNAP), default=None)
    rows_chars = chars if labels_right is None else [
        ch for line in lines if line.values or all(s.x0 <= labels_right + EDGE_SNAP for s in line.segments)
        for s in line.segments for ch in s.chars]
    inner = [x for x in above[1:-1] if x >= values_left or not any(ch["x0"] < x < ch["x1"] for ch in rows_chars)]
    if any(ch["x0"] < x < ch["x1"] for ch in rows_chars for x in inner):
        return None
    edges = list(inner)
    for start, end in runs:
        if not any(start <= x <= end for x in inner):
            if end > values_left:
                return None
            edges.append((start + end) / 2)
    return [left, *sorted(edges), right]


def label_rules(chars: CharsByHeight, region: list[tuple[float, float, float]]) -> list[dict]:
    """Vertical rules between the label cells of a table drawn with horizontal rules only (a group label
    beside its items): no river runs through the label area, since some labels span it. An edge lies where
    the label text of a row stands apart; it is drawn only across the rows whose text it does not cut."""
    ys = [r[0] for r in region]
    bands = [text_lines(chars.between(top, bottom)) for top, bottom in zip(ys, ys[1:])]
    values = [s.x0 for band in bands for line in band for s in line.segments if s.is_value]
    if not values:
        return []
    rules = []
    for x in label_edges(bands, min(values)):
        for (top, bottom), band in zip(zip(ys, ys[1:]), bands):
            if not any(s.x0 < x < s.x1 for line in band for s in line.segments):
                rules.append(vertical_rule(x, top, bottom))
    return rules


def open_side_rules(ruled) -> list[dict]:
    """Vertical rules for tables drawn without their outer left/right border (inner rules only): pdfplumber
    needs them to close the first and last columns. Consecutive rule ends are joined only across a band
    that inner vertical rules show to be a table row, so a gap between two tables is never bridged."""
    edges = list(ruled.edges)
    verticals = [e for e in edges if e["orientation"] == "v" and e["bottom"] - e["top"] > MAX_RULE_THICKNESS]
    if not verticals:
        return []
    verticals.sort(key=lambda v: v["x0"])
    vertical_xs = [v["x0"] for v in verticals]
    ends: dict[float, list[float]] = {}
    for edge in (e for e in edges if e["orientation"] == "h"):
        y = edge["top"]
        for x in (edge["x0"], edge["x1"]):
            first = bisect.bisect_left(vertical_xs, x - GRID_SNAP)
            last = bisect.bisect_right(vertical_xs, x + GRID_SNAP)
            closed = any(v["top"] - GRID_SNAP <= y <= v["bottom"] + GRID_SNAP for v in verticals[first:last])
            if not closed:
                key = next((k for k in ends if abs(k - x) <= GRID_SNAP), x)
                ends.setdefault(key, []).append(y)
    lines = []
    for x, ys in ends.items():
        ys = snap(ys)
        for top, bottom in zip(ys, ys[1:]):
            inside_row = any(v["top"] < bottom - GRID_SNAP and v["bottom"] > top + GRID_SNAP for v in verticals)
            if inside_row:
                lines.append(vertical_rule(x, top, bottom))
    return lines


def ruled_tables(ruled, chars: list[dict], number: int, settings: dict) -> list[PlacedTable]:
    tables = []
    for found in ruled.find_tables(settings):
        for cells in parts_by_columns(found.cells, chars):
            placed = grid_from_cells(cells, chars, number)
            if placed and placed.table.n_rows >= 1 and placed.table.n_cols >= 2:
                tables.append(placed)
    return tables


def unruled_row_rules(placed: PlacedTable, chars: list[dict],
                      spaced: Callable[[], bool | None] = lambda: None) -> list[dict]:
    """Horizontal rules for the rows of a table whose columns are ruled but whose rows are not (a box with
    column rules only). A ruled row holds several rows when a cell holds numbers on two lines or more, when it
    is a header over its only row (see `trailing_numbers`), or when a label cell holds several numbered labels
    set apart (`holds_rows`); they are parted at each cell of the label column nearest the values
    (`rows_by_cells`), or, where no gap tells the cells apart (rows set without padding), at each line holding
    values (`body_rows`). `spaced()`: whether the document sets its lines with extra spacing, whose white is
    taken in first (see `with_leading_taken_in`); asked only of a row to part."""
    table, ys = placed.table, placed.y_lines
    left, right = placed.x_lines[0], placed.x_lines[-1]
    rules = []
    for r, (top, bottom) in enumerate(zip(ys, ys[1:])):
        cells = [cell for cell in {id(cell): cell for cell in table.grid[r]}.values()
                 if cell.row == r and cell.rowspan == 1 and cell.text.strip()]
        if not any("\n" in cell.text for cell in cells):
            continue
        band = [ch for ch in chars if top < (ch["top"] + ch["bottom"]) / 2 < bottom
                and left < (ch["x0"] + ch["x1"]) / 2 < right]
        stacked = [trailing_numbers(cell.text) for cell in cells]
        numbers_in = {cell.col: values_on_lines(cell.text) for cell in cells}
        # label cells: neither values nor units (a unit, centred on its row, says nothing of where it starts)
        labels = [cell for cell in cells if not parse_value(cell.text.splitlines()[-1]).ok
                  and not is_unit_word(cell.text.splitlines()[-1])]
        # numbers on two lines of a cell, one under the other or apart (a caption printed in every cell of a
        # row between them), are two rows'
        if not any(count >= 2 for count in numbers_in.values()) \
                and not (any(numbers and lines >= 2 for numbers, lines in stacked) and all(n >= 2 for numbers, n in stacked if numbers)) \
                and not any(holds_rows(cell, placed.x_lines, band) for cell in labels) \
                and not any(opens_row_below_values(cell, placed.x_lines, band) for cell in labels):
            continue
        lines = text_lines(with_leading_taken_in(band, spaced())[0])
        # a column printing nothing level with or below the first numbers is not a label column (a value
        # column whose rows here are all blank, its cell ending in its header), nor one right of a column that
        # prints numbers (a value column whose cell ends in text: a caption printed in every cell)
        first_values = next((line.top for line in lines if line.is_value_line), -math.inf)
        first_value_col = min((col for col, count in numbers_in.items() if count), default=math.inf)
        leaves = [cell.col for cell in labels if cell.col < first_value_col and any(
            ch["top"] >= first_values and placed.x_lines[cell.col] < ch["x0"] < placed.x_lines[cell.col + cell.colspan]
            for ch in band)] or [cell.col for cell in labels]
        leaf_left = placed.x_lines[max(leaves)] if leaves else left
        groups = rows_by_cells(lines, leaf_left)
        if len(groups) < 2:
            groups = body_rows(lines, leaf_left)
        # a header over the first row's values, set as close above it as its own lines (rows without padding),
        # ending on a line of names over more than half of them (fewer: the first lines of names set a character
        # a line, a turned table's): the header's row, with any title above it
        first_row = next((k for k, line in enumerate(lines) if line.is_value_line), 0)
        if first_row and len(groups[0]) > first_row \
                and lines[first_row].top - lines[first_row - 1].bottom <= TIGHT_GAP * lines[first_row].height \
                and is_header_line(lines[first_row - 1], value_left_of(lines[first_row])) \
                and 2 * len(lines[first_row - 1].segments) > lines[first_row].values:
            groups[:1] = [groups[0][:first_row], groups[0][first_row:]]
        cuts = [(upper[-1].bottom + lower[0].top) / 2 for upper, lower in zip(groups, groups[1:])]
        rules += [horizontal_rule(y, left, right) for y in cuts]
    return rules


def values_on_lines(text: str) -> int:
    """How many lines of a cell's text print a number, or a mark for a value left blank beside a number (14 over
    ——: two rows' values; —— wrapped over two lines alone is one mark)."""
    lines = text.splitlines()
    numbers = sum(parse_value(line).value is not None for line in lines)
    marks = sum(bool(squash(line)) and set(squash(line)) <= VALUE_MARKS for line in lines)
    return numbers + marks if numbers else 0


def holds_rows(cell: Cell, x_lines: list[float], band: list[dict]) -> bool:
    """Whether a label cell holds the labels of several rows: two lines or more that each begin a numbered
    item ((六)…, (七)…), set apart as rows are (wider than a wrapped label's lines, TIGHT_GAP)."""
    if sum(parse_label(line).ordinal is not None for line in cell.text.splitlines()) < 2:
        return False
    x0, x1 = x_lines[cell.col], x_lines[cell.col + cell.colspan]
    lines = group_lines([ch for ch in band if x0 < (ch["x0"] + ch["x1"]) / 2 < x1 and not ch["text"].isspace()])
    spans = sorted((min(ch["top"] for ch in line), max(ch["bottom"] for ch in line)) for line in lines)
    return any(lower[0] - upper[1] > TIGHT_GAP * (upper[1] - upper[0]) for upper, lower in zip(spans, spans[1:]))


def opens_row_below_values(cell: Cell, x_lines: list[float], band: list[dict]) -> bool:
    """Whether a label cell beginning a numbered item starts below every number of its ruled row, set apart: the
    label of a row left blank under the row of numbers (四、结转下年度继续办理 under (七)总计, the rest of a
    三线表 opening the next page between two rules)."""
    if parse_label(cell.text.splitlines()[0]).ordinal is None:
        return False
    x0, x1 = x_lines[cell.col], x_lines[cell.col + cell.colspan]
    inside = [ch for ch in band if x0 < (ch["x0"] + ch["x1"]) / 2 < x1 and not ch["text"].isspace()]
    numbers = [ch for ch in band if is_value_char(ch) and not x0 < (ch["x0"] + ch["x1"]) / 2 < x1]
    if not inside or not numbers:
        return False
    first = min(inside, key=itemgetter("top"))
    return first["top"] - max(ch["bottom"] for ch in numbers) > TIGHT_GAP * (first["bottom"] - first["top"])


def trailing_numbers(text: str) -> tuple[int, int]:
    """(numbers one under the other at the end of a cell's text, its lines). A header and the one row under it
    that no rule parts show as a row whose every cell ending in a number holds more lines above it (the
    columns the row leaves blank hold the header alone)."""
    lines = [line for line in text.splitlines() if line.strip()]
    numbers = 0
    while numbers < len(lines) and parse_value(lines[-1 - numbers]).value is not None:
        numbers += 1
    return numbers, len(lines)


def read_page(page, number: int, warnings: list[str] | None = None, continued: Columns | None = None,
              above: list[float] | None = None, spaced: bool | None = None) -> tuple[list, bool | None]:
    """The page's tables and text lines, top to bottom (PlacedTable, Paragraph, and MarginLine for a line in the
    top or bottom margin), and whether its paragraphs are set with extra line spacing (`spaced` when it holds
    none: what the pages before showed); what could not be read is said in `warnings`. `continued`: the columns
    of an unruled table that ended the page before; `above`: the column edges of any table that did."""
    straighten_rules(page)

    @cache
    def page_spaced() -> bool | None:
        """Whether the page's paragraphs show extra line spacing, or the pages before did (for a table with
        column rules only, read before the text outside the tables is known)."""
        shown = paragraph_spacing(text_lines(page.chars))
        return spaced if shown is None else shown

    ruled = page.filter(is_rule)
    has_rules = any(True for _ in ruled.lines) or any(True for _ in ruled.rects)
    tables: list[PlacedTable] = []
    margin = margin_of(page)
    if has_rules:
        # a page number within a table's last row run into the bottom margin is none of its cells' text
        page_numbers = page_number_chars(page.chars, page.height, margin, marked=True)
        chars = [ch for ch in page.chars if id(ch) not in page_numbers]
        vertical, horizontal = inferred_rules(page, ruled, above)
        settings = dict(TABLE_SETTINGS, explicit_horizontal_lines=open_rule_ends(ruled) + horizontal,
                        explicit_vertical_lines=vertical + open_side_rules(ruled))
        tables = ruled_tables(ruled, chars, number, settings)
        # columns ruled but rows not: rules drawn between the rows the text shows, and the page read again
        try:
            row_rules = [rule for table in tables for rule in unruled_row_rules(table, chars, page_spaced)]
        except Exception as exc:  # a layout this did not foresee keeps the tables as their rules draw them
            row_rules = []
            if warnings is not None:
                warnings.append(f"page {number}: rows without rules not parted ({type(exc).__name__}: {exc})")
        if row_rules:
            settings["explicit_horizontal_lines"] = settings["explicit_horizontal_lines"] + row_rules
            tables = ruled_tables(ruled, chars, number, settings)
        if vertical:
            for table in tables:
                inside = [ch for ch in chars if table.top <= (ch["top"] + ch["bottom"]) / 2 <= table.bottom
                          and table.x_lines[0] <= (ch["x0"] + ch["x1"]) / 2 <= table.x_lines[-1]]
                table.ink = Ink.of(inside, table.x_lines)
    outside = [ch for ch in page.chars if not any(
        t.top - 1 <= (ch["top"] + ch["bottom"]) / 2 <= t.bottom + 1 and t.x_lines[0] - 1 <= (ch["x0"] + ch["x1"]) / 2 <= t.x_lines[-1] + 1
        for t in tables)]
    page_numbers = page_number_chars(outside, page.height, margin)
    outside = [ch for ch in outside if id(ch) not in page_numbers]
    if continued is not None and outside and tables and \
            min(t.top for t in tables) < min(ch["top"] for ch in outside):
        # a ruled table opens the page (the rest of the table above, or another): the text under it is not
        # the rest of the table above
        continued = None
    # the paragraphs outside the tables show whether the text is set with extra spacing
    outside_lines = text_lines(outside)
    shown = paragraph_spacing(outside_lines)
    spaced = spaced if shown is None else shown
    try:
        unspaced, originals = with_leading_taken_in(outside, spaced, outside_lines)
        aligned = aligned_tables(unspaced, river_runs, continued, top_margin=margin, foot=page.height - margin,
                                 lines=None if originals else outside_lines)
    except Exception as exc:  # a layout the alignment reader did not foresee must not cost the ruled tables
        aligned, originals = [], {}
        if warnings is not None:
            warnings.append(f"page {number}: tables without rules not read ({type(exc).__name__}: {exc})")
    if aligned:
        taken = {id(originals.get(id(ch), ch)) for found in aligned for ch in found.chars}
        outside = [ch for ch in outside if id(ch) not in taken]
        for found in aligned:
            grid = build_grid(found.rows, page=number, n_cols=len(found.x_lines) - 1)
            columns = found.columns
            tables.append(PlacedTable(Table(grid, page=number), found.top, found.bottom, found.x_lines, number,
                                      columns, ink=columns.ink))
    items: list[tuple[float, object]] = [(t.top, t) for t in tables]
    for top, text in page_text_lines(outside):
        paragraph = Paragraph(text, page=number)
        edge = "top" if top < margin else "bottom" if top > page.height - margin else None
        items.append((top, MarginLine(paragraph, edge) if edge else paragraph))
    items.sort(key=lambda item: item[0])
    return [item for _, item in items], spaced


@dataclass
class MarginLine:
    """A line of text in a page's top or bottom margin: a running header or footer if other pages repeat it."""

    paragraph: Paragraph
    edge: str  # "top" | "bottom"


def without_running_lines(blocks: list) -> list:
    """Blocks with the running headers and footers dropped: margin lines that print the same text (page numbers
    aside) at the same edge of two pages or more. A margin line printed once (a title near the top) is kept."""
    def key(line: MarginLine) -> tuple[str, str]:
        return line.edge, RUNNING_DIGITS.sub("#", line.paragraph.text.replace(" ", ""))

    pages: dict[tuple[str, str], set] = {}
    for block in blocks:
        if isinstance(block, MarginLine):
            pages.setdefault(key(block), set()).add(block.paragraph.page)
    return [block.paragraph if isinstance(block, MarginLine) else block for block in blocks
            if not (isinstance(block, MarginLine) and len(pages[key(block)]) >= 2)]


def join_continued_tables(blocks: list) -> list:
    """One Table for a table that runs on across a page break; PlacedTable wrappers dropped. A caption such as
    "续表" at the top of the next page, over the rest of the table, is dropped with the break."""
    out: list = []
    printed: set[str] = set()  # the texts of the lines and cells before the block at hand
    for block in blocks:
        if isinstance(block, PlacedTable) and len(out) >= 2 and isinstance(out[-1], Paragraph) \
                and CONTINUED_CAPTION.match(out[-1].text.replace(" ", "")) and out[-1].page == block.table.page \
                and isinstance(out[-2], PlacedTable) and out[-2].last_page + 1 == block.table.page \
                and same_columns(out[-2], block):
            out.pop()
        previous = out[-1] if out else None
        if (isinstance(block, PlacedTable) and isinstance(previous, PlacedTable)
                and block.table.page == previous.last_page + 1 and same_columns(previous, block)):
            last = previous.table.n_rows - 1
            append_rows(previous, block, printed)
            # the cells as the joined table prints them: a piece of a cell cut by the break, run on into the
            # cell above it, is not printed whole (the next break may cut its twin below the same way)
            printed.update(squash(cell.text) for row in previous.table.grid[last:] for cell in row)
            continue
        out.append(block)
        if isinstance(block, PlacedTable):
            printed.update(squash(cell.text) for row in block.table.grid for cell in row)
        else:
            printed.add(squash(block.text))
    return [b.table if isinstance(b, PlacedTable) else b for b in out]


def same_columns(a: PlacedTable, b: PlacedTable) -> bool:
    """Whether `b` continues `a`: the same column lines between the outer edges, or the same right edge (or the
    same last column line, the right edges drawn otherwise), a left edge that is the other's or one of its
    column lines (a part may lack leading columns), and the same column lines where the numbers are (the label
    area may differ: a group column can start after the break); a part holding no number (a header row cut
    off by the break) needs only lines among the other's. Outer edges may differ because a part read by the
    alignment of its text ends where its text does, a ruled one where its rules do. Two tables of one width
    but other number columns (a table split by its author and laid out anew) are not joined: their values
    would fall under the wrong header."""
    tolerance = GRID_SNAP * 2

    def within(small, large):
        return lines_among(small, large, tolerance)

    inner_a, inner_b = a.x_lines[1:-1], b.x_lines[1:-1]
    if len(inner_a) == len(inner_b) > 0 and within(inner_a, inner_b) and within(inner_b, inner_a):
        return True
    # a table holding tables of other columns one under another (the 第二十条 tables as one Word table) runs on
    # with the columns of its last row: the rest of its last table
    last_row = last_row_lines(a)[1:-1]
    if len(last_row) < len(inner_a) and len(last_row) == len(inner_b) > 0 and within(last_row, inner_b) \
            and within(inner_b, last_row) and abs(a.x_lines[-1] - b.x_lines[-1]) <= tolerance:
        return True
    if abs(a.x_lines[-1] - b.x_lines[-1]) > tolerance and \
            (len(a.x_lines) < 3 or len(b.x_lines) < 3 or abs(a.x_lines[-2] - b.x_lines[-2]) > tolerance) \
            and not (is_header_alone(a) and len(b.x_lines) >= 2 and last_name_over_last_column(a, b)):
        return False
    if abs(a.x_lines[0] - b.x_lines[0]) > tolerance and not within([max(a.x_lines[0], b.x_lines[0])],
                                                                    min(a, b, key=lambda t: t.x_lines[0]).x_lines):
        return False  # a part may lack leading columns (a label cell run on from the page before, unruled)

    # the edge between labels and values may lie elsewhere in the white between them, where the rest's
    # labels reach further (see `share_edges`)
    return same_value_lines(a, b) or values_edge_apart(a, b)


def last_row_lines(part: PlacedTable) -> list[float]:
    """The column lines of `part`'s last row: the edges of its cells."""
    table = part.table
    if not table.grid:
        return part.x_lines
    return sorted({part.x_lines[edge] for cell in table.row_cells(table.n_rows - 1)
                   for edge in (cell.col, cell.col + cell.colspan)})


def last_name_over_last_column(header: PlacedTable, other: PlacedTable) -> bool:
    """Whether the name in the last column of a header alone at the foot of a page is centred over `other`'s last
    column: the header ends where its last name does (总计 wider than the numbers under it on the next page,
    or narrower than the rules drawn round them)."""
    middle = (header.ink.lefts[-1] + header.ink.rights[-1]) / 2
    return other.x_lines[-2] < middle < other.x_lines[-1]


def is_header_alone(part: PlacedTable) -> bool:
    """Whether a part is a table's header alone, its column lines found in the white between its names: read by
    their alignment at the foot of a page (see `header_at_foot`), or between horizontal rules."""
    return part.ink is not None and (part.columns is None or part.columns.label_columns == 0) \
        and first_number_x(part) is None


def same_value_lines(a: PlacedTable, b: PlacedTable) -> bool:
    """Whether two parts have the same column lines from the first column holding a number in either; a part
    holding no number needs only lines among the other's."""
    tolerance = GRID_SNAP * 2
    start_a, start_b = first_number_x(a), first_number_x(b)
    if start_a is None or start_b is None:
        small, large = (a, b) if len(a.x_lines) <= len(b.x_lines) else (b, a)
        return lines_among(small.x_lines[:-1], large.x_lines, tolerance) or header_lines_on(small, large) is not None
    start = min(start_a, start_b) - tolerance
    value_a = [x for x in a.x_lines[:-1] if x >= start]
    value_b = [x for x in b.x_lines[:-1] if x >= start]
    return len(value_a) == len(value_b) and lines_among(value_a, value_b, tolerance)


def values_edge(part: PlacedTable) -> float | None:
    """The edge between labels and values of a part whose column lines were found in the white between its
    text; None for one whose rules draw them."""
    if part.columns is not None:
        return part.columns.x_lines[part.columns.label_columns]
    return first_number_x(part) if part.ink is not None else None


def values_edge_apart(a: PlacedTable, b: PlacedTable) -> bool:
    """Whether two parts whose column lines were found in the white between their text share their value
    columns but for the edge between labels and values, which lies further right in one (its labels reach
    further) where the other printed nothing."""
    edge_a, edge_b = values_edge(a), values_edge(b)
    if edge_a is None or edge_b is None or abs(edge_a - edge_b) <= GRID_SNAP * 2:
        return False
    own_a = [x for x in a.x_lines[:-1] if x >= edge_a - GRID_SNAP]
    own_b = [x for x in b.x_lines[:-1] if x >= edge_b - GRID_SNAP]
    (nearer, edge), (_, further) = sorted([(a, edge_a), (b, edge_b)], key=lambda item: item[1])
    return len(own_a) == len(own_b) > 1 and lines_among(own_a[1:], own_b[1:], GRID_SNAP * 2) \
        and lines_among(own_b[1:], own_a[1:], GRID_SNAP * 2) and further < min(own_a[1], own_b[1]) \
        and printed_nothing(nearer, edge, further)


def printed_nothing(part: PlacedTable, edge: float, until: float) -> bool:
    """Whether a part printed nothing in its column at `edge` left of `until`."""
    k = bisect.bisect_right(part.ink.x_lines, edge + GRID_SNAP) - 1
    return 0 <= k < len(part.ink.lefts) and part.ink.lefts[k] >= until


def header_lines_on(header: PlacedTable, other: PlacedTable) -> list[float] | None:
    """The column lines of a header alone at the foot of a page (see `is_header_alone`) moved onto `other`'s: each
    inner line, set somewhere in the white between its columns' text, to the line of `other` in that white
    nearest it. None if some inner line has none there. The white is taken a character wider on each side: the
    other's lines, found by the white between its numbers, may cut a name wider than they are (自然人)."""
    if not is_header_alone(header) or len(header.x_lines) != len(header.ink.x_lines):
        return None
    lines = [header.x_lines[0]]
    slack = max(GRID_SNAP, header.ink.size)
    for k in range(1, len(header.x_lines) - 1):
        left, right = header.ink.rights[k - 1] - slack, header.ink.lefts[k] + slack
        inside = [x for x in other.x_lines if left <= x <= right]
        if not inside:
            return None
        lines.append(min(inside, key=lambda x: abs(x - header.x_lines[k])))
    return [*lines, header.x_lines[-1]]


def share_edges(a: PlacedTable, b: PlacedTable) -> None:
    """Set the column lines of two parts of one table that lie in the white between their columns' text
    where the other part has them: the edge between labels and values where the part whose labels reach
    further has it (see `values_edge_apart`), and a header alone at the foot of a page on the lines of its rest
    (see `header_lines_on`)."""
    if same_value_lines(a, b) and not lines_among(a.x_lines[:-1], b.x_lines, GRID_SNAP * 2):
        moved = header_lines_on(a, b)
        if moved is not None:
            a.x_lines = moved
    elif values_edge_apart(a, b):
        (part, edge), (_, further) = sorted([(a, values_edge(a)), (b, values_edge(b))], key=lambda item: item[1])
        part.x_lines = [further if abs(x - edge) <= GRID_SNAP else x for x in part.x_lines]


def first_number_x(placed: PlacedTable) -> float | None:
    """The left edge of the leftmost column holding a number, or None."""
    table = placed.table
    columns = [cell.col for row in table.grid for cell in row if parse_value(cell.text).value is not None]
    return placed.x_lines[min(columns)] if columns else None


def regrid(placed: PlacedTable, x_lines: list[float]) -> None:
    """Place the table's cells on finer column lines (a cell keeps its edges, so it may span more columns)."""
    if len(x_lines) == len(placed.x_lines):
        return
    table = placed.table
    cells = list({id(cell): cell for row in table.grid for cell in row}.values())
    for cell in cells:
        left, right = placed.x_lines[cell.col], placed.x_lines[cell.col + cell.colspan]
        cell.col = index_of(x_lines, left)
        cell.colspan = max(1, index_of(x_lines, right) - cell.col)
    width = len(x_lines) - 1
    grid: list[list[Cell | None]] = [[None] * width for _ in range(table.n_rows)]
    for cell in cells:
        for r in range(cell.row, min(table.n_rows, cell.row + cell.rowspan)):
            for c in range(cell.col, min(width, cell.col + cell.colspan)):
                grid[r][c] = cell
    table.grid = [[cell or Cell("", r, c, page=table.page) for c, cell in enumerate(row)] for r, row in enumerate(grid)]
    placed.x_lines = x_lines


def is_split_row(upper: list[Cell], lower: list[Cell], printed: set[str] = frozenset()) -> bool:
    """Whether `lower` (first row on the new page) is the rest of `upper` (last row on the old page), cut by the
    page break: it adds text only where the upper part has some, repeats none of it, holds no number, has fewer
    filled cells, begins no numbered row of its own in any cell, and prints no text `printed` before it in full (a
    title row printed again atop the page, Word's repeated header rows: 第二十条第（一）项 over the rest of the
    第二十条第（五）项 rows)."""
    if len(upper) != len(lower):
        return False
    distinct_upper = len({id(c) for c in upper if c.text.strip()})
    distinct_lower = len({id(c) for c in lower if c.text.strip()})
    if not distinct_lower or distinct_lower >= distinct_upper:
        return False
    # a cut cell runs on in its columns, in one of them (a label cell merged across the label columns, its rest
    # read in the first alone), or across them and the empty ones beside (the rest of a group label (五) spread
    # over the label area); a title cell across several cells starts a new row
    if any(cell_above(cell, upper) is None for cell in {id(c): c for c in lower if c.text.strip()}.values()):
        return False
    if any(l.text.strip() and l.text.strip() == u.text.strip() for l, u in zip(lower, upper)):
        return False  # a cell printed again in full (the unit 件) starts a new row; a cut row never repeats one
    if any(parse_value(c.text).value is not None for c in lower if c.text.strip()):
        return False
    if any(l.text.strip() and parse_value(u.text).value is not None for l, u in zip(lower, upper)):
        return False  # a number never runs on in words: text under one starts a row (a header printed again)
    if any(squash(c.text) in printed for c in lower if len(squash(c.text)) >= MIN_PRINTED_AGAIN):
        return False
    # a numbered item begins a row of its own, though a group label cut by the break runs on beside it
    # (（三）不予 | 公开 over 2.其他法律行政法规禁止公开)
    labels = [parse_label(c.text) for c in lower if c.text.strip()]
    return not any(label.ordinal is not None or label.such_as for label in labels)


def cell_above(cell: Cell, upper: list[Cell]) -> Cell | None:
    """The one filled cell of the row `upper` over `cell`'s columns, the two nested (one inside the other's
    columns); None when there is none, or several."""
    over = {id(u): u for u in upper[cell.col:cell.col + cell.colspan] if u.text.strip()}
    if len(over) != 1:
        return None
    (above,) = over.values()
    inside = above.col <= cell.col and cell.col + cell.colspan <= above.col + above.colspan
    around = cell.col <= above.col and above.col + above.colspan <= cell.col + cell.colspan
    return above if inside or around else None


def repeats_row(table: Table, r: int, model: Table, model_r: int) -> bool:
    """Whether row `r` of `table` prints row `model_r` of `model` again, as a header repeated atop the next page
    does: the same cells, or the first lines of each of its cells (行政复议 over 结果维持, where the rows of the
    header were read as one)."""
    cells, model_cells = table.row_cells(r), model.row_cells(model_r)
    if not any(cell.text.strip() for cell in cells):
        return False
    if [cell.text for cell in cells] == [cell.text for cell in model_cells]:
        return True
    row, model_row = table.grid[r], model.grid[model_r]
    return all((cell.col, cell.colspan) == (above.col, above.colspan) and
               squash(above.text).startswith(squash(cell.text))
               for cell, above in zip(row, model_row) if cell.text.strip())


def append_rows(first: PlacedTable, second: PlacedTable, printed: set[str] = frozenset()) -> None:
    """Rows of `second` appended to `first`. A repeated header is dropped, and an empty cell at the top of
    `second` below a label cell of `first` continues that cell (a vertical label cut by the page break)."""
    share_edges(first, second)
    finer = first.x_lines if len(first.x_lines) >= len(second.x_lines) else second.x_lines
    regrid(first, finer)
    regrid(second, finer)
    a, b = first.table, second.table
    skip = 0
    # rows repeated atop the page are the table's first rows, its header among them (Word's repeated header
    # rows); a table that opens on numbers has no header, and rows of the rest like its first ones are its own
    # (复议后起诉's 结果维持 2 in a turned 复议/诉讼 table, like 行政复议's above)
    opens_on_numbers = any(parse_value(cell.text).value is not None for cell in a.row_cells(0))
    while not opens_on_numbers and skip < min(a.n_rows, b.n_rows) and repeats_row(b, skip, a, skip):
        skip += 1
    first.last_page = second.last_page
    if skip >= b.n_rows:
        return
    if is_split_row(a.grid[-1], b.grid[skip], printed):
        for lower in b.row_cells(skip):
            upper = cell_above(lower, a.grid[-1]) if lower.text.strip() else None
            if upper is not None and upper.row == a.n_rows - 1:
                upper.text = f"{upper.text}\n{lower.text}"
        skip += 1
        if skip >= b.n_rows:
            return
    continued: dict[int, Cell] = {}
    # a header row ending the first part (the table's body all on the next page) has no label to run on
    above_cells = {id(cell): cell for cell in a.grid[-1]}.values()
    texts = sum(1 for cell in above_cells if cell.text.strip() and not parse_value(cell.text).ok)
    new_label_left = False
    for c, cell in enumerate(b.grid[skip] if texts * 2 <= len(above_cells) else []):
        above = a.grid[-1][c]
        if cell.text.strip() and squash(cell.text) != squash(above.text):
            # a new label to the left (四、结转下年度… under （七）总计's group): the cells after it are its own
            new_label_left = True
        is_label = above.text.strip() and not any(ch.isdigit() for ch in above.text)
        if cell.text.strip() or not is_label or id(cell) in continued or new_label_left:
            continue
        # the label runs on down its column through the empty cells the break left, to the next label
        for r in range(skip, b.n_rows):
            below = b.grid[r][c]
            if below.text.strip() or below.colspan != cell.colspan:
                break
            if id(below) not in continued:
                continued[id(below)] = above
                above.rowspan += below.rowspan
    start = a.n_rows
    for cell in {id(cell): cell for row in b.grid[skip:] for cell in row}.values():
        if id(cell) not in continued:
            cell.row = start + max(0, cell.row - skip)
    for r in range(skip, b.n_rows):
        a.grid.append([continued.get(id(cell), cell) for cell in b.grid[r]])
    first.bottom, first.last_page = second.bottom, second.last_page
