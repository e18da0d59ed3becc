"""The learned check on who attended an event (pipeline/meetings_presence.py), experimental."""

from __future__ import annotations

from pipeline.meetings import find_meetings
from pipeline.meetings_presence import PresenceModel, article_pairs, fit
from pipeline.officials import find_officials
from pipeline.train.crossval import fold_split

VISIT = ("Gubernur Sulawesi Tengah Rusdy Mastura melakukan kunjungan kerja ke Kabupaten Morowali, Senin (4/12/2023). "
         "Gubernur didampingi Kadis Kesehatan I Komang Adi Sujendra. \"Kami berterima kasih kepada Presiden Joko "
         "Widodo,\" kata Rusdy.")


def pairs_of(text: str, rules: bool = True) -> dict[str, list[str]]:
    """Official name -> features of its pair with the article's first event the rules found."""
    officials = find_officials(text)
    out: dict[str, list[str]] = {}

    def capture(text, officials, episodes, views):
        out.update((officials[idx]["name"], feats)
                   for k, idx, feats in article_pairs(text, officials, episodes, views, rules) if k == 0)
        return episodes

    find_meetings(text, officials, [], presence=capture)
    return out


def test_features_read_the_cues_around_each_official():
    pairs = pairs_of(VISIT)
    assert {"Rusdy Mastura", "I Komang Adi Sujendra", "Joko Widodo"} <= set(pairs)
    companion = pairs["I Komang Adi Sujendra"]
    assert "rule=True" in companion and "role=accompanying" in companion
    assert "b1=kesehatan" in companion and "near_v=before:accompanying:b" in companion
    assert "in_evidence=True" in companion and "quoted=False" in companion
    quoted = pairs["Joko Widodo"]
    assert "quoted=True" in quoted and "rule=False" in quoted
    assert "head=presiden" in quoted


def test_features_without_the_rules_leave_out_their_decision():
    feats = pairs_of(VISIT, rules=False)["I Komang Adi Sujendra"]
    assert not any(f.startswith(("rule=", "role=", "anchored=")) for f in feats)


def test_folds_never_share_an_article():
    folds = fold_split(160, 5, seed=0)
    assert sorted(i for held in folds for i in held) == list(range(160))
    for k, held in enumerate(folds):
        train = set(range(160)) - held
        assert not train & held and 30 <= len(held) <= 34, k
    assert fold_split(160, 5, seed=0) == folds and fold_split(160, 5, seed=1) != folds


def test_a_trained_model_drops_the_quoted_and_keeps_the_named_at_the_event(tmp_path):
    examples = [(feats, float("quoted=True" not in feats)) for feats in pairs_of(VISIT).values()] * 20
    model = fit(examples)
    pairs = pairs_of(VISIT)
    assert model.prob(pairs["Joko Widodo"]) < 0.2 < 0.8 < model.prob(pairs["Rusdy Mastura"])
    model.save(tmp_path)
    again = PresenceModel.load(tmp_path)
    assert abs(again.prob(pairs["Rusdy Mastura"]) - model.prob(pairs["Rusdy Mastura"])) < 1e-3


def test_the_hook_revises_the_attendees_and_none_leaves_the_rules_alone():
    officials = find_officials(VISIT)
    rules = find_meetings(VISIT, officials, [])
    assert find_meetings(VISIT, officials, [], presence=None) == rules
    names = {p["name"] for p in rules[0]["participants"]}
    assert {"Rusdy Mastura", "I Komang Adi Sujendra"} <= names and "Joko Widodo" not in names
    everyone = PresenceModel({"bias": 5.0})  # says every official was there
    added = {p["name"] for p in find_meetings(VISIT, officials, [], presence=everyone.revise)[0]["participants"]}
    assert "Joko Widodo" in added
    nobody = PresenceModel({"bias": -5.0})
    assert find_meetings(VISIT, officials, [], presence=nobody.revise) == []
