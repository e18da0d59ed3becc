"""Names: honorifics, degrees, initials and short forms of Indonesian personal names."""

from __future__ import annotations

import pytest

from pipeline.names import is_degree, is_honorific, is_short_form, same_spelling, split_name


@pytest.mark.parametrize(
    ("written", "name", "honorifics", "degrees"),
    [
        ("Drs. H. Longki Djanggola, M.Si", "Longki Djanggola", ["Drs.", "H."], ["M.Si"]),
        ("Dr. Ir. Herwin Yatim, MM", "Herwin Yatim", ["Dr.", "Ir."], ["MM"]),
        ("Ir H Ridho Yahya, MM.", "Ridho Yahya", ["Ir", "H"], ["MM."]),
        ("Yan Rizana, ST, M.Si", "Yan Rizana", [], ["ST", "M.Si"]),
        ("Niklas Silangen, S.Sos., MSi.", "Niklas Silangen", [], ["S.Sos.", "MSi."]),
        ("Agus Herawan SIP", "Agus Herawan", [], ["SIP"]),
        ("Ny. Lusi Welly Suhery", "Lusi Welly Suhery", ["Ny."], []),
        ("Choiruman J. Putro", "Choiruman J. Putro", [], []),
        ("Bambang Bayu Suseno, SP. MM. M.Si", "Bambang Bayu Suseno", [], ["SP.", "MM.", "M.Si"]),
    ],
)
def test_split_name_separates_honorifics_and_degrees(written, name, honorifics, degrees):
    parts = split_name(written)
    assert parts.name == name
    assert parts.honorifics == honorifics
    assert parts.degrees == degrees


def test_a_single_word_name_keeps_its_word_even_if_it_looks_like_a_title_of_address():
    # "H" alone is not stripped: there must be a name left.
    assert split_name("Hanafi").name == "Hanafi"
    assert split_name("H").name == "H"


@pytest.mark.parametrize("token", ["Sp.M", "M.Ec.Dev", "S.H.", "SH", "M.Si", "S.Sos", "SIK", "MM"])
def test_degrees_are_recognised(token):
    assert is_degree(token)


@pytest.mark.parametrize("token", ["Sandi", "Samri", "Manto", "Rahman", "J.", "Tri"])
def test_names_and_initials_are_not_degrees(token):
    assert not is_degree(token)


def test_honorifics_need_their_capital():
    assert is_honorific("Hj.") and is_honorific("Ir") and is_honorific("Ny.")
    assert not is_honorific("h") and not is_honorific("Hadi")


def test_short_forms_are_subsequences_of_the_full_name():
    assert is_short_form("Sandiaga Uno", "Sandiaga Salahudin Uno")
    assert is_short_form("Tri", "Tri Adhianto Tjahyono")
    assert is_short_form("Donald Wakum", "Donald R. Wakum")
    assert not is_short_form("Uno Sandiaga", "Sandiaga Salahudin Uno")
    assert not is_short_form("Rahmat Effendi", "Rahmat Effendi")


def test_spelling_variants_of_one_name():
    assert same_spelling("Subadri Usuludin", "Subadri Usuluddin")
    assert not same_spelling("Dadang Hidayat", "Dadang Ginanjar")
