"""Read a Word 97-2003 binary document (.doc, and WPS files saved in its format) into a Document, without
LibreOffice: paragraphs and tables in order, merged cells resolved as in a .docx.

The container is an OLE compound file (olefile). Inside it, per [MS-DOC]: the FIB at the start of the
WordDocument stream locates the piece table (which parts of the stream hold the text, and whether as UTF-16
or as 8-bit text), and the paragraph properties (PAPX pages). A table is a run of paragraphs marked "in
table": each cell ends with a cell mark (\\x07), each row with a row-end paragraph whose properties define the
row's cells (sprmTDefTable: their edges across the page and their merges). Rows of one table may have
different edges; the table's columns are all the edges its rows use, so a wide cell spans columns as it does
in a .docx grid.
"""
from __future__ import annotations

import re
import struct
from bisect import bisect_right
from dataclasses import dataclass
from pathlib import Path

import olefile

from ..document import Document
from .errors import ReadError
from .word_tables import CELL_MARK, PARAGRAPH_MARK, WordParagraph, blocks_of

FIB_IDENT = 0xA5EC
WORD97_MIN_NFIB = 0xC1  # Word 6 and 95 files (nFib 101-104) keep another FIB: LibreOffice reads them
FLAG_ENCRYPTED, FLAG_TABLE_1 = 0x0100, 0x0200  # FibBase flags: XOR or RC4 encryption; 1Table, not 0Table
FIB_BASE_BYTES = 32
LW_CCP_TEXT = 3  # FibRgLw97: characters of the main document
FC_PLCF_BTE_CHPX, FC_PLCF_BTE_PAPX, FC_CLX = 12, 13, 33  # FibRgFcLcb97 pairs
WORD_STREAMS = ("WordDocument", "0Table", "1Table", "Data")
FKP_BYTES = 512
PN_MASK = 0x3FFFFF
FC_COMPRESSED, FC_MASK = 0x40000000, 0x3FFFFFFF

# a property's operand size by its spra (the opcode's top three bits); spra 6 operands say their own size
OPERAND_BYTES = {0: 1, 1: 1, 2: 2, 3: 4, 4: 2, 5: 2, 7: 3}
# paragraph properties
SPRM_P_IN_TABLE, SPRM_P_TTP, SPRM_P_ITAP = 0x2416, 0x2417, 0x6649
SPRM_P_INNER_TTP, SPRM_P_HUGE_PAPX = 0x244C, 0x6646
SPRM_P_CHANGE_TABS = 0xC615
# table properties (on a row-end paragraph)
SPRM_T_DEF_TABLE, SPRM_T_VERT_MERGE = 0xD608, 0xD62B
# character properties: text a reader does not see (deleted with changes tracked, or hidden)
SPRM_C_DELETED, SPRM_C_VANISH = 0x0800, 0x083C
HIDING_SPRMS = (SPRM_C_DELETED, SPRM_C_VANISH)
TC80_BYTES = 20
PARAGRAPH_END = re.compile("[\r\x07\x0c]")
FIELD_BEGIN, FIELD_SEPARATOR, FIELD_END = "\x13", "\x14", "\x15"
# what the special characters of the text stream read as: a line break, a tab, a hyphen; objects,
# footnote and comment marks are not text
SPECIAL_CHARACTERS = str.maketrans({"\x0b": "\n", "\x0e": "\n", "\x1e": "-", "\x1f": None, "\x00": None,
                                    "\x01": None, "\x02": None, "\x03": None, "\x04": None, "\x05": None,
                                    "\x08": None})


class UnsupportedDoc(ReadError):
    """A .doc this reader cannot read but LibreOffice may (Word 6/95, a damaged structure)."""


@dataclass
class Piece:
    cp_start: int
    cp_end: int
    fc: int  # byte offset of the piece's first character in the WordDocument stream
    compressed: bool  # 8-bit text (one byte a character), else UTF-16


def read_word97(path: Path) -> Document:
    """Paragraphs and tables of the main text of a Word 97-2003 binary document, in order."""
    streams = read_streams(path)
    try:
        fib = read_fib(streams["WordDocument"])
        table_stream = "1Table" if fib.flags & FLAG_TABLE_1 else "0Table"
        if table_stream not in streams:
            raise UnsupportedDoc(f"damaged .doc: its {table_stream} stream is missing")
        paragraphs = read_paragraphs(streams["WordDocument"], streams[table_stream], streams.get("Data", b""), fib)
        blocks = blocks_of(paragraphs)
    except (struct.error, IndexError, ValueError) as exc:
        raise UnsupportedDoc(f"damaged .doc: its text or paragraph tables cannot be read ({exc})") from exc
    return Document(source=path, format="doc", blocks=blocks)


def read_streams(path: Path) -> dict[str, bytes]:
    """The streams of the OLE container a Word document keeps its text and properties in."""
    try:
        if not olefile.isOleFile(str(path)):
            raise ReadError("damaged .doc: not an OLE compound file")
        with olefile.OleFileIO(str(path)) as ole:
            if ole.exists("EncryptedPackage"):  # [MS-OFFCRYPTO]: a .docx saved with a password is kept so
                raise ReadError("encrypted Word document (a .docx saved with a password): it needs a password")
            if not ole.exists("WordDocument"):
                streams = ", ".join("/".join(entry) for entry in ole.listdir())
                raise UnsupportedDoc(f"an OLE file with no WordDocument stream: not a Word .doc (it holds {streams})")
            return {name: ole.openstream(name).read() for name in WORD_STREAMS if ole.exists(name)}
    except OSError as exc:
        raise ReadError(f"damaged .doc: its OLE container cannot be read ({exc})") from exc


@dataclass
class Fib:
    flags: int
    ccp_text: int
    pairs: list[tuple[int, int]]  # FibRgFcLcb: (offset in the table stream, byte count)

    def pair(self, index: int) -> tuple[int, int]:
        return self.pairs[index] if index < len(self.pairs) else (0, 0)


def read_fib(word: bytes) -> Fib:
    if len(word) < FIB_BASE_BYTES + 2:
        raise UnsupportedDoc("damaged .doc: its WordDocument stream is too short")
    ident, n_fib = struct.unpack_from("<HH", word, 0)
    if ident != FIB_IDENT:
        raise UnsupportedDoc("not a Word 97-2003 document (its WordDocument stream has no Word signature)")
    if n_fib < WORD97_MIN_NFIB:
        raise UnsupportedDoc(f"a Word 6 or Word 95 document (nFib {n_fib}), older than Word 97")
    flags = struct.unpack_from("<H", word, 0x0A)[0]
    if flags & FLAG_ENCRYPTED:
        raise ReadError("encrypted .doc: it needs a password")
    offset = FIB_BASE_BYTES
    n_shorts = struct.unpack_from("<H", word, offset)[0]
    offset += 2 + 2 * n_shorts
    n_longs = struct.unpack_from("<H", word, offset)[0]
    longs = struct.unpack_from(f"<{n_longs}i", word, offset + 2)
    offset += 2 + 4 * n_longs
    n_pairs = struct.unpack_from("<H", word, offset)[0]
    values = struct.unpack_from(f"<{2 * n_pairs}I", word, offset + 2)
    return Fib(flags, longs[LW_CCP_TEXT], list(zip(values[::2], values[1::2])))


def read_pieces(table: bytes, fib: Fib) -> list[Piece]:
    """The piece table (in the CLX): which bytes of the WordDocument stream hold each run of characters."""
    offset, size = fib.pair(FC_CLX)
    clx = table[offset:offset + size]
    i = 0
    while i < len(clx) and clx[i] == 0x01:  # property modifiers of pieces saved fast: not needed for text
        i += 3 + struct.unpack_from("<H", clx, i + 1)[0]  # read unsigned, so that a damaged size never steps back
    if i >= len(clx) or clx[i] != 0x02:
        raise UnsupportedDoc("damaged .doc: no piece table")
    size = struct.unpack_from("<I", clx, i + 1)[0]
    plc = clx[i + 5:i + 5 + size]
    n = (len(plc) - 4) // 12
    cps = struct.unpack_from(f"<{n + 1}I", plc, 0)
    pieces = []
    for k in range(n):
        fc = struct.unpack_from("<I", plc, 4 * (n + 1) + 8 * k + 2)[0]
        compressed = bool(fc & FC_COMPRESSED)
        fc &= FC_MASK
        pieces.append(Piece(cps[k], cps[k + 1], fc // 2 if compressed else fc, compressed))
    return pieces


def piece_text(word: bytes, piece: Piece, cp_end: int) -> str:
    n = min(piece.cp_end, cp_end) - piece.cp_start
    if piece.compressed:
        return word[piece.fc:piece.fc + n].decode("cp1252", errors="replace")
    return word[piece.fc:piece.fc + 2 * n].decode("utf-16-le", errors="replace")


def sprms(grpprl: bytes) -> dict[int, bytes]:
    """The properties a grpprl sets, by sprm (the last wins), operands as bytes; vertical merges (which can
    repeat, one a cell) are kept as a list under SPRM_T_VERT_MERGE."""
    found: dict[int, bytes] = {}
    i = 0
    while i + 2 <= len(grpprl):
        opcode = struct.unpack_from("<H", grpprl, i)[0]
        i += 2
        size = OPERAND_BYTES.get(opcode >> 13)
        if size is None:  # spra 6: an operand that says its own size
            if opcode == SPRM_T_DEF_TABLE:
                size = struct.unpack_from("<H", grpprl, i)[0] + 1
            elif opcode == SPRM_P_CHANGE_TABS and grpprl[i] == 255:
                deleted = grpprl[i + 1]
                added = grpprl[i + 2 + 4 * deleted]
                size = 3 + 4 * deleted + 3 * added
            else:
                size = grpprl[i] + 1
        operand = grpprl[i:i + size]
        if opcode == SPRM_T_VERT_MERGE:
            found.setdefault(opcode, []).append(operand)
        else:
            found[opcode] = operand
        i += size
    return found


def fkp_runs(word: bytes, table: bytes, fib: Fib, index: int, paragraph: bool) -> tuple[list[int], list[bytes]]:
    """(starts, grpprls) of the formatted-property pages (FKP) of paragraphs or characters: run k covers the
    bytes from starts[k] of the WordDocument stream, up to the next start, with properties grpprls[k]."""
    offset, size = fib.pair(index)
    plc = table[offset:offset + size]
    n = (len(plc) - 4) // 8
    starts, grpprls = [], []
    for k in range(n):
        page_number = struct.unpack_from("<I", plc, 4 * (n + 1) + 4 * k)[0] & PN_MASK
        page = word[page_number * FKP_BYTES:(page_number + 1) * FKP_BYTES]
        runs = page[-1]
        fcs = struct.unpack_from(f"<{runs + 1}I", page, 0)
        for r in range(runs):
            if paragraph:
                at = 2 * page[4 * (runs + 1) + 13 * r]
                if at == 0:
                    grpprl = b""
                else:
                    count = page[at]
                    # GrpPrlAndIstd: a 2-byte style index, then the properties
                    grpprl = page[at + 3:at + 2 * count] if count else page[at + 4:at + 2 + 2 * page[at + 1]]
            else:
                at = 2 * page[4 * (runs + 1) + r]
                grpprl = page[at + 1:at + 1 + page[at]] if at else b""
            starts.append(fcs[r])
            grpprls.append(grpprl)
        starts.append(fcs[runs])
        grpprls.append(b"")  # past the page's last run: no properties
    order = sorted(range(len(starts)), key=starts.__getitem__)
    return [starts[k] for k in order], [grpprls[k] for k in order]


def read_paragraphs(word: bytes, table: bytes, data: bytes, fib: Fib) -> list[WordParagraph]:
    pieces = read_pieces(table, fib)
    end = fib.ccp_text
    text_parts, fcs_of = [], []  # the main text; per piece (first cp, fc, bytes a character)
    for piece in pieces:
        if piece.cp_start >= end:
            break
        text_parts.append(piece_text(word, piece, end))
        fcs_of.append((piece.cp_start, piece.fc, 1 if piece.compressed else 2))
    text = "".join(text_parts)
    piece_starts = [cp for cp, _, _ in fcs_of]

    def fc_of(cp: int) -> int:
        first, fc, width = fcs_of[bisect_right(piece_starts, cp) - 1]
        return fc + (cp - first) * width

    text = hide_unseen(text, fc_of, *fkp_runs(word, table, fib, FC_PLCF_BTE_CHPX, paragraph=False))
    starts, grpprls = fkp_runs(word, table, fib, FC_PLCF_BTE_PAPX, paragraph=True)
    paragraphs = []
    position = 0
    for match in PARAGRAPH_END.finditer(text):
        cp = match.start()
        run = bisect_right(starts, fc_of(cp)) - 1
        properties = sprms(grpprls[run]) if run >= 0 else {}
        if SPRM_P_HUGE_PAPX in properties:  # properties too many for the page, kept in the Data stream
            at = struct.unpack_from("<I", properties[SPRM_P_HUGE_PAPX])[0]
            properties.update(sprms(data[at + 2:at + 2 + struct.unpack_from("<H", data, at)[0]]))
        paragraphs.append(word_paragraph(text[position:cp], match.group(), properties))
        position = match.end()
    if position < len(text):
        paragraphs.append(WordParagraph(text[position:], PARAGRAPH_MARK))
    return without_field_codes(paragraphs)


def hide_unseen(text: str, fc_of, starts: list[int], grpprls: list[bytes]) -> str:
    """The text with the characters a reader does not see (deleted with changes tracked, or hidden) blanked
    to \\x00, which paragraphs drop: removing them here would shift the positions that find each paragraph's
    properties. Most files have none, and a byte search of the character properties says so first."""
    hiding = {k for k, grpprl in enumerate(grpprls) if hides_text(grpprl)}
    if not hiding:
        return text
    return "".join("\x00" if ch not in "\r\x07" and bisect_right(starts, fc_of(cp)) - 1 in hiding else ch
                   for cp, ch in enumerate(text))


def hides_text(grpprl: bytes) -> bool:
    """Whether character properties turn on hidden or deleted text: value 1, or 0x81 (the opposite of the style's
    value, read as on)."""
    if not any(struct.pack("<H", sprm) in grpprl for sprm in HIDING_SPRMS):
        return False
    properties = sprms(grpprl)
    return any(properties.get(sprm, b"\x00")[0] in (1, 0x81) for sprm in HIDING_SPRMS)


def word_paragraph(text: str, mark: str, properties: dict) -> WordParagraph:
    depth = 0
    if SPRM_P_ITAP in properties:
        depth = struct.unpack_from("<i", properties[SPRM_P_ITAP])[0]
    elif properties.get(SPRM_P_IN_TABLE, b"\x00")[0] or mark == CELL_MARK:
        depth = 1  # a cell mark ends only a cell or a row, whatever flags its paragraph keeps
    # a row ends at its row-end paragraph, or at a cell mark that holds the row's definition without saying so
    row_end = depth == 1 and (properties.get(SPRM_P_TTP, b"\x00")[0] == 1 or
                              mark == CELL_MARK and SPRM_T_DEF_TABLE in properties) or \
        depth > 1 and properties.get(SPRM_P_INNER_TTP, b"\x00")[0] == 1
    paragraph = WordParagraph(text, mark, depth, row_end)
    if row_end and SPRM_T_DEF_TABLE in properties:
        paragraph.row = row_cells(properties[SPRM_T_DEF_TABLE], properties.get(SPRM_T_VERT_MERGE, []))
    return paragraph


def row_cells(definition: bytes, vertical_merges: list[bytes]) -> list[tuple[int, int, int]]:
    """(left edge, right edge, TC80 flags) of each cell a row definition (sprmTDefTable) gives."""
    n = definition[2]
    edges = struct.unpack_from(f"<{n + 1}h", definition, 3)
    tcs = definition[3 + 2 * (n + 1):]
    flags = [struct.unpack_from("<H", tcs, TC80_BYTES * i)[0] if TC80_BYTES * i + 2 <= len(tcs) else 0
             for i in range(n)]
    for operand in vertical_merges:  # sprmTVertMerge: cell, then its vertical merge as in TC80 bits 5-6
        if len(operand) >= 3 and operand[1] < n:
            flags[operand[1]] = flags[operand[1]] & ~0x60 | (operand[2] & 0x3) << 5
    return [(edges[i], edges[i + 1], flags[i]) for i in range(n)]


def without_field_codes(paragraphs: list[WordParagraph]) -> list[WordParagraph]:
    """Paragraph texts as printed: of a field (page numbers, hyperlinks, tables of contents) only its result,
    not its code; special characters read as what they show. A field may run over paragraphs."""
    stack: list[bool] = []  # per open field: whether its code is still running (before the separator)
    for paragraph in paragraphs:
        if not stack and FIELD_BEGIN not in paragraph.text:
            paragraph.text = paragraph.text.translate(SPECIAL_CHARACTERS)
            continue
        kept = []
        for ch in paragraph.text:
            if ch == FIELD_BEGIN:
                stack.append(True)
            elif ch == FIELD_SEPARATOR and stack:
                stack[-1] = False
            elif ch == FIELD_END and stack:
                stack.pop()
            elif not any(stack):
                kept.append(ch)
        paragraph.text = "".join(kept).translate(SPECIAL_CHARACTERS)
    return paragraphs


