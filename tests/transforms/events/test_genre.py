import datetime as dt

import pandas as pd
import pytest

from tests.transforms.events.articles import article_events
from transforms.events.genre import outside_quotes, retrospective, story_kind
from transforms.extract import extract

PUB = dt.date(2024, 11, 2)  # a Saturday


def _kind(text: str, title: str | None = None) -> str:
    spans, pos = [], 0
    for part in text.split(". "):  # our test texts: one sentence per ". "
        spans.append((pos, pos + len(part) + 1))
        pos += len(part) + 2
    return story_kind(title, text, spans, PUB)


@pytest.mark.parametrize(
    "lead",
    [
        "Drones struck a fuel depot near Poltava, the regional governor said. Firefighters worked through the night",
        "Ukrainian troops have pushed Russian units out of two villages east of Kupiansk. The army gave no details",
        "A missile hit a grain terminal in Izmail on Thursday. The port stopped loading ships",
        "Heavy fighting went on overnight around Pokrovsk. Both armies brought up reserves",
    ],
)
def test_a_lead_with_the_news_time_present_perfect_or_a_source_is_a_news_report(lead):
    assert _kind(lead) == "news"


@pytest.mark.parametrize(
    ("lead", "title"),
    [
        (
            "The snow had not yet settled on the trenches. A medic named Oksana packed her bag in silence. "
            "Her brother drove the van. Nobody spoke on the road east",
            None,
        ),
        (
            "Few cities carry their scars as openly as Kharkiv. Its tram depot still stands roofless. "
            "Children play between the rails. Their parents watch the sky",
            "The city that would not leave",
        ),
    ],
)
def test_a_lead_that_sets_a_scene_is_a_feature(lead, title):
    assert _kind(lead, title) == "feature"


def test_opinion_pieces_say_so_in_the_headline_a_note_or_the_first_person():
    assert _kind("The alliance is slow. Its leaders hesitate", "Opinion: Europe must wake up") == "opinion"
    assert _kind("Editor's Note: Ann Doe teaches history. The views expressed are her own") == "opinion"
    assert _kind("Every winter I wonder how long the grid will hold. The answer is grim") == "opinion"


def test_first_person_inside_a_quote_is_the_speaker_not_the_writer():
    lead = "“I saw the flash and then the roof fell. We ran,” a resident of Sumy said. Rescuers dug all day"
    assert _kind(lead) == "news"
    assert outside_quotes(["“I saw it. Then", "we ran,” she said."]) == ["", " she said."]


def test_a_live_blog_is_news_and_a_photo_caption_is_not_the_lead():
    assert _kind("Our coverage continues. Here is the latest", "War in Ukraine – as it happened") == "live"
    caption = "FILE - A tank crosses a field near Sumy (AP Photo/Jane Roe). The old harbour lies quiet"
    assert (
        _kind(caption + ". Gulls circle the cranes. A fisherman mends his nets. The sea is grey") == "feature"
    )
    assert _kind("FILE - Troops said goodbye at a station in 2022. A short note") == "news"  # a brief


def test_an_undated_event_in_a_feature_is_background_but_a_dated_one_is_coded():
    feature = (
        "The bells of the old church in Sumy rang again this spring, after a long silence. "
        "Russian artillery shelled the town square and destroyed the bell tower. "
        "The bell-ringer, a retired teacher, kept the cracked bell in his garage. "
        "He polished it every week.\n\n"
        "The war is never far away. A Russian drone struck a warehouse in Sumy on Wednesday, the mayor said."
    )
    ev = article_events(feature, PUB)
    assert [(e.sub_event_type, str(e.event_date)[:10]) for e in ev.itertuples()] == [
        ("Air/drone strike", "2024-10-30")
    ]
    news = "Russian artillery shelled the town square in Sumy and destroyed the bell tower, the mayor said."
    assert [str(d)[:10] for d in article_events(news, PUB)["event_date"]] == ["2024-11-02"]


def test_in_a_feature_told_by_dated_entries_the_entrys_day_dates_the_account_after_it():
    feature = (
        "The bells of the old church in Sumy rang again this spring, after a long silence. "
        "Russian artillery shelled the town square and destroyed the bell tower. "
        "The bell-ringer, a retired teacher, kept the cracked bell in his garage. "
        "He polished it every week.\n\n"
        "Day 250: Wednesday 30 October. The army is tired but holding. "
        "Russian troops have broken into Vovchansk after weeks of assaults.\n\n"
        "Russian troops have broken into Kupiansk after weeks of assaults."
    )
    ev = article_events(feature, PUB)
    # the entry's paragraph is dated by its heading; the undated paragraph after it is still background
    assert [(e.location, str(e.event_date)[:10]) for e in ev.itertuples()] == [("Vovchansk", "2024-10-30")]


def test_a_coders_note_is_its_own_kind_and_has_a_news_day():
    assert (
        _kind("On 3 May 2024, Russian forces shelled Nikopol, Dnipropetrovsk. Casualties unknown") == "note"
    )
    long_history = ". ".join(["On 24 February 2022, the invasion began"] + ["The city burned"] * 8)
    assert _kind(long_history) != "note"


def test_a_story_told_at_an_earlier_time_is_a_retrospective_without_a_news_day():
    past = (
        "Talks began in March, officials have said. The first round met on 28 February. Another followed on "
        "3 March. A third came on 7 March. The ministers met on 10 March. A draft was ready on 29 March. "
        "Russian forces shelled the town square in Sumy and destroyed the bell tower."
    )
    assert retrospective(past, PUB)
    assert _kind(past) == "retrospective"
    assert article_events(past, PUB).empty
    news = past.replace("Talks began in March", "Drones hit Sumy on Friday and Saturday and again on Sunday")
    assert not retrospective(news + " Shells fell on Monday and Tuesday.", PUB)


def test_a_court_report_tells_the_cases_events_not_the_news_days():
    lead = (
        "A court in Chernihiv sentenced a Russian soldier in absentia to 12 years in prison on Friday for killing "
        "two civilians. Prosecutors said the soldier shot dead a farmer and his neighbour in a village near the "
        "town. He was also convicted of looting. The soldier is believed to be in Russia."
    )
    assert _kind(lead, "Ukrainian court jails Russian soldier in absentia") == "trial"
    art = pd.DataFrame(
        [{"article_id": "a", "source_id": "a", "source": None, "url": None, "title": "Court jails Russian soldier",
          "dateline_place": None, "published_at": PUB, "text": lead + "\n\nA Russian drone hit a school in Sumy "
          "on Thursday, the governor said.", "n_words": 80, "raw_path": "a"}]
    )  # fmt: skip
    ev = extract(art).events
    assert [(e.location, str(e.event_date)[:10]) for e in ev.itertuples()] == [("Sumy", "2024-10-31")]
    # a digest whose headline names a court, its lead the news of the day, is news
    assert _kind(lead.replace("A court in Chernihiv", "Russian missiles hit Chernihiv on Friday. A court there"),
                 "Missiles hit Chernihiv; court jails soldier") == "news"  # fmt: skip


def test_a_report_that_counts_the_past_day_is_news():
    text = (
        "Over the past day, 41 combat clashes took place along the front line. The enemy concentrated its main "
        "efforts on three fronts. Ukraine's forces continue to hold their positions"
    )
    assert _kind(text) == "news"
