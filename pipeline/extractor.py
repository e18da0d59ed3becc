"""From an input article to one JSON record: decode, clean, analyse, extract."""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from datetime import datetime
from functools import cache
from pathlib import Path
from urllib.parse import urlparse

import trafilatura
from spacy.tokens import Doc

from . import SCHEMA_VERSION
from .clean import clean_text, scan
from .extensions import FIELDS
from .io import DEFAULT_MAX_CHARS, Article
from .metadata import extract_metadata
from .nlp import load_nlp

log = logging.getLogger(__name__)

ErrorHandler = Callable[[Article, str, str], None]


class ArticleError(ValueError):
    """An article that cannot be extracted, with the stage that refused it."""

    def __init__(self, stage: str, reason: str):
        super().__init__(reason)
        self.stage = stage


@dataclass
class Prepared:
    """An article's record without extraction fields, and the Doc to analyse."""

    record: dict
    doc: Doc


def html_to_article(article: Article, url: str | None) -> None:
    """Replace an HTML article's text by its main content, keeping title and date."""
    doc = trafilatura.bare_extraction(
        article.text, url=url, with_metadata=True, include_comments=False,
        include_tables=True, favor_recall=True,
    )
    if doc is None or not (doc.text or "").strip():
        raise ArticleError("html", "no main content found in the HTML page")
    meta = doc.as_dict()
    article.text = meta["text"]
    article.title = article.title or meta.get("title")
    if not article.published and meta.get("date"):
        article.published = meta["date"]
        article.warnings.append("published taken from the HTML page's metadata")
    article.source = article.source or meta.get("sitename")


def normalise_published(value: str | None) -> str | None:
    """An input `published` as ISO date or datetime, or None when it is not a date."""
    if not value:
        return None
    text = value.strip().replace("Z", "+00:00")
    try:
        parsed = datetime.fromisoformat(text)
    except ValueError:
        return None
    if len(text) <= 10:
        return parsed.date().isoformat()
    return parsed.isoformat()


def outlet_from_url(url: str | None) -> str | None:
    """The URL's host without www., as a fallback outlet name."""
    if not url:
        return None
    try:
        host = urlparse(url).hostname or ""
    except ValueError:  # "http://[::1" and the like
        return None
    return host.removeprefix("www.") or None


def usable_url(article: Article) -> str | None:
    """The article's URL when it parses; a malformed one is kept in the record but not
    read for the outlet or a date, with a warning, so it never costs the article."""
    if not article.url:
        return None
    try:
        urlparse(article.url).hostname  # noqa: B018 - parsing is the check
    except ValueError as exc:
        article.warnings.append(f"input `url` is not a valid URL ({exc}); not used")
        return None
    return article.url


def base_record(article: Article) -> dict:
    """The record's article-level fields: metadata, cleaned text, boilerplate."""
    url = usable_url(article)
    scanned = scan(article.text)  # one line scan serves both the metadata and the cleaning
    meta = extract_metadata(article.text, url, scanned)
    cleaned = clean_text(article.text, scanned)
    published, published_source = meta.get("published"), meta.get("published_source")
    given = normalise_published(article.published)
    if article.published and not given:
        article.warnings.append(f"input `published` {article.published!r} is not an ISO date; ignored")
    if given:
        published, published_source = given, "input" if not article.is_html else "html"
    return {
        "schema_version": SCHEMA_VERSION,
        "id": article.id,
        "url": article.url,
        "source_file": article.source_file,
        "title": article.title or meta.get("title"),
        "published": published,
        "published_source": published_source if published else None,
        "dateline": meta.get("dateline"),
        "outlet": article.source or meta.get("outlet") or outlet_from_url(url),
        "credits": meta.get("credits") or [],
        "encoding": article.encoding,
        "warnings": list(article.warnings),
        "text": cleaned.text,
        "boilerplate": cleaned.boilerplate,
    }


def finish_record(record: dict, doc: Doc) -> dict:
    """Copy the components' findings from the Doc into the record."""
    for name in FIELDS:
        if name != "published":
            record[name] = getattr(doc._, name) or []
    if Doc.has_extension("analysis") and doc._.analysis is not None:  # `--analysis full` (pipeline/analysis.py)
        record["analysis"] = doc._.analysis
    return record


class Extractor:
    """Turns articles into records, batching the NLP through spaCy's nlp.pipe."""

    def __init__(self, backend: str = "spacy", model: str | Path | None = None,
                 batch_size: int = 16, max_chars: int = DEFAULT_MAX_CHARS):
        self.nlp = load_nlp(backend, model)
        self.backend = backend
        self.batch_size = batch_size
        self.max_chars = max_chars
        self.nlp.max_length = max(self.nlp.max_length, max_chars + 1)

    def prepare(self, article: Article) -> Prepared:
        """Decode HTML, clean, read metadata, and make the Doc; raises ArticleError."""
        if len(article.text) > self.max_chars:
            raise ArticleError("input", f"article has {len(article.text):,} characters, over the "
                                        f"limit of {self.max_chars:,} (--max-chars)")
        if article.is_html:
            html_to_article(article, usable_url(article))
        record = base_record(article)
        if not record["text"].strip():
            raise ArticleError("clean", "no article text left after removing boilerplate")
        doc = self.nlp.make_doc(record["text"])
        doc._.published = record["published"]
        return Prepared(record, doc)

    def pipe(self, articles: Iterable[Article | dict], on_error: ErrorHandler | None = None) -> Iterator[dict]:
        """Yield one record per article; failures go to on_error, or raise without it."""
        batch: list[tuple[Article, Prepared]] = []
        for number, item in enumerate(articles, start=1):
            try:
                article = item if isinstance(item, Article) else article_from_dict(item)
            except Exception as exc:  # not an article at all: a string, a dict without text
                self._fail(placeholder_article(item, number), exc, on_error, stage="input")
                continue
            try:
                batch.append((article, self.prepare(article)))
            except Exception as exc:  # one bad article must never stop the run
                self._fail(article, exc, on_error)
                continue
            if len(batch) >= self.batch_size:
                yield from self._run_batch(batch, on_error)
                batch = []
        if batch:
            yield from self._run_batch(batch, on_error)

    def _run_batch(self, batch: list[tuple[Article, Prepared]], on_error: ErrorHandler | None) -> Iterator[dict]:
        """Analyse a batch at once; on failure, redo it one by one to isolate the bad article."""
        try:
            docs = list(self.nlp.pipe(p.doc for _, p in batch))
        except Exception:
            log.debug("batch failed; retrying its articles one at a time", exc_info=True)
            for article, prepared in batch:
                try:
                    yield finish_record(prepared.record, self.nlp(prepared.doc))
                except Exception as exc:
                    self._fail(article, exc, on_error, stage="extract")
            return
        for (article, prepared), doc in zip(batch, docs, strict=True):
            try:
                record = finish_record(prepared.record, doc)
            except Exception as exc:
                self._fail(article, exc, on_error, stage="extract")
                continue
            yield record

    @staticmethod
    def _fail(article: Article, exc: Exception, on_error: ErrorHandler | None, stage: str = "prepare") -> None:
        """Report one article's failure, or raise when no handler was given."""
        if on_error is None:
            raise exc
        stage = getattr(exc, "stage", stage)
        on_error(article, stage, f"{type(exc).__name__}: {exc}" if not isinstance(exc, ArticleError) else str(exc))

    def extract(self, text: str, **meta: str | None) -> dict:
        """One record from one article's text; meta may give id, url, published, title, source."""
        article = article_from_dict({"text": text, **meta})
        return next(iter(self.pipe([article])))


def placeholder_article(item: object, number: int) -> Article:
    """An empty Article standing for an item that is not one, so on_error can name it."""
    given = item.get("id") if isinstance(item, dict) else None
    return Article(id=str(given) if isinstance(given, str | int) else f"item {number}", text="")


def article_from_dict(obj: dict) -> Article:
    """An Article from a dict with `text` and optional id, url, published, title, source."""
    from .io import looks_like_html

    if not isinstance(obj, dict):
        raise TypeError(f"an article is an Article or a dict with a `text` string, not {type(obj).__name__}")
    text = obj.get("text")
    if not isinstance(text, str):
        raise TypeError("an article needs a `text` string")
    article = Article(
        id=str(obj.get("id") or "article"), text=text.replace("\r\n", "\n"),
        source_file=obj.get("source_file"),
        **{k: obj.get(k) for k in ("url", "published", "title", "source")},
    )
    article.is_html = bool(obj.get("is_html")) or looks_like_html(text)
    return article


@cache
def default_extractor(backend: str = "spacy") -> Extractor:
    """One shared Extractor per backend for the convenience function."""
    return Extractor(backend=backend)


def extract(text: str, **meta: str | None) -> dict:
    """Extract one record from article text with the default pipeline."""
    return default_extractor().extract(text, **meta)
