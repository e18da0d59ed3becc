"""Officials on awkward input: non-ASCII digits, long articles."""

from __future__ import annotations

from pipeline.officials import find_officials
from pipeline.officials.mentions import occurrences, word_runs


def test_superscript_and_circled_digits_before_a_title_do_not_crash():
    # "²" and "①" pass str.isdigit() but int() refuses them: a count must read them as no number.
    text = ("Sebanyak ² Kepala Desa hadir. Lantik ① Pj Kades, Bupati Garut Rudy Gunawan "
            "meminta mereka bekerja.")
    names = [o["name"] for o in find_officials(text)]
    assert names == ["Rudy Gunawan"]


def test_mentions_are_whole_words_only():
    text = "Bupati Tri Adhianto hadir. Putri dari Tri Adhianto, Tri-Wulan, juga datang bersama Tri."
    runs = word_runs(text)
    starts = [s for s, _ in occurrences("Tri", text, runs)]
    assert [text[s - 1] if s else "" for s in starts] == [" ", " ", " "]
    assert len(occurrences("Tri Adhianto", text, runs)) == 2


def test_one_person_mentioned_across_a_long_article_keeps_every_mention():
    para = ("Wali Kota Bekasi Rahmat Effendi meninjau pasar. Menurut Rahmat, pasar itu akan dibenahi. "
            "Kepala Dinas PUPR Tri Adhianto menyiapkan anggaran.\n")
    people = {o["name"]: o for o in find_officials(para * 200)}
    assert set(people) == {"Rahmat Effendi", "Tri Adhianto"}
    assert len(people["Rahmat Effendi"]["mentions"]) == 400
