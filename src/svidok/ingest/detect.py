"""Which reader an input needs, judged from its first bytes (the file name only breaks ties)."""

from __future__ import annotations

import re

INPUT_FORMATS = ("text", "html", "rss", "jsonl", "csv")

_FEED = re.compile(rb"<(rss|feed|rdf:RDF)[\s>]", re.IGNORECASE)
_HTML = re.compile(rb"<(!doctype\s+html|html|head|body|article|div|p)[\s>]", re.IGNORECASE)
_XML_DECLARATION = re.compile(rb"^\s*<\?xml", re.IGNORECASE)
_CSV_HEADER = re.compile(r"^\ufeff?[\w\" ]+([,;\t][\w\" ]+)+\s*$")
_EXTENSIONS = {
    ".html": "html", ".htm": "html", ".xhtml": "html",
    ".rss": "rss", ".atom": "rss", ".xml": "rss",
    ".jsonl": "jsonl", ".ndjson": "jsonl", ".json": "jsonl",
    ".csv": "csv", ".tsv": "csv",
}  # fmt: skip


def detect_format(data: bytes, name: str = "") -> str:
    """One of INPUT_FORMATS for ``data`` (raw bytes of the whole input)."""
    head = _ascii_head(data)
    stripped = head.lstrip()
    if _FEED.search(head[:2048]) and (_XML_DECLARATION.match(head) or stripped[:1] == b"<"):
        return "rss"
    if stripped[:1] == b"<" and _HTML.search(head):
        return "html"
    if stripped[:1] == b"{" or (stripped[:1] == b"[" and stripped[1:].lstrip()[:1] in (b"{", b"]")):
        return "jsonl"
    first_line = head.split(b"\n", 1)[0].decode("ascii", "ignore")
    if _CSV_HEADER.match(first_line) and _names_text_column(first_line):
        return "csv"
    suffix = name[name.rfind(".") :].lower() if "." in name else ""
    return _EXTENSIONS.get(suffix, "text")


def _ascii_head(data: bytes) -> bytes:
    """The first 8 KB with BOMs and UTF-16 zero bytes removed, so ASCII markers can be matched."""
    head = data[:8192]
    if head.startswith((b"\xff\xfe", b"\xfe\xff")):
        head = head[2:].replace(b"\x00", b"")
    return head.removeprefix(b"\xef\xbb\xbf")


def _names_text_column(header: str) -> bool:
    from .records import TEXT_FIELDS

    names = {part.strip().strip('"').lower() for part in re.split(r"[,;\t]", header)}
    return bool(names & set(TEXT_FIELDS))
