"""Findings marked in an article's text: nested, split only where spans cross, always escaped."""

from __future__ import annotations

import re

from pipeline.web.highlight import Span, highlight

SENTENCE = "Wali Kota Bekasi Rahmat Effendi menerima Wakil Gubernur DKI Jakarta Sandiaga Uno, Selasa (5/12/2017)."


def at(text: str, part: str, kind: str, **attrs: str) -> Span:
    start = text.index(part)
    return Span(start, start + len(part), kind, attrs)


def plain(html: str) -> str:
    """The text a browser shows (tags dropped, entities read)."""
    return re.sub(r"<[^>]+>", "", html).replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", '"') \
        .replace("&#x27;", "'").replace("&amp;", "&")


def test_findings_inside_a_sentence_nest_in_it():
    spans = [at(SENTENCE, SENTENCE, "meeting"), at(SENTENCE, "Rahmat Effendi", "official", official="0"),
             at(SENTENCE, "Selasa (5/12/2017)", "date")]
    html = highlight(SENTENCE, spans)
    assert plain(html) == SENTENCE
    assert html.startswith('<mark class="f f-meeting">') and html.endswith("</mark>")
    assert '<mark class="f f-official" data-official="0">Rahmat Effendi</mark>' in html
    assert html.count("<mark") == html.count("</mark>") == 3


def test_a_span_crossing_the_end_of_another_is_split_there():
    text = "Kepala Dinas PUPR Tri Adhianto hadir. Ia melapor."
    first_sentence = at(text, "Kepala Dinas PUPR Tri Adhianto hadir.", "meeting")
    crossing = Span(text.index("hadir"), text.index("melapor"), "list")
    html = highlight(text, [first_sentence, crossing])
    assert plain(html) == text
    assert html.count('<mark class="f f-list">') == 2
    # Well formed: every mark closes before the one around it.
    depth = 0
    for tag in re.findall(r"</?mark", html):
        depth += 1 if tag == "<mark" else -1
        assert depth >= 0
    assert depth == 0


def test_text_and_attributes_are_escaped():
    text = 'Bupati Ade Yasin: "<script>alert(1)</script>" & lainnya.'
    html = highlight(text, [Span(0, 16, "official", {"name": '"><img src=x onerror=alert(1)>'}, "Ade <b>")])
    assert "<script>" not in html and "<img" not in html and "<b>" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html and "&amp;" in html
    assert plain(html) == text


def test_spans_outside_the_text_or_empty_are_ignored():
    text = "Rapat koordinasi di Balai Kota."
    html = highlight(text, [Span(5, 5, "date"), Span(20, 99, "organization"), Span(0, 5, "meeting")])
    assert html == '<mark class="f f-meeting">Rapat</mark> koordinasi di Balai Kota.'
