"""The extract command, run as a user would, checked through the files it writes."""
import shutil

import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq
from typer.testing import CliRunner

from conftest import SEED_DOCX
from extractor.cli import app

runner = CliRunner()


def test_parquet_trio(tmp_path):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    shutil.copy(SEED_DOCX, corpus / "seed.docx")
    (corpus / "broken.docx").write_bytes(b"PK\x03\x04 broken")
    out = tmp_path / "nested" / "data.parquet"
    result = runner.invoke(app, [str(corpus), "--out", str(out)])
    assert result.exit_code == 0, result.output
    assert "1 ok, 0 partial, 1 failed" in result.output
    assert "observations: 221" in result.output
    observations = pd.read_parquet(out)
    documents = pd.read_parquet(tmp_path / "nested" / "data.documents.parquet")
    findings = pd.read_parquet(tmp_path / "nested" / "data.findings.parquet")
    website = observations[observations["field"] == "proactive.channel.website"]
    assert website["value"].tolist() == [195.0]
    assert website["source"].tolist() == ["seed.docx"]
    assert sorted(documents["status"]) == ["failed", "ok"]
    assert "parse_error" in set(findings["kind"])
    schema = pq.read_schema(out)
    assert schema.field("year").type == pa.int64() and schema.field("page").type == pa.int64()
    assert schema.field("value").type == pa.float64()


def test_csv_trio_with_bom(tmp_path):
    out = tmp_path / "data.csv"
    result = runner.invoke(app, [str(SEED_DOCX), "--out", str(out)])
    assert result.exit_code == 0, result.output
    raw = out.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    observations = pd.read_csv(out, encoding="utf-8-sig")
    penalty = observations[(observations["field"] == "proactive.admin_penalty") & (observations["dim"] == "change")]
    assert penalty["value"].tolist() == [25.0] and penalty["raw_value"].tolist() == ["+25"]
    assert (tmp_path / "data.documents.csv").exists() and (tmp_path / "data.findings.csv").exists()


def test_library_writer_writes_what_the_command_writes(tmp_path):
    from extractor import extract_corpus, write_tables

    result = runner.invoke(app, [str(SEED_DOCX), "--out", str(tmp_path / "cli.csv")])
    assert result.exit_code == 0, result.output
    write_tables(tmp_path / "api.csv", *extract_corpus(SEED_DOCX))
    assert (tmp_path / "api.csv").read_bytes() == (tmp_path / "cli.csv").read_bytes()
    assert (tmp_path / "api.findings.csv").read_bytes() == (tmp_path / "cli.findings.csv").read_bytes()


def test_bad_out_suffix_is_refused(tmp_path):
    result = runner.invoke(app, [str(SEED_DOCX), "--out", str(tmp_path / "data.xlsx")])
    assert result.exit_code == 2
    assert ".parquet or .csv" in result.output


def test_custom_mappings_folder(tmp_path):
    folder = tmp_path / "mappings"
    shutil.copytree(SEED_DOCX.parent.parent.parent / "mappings", folder)
    text = (folder / "fields.yaml").read_text(encoding="utf-8").replace("label: 接受培训人员数", "label: 参训人次合计")
    (folder / "fields.yaml").write_text(text, encoding="utf-8")
    out = tmp_path / "data.parquet"
    result = runner.invoke(app, [str(SEED_DOCX), "--out", str(out), "--mappings", str(folder)])
    assert result.exit_code == 0, result.output
    observations = pd.read_parquet(out)
    assert "capacity.trainees" not in set(observations["field"])
