import datetime as dt

import pytest

from transforms.events.structure import (
    datelines,
    filed_on,
    is_quote,
    paragraphs,
    parse_dateline,
    reprint_start,
    stamp_hour,
)
from transforms.ingest import clean_text


@pytest.mark.parametrize(
    ("text", "place", "agency", "body"),
    [
        ("KYIV, Ukraine (AP) — Drones hit the port.", "KYIV", "AP", "Drones"),
        ("ODESA, Nov 17 (Reuters) - Drones hit the port.", "ODESA", "Reuters", "Drones"),
        ("Kharkiv (AFP) - Drones hit the city.", "Kharkiv", "AFP", "Drones"),
        ("KYIV: Drones hit the capital overnight.", "KYIV", None, "Drones"),
        ("LVIV, Ukraine (AP)  Drones hit the city.", "LVIV", "AP", "Drones"),  # the scrape lost the dash
        ("KYIV, Ukraine—Drones hit the port.", "KYIV", None, "Drones"),  # a long dash touching the body
        (
            "KYIV/WARSAW, May 2 (Reuters) - Drones hit the port.",
            "KYIV/WARSAW",
            "Reuters",
            "Drones",
        ),  # two cities
        # the day before the month, as AFP and BelTA write it, and a title-case city before it
        ("Odesa, 4 June (AFP) – Drones hit the port.", "Odesa", "AFP", "Drones"),
        ("MINSK, 4 June 2023 (BelTA) - Drones hit the port.", "MINSK", "BelTA", "Drones"),
        ("Kherson, June 4 (Xinhua) -- Drones hit the port.", "Kherson", "Xinhua", "Drones"),
        # a title-case city before its country and the agency
        ("Sumy, Ukraine (AFP) – Drones hit the city.", "Sumy", "AFP", "Drones"),
        ("Odesa, Ukraine, 4 June (AFP) – Drones hit the port.", "Odesa", "AFP", "Drones"),
    ],
)
def test_datelines_of_the_agency_formats(text, place, agency, body):
    dl = parse_dateline(text)
    assert (dl.place, dl.agency, text[dl.end :].split()[0]) == (place, agency, body)


@pytest.mark.parametrize(
    "text", ["Officials said — nothing more", "The city: a view", "NATO said drones flew"]
)
def test_ordinary_openings_are_no_datelines(text):
    assert parse_dateline(text) is None


def test_every_paragraph_can_open_with_its_own_dateline():
    text = "KYIV, Ukraine (AP) — First story.\n\nMOSCOW (AP) — Second story."
    assert sorted(datelines(text).items()) == [(0, 21), (35, 49)]


def test_time_stamps_open_live_blog_entries_and_bylines_are_marked():
    text = "Morning summary.\n\n10.32 BST\n\nDrones hit the port.\n\nBy JANE ROE\n\n11:05 a.m.\n\nMore news."
    kinds = [(p.kind, p.entry) for p in paragraphs(text)]
    assert kinds == [("text", 0), ("timestamp", 1), ("text", 1), ("byline", 1), ("timestamp", 2), ("text", 2)]


def test_a_sentence_hard_wrapped_over_lines_is_joined_again():
    body, _ = clean_text("Shelling hit the town.\nThe mayor was\nwounded in the attack, officials said.\n")
    assert body == "Shelling hit the town.\n\nThe mayor was wounded in the attack, officials said."


def test_quotes():
    assert is_quote("“We will hold the line,” he said.") and not is_quote("He said they would hold.")


def test_a_reprinted_document_starts_after_the_paragraph_announcing_it():
    text = (
        "In her briefing on Monday, the minister spoke of the harvest.\n\n"
        "The full text of the briefing follows:\n\n"
        "Good afternoon. Today we signed three contracts."
    )
    start = reprint_start(text, paragraphs(text))
    assert text[start:].startswith("Good afternoon")
    plain = "Drones hit Sumy on Monday.\n\nThe mayor said below the bridge a car burned."
    assert reprint_start(plain, paragraphs(plain)) is None


def test_a_title_case_dateline_names_its_country_and_a_title_does_not_pass_for_one():
    from transforms.events.structure import parse_dateline

    d = parse_dateline("Odesa, Ukraine — Drones struck the port overnight.")
    assert (d.place, d.region) == ("Odesa", "Ukraine")
    assert parse_dateline("Zelensky, Biden — what the talks may bring") is None


def test_a_photos_caption_is_marked_and_an_attributed_paragraph_is_not():
    text = (
        "A rescuer climbs over slabs at the building struck in Dnipro, Sunday, Jan. 15, 2023. (AP Photo/Jane Roe)"
        "\n\nPhoto: Volunteers clear debris from the cathedral.\n\n"
        "Missiles hit the port overnight, injuring three people, the governor said. (Reuters)"
    )
    assert [p.kind for p in paragraphs(text)] == ["caption", "caption", "text"]


@pytest.mark.parametrize(
    ("text", "published", "day"),
    [
        (
            "KYIV, July 20 (Reuters) - Drones hit the port.",
            "2023-07-21",
            "2023-07-20",
        ),  # reprinted a day later
        ("Odesa, 20 July (AFP) – Drones hit the port.", "2023-07-20", "2023-07-20"),
        ("KYIV, Dec 31 (Reuters) - Drones hit the port.", "2024-01-02", "2023-12-31"),  # across the new year
        ("KYIV, July 2 (Reuters) - Drones hit the port.", "2023-07-21", None),  # more than a week: no reprint
        ("KYIV, Ukraine (AP) — Drones hit the port.", "2023-07-21", None),  # no day named
        ("Drones hit the port on July 20.", "2023-07-21", None),  # no dateline
    ],
)
def test_the_day_a_stories_dateline_names_is_its_own_today(text, published, day):
    got = filed_on(text, dt.date.fromisoformat(published))
    assert (got.isoformat() if got else None) == day


@pytest.mark.parametrize(
    ("stamp", "hour"),
    [
        ("14:15", 14),
        ("2:15 p.m.", 14),
        ("12:30 a.m.", 0),
        ("10.32 BST", 10),
        ("Updated at 09.15", 9),
        ("Kyiv", None),
    ],
)
def test_the_hour_of_a_live_blogs_time_stamp(stamp, hour):
    assert stamp_hour(stamp) == hour


def test_a_labelled_section_opens_a_new_account():
    from transforms.events.structure import opens_a_section

    assert opens_a_section("Background: On Friday, troops crossed the border.")
    assert opens_a_section("For context: the town was shelled last week.")
    assert not opens_a_section("The background to the attack: a week of shelling.")
