import datetime as dt

import pandas as pd

from transforms import evaluate
from transforms.evaluate import acled_articles, admin1_iso, score_acled, score_tiered, side
from transforms.extract import extract


def test_sides_of_acled_actors():
    assert side("Military Forces of Russia (2000-) Air Force") == "Russia"
    assert side("NAF: United Armed Forces of Novorossiya") == "Russia"
    assert side("Military Forces of Ukraine (2019-)") == "Ukraine"
    assert side("Protesters (Ukraine)") == "Ukraine"
    assert side("Unidentified Military Forces") == "other"


def test_acled_admin1_names_map_to_iso_codes():
    assert admin1_iso("Kyiv City") == "UA-30"
    assert admin1_iso("Kyiv") == "UA-32"
    assert admin1_iso("Zaporizhia") == "UA-23"
    assert admin1_iso("Kirovograd") == "UA-35"


def _gold():
    return pd.DataFrame(
        [
            {"event_date": "2023-05-01", "event_type": "Explosions/Remote violence",
             "sub_event_type": "Shelling/artillery/missile attack", "actor1": "Military Forces of Russia (2000-)",
             "actor2": "", "admin1": "Kharkiv", "location": "Kupiansk", "fatalities": 2,
             "notes": "On 1 May 2023, Russian forces shelled Kupiansk, Kharkiv. 2 civilians were killed."},
            {"event_date": "2023-05-02", "event_type": "Protests", "sub_event_type": "Peaceful protest",
             "actor1": "Protesters (Ukraine)", "actor2": "", "admin1": "Lviv", "location": "Lviv", "fatalities": 0,
             "notes": "On 2 May 2023, residents gathered for a silent protest in Lviv."},
        ]
    )  # fmt: skip


def test_score_acled_counts_each_field_on_the_best_matching_event():
    gold = _gold()
    articles = acled_articles(gold)
    assert articles["published_at"].tolist() == [dt.date(2023, 5, 2), dt.date(2023, 5, 3)]
    report = score_acled(gold, articles, extract(articles).events)
    assert report["note_yields_event"] == 1.0
    assert report["sub_event_type"] == 1.0 and report["admin1"] == 1.0 and report["fatalities"] == 1.0
    assert report["per_sub_event_type"]["Peaceful protest"]["recall"] == 1.0


def test_a_notes_best_event_has_the_sub_event_type_right_first_then_the_most_fields():
    g = _gold().iloc[0]
    shelling = {"event_date": "2023-05-01", "event_type": "Explosions/Remote violence",
                "sub_event_type": "Shelling/artillery/missile attack", "actor1": "Military Forces of Russia (2000-)",
                "admin1_iso": "UA-63", "location": "Kupiansk", "fatalities": 2}  # fmt: skip
    drone = shelling | {"sub_event_type": "Air/drone strike"}  # every other field right
    elsewhere = shelling | {"admin1_iso": "UA-14", "location": "Bakhmut", "fatalities": 0}
    hits, event = evaluate._best_event(g, pd.DataFrame([drone, elsewhere, elsewhere | {"fatalities": 2}]))
    assert event.name == 2 and hits["sub_event_type"] and hits["fatalities"] and not hits["admin1"]
    hits, event = evaluate._best_event(g, pd.DataFrame([drone, elsewhere, elsewhere]))
    assert event.name == 1  # the first of equals
    hits, event = evaluate._best_event(g, pd.DataFrame([drone]))
    assert not hits["sub_event_type"] and hits["location"]


def test_a_wrong_extraction_lowers_the_score():
    gold = _gold()
    articles = acled_articles(gold)
    events = extract(articles).events
    events.loc[0, "admin1_iso"] = "UA-14"
    report = score_acled(gold, articles, events)
    assert report["admin1"] == 0.5


def test_score_tiered_reports_recall_and_precision(seed_text, shared_eval):
    from transforms.ingest import build_articles

    gold = pd.read_csv(shared_eval / "seed_gold_events.csv", keep_default_na=False)
    events = extract(
        build_articles([{"raw_path": "s", "text": seed_text, "published_at": "2024-11-02"}]).articles
    ).events
    report = score_tiered(gold, events)
    assert report["tier1_recall"] == 1.0 and report["precision"] >= 0.9
    report = score_tiered(gold, events.iloc[1:])
    assert report["tier1_recall"] < 1.0 and report["tier1_missing"]


def test_figures_can_be_broken_down_by_a_gold_column():
    gold = _gold()
    gold["source"] = ["a", "b"]
    articles = acled_articles(gold)
    events = extract(articles).events
    events.loc[events["article_id"] == articles["article_id"].iloc[1], "admin1_iso"] = "UA-14"
    report = score_acled(gold, articles, events, by="source")
    assert report["admin1"] == 0.5
    assert (report["by"]["a"]["admin1"], report["by"]["b"]["admin1"]) == (1.0, 0.0)
    assert report["by"]["a"]["notes"] == 1


def test_rows_list_each_gold_note_with_its_best_event_and_the_fields_it_got_right():
    gold = _gold()
    articles = acled_articles(gold)
    events = extract(articles).events
    events.loc[events["article_id"] == articles["article_id"].iloc[0], "fatalities"] = 5
    rows: list[dict] = []
    score_acled(gold, articles, events, rows=rows)
    assert len(rows) == 2
    assert rows[0]["gold_location"] == "Kupiansk" and rows[0]["pred_location"] == "Kupiansk"
    assert (rows[0]["gold_fatalities"], rows[0]["pred_fatalities"], rows[0]["ok_fatalities"]) == (2, 5, False)
    assert rows[0]["ok_admin1"] and rows[1]["ok_sub_event_type"]
    rows = []
    score_acled(gold, articles, events.iloc[0:0], rows=rows)
    assert rows[1]["n_events"] == 0 and not rows[1]["ok_event_type"]


def test_a_monadic_gold_row_is_right_when_its_actor_is_either_actor_of_the_event():
    # ACLED's monadic export has one line per actor: the Ukraine-side line of a shelling by Russia names Ukraine
    # as actor1, with the two-actor interaction code 18 and no actor2
    gold = _gold().head(1).assign(actor1="Military Forces of Ukraine (2019-)", actor2="", interaction="18")
    gold.loc[0, "notes"] = "On 1 May 2023, Russian forces shelled Ukrainian positions near Kupiansk, Kharkiv."
    articles = acled_articles(gold)
    report = score_acled(gold, articles, extract(articles).events)
    assert report["actor1_side"] == 0.0  # read as a dyadic row: the wrong side
    assert report["actor1_side_any_layout"] == 1.0  # Ukraine is the event's actor2
    assert report["actor2_side"] is None  # a monadic line says nothing of actor2
    dyadic = score_acled(gold.assign(interaction="10"), articles, extract(articles).events)
    assert dyadic["actor1_side_any_layout"] == 0.0
