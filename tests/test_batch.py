"""The batch engine: parallel, crash-proof, incremental, streaming, partitioned, and on Dask."""
import os
import shutil
import subprocess
import zipfile

import pandas as pd
import pyarrow.dataset as ds
import pytest
from typer.testing import CliRunner

from conftest import CORPUS, SEED_DOCX
from extractor import extract_corpus
from extractor.batch import BatchOptions, run_corpus
from extractor.cli import app
from extractor.readers import docx as docx_reader

runner = CliRunner()
SEED_PDF = CORPUS / "pdf" / "libreoffice" / "report_2020_county_bureau.pdf"
SOME = ["generated/report_00_2019.docx", "generated/report_03_2017.docx", "html/report_00_2022.html",
        "pdf/reportlab/report_00_2020.pdf"]


@pytest.fixture
def small_corpus(tmp_path):
    folder = tmp_path / "corpus"
    for name in SOME:
        target = folder / name
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy(CORPUS / name, target)
    return folder


def sorted_frame(df):
    return df.sort_values(list(df.columns[:8])).reset_index(drop=True)


def test_workers_give_the_same_tables_as_one_process(small_corpus):
    serial = extract_corpus(small_corpus)
    parallel = extract_corpus(small_corpus, workers=2)
    for a, b in zip(serial, parallel):
        pd.testing.assert_frame_equal(sorted_frame(a.drop(columns=["seconds"], errors="ignore")),
                                      sorted_frame(b.drop(columns=["seconds"], errors="ignore")))
    assert len(serial[0]) > 500


def test_doc_files_go_to_workers_in_chunks_and_read_as_in_one_process(tmp_path):
    shutil.copytree(CORPUS / "doc", tmp_path / "doc")
    serial, parallel = extract_corpus(tmp_path, workers=0), extract_corpus(tmp_path, workers=2)
    for a, b in zip(serial, parallel):
        pd.testing.assert_frame_equal(sorted_frame(a.drop(columns=["seconds"], errors="ignore")),
                                      sorted_frame(b.drop(columns=["seconds"], errors="ignore")))
    assert list(parallel[1]["status"]) == ["ok"] * 6 and len(parallel[0]) > 1000


def test_a_hanging_file_and_a_crashing_worker_become_failed_rows(small_corpus):
    shutil.copy(SEED_DOCX, small_corpus / "hang.docx")
    shutil.copy(SEED_DOCX, small_corpus / "crash.docx")
    from batch_tasks import misbehaving

    options = BatchOptions(workers=2, timeout=5, task=misbehaving)
    results = [r for r in run_corpus(small_corpus, options) if not isinstance(r, list)]
    by_source = {r.document["source"]: r.document for r in results}
    assert len(results) == len(SOME) + 2
    assert by_source["hang.docx"]["status"] == "failed"
    assert "timed out after 5 s" in by_source["hang.docx"]["error"]
    assert by_source["crash.docx"]["status"] == "failed"
    assert "worker process died" in by_source["crash.docx"]["error"]
    ok = [r for r in results if r.document["status"] == "ok"]
    assert len(ok) == len(SOME) and all(r.observations for r in ok)


def test_cache_reuses_results_and_gives_identical_output(small_corpus, tmp_path):
    cache, first, second = tmp_path / "cache", tmp_path / "a" / "d.parquet", tmp_path / "b" / "d.parquet"
    result = runner.invoke(app, [str(small_corpus), "--out", str(first), "--cache", str(cache), "--workers", "0"])
    assert result.exit_code == 0 and "0 from the cache" in result.output
    shutil.copy(SEED_DOCX, small_corpus / "new_year.docx")
    result = runner.invoke(app, [str(small_corpus), "--out", str(second), "--cache", str(cache), "--workers", "2"])
    assert result.exit_code == 0, result.output
    assert f"{len(SOME)} from the cache" in result.output  # only the new file was read
    full = tmp_path / "c" / "d.parquet"
    runner.invoke(app, [str(small_corpus), "--out", str(full), "--workers", "0"])
    cached, fresh = pd.read_parquet(second), pd.read_parquet(full)
    pd.testing.assert_frame_equal(sorted_frame(cached), sorted_frame(fresh))


def test_partitioned_dataset(small_corpus, tmp_path):
    out = tmp_path / "dataset"
    result = runner.invoke(app, [str(small_corpus), "--out", str(out), "--partition", "year", "--workers", "0"])
    assert result.exit_code == 0, result.output
    years = sorted(p.name for p in (out / "observations").iterdir())
    assert years == ["year=2017", "year=2019", "year=2020", "year=2022"]
    dataset = ds.dataset(out / "observations", format="parquet", partitioning="hive")
    table = dataset.to_table(filter=ds.field("year") == 2019).to_pandas()
    assert set(table["source"]) == {"generated/report_00_2019.docx"}
    assert len(pd.read_parquet(out / "documents.parquet")) == len(SOME)
    # a second run replaces the dataset whole
    result = runner.invoke(app, [str(small_corpus / "generated"), "--out", str(out), "--partition", "year", "-w", "0"])
    assert sorted(p.name for p in (out / "observations").iterdir()) == ["year=2017", "year=2019"]
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".")]


def test_interrupted_run_leaves_previous_outputs(small_corpus, tmp_path, monkeypatch):
    out = tmp_path / "d.parquet"
    assert runner.invoke(app, [str(small_corpus), "--out", str(out), "-w", "0"]).exit_code == 0
    before = out.read_bytes()

    def interrupted(folder, options, planned=None):
        yield from list(run_corpus(folder, options, planned))[:2]
        raise KeyboardInterrupt

    monkeypatch.setattr("extractor.cli.run_corpus", interrupted)
    result = runner.invoke(app, [str(small_corpus), "--out", str(out), "-w", "0"])
    assert result.exit_code == 130
    assert "interrupted after 2 of 4 files: nothing was written" in result.output
    assert out.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["corpus", "d.documents.parquet", "d.findings.parquet",
                                                          "d.parquet"]


def test_dask_engine_on_a_local_cluster(small_corpus):
    distributed = pytest.importorskip("distributed")
    with distributed.LocalCluster(n_workers=1, threads_per_worker=2, processes=False, dashboard_address=None) as cluster, \
            distributed.Client(cluster) as client:
        options = BatchOptions(engine="dask", client=client, timeout=120)
        results = [r for r in run_corpus(small_corpus, options) if not isinstance(r, list)]
    serial = [r for r in run_corpus(small_corpus, BatchOptions()) if not isinstance(r, list)]
    assert [r.document["source"] for r in results] == [r.document["source"] for r in serial]
    assert [r.observations for r in results] == [r.observations for r in serial]


def test_bad_inputs_never_stop_a_batch(tmp_path, monkeypatch):
    folder = tmp_path / "bad"
    folder.mkdir()
    shutil.copy(SEED_DOCX, folder / "good.docx")
    (folder / "empty.docx").write_bytes(b"")
    (folder / "truncated.docx").write_bytes(SEED_DOCX.read_bytes()[:3000])
    shutil.copy(SEED_PDF, folder / "pdf_named.docx")
    with zipfile.ZipFile(folder / "bomb.docx", "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("word/document.xml", b"<w:document>" + b" " * 3_000_000 + b"</w:document>")
    monkeypatch.setattr(docx_reader, "MAX_DOCUMENT_XML_BYTES", 1_000_000)
    with zipfile.ZipFile(folder / "not_a_report.docx", "w") as z:
        with zipfile.ZipFile(SEED_DOCX) as seed:
            for item in seed.infolist():
                data = seed.read(item.filename)
                if item.filename == "word/document.xml":
                    data = data[: data.index(b"<w:tbl>")] + b"</w:body></w:document>"
                z.writestr(item, data)
    os.symlink("loop.docx", folder / "loop.docx")
    gbk_name = os.fsdecode("年度报告".encode("gbk") + b".docx")
    shutil.copy(SEED_DOCX, os.path.join(os.fsencode(folder), os.fsencode(gbk_name)))
    observations, documents, findings = extract_corpus(folder)
    by_source = documents.set_index("source")
    assert len(documents) == 8 and documents["source"].is_unique
    assert by_source.loc["good.docx", "status"] == "ok"
    assert "empty file" in by_source.loc["empty.docx", "error"]
    assert "corrupt or truncated zip" in by_source.loc["truncated.docx", "error"]
    assert by_source.loc["pdf_named.docx", "format"] == "pdf"
    assert "over the 1000000 byte limit" in by_source.loc["bomb.docx", "error"]
    assert by_source.loc["not_a_report.docx", "status"] == "ok"
    assert by_source.loc["not_a_report.docx", "n_observations"] == 0
    assert "no_tables" in set(findings[findings["source"] == "not_a_report.docx"]["kind"])
    assert by_source.loc["loop.docx", "status"] == "failed"
    gbk_source = [s for s in documents["source"] if s.endswith(".docx") and "\\x" in s]
    assert len(gbk_source) == 1 and by_source.loc[gbk_source[0], "status"] == "ok"
    # good.docx, pdf_named.docx and the GBK-named copy are one report: counted once
    assert observations["source"].nunique() == 1


def test_legacy_doc(tmp_path):
    doc = CORPUS / "doc" / "report_2020_county_bureau.doc"
    report = __import__("extractor").extract_file(doc)
    assert report.document["format"] == "doc"
    assert report.status == "ok" and report.value("proactive.channel.website", "value") == 195


def test_rtf_and_a_saved_web_page_named_doc(tmp_path, seed_report):
    """Sites serve RTF files and web pages saved whole (MHT) under a .doc name: each is read as what it is."""
    from email.mime.multipart import MIMEMultipart
    from email.mime.text import MIMEText

    from extractor import extract_file

    page = MIMEMultipart("related")
    page.attach(MIMEText((CORPUS / "html" / "report_2020_county_bureau.html").read_text(encoding="utf-8"), "html",
                         "utf-8"))
    (tmp_path / "saved_page.doc").write_bytes(page.as_bytes())
    report = extract_file(tmp_path / "saved_page.doc")
    assert (report.status, report.document["format"]) == ("ok", "mht")
    assert report.value("proactive.channel.website", "value") == 195
    assert len(report.observations) == len(seed_report.observations)

    program = shutil.which("soffice") or shutil.which("libreoffice")
    if program is None:
        pytest.skip("LibreOffice is needed to make (and to read) the RTF")
    subprocess.run([program, "--headless", "--convert-to", "rtf", "--outdir", str(tmp_path), str(SEED_DOCX)],
                   capture_output=True, timeout=120, check=True)
    rtf = tmp_path / "report_2020_county_bureau.doc"
    (tmp_path / "report_2020_county_bureau.rtf").rename(rtf)
    report = extract_file(rtf)
    assert (report.status, report.document["format"]) == ("ok", "rtf")
    assert report.value("proactive.channel.website", "value") == 195
