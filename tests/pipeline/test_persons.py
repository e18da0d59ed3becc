"""Person names across articles: keys, relations between names, places, and merging."""

from __future__ import annotations

import pytest

from pipeline.persons import (
    Decision,
    Mention,
    Person,
    PersonMerger,
    link_in_article,
    merge_mentions,
    name_relation,
    name_tokens,
    place_of,
    query_matches,
)


@pytest.mark.parametrize("written, key", [
    ("Dr. Tri Adhianto", ("tri", "adhianto")),
    ("H. Rahmat Effendi, S.Sos., M.Si.", ("rahmat", "effendi")),
    ("Hj. Reny Hendrawaty, S.H., M.M.", ("reny", "hendrawaty")),
    ("Ir. H. Dinar Faisal Badar", ("dinar", "faisal", "badar")),
    ("Choiruman J. Putro", ("choiruman", "j", "putro")),
])
def test_name_key_drops_honorifics_and_degrees(written, key):
    assert name_tokens(written) == key


def test_stripping_never_leaves_a_name_empty():
    assert name_tokens("Bapak Hanafi") == ("hanafi",)
    assert name_tokens("Ibu") == ("ibu",)


@pytest.mark.parametrize("a, b, reason", [
    ("Tri Adhianto", "Tri Adhianto", "same name"),
    ("Tri Adhianto", "Tri Adhianto Tjahyono", "shortened form"),
    ("Sandiaga Uno", "Sandiaga Salahudin Uno", "shortened form"),
    ("Choiruman J. Putro", "Chairruman J. Putro", "spelling variant"),
    ("Soeharto Wijaya", "Suharto Wijaya", "spelling variant"),
    ("Rachmat Effendi", "Rahmat Effendi", "spelling variant"),
])
def test_names_that_can_be_one_person(a, b, reason):
    relation = name_relation(name_tokens(a), name_tokens(b))
    assert relation is not None and relation.reason == reason


@pytest.mark.parametrize("a, b", [
    ("Dadang Hidayat", "Dadang Ginanjar"),   # same first name, different people in one article
    ("Ahmad Suryadi", "Ahmad Suryani"),      # one consonant apart is another name, not a spelling
    ("J. Putro", "Choiruman J. Putro"),      # an initial and one word are too little
    ("Ade Sarip Hidayat", "Dadang Hidayat"),
])
def test_names_that_are_not_one_person(a, b):
    assert name_relation(name_tokens(a), name_tokens(b)) is None


@pytest.mark.parametrize("text, place", [
    ("Ketua DPRD Kota Bekasi", "bekasi"),
    ("Wakil Gubernur DKI Jakarta", "jakarta"),
    ("Wakil Walikota Bengkulu", "bengkulu"),
    ("Sekretaris Daerah Kabupaten Bogor", "bogor"),
    ("Wali Kota Bekasi periode 2018-2023", "bekasi"),
    ("Kepala Dinas PUPR", None),
    ("Presiden", None),
])
def test_place_named_by_a_title(text, place):
    assert place_of(text) == place


def test_region_field_may_be_a_bare_place_but_not_an_agency():
    assert place_of("Jawa Barat", bare_is_place=True) == "jawa barat"
    assert place_of("Dinas PUPR", bare_is_place=True) is None
    assert place_of("BPKAD", bare_is_place=True) is None


def _mention(mid: str, article: str, name: str, places: set[str], context: set[str] | None = None) -> Mention:
    return Mention(id=mid, article_id=article, name=name, places=places, context=context or set(places))


def _merge(mentions: list[Mention]) -> tuple[list[Person], list[Decision]]:
    """The persons made and every decision, for mentions given in article order."""
    merger = PersonMerger()
    decisions = list(merge_mentions(mentions, merger))
    return merger.persons, decisions


def test_career_across_articles_is_one_person_with_reasons():
    persons, decisions = _merge([
        _mention("a#o0", "a", "Tri Adhianto", set(), {"bekasi", "jakarta"}),   # Kepala Dinas PUPR
        _mention("b#o0", "b", "Tri Adhianto", {"bekasi"}),                     # Wakil Wali Kota Bekasi
        _mention("c#o0", "c", "Tri Adhianto Tjahyono", {"bekasi"}),            # Plt. Wali Kota Bekasi
    ])
    assert len(persons) == 1
    assert persons[0].name() == "Tri Adhianto Tjahyono"
    assert [d.decision for d in decisions] == ["new person", "merged", "merged"]
    assert decisions[1].reason.startswith("same name")
    assert decisions[2].reason == "shortened form (same region)"


def test_namesakes_in_different_regions_stay_apart_and_say_why():
    persons, decisions = _merge([
        _mention("palu#o0", "palu", "Ahmad Yani", {"palu barat"}),
        _mention("bogor#o0", "bogor", "Ahmad Yani", {"bogor"}),
    ])
    assert len(persons) == 2
    assert decisions[1].kept_apart_from == 0
    assert "different regions" in decisions[1].kept_apart_reason


def test_two_people_of_one_article_are_never_merged():
    persons, _ = _merge([
        _mention("a#o0", "a", "Dadang Hidayat", {"bekasi"}),
        _mention("a#o1", "a", "Dadang Hidayat", {"bekasi"}),
    ])
    assert len(persons) == 2


def test_one_word_name_needs_a_shared_region():
    together, _ = _merge([_mention("a#o0", "a", "Koswara", {"bekasi"}),
                                  _mention("b#o0", "b", "Koswara", {"bekasi"})])
    apart, _ = _merge([_mention("a#o0", "a", "Koswara", set(), {"bekasi"}),
                               _mention("b#o0", "b", "Koswara", set(), {"bekasi"})])
    assert len(together) == 1
    assert len(apart) == 2


def test_partial_name_without_any_shared_region_is_not_merged():
    persons, decisions = _merge([_mention("a#o0", "a", "Sandiaga Salahudin Uno", set(), {"jakarta"}),
                                         _mention("b#o0", "b", "Sandiaga Uno", set(), {"palu"})])
    assert len(persons) == 2
    assert "no shared region" in decisions[1].kept_apart_reason


def test_participant_names_link_to_the_article_officials():
    officials = [("Tri Adhianto", []), ("Dedy Wahyudi", []), ("Sandiaga Salahudin Uno", ["Sandiaga Uno"])]
    assert link_in_article("Dr. Tri Adhianto", officials) == 0
    assert link_in_article("Tri", officials) == 0
    assert link_in_article("Sandiaga Uno", officials) == 2
    assert link_in_article("Bima Arya", officials) is None


def test_typed_query_matches_known_forms():
    assert query_matches("rahmat effendi", "Rahmat Effendi")
    assert query_matches("Sandiaga Uno", "Sandiaga Salahudin Uno")
    assert query_matches("Bima", "Bima Arya")
    assert not query_matches("Bima Sakti", "Bima Arya")


def _career() -> list[Mention]:
    """Tri Adhianto's three posts in three articles, with a namesake-free colleague."""
    return [_mention("audiensi#o0", "audiensi", "Rahmat Effendi", {"bekasi"}),
            _mention("audiensi#o1", "audiensi", "Tri Adhianto", set(), {"bekasi", "jakarta"}),
            _mention("kunjungan#o0", "kunjungan", "Tri Adhianto", {"bekasi"}),
            _mention("rapat#o0", "rapat", "Tri Adhianto Tjahyono", {"bekasi"})]


def test_merging_a_stream_decides_as_merging_a_list_and_pulls_one_mention_at_a_time():
    _, listed = _merge(_career())
    pulled = []

    def source():
        for mention in _career():
            pulled.append(mention.id)
            yield mention

    merger = PersonMerger()
    decisions = merge_mentions(source(), merger)
    first = next(decisions)
    assert pulled == ["audiensi#o0"] and len(merger.persons) == 1  # nothing was read ahead
    assert [first, *decisions] == listed
    assert [d.person_index for d in listed] == [0, 1, 1, 1]


def test_a_person_met_before_is_still_told_apart_within_a_later_article():
    _, decisions = _merge([
        _mention("a#o0", "a", "Dadang Hidayat", {"bekasi"}),
        _mention("b#o0", "b", "Dadang Hidayat", {"bekasi"}),
        _mention("b#o1", "b", "Dadang Hidayat", {"bekasi"}),
        _mention("c#o0", "c", "Dadang Hidayat", {"bekasi"}),
    ])
    # In c, the person of two mentions wins over the one of a single mention.
    assert [d.person_index for d in decisions] == [0, 0, 1, 0]


def test_a_person_keeps_counts_and_its_latest_post_not_its_mentions():
    person = Person(index=0)
    person.add(Mention("a#o0", "a", "Tri Adhianto", held=[("2017-12-05", "Kepala Dinas PUPR")]))
    person.add(Mention("b#o0", "b", "Tri Adhianto", held=[("", "Wakil Wali Kota Bekasi")]))
    person.add(Mention("c#o0", "c", "Tri Adhianto Tjahyono", held=[("2022-01-12", "Wali Kota Bekasi"),
                                                                   ("2022-01-12", "Pelaksana Tugas Wali Kota")]))
    person.add(Mention("c#o1", "c", "Tri Adhianto"))  # a second mention in one article: one article
    assert (person.n_mentions, person.n_articles) == (4, 3)
    assert person.latest_title() == "Wali Kota Bekasi"
    assert (person.first_date, person.last_date) == ("2017-12-05", "2022-01-12")
    assert person.name() == "Tri Adhianto Tjahyono"


def test_a_regionless_one_word_name_is_tried_against_its_first_namesake_only(monkeypatch):
    import pipeline.persons as persons_module

    tried = []
    real = persons_module.best_relation
    monkeypatch.setattr(persons_module, "best_relation", lambda m, p: tried.append(m.id) or real(m, p))
    mentions = [_mention(f"a{n}#o0", f"a{n}", "Koswara", set(), {"bekasi"}) for n in range(200)]
    mentions.append(_mention("b#o0", "b", "Koswara", {"bekasi"}))       # Camat Koswara of Bekasi
    mentions.append(_mention("c#o0", "c", "Koswara", {"bekasi"}))       # and again, with his region
    persons, decisions = _merge(mentions)
    # No region, one word: a new person each time, kept apart from the first Koswara...
    assert [d.decision for d in decisions[:200]] == ["new person"] * 200
    assert {d.kept_apart_from for d in decisions[1:200]} == {0}
    assert all("one-word name without a shared region" in d.kept_apart_reason for d in decisions[1:200])
    # ...after one comparison, not one per earlier namesake (200 x 199 / 2 of them).
    assert all(tried.count(f"a{n}#o0") == 1 for n in range(1, 200))
    # With a region, still a new person (none of the earlier ones had one), then merged.
    assert decisions[200].decision == "new person" and decisions[201].decision == "merged"
    assert len(persons) == 201
