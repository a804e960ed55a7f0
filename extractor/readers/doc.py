"""Legacy Word .doc (OLE2) and RTF. A Word 97-2003 .doc is read directly (word97.py); RTF, and a .doc that
reader cannot read (Word 6/95, a damaged structure, an OLE file of another program), are converted to .docx by
LibreOffice when it is installed, then read as .docx."""
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


def read_doc(path: Path, kind: str = "doc") -> Document:
    """`kind`: 'doc' or 'rtf', what the file's bytes are (whatever its name says)."""
    unsupported = None
    if kind == "doc":
        try:
            return read_word97(path)
        except UnsupportedDoc as exc:
            unsupported = exc
    program = soffice()
    if not program:
        if unsupported:
            raise ReadError(f"{unsupported}; install LibreOffice (soffice) to read it, or save it as .docx")
        raise ReadError("RTF: install LibreOffice (soffice) to read .rtf files, or save it as .docx")
    with tempfile.TemporaryDirectory(prefix="extract-doc-") as work:
        # a profile of its own per conversion, so that parallel workers do not lock each other out
        profile = Path(work, "profile").as_uri()
        source = Path(work, f"report.{kind}")
        shutil.copyfile(path, source)
        try:
            subprocess.run([program, f"-env:UserInstallation={profile}", "--headless", "--convert-to", "docx",
                            "--outdir", work, str(source)], capture_output=True, timeout=CONVERT_SECONDS, check=False,
                           env={**os.environ, "HOME": work})
        except subprocess.TimeoutExpired:
            raise ReadError(f"LibreOffice did not convert the .{kind} within {CONVERT_SECONDS} s") from None
        converted = Path(work, "report.docx")
        if not converted.exists():
            raise ReadError(f"LibreOffice could not convert this .{kind} (damaged or not a Word document)")
        document = read_docx(converted)
    document.source, document.format = path, kind
    return document
