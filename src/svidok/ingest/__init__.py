"""Input readers: plain text in any common Cyrillic encoding, HTML pages, RSS/Atom feeds,
JSON Lines and CSV batches.

>>> from svidok.ingest import read_inputs
>>> for item in read_inputs(["articles/"]):
...     print(item)  # an Article (item.to_document()) or a ReadError (item.origin, item.reason)
"""

from .article import Article, ReadError
from .detect import INPUT_FORMATS, detect_format
from .encoding import decode
from .html import html_to_text
from .sources import MAX_BYTES, read_bytes, read_inputs

__all__ = [
    "INPUT_FORMATS",
    "MAX_BYTES",
    "Article",
    "ReadError",
    "decode",
    "detect_format",
    "html_to_text",
    "read_bytes",
    "read_inputs",
]
