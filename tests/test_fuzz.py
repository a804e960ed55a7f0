"""Mutation fuzz: damaged .docx XML and PDF bytes never crash a worker nor hang past the timeout."""
import io
import random
import zipfile

import pytest

from conftest import CORPUS, SEED_DOCX
from extractor.batch import BatchOptions, run_corpus

MUTANTS = 24
TIMEOUT = 30
SEED_PDF = CORPUS / "pdf" / "libreoffice" / "report_2020_county_bureau.pdf"


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


@pytest.fixture(scope="module")
def fuzzed(tmp_path_factory):
    folder = tmp_path_factory.mktemp("fuzz")
    rng = random.Random(20241125)
    pdf = SEED_PDF.read_bytes()
    for i in range(MUTANTS):
        (folder / f"m{i:02d}.docx").write_bytes(mutated_docx(rng))
        (folder / f"m{i:02d}.pdf").write_bytes(mutate(pdf, rng))
    return folder


def test_mutants_each_get_one_row_without_crash_or_hang(fuzzed):
    results = [r for r in run_corpus(fuzzed, BatchOptions(workers=2, timeout=TIMEOUT)) if not isinstance(r, list)]
    assert len(results) == 2 * MUTANTS
    assert len({r.document["source"] for r in results}) == 2 * MUTANTS
    for r in results:
        assert r.document["status"] in ("ok", "partial", "failed")
        error = r.document["error"] or ""
        assert "timed out" not in error and "worker process died" not in error and "unexpected error" not in error, \
            (r.document["source"], error)
        if r.document["status"] == "failed":
            assert error
