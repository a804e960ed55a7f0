"""Readers: one module per input format, each returning the same Document."""
from __future__ import annotations

import re
from pathlib import Path

from ..document import Document
from .errors import ReadError

__all__ = ["ReadError", "read_document", "sniff_format"]

SNIFF_BYTES = 8
UTF16_BOMS = (b"\xff\xfe", b"\xfe\xff")
MHT_TYPE = re.compile(rb"^Content-Type:\s*multipart/related", re.I | re.M)


def sniff_format(path: Path) -> str:
    """The real format of a file from its first bytes, whatever its extension says."""
    with open(path, "rb") as handle:
        head = handle.read(4096)
    if not head:
        raise ReadError("empty file (0 bytes)")
    if head.startswith(UTF16_BOMS):  # a page saved as "Unicode" by Notepad or Windows tools
        head = head[: len(head) // 2 * 2].decode("utf-16", errors="replace").encode("utf-8")
    if head.startswith(b"%PDF") or b"%PDF-" in head[:1024]:
        return "pdf"
    if head.startswith(b"PK\x03\x04") or head.startswith(b"PK\x05\x06"):
        return "docx"
    if head.startswith(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"):
        return "doc"
    if head.lstrip(b"\xef\xbb\xbf \t\r\n").startswith(b"{\\rtf"):
        return "rtf"  # Word can save as RTF, and sites serve RTF named .doc
    if MHT_TYPE.search(head[:2048]) and b"mime-version:" in head[:2048].lower():
        return "mht"  # a web page saved whole by a browser or Word ("single file web page"), often named .doc
    text = head.lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if text.startswith((b"<!doctype html", b"<html", b"<meta", b"<head", b"<body", b"<table", b"<!--")) or \
            (text.startswith(b"<") and (b"<html" in text or b"<table" in text)):
        return "html"
    return "unknown"


def read_document(path: Path, kind: str | None = None) -> Document:
    """Read any supported report file (`kind`: its sniffed format, when the caller has it already); raises
    ReadError with a message a user can act on."""
    path = Path(path)
    kind = kind or sniff_format(path)
    if kind == "docx":
        from .docx import read_docx

        return read_docx(path)
    if kind == "pdf":
        from .pdf import read_pdf

        return read_pdf(path)
    if kind == "doc":
        from .doc import read_doc

        return read_doc(path)
    if kind == "rtf":
        from .rtf import read_rtf

        return read_rtf(path)
    if kind == "mht":
        from .html import read_mht

        return read_mht(path)
    if kind == "html":
        from .html import read_html

        return read_html(path)
    raise ReadError(f"unrecognised file format (starts with {Path(path).read_bytes()[:SNIFF_BYTES]!r})")
