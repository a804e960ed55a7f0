"""Read an RTF file (Word and WPS save reports as RTF, and sites serve it under a .doc name) into a Document,
without LibreOffice.

RTF describes a table as Word 97 does (word97.py): each row starts with its definition (\\trowd, then per cell
its merges and its right edge, \\cellxN), each cell's text ends with \\cell and the row with \\row. So this
reader turns the text into the same paragraphs the .doc reader makes (text, the mark that ends it, table depth,
the row's cell edges and merges), and word_tables.py builds the blocks and tables of both.
"""
from __future__ import annotations

import codecs
import re
from dataclasses import dataclass, replace
from pathlib import Path

from ..document import Document
from .errors import ReadError
from .word_tables import CELL_MARK, PARAGRAPH_MARK, WordParagraph, blocks_of

TOKEN = re.compile(
    rb"\\([a-zA-Z]{1,32})(-?\d{1,10})? ?"  # a control word, its number, and the space that ends it
    rb"|\\'([0-9a-fA-F]{2})"  # a byte of text in the current code page
    rb"|\\([^a-zA-Z'])"  # a control symbol: \\ \{ \} \~ \- \_ \* (or a line break: a paragraph)
    rb"|([{}])"
    rb"|[\r\n]+"  # line breaks in the file are not text
    rb"|([^\\{}\r\n]+)"
)
# Groups that hold no text of the document: tables of fonts, colours and styles, document properties, pictures
# and objects, headers and footers, footnotes and comments, list numbers (a .docx keeps those out of the text
# too), field instructions (their result is read), and any group marked \\* that a reader may skip.
SKIPPED_DESTINATIONS = {
    "fonttbl", "colortbl", "stylesheet", "info", "pict", "object", "header", "headerl", "headerr", "headerf",
    "footer", "footerl", "footerr", "footerf", "footnote", "annotation", "listtable", "listoverridetable",
    "rsidtbl", "xmlnstbl", "generator", "themedata", "colorschememapping", "latentstyles", "datastore",
    "listtext", "pntext", "pntxta", "pntxtb", "fldinst", "filetbl", "revtbl", "userprops", "docvar",
    "nonshppict", "shp", "template", "mmathPr", "fchars", "lchars", "pgdsctbl",
}
SYMBOLS = {"line": "\n", "tab": "\t", "emdash": "—", "endash": "–", "lquote": "‘", "rquote": "’",
           "ldblquote": "“", "rdblquote": "”", "bullet": "•", "emspace": "\u2003", "enspace": "\u2002"}
CONTROL_SYMBOLS = {b"~": "\xa0", b"_": "-", b"-": "", b"\\": "\\", b"{": "{", b"}": "}"}
PARAGRAPH_ENDS = {"par", "sect", "page"}
# \fcharset of a font -> the code page its \'hh bytes are in (1: the document's default)
CHARSET_CODEPAGES = {0: "cp1252", 2: "cp1252", 77: "mac_roman", 128: "cp932", 129: "cp949", 134: "gb18030",
                     136: "cp950", 161: "cp1253", 162: "cp1254", 163: "cp1258", 177: "cp1255", 178: "cp1256",
                     186: "cp1257", 204: "cp1251", 222: "cp874", 238: "cp1250"}
DEFAULT_CODEPAGE = "cp1252"
MERGE_FLAGS = {"clmgf": 1, "clmrg": 2, "clvmgf": 3 << 5, "clvmrg": 1 << 5}  # as word97's TC80 flags


@dataclass(frozen=True)
class GroupState:
    """What a { … } group passes to the groups inside it."""

    skip: bool = False
    codepage: str = DEFAULT_CODEPAGE
    unicode_fallback: int = 1  # \ucN: characters that follow a \uN as its stand-in for older readers
    hidden: bool = False  # \v (hidden text) or \deleted (deleted with changes tracked): not seen by a reader


def read_rtf(path: Path) -> Document:
    """Paragraphs and tables of an RTF file, in order."""
    return Document(source=path, format="rtf", blocks=rtf_blocks(Path(path).read_bytes()))


def rtf_blocks(data: bytes) -> list:
    """Paragraphs and tables of RTF text (a file, or a part a .docx embeds whole), in order."""
    if not data.lstrip(b"\xef\xbb\xbf \t\r\n").startswith(b"{\\rtf"):
        raise ReadError("not an RTF file: it does not start with {\\rtf")
    return blocks_of(RtfReader(data).paragraphs())


class RtfReader:
    """One pass over RTF's tokens, keeping each group's state, into the paragraphs word_tables.py reads."""

    def __init__(self, data: bytes):
        self.data = data
        self.out: list[WordParagraph] = []
        self.text: list[str] = []
        self.pending = bytearray()  # \'hh bytes not decoded yet: a character may take two
        self.pending_codepage = DEFAULT_CODEPAGE
        self.fonts: dict[int, str] = {}
        self.default_codepage = DEFAULT_CODEPAGE
        self.in_table, self.depth = False, 1
        self.row: list[tuple[int, int, int]] = []
        self.cell_left, self.cell_flags = 0, 0

    def paragraphs(self) -> list[WordParagraph]:
        stack: list[GroupState] = []
        state = GroupState()
        group_start = False  # the next token is the first of a group: it may name a destination
        font_table_depth = None  # the depth of the font table's group while inside it
        font = None
        skip_chars = 0
        position = 0
        while position < len(self.data):
            match = TOKEN.match(self.data, position)
            if match is None:  # a lone backslash at the end
                break
            position = match.end()
            word, number, hex_byte, symbol, brace, literal = match.groups()
            first, group_start = group_start, False
            if brace == b"{":
                self.flush()
                stack.append(state)
                group_start = True
                continue
            if brace == b"}":
                self.flush()
                if font_table_depth is not None and len(stack) <= font_table_depth:
                    font_table_depth = None
                state = stack.pop() if stack else state
                continue
            if word is not None:
                name = word.decode("ascii")
                value = int(number) if number else None
                if font_table_depth is not None:  # the font table: which code page each font's bytes are in
                    if name == "f" and value is not None:
                        font = value
                    elif name == "fcharset" and font is not None and value is not None:
                        self.fonts[font] = CHARSET_CODEPAGES.get(value, self.default_codepage)
                    continue
                if first and (name in SKIPPED_DESTINATIONS or state.skip):
                    if name == "fonttbl":
                        font_table_depth = len(stack)
                    state = replace(state, skip=True)
                    continue
                if name == "bin" and value:  # binary data: skipped whole
                    position += value
                    continue
                if state.skip:
                    continue
                state, skip_chars = self.control(name, value, state, skip_chars)
                continue
            if symbol is not None:
                if symbol == b"*":
                    if first:
                        state = replace(state, skip=True)
                elif symbol in (b"\r", b"\n") and not state.skip:
                    self.end_paragraph(PARAGRAPH_MARK)
                elif not state.skip and not state.hidden:
                    self.flush()
                    self.text.append(CONTROL_SYMBOLS.get(symbol, ""))
                continue
            if state.skip or state.hidden:
                skip_chars = 0
                continue
            if hex_byte is not None:
                if skip_chars:
                    skip_chars -= 1
                    continue
                if self.pending and self.pending_codepage != state.codepage:
                    self.flush()
                self.pending.append(int(hex_byte, 16))
                self.pending_codepage = state.codepage
                continue
            if literal:
                if skip_chars:
                    dropped = min(skip_chars, len(literal))
                    literal, skip_chars = literal[dropped:], skip_chars - dropped
                self.flush()
                self.text.append(literal.decode(state.codepage, errors="replace"))
        self.flush()
        if "".join(self.text).strip():
            self.end_paragraph(PARAGRAPH_MARK)
        return self.out

    def control(self, name: str, value: int | None, state: GroupState, skip_chars: int):
        """Act on a control word outside skipped groups; returns the group state and the stand-in characters
        still to skip."""
        if name == "u" and value is not None:
            if not state.hidden:
                self.flush()
                self.text.append(chr(value & 0xFFFF))  # a signed 16-bit UTF-16 unit: -10179 is 0xD83D
            return state, state.unicode_fallback
        if name == "uc" and value is not None:
            return replace(state, unicode_fallback=value), skip_chars
        if name == "ansicpg" and value:
            self.default_codepage = codepage(value)
            return replace(state, codepage=self.default_codepage), skip_chars
        if name == "f" and value is not None:
            return replace(state, codepage=self.fonts.get(value, self.default_codepage)), skip_chars
        if name in ("v", "deleted"):
            return replace(state, hidden=value != 0), skip_chars
        if name == "plain":
            return replace(state, hidden=False), skip_chars
        if name in SYMBOLS:
            if not state.hidden:
                self.flush()
                self.text.append(SYMBOLS[name])
        elif name in PARAGRAPH_ENDS:
            self.end_paragraph(PARAGRAPH_MARK)
        elif name == "pard":
            self.in_table, self.depth = False, 1
        elif name == "intbl":
            self.in_table = True
        elif name == "itap" and value is not None:
            self.depth = value
            self.in_table = value > 0
        elif name == "cell":
            self.in_table = True
            self.end_paragraph(CELL_MARK, depth=1)
        elif name == "nestcell":
            self.end_paragraph(PARAGRAPH_MARK, depth=2)
        elif name == "row":
            self.end_paragraph(CELL_MARK, depth=1, row=self.row)
        elif name == "nestrow":
            self.end_paragraph(CELL_MARK, depth=2, row=[])
        elif name == "trowd":
            self.row, self.cell_left, self.cell_flags = [], 0, 0
        elif name == "trleft" and value is not None:
            self.cell_left = value
        elif name in MERGE_FLAGS:
            self.cell_flags |= MERGE_FLAGS[name]
        elif name == "cellx" and value is not None:
            self.row = [*self.row, (self.cell_left, value, self.cell_flags)]
            self.cell_left, self.cell_flags = value, 0
        return state, skip_chars

    def flush(self) -> None:
        if self.pending:
            self.text.append(bytes(self.pending).decode(self.pending_codepage, errors="replace"))
            self.pending.clear()

    def end_paragraph(self, mark: str, depth: int | None = None, row: list | None = None) -> None:
        self.flush()
        # a character beyond U+FFFF comes as two \\uN (a surrogate pair): joined here; one alone is replaced
        text = "".join(self.text).encode("utf-16-le", "surrogatepass").decode("utf-16-le", "replace")
        self.text = []
        if row is not None:  # a row's end holds no text of its own
            self.out.append(WordParagraph("", mark, depth, True, list(row)))
            return
        if depth is None:
            depth = self.depth if self.in_table else 0
        self.out.append(WordParagraph(text, mark, depth))


def codepage(number: int) -> str:
    """Python's name of a Windows code page (936 -> gb18030, a superset that decodes every GBK byte pair)."""
    name = "gb18030" if number == 936 else f"cp{number}"
    try:
        codecs.lookup(name)
    except LookupError:
        return DEFAULT_CODEPAGE
    return name
