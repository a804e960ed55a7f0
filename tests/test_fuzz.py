"""Mutation fuzz: damaged .docx XML, Word 97 streams, RTF and PDF bytes never crash a worker nor hang past the timeout."""
import io
import random
import shutil
import zipfile


import pytest

from conftest import CORPUS, SEED_DOCX, rewrite_ole_stream
from extractor.batch import BatchOptions, run_corpus

MUTANTS = 24
TIMEOUT = 30
SEED_PDF = CORPUS / "pdf" / "libreoffice" / "report_2020_county_bureau.pdf"
SEED_DOC = CORPUS / "doc" / "report_2020_county_bureau.doc"
SEED_RTF = CORPUS / "rtf" / "report_2020_county_bureau.rtf"
FORMATS = 4


def mutate(data: bytes, rng: random.Random) -> bytes:
    data = bytearray(data)
    for _ in range(rng.randint(1, 8)):
        start = rng.randrange(len(data))
        end = min(len(data), start + rng.randint(1, 400))
        action = rng.choice(["flip", "delete", "duplicate", "zero"])
        if action == "flip":
            data[start] ^= 1 << rng.randrange(8)
        elif action == "delete":
            del data[start:end]
        elif action == "duplicate":
            data[start:start] = data[start:end]
        else:
            data[start:end] = bytes(end - start)
    return bytes(data)


def mutated_docx(rng: random.Random) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(SEED_DOCX) as source, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for item in source.infolist():
            data = source.read(item.filename)
            if item.filename == "word/document.xml":
                data = mutate(data, rng)
            target.writestr(item.filename, data)
    return out.getvalue()


def mutated_doc(target, rng: random.Random) -> None:
    """A copy of the seed .doc whose Word streams are damaged in place (bits flipped, runs zeroed: an OLE
    stream keeps its size when written back), so that the damage reaches the Word structures themselves."""
    def damage(data: bytearray) -> None:
        for _ in range(rng.randint(1, 6)):
            start = rng.randrange(len(data))
            if rng.random() < 0.5:
                data[start] ^= 1 << rng.randrange(8)
            else:
                end = min(len(data), start + rng.randint(1, 400))
                data[start:end] = bytes(end - start)

    shutil.copyfile(SEED_DOC, target)
    for stream in ("WordDocument", "1Table"):
        rewrite_ole_stream(target, stream, damage)


@pytest.fixture(scope="module")
def fuzzed(tmp_path_factory):
    folder = tmp_path_factory.mktemp("fuzz")
    rng, doc_rng, rtf_rng = random.Random(20241125), random.Random(20261206), random.Random(20261207)
    pdf, rtf = SEED_PDF.read_bytes(), SEED_RTF.read_bytes()
    for i in range(MUTANTS):
        (folder / f"m{i:02d}.docx").write_bytes(mutated_docx(rng))
        (folder / f"m{i:02d}.pdf").write_bytes(mutate(pdf, rng))
        mutated_doc(folder / f"m{i:02d}.doc", doc_rng)
        (folder / f"m{i:02d}.rtf").write_bytes(mutate(rtf, rtf_rng))
    return folder


def test_mutants_each_get_one_row_without_crash_or_hang(fuzzed):
    results = [r for r in run_corpus(fuzzed, BatchOptions(workers=2, timeout=TIMEOUT)) if not isinstance(r, list)]
    assert len(results) == FORMATS * MUTANTS
    assert len({r.document["source"] for r in results}) == FORMATS * MUTANTS
    for r in results:
        assert r.document["status"] in ("ok", "partial", "failed")
        error = r.document["error"] or ""
        assert "timed out" not in error and "worker process died" not in error and "unexpected error" not in error, \
            (r.document["source"], error)
        if r.document["status"] == "failed":
            assert error
