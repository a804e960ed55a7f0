"""Word 97-2003 .doc files read directly (extractor/readers/word97.py), LibreOffice only for what that cannot read."""
import shutil
import struct
import subprocess

import pandas as pd
import pytest

from conftest import CORPUS, SEED_DOCX, rewrite_ole_stream
from extractor import extract_file
from extractor.readers import doc as doc_reader, word97, word_tables
from extractor.readers.word97 import UnsupportedDoc, read_word97

SEED_DOC = CORPUS / "doc" / "report_2020_county_bureau.doc"
CELL = ["field", "dim", "value", "raw_label", "raw_value", "table", "row", "col"]
# A .docx may declare a grid column that no cell's edge bounds (海曙区's 依申请 matrix: ten declared, nine used);
# a .doc knows only its cells' edges, so there its cells stand a column further left.
CELL_BUT_COLUMN = CELL[:-1]


def soffice_or_skip() -> str:
    program = shutil.which("soffice") or shutil.which("libreoffice")
    if program is None:
        pytest.skip("LibreOffice is needed for this test")
    return program


@pytest.fixture
def no_libreoffice(monkeypatch):
    """Runs the test as on a machine without LibreOffice, whether or not this one has it."""
    monkeypatch.setattr(doc_reader, "soffice", lambda: None)


def doc_twins():
    """Each shipped .doc with the .docx it was saved from."""
    return [(doc, next(CORPUS.rglob(doc.stem + ".docx"))) for doc in sorted((CORPUS / "doc").glob("*.doc"))]


@pytest.mark.parametrize("doc, docx", doc_twins(), ids=lambda path: path.name)
def test_a_doc_gives_the_cells_of_the_docx_it_was_saved_from(doc, docx, no_libreoffice):
    from_doc, from_docx = extract_file(doc), extract_file(docx)
    assert (from_doc.status, from_doc.document["format"]) == ("ok", "doc")
    assert len(from_doc.observations) > 0
    pd.testing.assert_frame_equal(from_doc.observations[CELL_BUT_COLUMN], from_docx.observations[CELL_BUT_COLUMN])
    for key in ("agency", "year", "template", "n_tables", "sections"):
        assert from_doc.document[key] == from_docx.document[key], key


def test_the_seed_doc_reads_its_numbers(seed_report, no_libreoffice):
    report = extract_file(SEED_DOC)
    pd.testing.assert_frame_equal(report.observations[CELL], seed_report.observations[CELL])
    assert report.value("proactive.channel.website", "value") == 195
    assert report.value("proactive.total", "value") == 513
    assert report.document["year"] == 2020


def test_cells_whose_paragraphs_do_not_say_they_are_in_a_table_are_still_read(tmp_path, seed_report):
    """Some writers flag only a table's row ends: cells are then known by their cell marks, and rows by the row
    definitions their ends hold. A cell of two paragraphs that are not flagged cannot be told from the text
    before it: those cells are missed, never misread."""
    flagless = tmp_path / "flagless.doc"
    shutil.copyfile(SEED_DOC, flagless)

    def without_table_flags(data: bytearray) -> None:
        """In table, nesting depth and row end (sprmPFInTable, sprmPItap, sprmPFTtp) made properties of the same
        size that mean nothing here (sprmPFKeep, sprmPDyaLine)."""
        data[:] = bytes(data).replace(b"\x16\x24\x01", b"\x05\x24\x01").replace(b"\x49\x66", b"\x12\x64") \
            .replace(b"\x17\x24\x01", b"\x05\x24\x01")

    for stream in ("WordDocument", "Data"):  # the flags in paragraph properties, and in those too large for them
        rewrite_ole_stream(flagless, stream, without_table_flags)
    report = extract_file(flagless)
    read = report.observations.set_index(["field", "dim"])["value"]
    truth = seed_report.observations.set_index(["field", "dim"])["value"]
    assert len(read) >= 219 and set(read.index) <= set(truth.index)
    assert all(read[key] == truth[key] or (pd.isna(read[key]) and pd.isna(truth[key])) for key in read.index)
    assert report.value("proactive.channel.website", "value") == 195


def test_an_empty_cell_restarting_a_merge_under_a_merged_cell_continues_it():
    """Word may copy a row's properties whole to the next row: the cells that continue a vertical merge then
    say it starts again (TC80 vertMerge 3). Edges in twips; flags as TC80's (vertMerge in bits 5-6)."""
    restart, two_cells = 3 << 5, [(0, 2000), (2000, 4000)]
    rows = [(["依申请公开", "1"], [(*two_cells[0], restart), (*two_cells[1], 0)]),
            (["", "2"], [(*two_cells[0], restart), (*two_cells[1], 0)]),
            (["主动公开", "3"], [(*two_cells[0], restart), (*two_cells[1], 0)])]
    table, = word_tables.table_blocks(rows)
    assert [[cell.text for cell in line] for line in table.grid] == [["依申请公开", "1"], ["依申请公开", "2"],
                                                                     ["主动公开", "3"]]
    assert table.grid[0][0] is table.grid[1][0] and table.grid[2][0] is not table.grid[1][0]


def test_a_last_row_that_no_row_end_closes_keeps_just_its_cells():
    """A damaged file's table may stop before its last row's end: the cells read so far are that row."""
    cell, row_end = word_tables.CELL_MARK, word_tables.WordParagraph("", word_tables.CELL_MARK, 1, True,
                                                                     [(0, 2000, 0), (2000, 4000, 0)])
    paragraphs = [word_tables.WordParagraph("规章", cell, 1), word_tables.WordParagraph("3", cell, 1), row_end,
                  word_tables.WordParagraph("规范性文件", cell, 1), word_tables.WordParagraph("8", cell, 1)]
    table, = word_tables.blocks_of(paragraphs)
    assert [[c.text for c in line] for line in table.grid] == [["规章", "3"], ["规范性文件", "8"]]


def test_an_encrypted_doc_fails_saying_it_needs_a_password(tmp_path):
    locked = tmp_path / "locked.doc"
    shutil.copyfile(SEED_DOC, locked)
    rewrite_ole_stream(locked, "WordDocument", lambda fib: struct.pack_into("<H", fib, 0x0A,
                                                                        struct.unpack_from("<H", fib, 0x0A)[0] | 0x0100))
    report = extract_file(locked)
    assert report.status == "failed"
    assert report.document["error"] == "encrypted .doc: it needs a password"


def test_a_docx_saved_with_a_password_fails_saying_so(tmp_path):
    """Such a .docx is an OLE file (it sniffs as a .doc) holding the encrypted package."""
    from msoffcrypto.format.ooxml import OOXMLFile

    locked = tmp_path / "locked.docx"
    with open(SEED_DOCX, "rb") as plain, open(locked, "wb") as encrypted:
        OOXMLFile(plain).encrypt("secret", encrypted)
    report = extract_file(locked)
    assert report.status == "failed"
    assert report.document["error"] == "encrypted Word document (a .docx saved with a password): it needs a password"


def test_a_word95_doc_without_libreoffice_fails_saying_what_to_install(tmp_path, no_libreoffice):
    old = tmp_path / "old.doc"
    shutil.copyfile(SEED_DOC, old)
    rewrite_ole_stream(old, "WordDocument", lambda fib: struct.pack_into("<H", fib, 2, 104))
    with pytest.raises(UnsupportedDoc, match="Word 6 or Word 95"):
        read_word97(old)
    report = extract_file(old)
    assert report.status == "failed"
    assert "Word 6 or Word 95" in report.document["error"] and "install LibreOffice" in report.document["error"]


def test_a_damaged_doc_fails_clearly_and_the_batch_goes_on(tmp_path, no_libreoffice):
    from extractor import extract_corpus

    damaged = tmp_path / "damaged.doc"
    shutil.copyfile(SEED_DOC, damaged)
    # the piece table's size in the FIB (FibRgFcLcb97 pair 33, after 154 bytes of FIB) set to nothing
    rewrite_ole_stream(damaged, "WordDocument", lambda fib: struct.pack_into("<I", fib, 154 + 33 * 8 + 4, 0))
    (tmp_path / "not_ole.doc").write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(100))
    shutil.copyfile(SEED_DOC, tmp_path / "good.doc")
    _, documents, _ = extract_corpus(tmp_path)
    by_source = documents.set_index("source")
    assert by_source.loc["good.doc", "status"] == "ok"
    assert by_source.loc["damaged.doc", "status"] == "failed"
    assert by_source.loc["damaged.doc", "error"].startswith("damaged .doc: no piece table; install LibreOffice")
    assert by_source.loc["not_ole.doc", "status"] == "failed"
    assert by_source.loc["not_ole.doc", "error"].startswith("damaged .doc")


def test_a_doc_this_reader_cannot_read_goes_to_libreoffice(monkeypatch):
    soffice_or_skip()

    def unsupported(path):
        raise UnsupportedDoc("a Word 6 or Word 95 document")

    monkeypatch.setattr(doc_reader, "read_word97", unsupported)
    report = extract_file(SEED_DOC)
    assert (report.status, report.document["format"]) == ("ok", "doc")
    assert report.value("proactive.channel.website", "value") == 195


def test_hidden_and_deleted_text_is_not_read(tmp_path):
    """A cell printing 12, with 99 formatted hidden and 77 deleted with changes tracked (both kept in the
    file's text stream, as Word and LibreOffice save them)."""
    import docx
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    program = soffice_or_skip()
    document = docx.Document()
    table = document.add_table(rows=2, cols=2)
    table.cell(0, 0).text, table.cell(0, 1).text, table.cell(1, 0).text = "信息内容", "本年新制作数量", "规章"
    paragraph = table.cell(1, 1).paragraphs[0]
    paragraph.add_run("12")
    paragraph.add_run("99")._r.get_or_add_rPr().append(OxmlElement("w:vanish"))
    deletion = OxmlElement("w:del")
    for name, value in (("w:id", "1"), ("w:author", "x"), ("w:date", "2022-01-01T00:00:00Z")):
        deletion.set(qn(name), value)
    run, deleted = OxmlElement("w:r"), OxmlElement("w:delText")
    deleted.text = "77"
    run.append(deleted)
    deletion.append(run)
    paragraph._p.append(deletion)
    document.save(tmp_path / "changes.docx")
    subprocess.run([program, "--headless", "--convert-to", "doc", "--outdir", str(tmp_path),
                    str(tmp_path / "changes.docx")], capture_output=True, timeout=120, check=True)
    saved = tmp_path / "changes.doc"
    streams = word97.read_streams(saved)
    fib = word97.read_fib(streams["WordDocument"])
    pieces = word97.read_pieces(streams["1Table" if fib.flags & word97.FLAG_TABLE_1 else "0Table"], fib)
    assert "129977" in "".join(word97.piece_text(streams["WordDocument"], p, fib.ccp_text) for p in pieces)
    table = read_word97(saved).tables[0]
    assert [[cell.text for cell in row] for row in table.grid] == [["信息内容", "本年新制作数量"], ["规章", "12"]]
