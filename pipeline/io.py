"""Reading articles from folders, files, JSONL and stdin, with per-record errors."""

from __future__ import annotations

import json
import re
import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from charset_normalizer import from_bytes

TEXT_SUFFIXES = {".txt"}
HTML_SUFFIXES = {".html", ".htm"}
JSONL_SUFFIXES = {".jsonl", ".ndjson"}
INPUT_SUFFIXES = TEXT_SUFFIXES | HTML_SUFFIXES | JSONL_SUFFIXES

# Text fields a JSONL line may carry besides id and text.
OPTIONAL_FIELDS = ("url", "published", "title", "source")

_HTML_START = re.compile(r"^\s*(<!doctype\s+html|<html\b|<head\b|<body\b)", re.I)
_HTML_TAG = re.compile(r"</?(html|head|body|div|p|article|span|script|a|br|meta|section)\b[^>]*>", re.I)
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
    if looks_binary(data):
        raise DecodeError("binary file, not text")
    for bom, codec in ((b"\xef\xbb\xbf", "utf-8-sig"), (b"\xff\xfe", "utf-16"), (b"\xfe\xff", "utf-16")):
        if data.startswith(bom):
            return normalise_newlines(data.decode(codec)), codec
    try:
        return normalise_newlines(data.decode("utf-8")), "utf-8"
    except UnicodeDecodeError:
        pass
    # Legacy Indonesian pages are overwhelmingly Windows-1252; it decodes all but 5 bytes.
    try:
        return normalise_newlines(data.decode("cp1252")), "windows-1252"
    except UnicodeDecodeError:
        pass
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
    except (OSError, DecodeError) as exc:
        return InputError(source_file=str(path), reason=str(exc), id=article_id)
    article = Article(id=article_id, text=text, source_file=str(path), encoding=encoding)
    mark_encoding_and_html(article, declared_html=path.suffix.lower() in HTML_SUFFIXES)
    return article


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
    """One JSONL line as an article; None for a blank line."""
    if not line.strip():
        return None
    try:
        obj = json.loads(line)
    except json.JSONDecodeError as exc:
        return InputError(source_file=source_file, line=number, reason=f"not valid JSON: {exc.msg}")
    if not isinstance(obj, dict):
        return InputError(source_file=source_file, line=number, reason="line is not a JSON object")
    record_id = obj.get("id")
    record_id = str(record_id) if record_id not in (None, "") else f"{Path(source_file).name}:{number}"
    text = obj.get("text")
    if not isinstance(text, str):
        reason = "no `text` field" if text is None else "`text` is not a string"
        return InputError(source_file=source_file, line=number, id=record_id, reason=reason)
    if not text.strip():
        return InputError(source_file=source_file, line=number, id=record_id, reason="empty text")
    meta = {k: str(obj[k]) for k in OPTIONAL_FIELDS if obj.get(k) not in (None, "")}
    article = Article(id=record_id, text=normalise_newlines(text), source_file=f"{source_file}:{number}", **meta)
    mark_encoding_and_html(article)
    return article


def read_jsonl_lines(lines: Iterable[bytes | str], source_file: str) -> Iterator[Article | InputError]:
    """Articles from JSONL lines; undecodable or broken lines become errors."""
    for number, raw in enumerate(lines, start=1):
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
    try:
        with path.open("rb") as handle:
            yield from read_jsonl_lines(handle, str(path))
    except OSError as exc:
        yield InputError(source_file=str(path), reason=str(exc))


def iter_folder(folder: Path) -> Iterator[Article | InputError]:
    """Every .txt, .html/.htm and .jsonl file below folder, in a stable order."""
    for path in sorted(p for p in folder.rglob("*") if p.is_file()):
        if path.suffix.lower() not in INPUT_SUFFIXES or any(part.startswith(".") for part in path.parts):
            continue
        yield from read_path(path, article_id=path.relative_to(folder).as_posix())


def read_path(path: Path, article_id: str | None = None) -> Iterator[Article | InputError]:
    """Articles from one file of any supported kind."""
    if path.suffix.lower() in JSONL_SUFFIXES:
        yield from read_jsonl_file(path)
    else:
        yield read_file_article(path, article_id or path.name)


def read_inputs(inputs: Iterable[str]) -> Iterator[Article | InputError]:
    """Articles from folders, files, or '-' for JSONL on stdin, in the order given."""
    for spec in inputs:
        if spec == "-":
            yield from read_jsonl_lines(sys.stdin.buffer, "<stdin>")
            continue
        path = Path(spec)
        if path.is_dir():
            yield from iter_folder(path)
        elif path.is_file():
            yield from read_path(path)
        else:
            yield InputError(source_file=spec, reason="no such file or folder")
