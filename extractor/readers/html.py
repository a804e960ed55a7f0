"""Read a report published as a web page: text blocks and <table>s in order, rowspan/colspan resolved."""
from __future__ import annotations

import email
import re
from pathlib import Path

import lxml.html
from lxml import etree

from ..document import Document, Paragraph, Table, build_grid
from . import UTF16_BOMS
from .errors import ReadError

# Larger pages are not reports (a report page is well under 5 MB).
MAX_HTML_BYTES = 50 * 1024 * 1024
MAX_SPAN = 100  # rowspan/colspan beyond this is a broken page, not a table
CHARSET = re.compile(rb"""charset\s*=\s*["']?\s*([A-Za-z0-9_\-]+)""", re.I)
HIDDEN_STYLE = re.compile(
    r"display\s*:\s*none|visibility\s*:\s*hidden|font-size\s*:\s*0+(?:\.0+)?(?:px|pt|em|rem|%)?\s*(?:[;!]|$)", re.I)
# Hidden text longer than this, or holding a table, is read: a script may show it (see is_hidden).
MAX_HIDDEN_CHARS = 100
# a style rule hiding one class: .name{...display:none...} (selectors of one class only)
HIDDEN_CLASS = re.compile(r"(?:^|[}\s,])\.([\w-]+)\s*\{[^}]*?(?:display\s*:\s*none|visibility\s*:\s*hidden)", re.I)
SKIPPED = {"script", "style", "head", "noscript", "template", "iframe", "select", "option", "button"}
BLOCKS = {"p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "li", "ul", "ol", "section", "article", "header",
          "footer", "blockquote", "pre", "center", "dd", "dt", "dl", "tr", "form", "body", "caption"}


def decode(data: bytes, charset: str | None = None) -> str:
    """The page's text: BOM, then `charset` (what a MIME header says), then the charset the page declares, then
    UTF-8, then GB18030 (a superset of GBK/GB2312)."""
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8", errors="replace")
    if data.startswith(UTF16_BOMS):
        return data.decode("utf-16", errors="replace")
    declared = CHARSET.search(data[:4096])
    candidates = [charset.lower()] if charset else []
    candidates += [declared.group(1).decode("ascii").lower()] if declared else []
    candidates += ["utf-8", "gb18030"]
    for encoding in candidates:
        if encoding in ("gb2312", "gbk"):
            encoding = "gb18030"
        try:
            return data.decode(encoding)
        except (LookupError, UnicodeDecodeError):
            continue
    return data.decode("utf-8", errors="replace")


def read_html(path: Path) -> Document:
    size = path.stat().st_size
    if size > MAX_HTML_BYTES:
        raise ReadError(f"HTML page of {size} bytes, over the {MAX_HTML_BYTES} byte limit")
    return page_document(path, "html", decode(path.read_bytes()))


def read_mht(path: Path) -> Document:
    """A web page saved whole (MHT: MIME parts, the page and its images) is read as its page."""
    size = path.stat().st_size
    if size > MAX_HTML_BYTES:
        raise ReadError(f"MHT archive of {size} bytes, over the {MAX_HTML_BYTES} byte limit")
    return page_document(path, "mht", mht_html(path.read_bytes()))


def mht_html(data: bytes) -> str:
    """The web page of an MHT (MIME HTML) archive: its first text/html part."""
    for part in email.message_from_bytes(data).walk():
        if part.get_content_type() == "text/html":
            return decode(part.get_payload(decode=True) or b"", part.get_content_charset())
    raise ReadError("the MHT archive holds no web page")


def page_document(path: Path, format_: str, text: str) -> Document:
    root = page_root(text)
    return Document(source=path, format=format_, blocks=page_blocks(root), declared_title=page_title(root))


def page_root(text: str):
    try:
        return lxml.html.document_fromstring(text)
    except (etree.ParserError, ValueError) as exc:
        raise ReadError(f"not a readable HTML page: {exc}") from exc


def page_title(root) -> str | None:
    """The page's <title>, whitespace collapsed: a site names an article's page after the article."""
    title = root.find("head/title")
    text = " ".join(title.text_content().split()) if title is not None else ""
    return text or None


def html_blocks(text: str) -> list:
    """The paragraphs and tables of a web page's body, in order (also used for HTML a .docx embeds)."""
    return page_blocks(page_root(text))


def page_blocks(root) -> list:
    mark_hidden_by_class(root)
    blocks: list = []
    lines: list[str] = []

    def flush():
        text = "".join(lines)
        lines.clear()
        for line in text.split("\n"):
            if line.strip():
                blocks.append(Paragraph(line.strip()))

    def table(element):
        flush()
        blocks.extend(read_table(element))

    body = root.find("body")
    collect_text(body if body is not None else root, lines, on_table=table)
    flush()
    return blocks


def mark_hidden_by_class(root) -> None:
    """Give the hidden attribute to elements of a class the page's own style sheet hides (`.x{display:none}`,
    one class to a selector), so that `is_hidden` sees them."""
    hidden = {name for style in root.iter("style") for name in HIDDEN_CLASS.findall(style.text or "")}
    if not hidden:
        return
    for element in root.iter():
        if isinstance(element.tag, str) and hidden & set((element.get("class") or "").split()):
            element.set("hidden", "")


def is_hidden(element) -> bool:
    """Hidden by its own markup (the hidden attribute, which `mark_hidden_by_class` also gives, or an inline
    style: display:none, visibility:hidden, font-size:0), as some sites hide stray characters in their pages
    against copying, and holding no table and little text. A large hidden part is read all the same: it may be
    the report itself, shown by the page's script (a tab, a 'read more')."""
    if not isinstance(element.tag, str):
        return False
    if element.get("hidden") is None and not HIDDEN_STYLE.search(element.get("style") or ""):
        return False
    return next(element.iter("table"), None) is None and len(element.text_content()) <= MAX_HIDDEN_CHARS


def collect_text(element, parts: list[str], on_table=None) -> None:
    """Append an element's visible text to `parts`, block elements and <br> as line breaks. A <table> goes to
    `on_table` (or is skipped: a cell's nested tables are read as tables of their own)."""
    tag = element.tag if isinstance(element.tag, str) else ""
    if tag in SKIPPED or is_hidden(element):
        return
    if tag == "table":
        if on_table and is_layout_table(element):
            for cell in element.iter("td", "th"):  # the page's flow, laid out with a table: read it as flow
                if next(cell.iterancestors("table"), None) is element:
                    parts.append("\n")
                    collect_text(cell, parts, on_table)
                    parts.append("\n")
        elif on_table:
            on_table(element)
        return
    if tag == "br" or tag in BLOCKS:
        parts.append("\n")
    if element.text and tag:
        parts.append(element.text)
    for child in element:
        collect_text(child, parts, on_table)
        if child.tail:
            parts.append(child.tail)
    if tag in BLOCKS:
        parts.append("\n")


# A single cell holding this much text is a page laid out in a table, not a statistical table.
LAYOUT_CELL_CHARS = 200


def is_layout_table(table) -> bool:
    """A table used for page layout: one of its cells holds a table, or it has one column of long text."""
    cells = [c for row in own_rows(table) for c in row if isinstance(c.tag, str) and c.tag in ("td", "th")]
    if any(next(inner.iterancestors("table"), None) is table for inner in table.iter("table") if inner is not table):
        return True
    return len(cells) <= 2 and any(len("".join(c.itertext()).strip()) > LAYOUT_CELL_CHARS for c in cells)


def cell_text(cell) -> str:
    """A cell's text, one line per line break, nested tables left out."""
    parts: list[str] = []
    collect_text(cell, parts)
    return "\n".join(line.strip() for line in "".join(parts).replace("\xa0", " ").split("\n") if line.strip())


def span(cell, name: str) -> int:
    try:
        return max(1, min(MAX_SPAN, int(str(cell.get(name, "1")).strip() or 1)))
    except ValueError:
        return 1


def own_rows(table) -> list:
    return [tr for tr in table.iter("tr") if next(tr.iterancestors("table"), None) is table and not is_hidden(tr)]


def read_table(table) -> list[Table]:
    """A <table> as a grid (cells covered by a rowspan above are skipped, as browsers do), then its nested tables."""
    covered: set[tuple[int, int]] = set()
    rows: list[list[tuple[str, int, int, int]]] = []
    nested: list[Table] = []
    for r, tr in enumerate(own_rows(table)):
        row = []
        c = 0
        for cell in tr:
            if not isinstance(cell.tag, str) or cell.tag not in ("td", "th") or is_hidden(cell):
                continue
            while (r, c) in covered:
                c += 1
            rowspan, colspan = span(cell, "rowspan"), span(cell, "colspan")
            row.append((cell_text(cell), c, rowspan, colspan))
            for rr in range(r, r + rowspan):
                for cc in range(c, c + colspan):
                    covered.add((rr, cc))
            for inner in cell.iter("table"):
                if next(inner.iterancestors("table"), None) is table:
                    nested.extend(read_table(inner))
            c += colspan
        rows.append(row)
    while rows and not rows[-1]:
        rows.pop()
    grid = build_grid(rows) if rows else []
    return ([Table(grid)] if grid and grid[0] else []) + nested
