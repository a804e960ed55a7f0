"""Read a .docx into a Document: paragraphs and tables in body order, merged cells resolved."""
from __future__ import annotations

import posixpath
import zipfile
from dataclasses import dataclass, field
from pathlib import Path

import zlib

from lxml import etree

from ..document import Document, Paragraph
from .errors import ReadError
from .html import decode, html_blocks, mht_html
from .rtf import rtf_blocks
from .word_tables import is_layout_table, read_table, widen_last_cell

# The namespaces and relationship types of Office Open XML, spelt out: importing python-docx for them cost a
# worker process 40 ms, more than reading ten reports.
NAMESPACES = {
    "w": "http://schemas.openxmlformats.org/wordprocessingml/2006/main",
    "r": "http://schemas.openxmlformats.org/officeDocument/2006/relationships",
}
RELATIONSHIP_TYPES = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
OFFICE_DOCUMENT, ALT_CHUNK_PART = RELATIONSHIP_TYPES + "officeDocument", RELATIONSHIP_TYPES + "aFChunk"


def qn(name: str) -> str:
    """'w:p' -> '{http://…/wordprocessingml/2006/main}p', the name lxml gives the element."""
    prefix, local = name.split(":")
    return f"{{{NAMESPACES[prefix]}}}{local}"


# A document.xml larger than this is refused: real reports are well under 5 MB, a zip bomb is not.
MAX_DOCUMENT_XML_BYTES = 200 * 1024 * 1024

DEFAULT_MAIN_PART = "word/document.xml"
# Reports are data, never instructions: no entities resolved, nothing fetched.
SAFE_PARSER = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False)

W_BODY, W_P, W_TBL = qn("w:body"), qn("w:p"), qn("w:tbl")
W_SDT, W_SDT_CONTENT = qn("w:sdt"), qn("w:sdtContent")
W_ALT_CHUNK, R_ID, W_CUSTOM_XML = qn("w:altChunk"), qn("r:id"), qn("w:customXml")
W_MOVE_FROM, W_HMERGE = qn("w:moveFrom"), qn("w:hMerge")
STRICT_NAMESPACES = (
    (b"http://purl.oclc.org/ooxml/wordprocessingml/main", b"http://schemas.openxmlformats.org/wordprocessingml/2006/main"),
    (b"http://purl.oclc.org/ooxml/officeDocument/relationships",
     b"http://schemas.openxmlformats.org/officeDocument/2006/relationships"),
)
W_R, W_RPR, W_VANISH = qn("w:r"), qn("w:rPr"), qn("w:vanish")
BLOCK_TAGS = (W_P, W_TBL, W_ALT_CHUNK)
W_TR, W_TC, W_T, W_TAB, W_BR, W_CR = qn("w:tr"), qn("w:tc"), qn("w:t"), qn("w:tab"), qn("w:br"), qn("w:cr")
W_GRIDSPAN, W_VMERGE, W_VAL, W_GRIDBEFORE = qn("w:gridSpan"), qn("w:vMerge"), qn("w:val"), qn("w:gridBefore")
# what a tab, a line break and a carriage return in a run read as
SPACING = {W_TAB: "\t", W_BR: "\n", W_CR: "\n"}
MC_FALLBACK = "{http://schemas.openxmlformats.org/markup-compatibility/2006}Fallback"
# what table_rows looks at in a table: rows, cells, their spans and merges, and inside them paragraphs, text,
# tabs, breaks, and tables or embedded pages (which make it a layout table, read as flow)
TABLE_PIECES = (W_TBL, W_ALT_CHUNK, W_TR, W_GRIDBEFORE, W_TC, W_GRIDSPAN, W_VMERGE, W_HMERGE, W_P, W_T, *SPACING)


@dataclass
class Embedded:
    """Parts the main part brings in whole with w:altChunk (web pages that systems exporting to Word embed
    instead of converting them), by relationship id, and what could not be read of them."""

    parts: dict[str, tuple[str, bytes | None]] = field(default_factory=dict)  # r:id -> (part name, bytes)
    warnings: list[str] = field(default_factory=list)


def read_docx(path: Path) -> Document:
    """Read paragraphs and tables of a .docx body in order; nested tables follow the table holding them.

    Only the main document part is parsed (python-docx would parse every part of the package first: styles,
    numbering, themes), which is most of the cost of a report; and the parts it embeds with w:altChunk."""
    embedded = Embedded()
    blocks = read_blocks(main_body(path, embedded), embedded)
    return Document(source=path, format="docx", blocks=blocks, warnings=embedded.warnings)


def read_blocks(parent, embedded: Embedded) -> list:
    """Paragraphs and tables under `parent` in order; a table used for page layout is read as the flow it holds,
    an embedded web page as its paragraphs and tables."""
    blocks: list = []
    for element in unwrapped_children(parent, BLOCK_TAGS):
        if element.tag == W_P:
            blocks.append(Paragraph(paragraph_text(element)))
            continue
        if element.tag == W_ALT_CHUNK:
            blocks.extend(chunk_blocks(element.get(R_ID), embedded))
            continue
        rows = table_rows(element)
        if rows is None or is_layout_table(rows):
            for tr in unwrapped_children(element, (W_TR,)):
                for tc in unwrapped_children(tr, (W_TC,)):
                    blocks.extend(read_blocks(tc, embedded))
        else:
            blocks.extend(read_table(rows))
    return blocks


def chunk_blocks(rel_id: str | None, embedded: Embedded) -> list:
    """The blocks of a part embedded with w:altChunk: a web page (HTML, or MHT holding one), RTF or plain text.
    Another kind (a Word file) is not read, and the document says so."""
    if rel_id not in embedded.parts:
        embedded.warnings.append(f"an embedded part ({rel_id}) is not in the package's relationships")
        return []
    name, data = embedded.parts[rel_id]
    if data is None:  # missing or refused, as the warnings already say
        return []
    extension = posixpath.splitext(name)[1].lower()
    try:
        if extension in (".htm", ".html", ".xhtml"):
            return html_blocks(decode(data))
        if extension in (".mht", ".mhtml"):
            return html_blocks(mht_html(data))
        if extension == ".txt":
            return [Paragraph(line.strip()) for line in decode(data).splitlines() if line.strip()]
        if extension == ".rtf":
            return rtf_blocks(data)
    except ReadError as exc:
        embedded.warnings.append(f"the embedded part {name} was not read: {exc}")
        return []
    embedded.warnings.append(f"the embedded part {name} was not read: only web pages, RTF and text are")
    return []


def main_part_name(package: zipfile.ZipFile) -> str:
    """The package's main document part, as _rels/.rels names it (word/document.xml in most files)."""
    try:
        rels = etree.fromstring(package.read("_rels/.rels"), SAFE_PARSER)
    except (KeyError, etree.XMLSyntaxError):
        return DEFAULT_MAIN_PART
    for rel in rels:
        if rel.get("Type") == OFFICE_DOCUMENT:
            return rel.get("Target", DEFAULT_MAIN_PART).lstrip("/")
    return DEFAULT_MAIN_PART


def read_part(package: zipfile.ZipFile, name: str) -> bytes:
    """A part's bytes (KeyError when the package has no such part); refuses one too large to belong to a
    report."""
    info = package.getinfo(name)
    if info.file_size > MAX_DOCUMENT_XML_BYTES:
        raise ReadError(
            f"{name} unpacks to {info.file_size} bytes, over the "
            f"{MAX_DOCUMENT_XML_BYTES} byte limit (a zip bomb or not a report)"
        )
    return package.read(name)


def embedded_parts(package: zipfile.ZipFile, name: str, embedded: Embedded) -> None:
    """Fill `embedded` with the parts the main part `name` relates to as altChunks; one that cannot be read is
    named in its warnings, and the rest of the document is still read."""
    folder = posixpath.dirname(name)
    rels_name = posixpath.join(folder, "_rels", posixpath.basename(name) + ".rels")
    try:
        rels = etree.fromstring(package.read(rels_name), SAFE_PARSER)
    except (KeyError, etree.XMLSyntaxError):
        return
    for rel in rels:
        if rel.get("Type") != ALT_CHUNK_PART or rel.get("TargetMode") == "External":
            continue
        target = rel.get("Target", "")
        part = target.lstrip("/") if target.startswith("/") else posixpath.normpath(posixpath.join(folder, target))
        data = None
        try:
            data = read_part(package, part)
        except KeyError:
            embedded.warnings.append(f"the embedded part {part} is missing from the package")
        except (ReadError, zipfile.BadZipFile, OSError, EOFError, zlib.error) as exc:
            embedded.warnings.append(f"the embedded part {part} was not read: {exc}")
        embedded.parts[rel.get("Id")] = (part, data)


def main_body(path: Path, embedded: Embedded | None = None):
    """The w:body of the main part; refuses what is not a Word package, or too large to be a report. The parts
    it embeds with w:altChunk go to `embedded`."""
    try:
        with zipfile.ZipFile(path) as package:
            name = main_part_name(package)
            try:
                data = read_part(package, name)
            except KeyError:
                raise ReadError(f"not a .docx: the zip holds no {name}") from None
            if embedded is not None and b"altChunk" in data:
                embedded_parts(package, name, embedded)
    except zipfile.BadZipFile as exc:
        raise ReadError(f"not a .docx: corrupt or truncated zip ({exc})") from exc
    except (OSError, EOFError, zlib.error) as exc:
        raise ReadError(f"not a .docx: the zip cannot be read ({exc})") from exc
    # Word's "Strict Open XML" names the same elements in other namespaces
    for strict, transitional in STRICT_NAMESPACES:
        if strict in data:
            data = data.replace(strict, transitional)
    try:
        root = etree.fromstring(data, SAFE_PARSER)
    except etree.XMLSyntaxError as exc:
        raise ReadError(f"not a readable .docx: {name} is not well-formed XML ({exc})") from exc
    body = root.find(W_BODY)
    if body is None:
        raise ReadError(f"not a .docx: {name} has no w:body")
    # Only what a reader sees is read: a text box or drawing saved twice (mc:Choice for Word, mc:Fallback for
    # older readers) once; text moved with changes tracked only where it now stands (w:moveTo), not also where
    # it was (w:moveFrom, whose runs keep their w:t, unlike deleted text's w:delText); no hidden run. Most
    # reports have none of these, and a byte search says so faster than a walk of the tree.
    for tag, word in ((MC_FALLBACK, b"Fallback"), (W_MOVE_FROM, b"moveFrom")):
        for element in list(body.iter(tag)) if word in data else ():
            element.getparent().remove(element)
    for run in list(hidden_runs(body)) if b"vanish" in data else ():
        run.getparent().remove(run)
    return body


def hidden_runs(body):
    """Runs formatted as hidden text (w:r/w:rPr/w:vanish, unless its value turns it off)."""
    for vanish in body.iter(W_VANISH):
        properties = vanish.getparent()
        run = properties.getparent()
        if run is not None and run.tag == W_R and properties.tag == W_RPR and \
                vanish.get(W_VAL, "true").lower() not in ("0", "false", "off"):
            yield run


def unwrapped_children(parent, tags: tuple[str, ...]):
    """The children of `parent` with one of `tags`, in document order, looking inside content controls and
    custom XML markup (which may wrap paragraphs, tables, rows and cells alike)."""
    for child in parent.iterchildren():
        if child.tag in tags:
            yield child
        elif child.tag == W_SDT:
            content = child.find(W_SDT_CONTENT)
            if content is not None:
                yield from unwrapped_children(content, tags)
        elif child.tag == W_CUSTOM_XML:
            yield from unwrapped_children(child, tags)


def paragraph_text(p) -> str:
    """The visible text of a w:p: runs, tabs and breaks (deleted tracked text is w:delText, not read)."""
    return "".join(node.text or "" if node.tag == W_T else SPACING[node.tag] for node in p.iter(W_T, *SPACING))


def table_rows(tbl) -> list | None:
    """[(grid columns skipped before the row, [(text, columns spanned, vertical merge), ...]), ...]: the rows of
    a table, or None when one of its cells holds a table or an embedded page (a table used for page layout).
    The merge is 'restart', 'continue' or None; a cell's text is its paragraphs' (`paragraph_text`), one per
    line, those in content controls too. A cell an older writer merged into the one before it (w:hMerge, where
    w:gridSpan is usual now) widens that cell. One pass over the table's elements of interest, filtered by
    lxml, finds rows, cells, their merge properties and paragraphs as they start, in document order: several
    times faster than walking each cell, or than an XPath union (which sorts its node set)."""
    rows: list = []
    row: list | None = None
    before = span = 0
    merge = None
    parts: list[str] = []
    in_cell = in_paragraph = joins_previous = False

    def end_cell():
        text = "".join(parts).strip()
        if joins_previous and row:
            widen_last_cell(row, text, span)
        else:
            row.append((text, span, merge))

    for piece in tbl.iter(*TABLE_PIECES):
        tag = piece.tag
        if tag == W_T:
            if piece.text:
                parts.append(piece.text)
        elif tag == W_P:
            if in_paragraph:
                parts.append("\n")
            in_paragraph = True
        elif tag in SPACING:
            parts.append(SPACING[tag])
        elif tag == W_GRIDSPAN:
            span = max(1, grid_value(piece, 1))
        elif tag == W_VMERGE:
            merge = "restart" if piece.get(W_VAL) == "restart" else "continue"
        elif tag == W_HMERGE:
            joins_previous = piece.get(W_VAL) != "restart"
        elif tag == W_GRIDBEFORE:
            before = max(0, grid_value(piece, 0))
        elif tag == W_TBL or tag == W_ALT_CHUNK:
            if piece is not tbl:
                return None
        else:  # a cell or a row starts: the cell before it ends
            if in_cell:
                end_cell()
            parts, in_cell, in_paragraph, span, merge, joins_previous = [], tag == W_TC, False, 1, None, False
            if tag == W_TR:
                if row is not None:
                    rows.append((before, row))
                row, before = [], 0
    if in_cell:
        end_cell()
    if row is not None:
        rows.append((before, row))
    return rows


def grid_value(node, default: int) -> int:
    try:
        return int(node.get(W_VAL, default))
    except ValueError:
        return default
