"""Reading articles from folders, files, JSONL and stdin, with per-record errors."""

from __future__ import annotations

import json
import os
import re
import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

TEXT_SUFFIXES = {".txt"}
HTML_SUFFIXES = {".html", ".htm"}
JSONL_SUFFIXES = {".jsonl", ".ndjson"}
# Tables of articles with `id` and `text` columns (read by pipeline/parquet_io.py, needs pyarrow).
PARQUET_SUFFIXES = {".parquet"}
INPUT_SUFFIXES = TEXT_SUFFIXES | HTML_SUFFIXES | JSONL_SUFFIXES | PARQUET_SUFFIXES

# spaCy's own default limit; a press release is a few thousand characters, so anything
# this long is a scraping accident and is reported rather than analysed for minutes.
DEFAULT_MAX_CHARS = 1_000_000

# Text fields a JSONL line may carry besides id and text.
OPTIONAL_FIELDS = ("url", "published", "title", "source")

_HTML_START = re.compile(r"^\s*(<!doctype\s+html|<html\b|<head\b|<body\b)", re.I)
_HTML_TAG = re.compile(r"</?(html|head|body|div|p|article|span|script|a|br|meta|section)\b[^>]*>", re.I)
_SURROGATE = re.compile("[\ud800-\udfff]")
_BINARY_CONTROL = re.compile(rb"[\x00-\x08\x0e-\x1a\x1c-\x1f]")


@dataclass
class Article:
    """One input article, decoded, before any cleaning."""

    id: str
    text: str
    source_file: str | None = None
    url: str | None = None
    published: str | None = None
    title: str | None = None
    source: str | None = None
    encoding: str = "utf-8"
    is_html: bool = False
    warnings: list[str] = field(default_factory=list)


@dataclass
class InputError:
    """An input that could not become an article, and why."""

    source_file: str
    reason: str
    id: str | None = None
    line: int | None = None

    def as_dict(self) -> dict:
        """The errors-file entry for this failure."""
        return {"id": self.id, "source_file": self.source_file, "line": self.line,
                "stage": "input", "reason": self.reason}


class DecodeError(ValueError):
    """Bytes that are not text in any encoding warta accepts."""


class NoArticlesError(ValueError):
    """An input that does not exist or holds nothing warta can read, found before any work."""


def display(name: str) -> str:
    """A file name as printable UTF-8: bytes that are not UTF-8 (kept by the OS as lone
    surrogates) become U+FFFD, so an error line or id about it can always be written."""
    return name.encode("utf-8", "surrogateescape").decode("utf-8", "replace")


def is_valid_unicode(text: str) -> bool:
    """False for a string holding a lone surrogate, which no UTF-8 file can store."""
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def repair_unicode(text: str) -> str:
    """Lone surrogates replaced by U+FFFD."""
    return _SURROGATE.sub("\ufffd", text) if not is_valid_unicode(text) else text


def looks_like_html(text: str) -> bool:
    """Whether text is an HTML page rather than plain article text."""
    head = text[:5000]
    return bool(_HTML_START.search(head)) or len(_HTML_TAG.findall(head)) >= 5


def looks_binary(data: bytes) -> bool:
    """Whether bytes are a binary file: NULs, or many control characters."""
    head = data[:8192]
    if b"\x00" in head and not head.startswith((b"\xff\xfe", b"\xfe\xff")):
        return True
    return len(_BINARY_CONTROL.findall(head)) > max(8, len(head) // 100)


def decode_bytes(data: bytes) -> tuple[str, str]:
    """Decode article bytes; returns (text, encoding). UTF-8 first, then Windows-1252."""
    if not data.strip():
        raise DecodeError("empty file")
    # A byte-order mark says what the text is before any guess: UTF-16 is full of NULs
    # and would otherwise look binary.
    for bom, codec in ((b"\xef\xbb\xbf", "utf-8-sig"), (b"\xff\xfe", "utf-16"), (b"\xfe\xff", "utf-16")):
        if data.startswith(bom):
            try:
                text = data.decode(codec)
            except UnicodeDecodeError as exc:
                raise DecodeError(f"starts with a {codec} byte-order mark but is not {codec}: {exc.reason}") from exc
            if not text.strip():
                raise DecodeError("empty file")
            return normalise_newlines(text), codec
    if looks_binary(data):
        raise DecodeError("binary file, not text")
    try:
        return normalise_newlines(data.decode("utf-8")), "utf-8"
    except UnicodeDecodeError:
        pass
    # Legacy Indonesian pages are overwhelmingly Windows-1252; it decodes all but 5 bytes.
    try:
        return normalise_newlines(data.decode("cp1252")), "windows-1252"
    except UnicodeDecodeError:
        pass
    from charset_normalizer import from_bytes  # only for the rare file neither UTF-8 nor cp1252

    best = from_bytes(data).best()
    if best is None:
        raise DecodeError("not decodable as text in any known encoding")
    return normalise_newlines(str(best)), best.encoding


def normalise_newlines(text: str) -> str:
    """CRLF and lone CR become LF, so offsets mean the same on every platform."""
    return text.replace("\r\n", "\n").replace("\r", "\n")


def read_file_article(path: Path, article_id: str) -> Article | InputError:
    """Read one .txt or .html file as an article."""
    try:
        text, encoding = decode_bytes(path.read_bytes())
    except DecodeError as exc:
        return InputError(source_file=display(str(path)), reason=str(exc), id=article_id)
    except OSError as exc:
        return InputError(source_file=display(str(path)), reason=os_reason(exc), id=article_id)
    article = Article(id=article_id, text=text, source_file=display(str(path)), encoding=encoding)
    mark_encoding_and_html(article, declared_html=path.suffix.lower() in HTML_SUFFIXES)
    return article


def os_reason(exc: OSError) -> str:
    """Why a file or folder could not be read, without the path (the error line has it)."""
    if isinstance(exc, FileNotFoundError):
        return "cannot read: no such file (a dangling symbolic link?)"
    return f"cannot read: {exc.strerror or exc}"


def mark_encoding_and_html(article: Article, declared_html: bool = False) -> None:
    """Flag a legacy encoding and HTML content on the article."""
    if article.encoding not in ("utf-8", "utf-8-sig"):
        article.warnings.append(f"decoded as {article.encoding}")
    if declared_html:
        article.is_html = True
    elif looks_like_html(article.text):
        article.is_html = True
        article.warnings.append("HTML found where text was expected; main content extracted")


def parse_jsonl_line(line: str, source_file: str, number: int) -> Article | InputError | None:
    """One JSONL line as an article; None for a blank line. Never raises: whatever is wrong
    with the line (even JSON nested past Python's recursion limit) becomes an InputError."""
    if not line.strip():
        return None
    try:
        return article_from_json(line, source_file, number)
    except Exception as exc:  # one poison line must never stop the run
        reason = "JSON nested too deeply" if isinstance(exc, RecursionError) else f"{type(exc).__name__}: {exc}"
        return InputError(source_file=source_file, line=number, reason=f"not valid JSON: {reason}")


def article_id(value: object, source_file: str, number: int) -> str:
    """A line's id as text: a string as is, an integer as its digits (so 5 and "5" are the
    same id and collide), none at all as file:line; anything else is refused."""
    if value is None or value == "":
        return f"{Path(source_file).name}:{number}"
    if isinstance(value, str):
        if not is_valid_unicode(value):
            raise ValueError(f"`id` {ascii(value)} is not valid Unicode (a lone surrogate)")
        return value
    if isinstance(value, int) and not isinstance(value, bool):
        return str(value)
    raise ValueError(f"`id` must be a string or an integer, not {type(value).__name__}")


def article_from_json(line: str, source_file: str, number: int) -> Article | InputError:
    """The article one JSONL line holds, or the InputError saying why it holds none."""
    try:
        obj = json.loads(line)
    except json.JSONDecodeError as exc:
        return InputError(source_file=source_file, line=number, reason=f"not valid JSON: {exc.msg}")
    if not isinstance(obj, dict):
        return InputError(source_file=source_file, line=number, reason="line is not a JSON object")
    return article_from_object(obj, source_file, number)


def article_from_object(obj: dict, source_file: str, number: int) -> Article | InputError:
    """The article a JSONL object or a Parquet row holds (number: its line or row, from 1),
    or the InputError saying why it holds none."""
    try:
        record_id = article_id(obj.get("id"), source_file, number)
    except ValueError as exc:
        return InputError(source_file=source_file, line=number, reason=str(exc))
    text = obj.get("text")
    if not isinstance(text, str):
        reason = "no `text` field" if text is None else "`text` is not a string"
        return InputError(source_file=source_file, line=number, id=record_id, reason=reason)
    if not text.strip():
        return InputError(source_file=source_file, line=number, id=record_id, reason="empty text")
    meta = {k: repair_unicode(str(obj[k])) for k in OPTIONAL_FIELDS
            if obj.get(k) not in (None, "") and isinstance(obj[k], str | int | float)}
    article = Article(id=record_id, text=normalise_newlines(repair_unicode(text)),
                      source_file=f"{source_file}:{number}", **meta)
    if article.text != normalise_newlines(text):
        article.warnings.append("lone surrogates in `text` replaced by U+FFFD")
    mark_encoding_and_html(article)
    return article


def read_jsonl_lines(lines: Iterable[bytes | str], source_file: str, first: int = 1) -> Iterator[Article | InputError]:
    """Articles from JSONL lines, the first of them line number `first` of source_file (a Dask
    partition starts inside a file); undecodable or broken lines become errors."""
    for number, raw in enumerate(lines, start=first):
        if isinstance(raw, bytes):
            try:
                raw = raw.decode("utf-8-sig" if number == 1 else "utf-8")
            except UnicodeDecodeError:
                yield InputError(source_file=source_file, line=number, reason="line is not UTF-8")
                continue
        item = parse_jsonl_line(raw, source_file, number)
        if item is not None:
            yield item


def read_jsonl_file(path: Path) -> Iterator[Article | InputError]:
    """Articles from a JSONL file, streamed line by line."""
    name = display(str(path))
    try:
        with path.open("rb") as handle:
            yield from read_jsonl_lines(handle, name)
    except OSError as exc:
        yield InputError(source_file=name, reason=os_reason(exc))


def is_input_file(name: str) -> bool:
    """Whether a file inside a folder is read as an article: a known suffix, not hidden."""
    return not name.startswith(".") and Path(name).suffix.lower() in INPUT_SUFFIXES


def walk_folder(folder: Path) -> Iterator[tuple[Path, InputError | None]]:
    """(file, None) for every input file below folder and (folder, error) for every folder
    that cannot be read, in a stable order. Hidden names are skipped only below folder, so
    a folder given as `../corpus` or `~/.cache/news` is read; linked folders are followed
    once each."""
    found: list[tuple[tuple[str, ...], Path, InputError | None]] = []
    seen: set[tuple[int, int]] = set()

    def unreadable(exc: OSError) -> None:
        where = Path(exc.filename or folder)
        found.append((where.relative_to(folder).parts if where != folder else (), where,
                      InputError(source_file=display(str(where)), reason=f"folder {os_reason(exc)}")))

    for root, dirs, files in os.walk(folder, onerror=unreadable, followlinks=True):
        try:
            stat = os.stat(root)
        except OSError:
            continue
        if (stat.st_dev, stat.st_ino) in seen:
            dirs[:] = []
            continue
        seen.add((stat.st_dev, stat.st_ino))
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in files:
            if is_input_file(name):
                path = Path(root, name)
                found.append((path.relative_to(folder).parts, path, None))
    for _, path, error in sorted(found, key=lambda item: item[0]):
        yield path, error


def iter_folder(folder: Path) -> Iterator[Article | InputError]:
    """Every .txt, .html/.htm, .jsonl and .parquet file below folder, in a stable order; a file or
    folder that cannot be read (no permission, a dangling link) is an error, not a silence."""
    for path, error in walk_folder(folder):
        if error is not None:
            yield error
        else:
            yield from read_path(path, article_id=display(path.relative_to(folder).as_posix()))


def read_path(path: Path, article_id: str | None = None) -> Iterator[Article | InputError]:
    """Articles from one file of any supported kind."""
    if path.suffix.lower() in JSONL_SUFFIXES:
        yield from read_jsonl_file(path)
    elif path.suffix.lower() in PARQUET_SUFFIXES:
        from .parquet_io import read_parquet_articles

        yield from read_parquet_articles(path, display(str(path)))
    else:
        yield read_file_article(path, article_id or display(path.name))


def read_inputs(inputs: Iterable[str]) -> Iterator[Article | InputError]:
    """Articles from folders, files, or '-' for JSONL on stdin, in the order given. A path is
    read as named: a file given by name is read whatever its name or suffix."""
    for spec in inputs:
        if spec == "-":
            yield from read_jsonl_lines(sys.stdin.buffer, "<stdin>")
            continue
        path = Path(spec)
        if path.is_dir():
            yield from iter_folder(path)
        elif path.exists():
            yield from read_path(path)
        else:
            reason = "dangling symbolic link" if path.is_symlink() else "no such file or folder"
            yield InputError(source_file=display(spec), reason=reason)


def check_inputs(inputs: Iterable[str]) -> None:
    """Raise NoArticlesError unless every input exists and could hold articles: a file, a
    folder with at least one input file (or an unreadable part, reported later), or '-'."""
    for spec in inputs:
        if spec == "-":
            continue
        path = Path(spec)
        if path.is_dir():
            if next(walk_folder(path), None) is None:
                raise NoArticlesError(f"{display(spec)}: no articles in this folder "
                                      f"(looked for {', '.join(sorted(INPUT_SUFFIXES))} files)")
        elif not path.exists():
            what = "a dangling symbolic link" if path.is_symlink() else "no such file or folder"
            raise NoArticlesError(f"{display(spec)}: {what}")
        elif not os.access(path, os.R_OK):
            raise NoArticlesError(f"{display(spec)}: not readable (permission denied)")
