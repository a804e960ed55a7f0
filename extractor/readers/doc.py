"""Legacy Word .doc (OLE2): read directly (word97.py); what that reader cannot read (Word 6/95, damaged Word
structures, an OLE file of another program) is converted to .docx by LibreOffice when it is installed, then read
as .docx."""
from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
from pathlib import Path

from ..document import Document
from .docx import read_docx
from .errors import ReadError
from .word97 import UnsupportedDoc, read_word97

CONVERT_SECONDS = 120


def soffice() -> str | None:
    return shutil.which("soffice") or shutil.which("libreoffice")


def read_doc(path: Path) -> Document:
    """A .doc read directly; one that reader cannot read converted by LibreOffice, when it is installed."""
    try:
        return read_word97(path)
    except UnsupportedDoc as unsupported:
        program = soffice()
        if not program:
            raise ReadError(f"{unsupported}; install LibreOffice (soffice) to read it, or save it as .docx") from None
    return converted_by_libreoffice(path, program)


def converted_by_libreoffice(path: Path, program: str) -> Document:
    with tempfile.TemporaryDirectory(prefix="extract-doc-") as work:
        # a profile of its own per conversion, so that parallel workers do not lock each other out
        profile = Path(work, "profile").as_uri()
        source = Path(work, "report.doc")
        shutil.copyfile(path, source)
        try:
            subprocess.run([program, f"-env:UserInstallation={profile}", "--headless", "--convert-to", "docx",
                            "--outdir", work, str(source)], capture_output=True, timeout=CONVERT_SECONDS, check=False,
                           env={**os.environ, "HOME": work})
        except subprocess.TimeoutExpired:
            raise ReadError(f"LibreOffice did not convert the .doc within {CONVERT_SECONDS} s") from None
        converted = Path(work, "report.docx")
        if not converted.exists():
            raise ReadError("LibreOffice could not convert this .doc (damaged or not a Word document)")
        document = read_docx(converted)
    document.source, document.format = path, "doc"
    return document
