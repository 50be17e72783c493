import datetime as dt

import pandas as pd

from transforms.extract import extract


def _events(text: str, published=dt.date(2023, 5, 2)) -> pd.DataFrame:
    art = pd.DataFrame(
        [
            {
                "article_id": "a1", "source_id": "a1", "source": None, "url": None, "title": None,
                "dateline_place": None, "published_at": published, "text": text, "n_words": len(text.split()),
                "raw_path": "a1",
            }
        ]
    )  # fmt: skip
    return extract(art).events


def test_a_settlement_unknown_to_the_gazetteer_is_placed_by_the_region_after_it():
    ev = _events("On 1 May 2023, Russian forces shelled Zzyzxivka, Donetsk region. Casualties unknown.")
    assert len(ev) == 1
    e = ev.iloc[0]
    assert (e["location"], e["admin1"], e["admin1_iso"], e["geo_precision"]) == (
        "Zzyzxivka",
        "Donetsk",
        "UA-14",
        2,
    )
    assert e["event_date"] == dt.date(2023, 5, 1)


def test_the_region_after_a_place_picks_the_same_named_settlement_in_that_region():
    kharkiv = _events("On 1 May 2023, Russian forces shelled Mykolaivka, Kharkiv region.").iloc[0]
    donetsk = _events("On 1 May 2023, Russian forces shelled Mykolaivka, Donetsk region.").iloc[0]
    assert kharkiv["admin1_iso"] == "UA-63" and donetsk["admin1_iso"] == "UA-14"


def test_casualties_in_the_next_sentence_belong_to_the_event():
    ev = _events(
        "On 1 May 2023, Russian missiles struck Odesa. Two civilians were killed and 5 were injured, officials said."
    )
    assert len(ev) == 1
    assert (ev.iloc[0]["fatalities"], ev.iloc[0]["injuries"]) == (2, 5)


def test_battles_outrank_the_artillery_that_supports_them():
    ev = _events(
        "On 1 May 2023, Russian forces, accompanied by artillery, assaulted Ukrainian positions near Bakhmut, Donetsk, and were repulsed."
    )
    assert ev.iloc[0]["sub_event_type"] == "Armed clash"


def test_territory_changes_outrank_the_clashes_before_them():
    ev = _events("On 1 May 2023, following clashes, Ukrainian forces recaptured Kupiansk, Kharkiv region.")
    assert ev.iloc[0]["sub_event_type"] == "Government regains territory"


def test_may_the_month_is_not_a_modal_verb():
    assert len(_events("On 6 May 2022, Russian forces shelled Kupiansk, Kharkiv. Casualties unknown.")) == 1
    assert len(_events("Russian forces may shell Kupiansk, Kharkiv, next week.")) == 0


def test_downing_a_manned_aircraft_is_an_attack_and_downing_a_drone_an_interception():
    plane = _events(
        "On 1 May 2023, Ukrainian air defense shot down a Russian Su-34 near Izium, Kharkiv region."
    )
    drone = _events(
        "On 1 May 2023, Ukrainian air defense shot down a Russian drone near Izium, Kharkiv region."
    )
    assert plane.iloc[0]["sub_event_type"] == "Shelling/artillery/missile attack"
    assert drone.iloc[0]["sub_event_type"] == "Disrupted weapons use"


def test_strikes_by_air_forces_are_air_strikes_even_with_artillery():
    ev = _events(
        "On 1 May 2023, Russian air forces and artillery struck Ukrainian forces near Bakhmut, Donetsk."
    )
    assert ev.iloc[0]["sub_event_type"] == "Air/drone strike"
