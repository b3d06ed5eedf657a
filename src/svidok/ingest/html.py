"""HTML pages (trafilatura) and HTML fragments inside feed items (lxml)."""

from __future__ import annotations

import logging
import re

from .article import Article, Unreadable
from .encoding import decode

log = logging.getLogger(__name__)

MIN_BODY_LETTERS = 10  # less than this is navigation debris, not an article
_BLOCK_TAGS = ("p", "div", "br", "li", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "tr", "section")
_DROP_TAGS = ("script", "style", "noscript", "template", "iframe", "nav", "footer", "header", "form")
_SPACES = re.compile(r"[ \t\u00a0]+")
_XML_DECLARATION = re.compile(r"^\s*<\?xml[^>]*\?>")


def read_html(data: bytes, *, origin: str, default_id: str) -> Article:
    """The article body and metadata of one HTML page; raises Unreadable when there is none."""
    markup = _XML_DECLARATION.sub("", decode(data)[0], count=1)  # lxml refuses str with one
    result = _trafilatura(markup)
    text = (result.get("text") or "").strip()
    if _letters(text) < MIN_BODY_LETTERS:
        text = html_to_text(markup)
    if _letters(text) < MIN_BODY_LETTERS:
        raise Unreadable("no article text found in the HTML")
    text = _without_title_line(text, result.get("title"))
    return Article(
        id=default_id,
        text=text,
        title=result.get("title"),
        url=result.get("url"),
        published=result.get("date"),
        outlet=result.get("sitename"),
        author=result.get("author"),
        lang=None,
        origin=origin,
    )


def _trafilatura(markup: str) -> dict:
    try:
        import trafilatura
    except ImportError as exc:  # e.g. lxml without lxml_html_clean
        raise Unreadable(f"HTML reading needs trafilatura, which failed to import: {exc}") from None
    logging.getLogger("trafilatura").setLevel(logging.ERROR)  # its warnings are about pages, not us
    try:
        doc = trafilatura.bare_extraction(
            markup, with_metadata=True, include_comments=False, include_tables=False
        )
    except Exception as exc:  # noqa: BLE001 - trafilatura raises many kinds on hostile markup
        log.debug("trafilatura failed: %r", exc)
        return {}
    if doc is None:
        return {}
    return doc.as_dict() if hasattr(doc, "as_dict") else dict(doc)


def html_to_text(markup: str | bytes) -> str:
    """Visible text of an HTML fragment, one line per block element; '' when nothing is there."""
    import lxml.html
    from lxml import etree

    if isinstance(markup, str):
        markup = _XML_DECLARATION.sub("", markup, count=1).strip()
    if not markup:
        return ""
    try:
        root = lxml.html.fromstring(markup)
    except (etree.ParserError, ValueError):
        return ""
    for bad in root.xpath("//" + " | //".join(_DROP_TAGS)):
        bad.drop_tree()
    for block in root.iter(*_BLOCK_TAGS):
        block.tail = "\n" + (block.tail or "")
    lines = (_SPACES.sub(" ", line).strip() for line in root.text_content().splitlines())
    return "\n".join(line for line in lines if line)


def _letters(text: str) -> int:
    return sum(1 for c in text if c.isalpha())


def _without_title_line(text: str, title: str | None) -> str:
    """The body without a first line that only repeats the title (kept as metadata)."""
    first, _, rest = text.partition("\n")
    if title and first.strip() == title.strip() and _letters(rest) >= MIN_BODY_LETTERS:
        return rest.lstrip("\n")
    return text
