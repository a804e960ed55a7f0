"""A corrupt, empty or mislabelled file is a failed row with a clear error; the batch goes on."""
import shutil
import zipfile

import pandas as pd
import pytest

from conftest import SEED_DOCX
from extractor import extract_corpus, extract_file, write_tables


@pytest.fixture
def batch(tmp_path):
    shutil.copy(SEED_DOCX, tmp_path / "good.docx")
    (tmp_path / "empty.docx").write_bytes(b"")
    data = SEED_DOCX.read_bytes()
    (tmp_path / "truncated.docx").write_bytes(data[: len(data) // 2])
    (tmp_path / "notes.docx").write_text("这不是一个Word文件", encoding="utf-8")
    with zipfile.ZipFile(tmp_path / "no_document.docx", "w") as z:
        z.writestr("hello.txt", "hi")
    (tmp_path / "truth.csv").write_text("not a report", encoding="utf-8")
    return tmp_path


def test_bad_files_fail_clearly_and_the_good_one_is_kept(batch, tmp_path):
    observations, documents, findings = extract_corpus(batch)
    by_source = documents.set_index("source")
    assert set(by_source.index) == {"good.docx", "empty.docx", "truncated.docx", "notes.docx", "no_document.docx"}
    assert by_source.loc["good.docx", "status"] == "ok"
    assert by_source.loc["empty.docx", "status"] == "failed"
    assert "empty file" in by_source.loc["empty.docx", "error"]
    assert "corrupt or truncated zip" in by_source.loc["truncated.docx", "error"]
    assert "unrecognised file format" in by_source.loc["notes.docx", "error"]
    assert "no word/document.xml" in by_source.loc["no_document.docx", "error"]
    assert (observations["source"] == "good.docx").all()
    assert len(observations) == 221
    parse_errors = findings[findings["kind"] == "parse_error"]
    assert set(parse_errors["source"]) == {"empty.docx", "truncated.docx", "notes.docx", "no_document.docx"}
    assert (parse_errors["severity"] == "error").all()

    out = tmp_path / "out" / "data.parquet"
    write_tables(out, observations, documents, findings)
    assert len(pd.read_parquet(out)) == 221
    assert len(pd.read_parquet(out.with_name("data.documents.parquet"))) == 5


def test_extract_file_never_raises_for_a_bad_file(tmp_path):
    path = tmp_path / "x.pdf"
    path.write_bytes(b"\x00\x01garbage")
    report = extract_file(path)
    assert report.status == "failed" and report.observations.empty
    assert list(report.observations.columns)[:3] == ["doc_id", "source", "agency"]


def test_a_docx_named_pdf_is_read_by_its_content(tmp_path):
    path = tmp_path / "mislabelled.pdf"
    shutil.copy(SEED_DOCX, path)
    report = extract_file(path)
    assert report.document["format"] == "docx"
    assert report.value("proactive.channel.website", "value") == 195


def test_failed_write_keeps_the_previous_output(tmp_path, monkeypatch):
    out = tmp_path / "data.parquet"
    observations, documents, findings = extract_corpus(SEED_DOCX)
    write_tables(out, observations, documents, findings)
    before = out.read_bytes()

    def explode(*args, **kwargs):
        raise RuntimeError("disk full")

    monkeypatch.setattr("pyarrow.parquet.ParquetWriter.write_table", explode)
    with pytest.raises(RuntimeError):
        write_tables(out, observations, documents, findings)
    assert out.read_bytes() == before
    assert not list(tmp_path.glob(".*.tmp"))
