"""The libraries that generate registry aliases, checked against the official romanization test vectors."""

import csv

import pytest

from transforms.names.keys import translit_key


@pytest.fixture(scope="module")
def vectors(shared_eval):
    with (shared_eval / "interscript_maps_tests_ukr_rus_kor.tsv").open(encoding="utf-8") as fh:
        return list(csv.DictReader(fh, delimiter="\t"))


def test_transliteration_ua_reproduces_every_kmu_2010_vector(vectors):
    from transliteration_ua import transliterate_ua

    rows = [r for r in vectors if r["map"] == "ua-ukr-Cyrl-Latn-2010"]
    assert len(rows) >= 70
    assert [transliterate_ua(r["source"]) for r in rows] == [r["expected"] for r in rows]


@pytest.mark.parametrize(
    ("map_id", "scheme"),
    [
        ("bgnpcgn-rus-Cyrl-Latn-1947", "BGN_PCGN"),
        ("alalc-rus-Cyrl-Latn-1997", "ALA_LC"),
        ("un-rus-Cyrl-Latn-1987", "UNGEGN_1987"),
        ("gost-rus-Cyrl-Latn-7.79-2000-2002", "GOST_779"),
    ],
)
def test_iuliia_russian_schemes_give_the_same_name_keys_as_the_official_vectors(vectors, map_id, scheme):
    """iuliia differs from the vectors in the case of all-caps text, in ё and in the BGN interpunct (Т·С) edge
    cases; for names the keys agree."""
    import iuliia

    translate = getattr(iuliia, scheme).translate
    rows = [r for r in vectors if r["map"] == map_id]
    same = sum(translit_key(translate(r["source"])) == translit_key(r["expected"]) for r in rows)
    assert same / len(rows) >= 0.8, (same, len(rows))
