import os
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "corpus"
# PDFs made by programs the tests cannot count on (LibreOffice), for cases the corpus does not hold
FIXTURES = ROOT / "tests" / "fixtures"
SEED_DOCX = CORPUS / "seed" / "report_2020_county_bureau.docx"
sys.path.insert(0, str(CORPUS / "tools"))  # the corpus builders double as test fixtures' document writers


def shared_dir() -> Path | None:
    for candidate in (os.environ.get("EXTRACTOR_SHARED"), ROOT.parent / "shared", ROOT.parent.parent / "shared"):
        if candidate and (Path(candidate) / "real").is_dir():
            return Path(candidate)
    return None


@pytest.fixture(scope="session")
def shared() -> Path:
    folder = shared_dir()
    if folder is None:
        pytest.skip("../shared (real reports) is not beside this checkout")
    return folder


@pytest.fixture(scope="session")
def seed_report():
    from extractor import extract_file

    return extract_file(SEED_DOCX)


def rewrite_ole_stream(path, name: str, change) -> None:
    """Change one stream of an OLE file (a .doc) in place: `change` edits its bytes, a bytearray, keeping their
    size, as olefile requires to write them back."""
    import olefile

    with olefile.OleFileIO(str(path), write_mode=True) as ole:
        data = bytearray(ole.openstream(name).read())
        change(data)
        ole.write_stream(name, bytes(data))
