import datetime as dt

import pytest

from tests.transforms.events.articles import article_events
from transforms.events.dates import find_dates
from transforms.events.temporal import event_time, judicial, sentence_time, spoken_on

PUB = dt.date(2024, 11, 2)  # a Saturday


def test_a_sentence_dated_within_the_news_window_is_news():
    t = sentence_time("On Thursday a missile hit a warehouse in Odesa.", PUB)
    assert t.status == "news" and t.own.date == dt.date(2024, 10, 31)


def test_a_sentence_dated_before_the_window_is_background_and_says_when():
    t = sentence_time("The soldier shot a driver on 28 February in a village near Sumy.", PUB)
    assert t.status == "background" and "2024-02-28" in t.reason


def test_a_month_is_news_while_one_of_its_days_is_in_the_window():
    assert sentence_time("Shelling of the town intensified in October.", PUB).status == "news"
    assert sentence_time("Shelling of the town intensified in August.", PUB).status == "background"


def test_cues_of_background_aggregate_and_denial():
    assert sentence_time("The city has been shelled since the start of the war.", PUB).status == "background"
    assert sentence_time("Drones hit 40 towns across Ukraine over the past day.", PUB).status == "aggregate"
    assert sentence_time("The ministry denied that its jets had struck the market.", PUB).status == "denied"


def test_an_undated_event_takes_the_account_it_continues_else_the_news_day():
    undated = sentence_time("A drone hit a house.", PUB)
    assert event_time(undated, None, PUB).date == PUB and not event_time(undated, None, PUB).explicit
    assert event_time(undated, dt.date(2024, 11, 1), PUB).date == dt.date(2024, 11, 1)


def _events(text: str):
    return article_events(text, PUB)


def test_a_background_sentence_does_not_date_the_events_told_after_it():
    ev = _events(
        "The sergeant is accused of shooting a civilian on 28 February in the village of Chupakhivka. "
        "Officials reported missile strikes around Poltava that killed two people."
    )
    assert len(ev) == 1
    assert ev.iloc[0]["location"] == "Poltava" and ev.iloc[0]["event_date"] == PUB


def test_the_weekend_is_the_saturday_before_publication_and_a_reports_day_is_not_the_events():
    wed = dt.date(2024, 11, 6)
    assert sentence_time("A school was hit at the weekend.", wed).own.date == dt.date(2024, 11, 2)
    t = sentence_time("The governor said on Tuesday that a shell hit the hospital over the weekend.", wed)
    assert t.own.date == dt.date(2024, 11, 2)


def test_a_date_carries_over_one_account_but_not_to_another_region():
    # (past the lead: a day the lead names is the story's news day, below)
    ev = _events(
        "Officials in the east reported more attacks across their regions.\n\n"
        "On Thursday, Russian artillery shelled Kupiansk in the Kharkiv region. "
        "Russian drones also struck Nikopol in the Dnipropetrovsk region."
    )
    dates = dict(zip(ev["location"], ev["event_date"], strict=True))
    assert dates == {"Kupiansk": dt.date(2024, 10, 31), "Nikopol": PUB}


def test_today_in_a_reprinted_speech_is_the_day_it_was_given():
    published = dt.date(2024, 3, 9)  # a Saturday; the address was on Thursday
    assert spoken_on("In his video address on Thursday night, the president spoke of energy.", published) == (
        dt.date(2024, 3, 7)
    )
    text = (
        "In his video address on Thursday night, the president spoke of energy and of the front.\n\n"
        "Read the president's full address below:\n\n"
        "Dear compatriots! Today, Russian artillery shelled Nikopol again, and two people were wounded."
    )
    ev = article_events(text, published)
    assert [str(d)[:10] for d in ev["event_date"]] == ["2024-03-07"]


def test_one_days_barrage_across_the_country_is_one_country_level_event_and_its_interception_another():
    published = dt.date(2024, 3, 9)
    assert sentence_time(
        "Russia fired 40 missiles at power plants across Ukraine on Friday.", published
    ).status == ("nationwide")
    roundup = "Russian attacks across Ukraine killed five civilians over the past day."
    assert sentence_time(roundup, published).status == "aggregate"
    ev = article_events(
        "Russia fired 40 missiles at power plants across Ukraine on Friday, officials said.\n\n"
        "Air defences shot down 31 of them, the air force said.",
        published,
    )
    assert sorted(ev["sub_event_type"]) == ["Disrupted weapons use", "Shelling/artillery/missile attack"]
    assert ev["admin1_iso"].isna().all() and set(ev["country"]) == {"Ukraine"}
    assert {str(d)[:10] for d in ev["event_date"]} == {"2024-03-08"}


def test_undated_strikes_told_after_a_barrage_over_the_country_are_its_strikes_on_its_day():
    # a summary filed the morning after: the barrage has its day, the strikes told paragraphs later none
    story = (
        "Russia fired dozens of cruise missiles at power stations across Ukraine on Wednesday, the air force said."
        "\n\nThe grid operator warned of long outages.\n\n"
        "In Kharkiv, two rockets hit a substation, wounding a worker, the mayor said.\n\n"
        "In the Lviv region, a missile hit a village near Zolochiv, killing three people."
    )
    ev = article_events(story, dt.date(2024, 3, 14))
    local = ev[ev["location"].isin(["Kharkiv", "Zolochiv"])]
    assert len(local) == 2 and {str(d)[:10] for d in local["event_date"]} == {"2024-03-13"}
    # ... until a strike is told on a day of its own: what follows it is no longer the barrage's
    story2 = story.replace(
        "In the Lviv region,", "On Thursday morning a drone hit Odesa.\n\nIn the Lviv region,"
    )
    ev2 = article_events(story2, dt.date(2024, 3, 14))
    assert [str(d)[:10] for d in ev2[ev2["location"] == "Zolochiv"]["event_date"]] == ["2024-03-14"]


def test_an_interception_told_by_the_source_of_a_barrage_in_a_which_said_clause_is_its_row():
    # "..., which said air defences shot down 31": the source's words, not a description of the source
    ev = article_events(
        "On Tuesday, Russia launched 40 cruise missiles at power plants across Ukraine, according to the "
        "air force, which said air defences shot down 31 of them.\n\n"
        "In Lutsk, a missile hit a substation, the mayor said.",
        dt.date(2024, 3, 14),
    )
    downed = ev[ev["sub_event_type"] == "Disrupted weapons use"]
    assert len(downed) == 1 and str(downed.iloc[0]["event_date"])[:10] == "2024-03-12"


def test_an_interception_of_part_of_the_weapons_told_before_is_on_their_day():
    ev = article_events(
        "Russia launched 20 drones at Ukraine overnight on 12 March, the air force reported. "
        "Seventeen of them were shot down.",
        dt.date(2024, 3, 14),
    )
    downed = ev[ev["sub_event_type"] == "Disrupted weapons use"]
    assert [str(d)[:10] for d in downed["event_date"]] == ["2024-03-12"]


def test_hours_later_is_the_day_the_sentence_before_named_and_nothing_after_nothing_dated():
    story = (
        "The army chief said early on 3 March that his units were pulling out of the town to avoid encirclement. "
        "Hours later, the Russian defence ministry said its forces had captured the town of Marinka."
    )
    ev = article_events(story, dt.date(2024, 3, 5))
    assert [str(d)[:10] for d in ev["event_date"]] == ["2024-03-03"]
    # after a sentence with no day, "hours later" dates nothing: the day named later in the sentence does
    ev = article_events(
        "A bomb damaged a railway line in the Bryansk region, the governor said.\n\n"
        "Less than 24 hours later, on Monday, a second device exploded under a train near Unecha.",
        dt.date(2024, 3, 5),
    )
    assert "2024-03-04" in {str(d)[:10] for d in ev["event_date"]}


def test_the_event_named_again_as_what_came_before_another_is_not_told_again_and_dates_the_other():
    story = (
        "A Ukrainian drone hit an oil depot in the Russian town of Klintsy on Wednesday, the governor said.\n\n"
        "The drone strike came a day after Russian missiles hit a hotel in Kramatorsk, killing two people.\n\n"
        "The attack came hours after the Russian envoy met Turkish officials in Ankara."
    )
    ev = article_events(story, dt.date(2024, 3, 8))
    assert sorted(zip(ev["location"], [str(d)[:10] for d in ev["event_date"]], strict=True)) == [
        ("Klintsy", "2024-03-06"),
        ("Kramatorsk", "2024-03-05"),
    ]


def test_the_day_told_with_a_nationwide_attack_dates_it_not_the_first_date_of_the_sentence():
    ev = article_events(
        "The weekend was calm in the capital after Thursday's drone attacks across the country, which caused little damage.",
        dt.date(2024, 3, 11),
    )
    assert [str(d)[:10] for d in ev["event_date"]] == ["2024-03-07"]


def test_a_plan_told_in_a_closing_time_clause_does_not_make_the_main_clause_hypothetical():
    published = dt.date(2024, 3, 9)
    real = "Russia resumed missile strikes on Odesa on Friday after warning that it planned to hit the port."
    assert sentence_time(real, published).status == "news"
    plan = "After the talks failed, Russia warned that it planned to hit the port of Odesa on Friday."
    assert sentence_time(plan, published).status == "hypothetical"
    assert sentence_time(
        "Drones hit Sumy on Friday, and the whole region remains under threat.", published
    ).status == ("news")


def test_an_account_of_an_earlier_time_goes_on_in_the_past_tense_until_the_present_returns_to_the_news():
    text = (
        "Day 12: Sunday 6 March: Russian troops shelled the centre of Irpin. "
        "Ukrainian soldiers clashed with Russian units near the bridge in Irpin. "
        "Now Irpin is being rebuilt, and on Friday a drone hit a school in Irpin."
    )
    ev = article_events(text, dt.date(2024, 5, 11))
    assert [str(d)[:10] for d in ev["event_date"]] == ["2024-05-10"]
    assert find_dates("Day 24: Saturday 19 March", dt.date(2024, 3, 30))[0].date == dt.date(2024, 3, 19)
    assert find_dates("In March, a theatre was bombed.", dt.date(2024, 5, 30))[0].precision == 3


def test_what_a_place_has_been_through_is_its_state_not_an_event_unless_a_day_is_named():
    published = dt.date(2024, 3, 9)
    assert (
        sentence_time("The town of Vovchansk has witnessed repeated airstrikes.", published).status
        == "aggregate"
    )
    assert sentence_time(
        "The port has been subjected to weeks of punishing shell fire.", published
    ).status == ("aggregate")
    assert sentence_time("Odesa came under repeated missile strikes on Friday.", published).status == "news"
    took = "Russia has taken control of most of Vovchansk, which has come under intense shelling."
    assert sentence_time(took, published).status == "news"


def test_a_habit_word_does_not_hide_the_event_of_a_named_day():
    published = dt.date(2024, 3, 9)  # a Saturday
    s = "The strike on the depot came at 9pm on Friday and was followed by constant shelling of the area."
    assert sentence_time(s, published).status == "news"
    assert sentence_time("The depot comes under constant shelling.", published).status == "aggregate"
    # a count over many places or days stays one, a day named or not
    assert sentence_time("Strikes across the regions on Friday killed nine.", published).status == "aggregate"
    ev = article_events(
        "Officials said the strike on the depot in Izium came at 9pm on Friday and was followed by "
        "constant shelling that killed two firefighters.",
        published,
    )
    assert [str(d)[:10] for d in ev["event_date"]] == ["2024-03-08"]


@pytest.mark.parametrize(
    "sentence",
    [
        "The museum, whose halls are in ruins from shelling, reopened a single room.",
        "The minister walked past the burnt cars left behind by Russian shelling of the town.",
        "Aid still reaches the village, where shrapnel and mines dot the fields.",
    ],
)
def test_the_damage_a_place_bears_is_its_state_not_an_event(sentence):
    published = dt.date(2024, 3, 9)
    assert sentence_time(sentence, published).status == "aggregate"
    assert sentence_time("Russian shelling hit the museum on Friday.", published).status == "news"


def test_suspects_named_for_an_earlier_crime_tell_no_event_of_the_day():
    assert judicial("Five soldiers who looted shops in Irpin were served a notice of suspicion.")
    assert judicial("Two gunners face a first hearing, facing allegations they shelled a school.")
    ev = _events("Five soldiers who looted shops in Irpin were served a notice of suspicion on Friday.")
    assert ev.empty


def test_a_quote_from_a_speech_of_an_earlier_day_is_told_at_that_day():
    published = dt.date(2024, 3, 9)  # a Saturday
    text = (
        "In his Thursday night address, the governor spoke about the front.\n\n"
        "During his Thursday night address, the governor described the fighting around Kupiansk. "
        "“Today Russian artillery shelled Kupiansk again,” he said."
    )
    ev = article_events(text, published)
    assert set(str(d)[:10] for d in ev["event_date"]) == {"2024-03-07"}
    later = article_events(
        "Officials spoke on Thursday. “Today Russian artillery shelled Kupiansk,” he said.", published
    )
    assert [str(d)[:10] for d in later["event_date"]] == ["2024-03-09"]  # no speech of that day was told


def test_an_undated_event_in_the_past_perfect_happened_before_the_report():
    ev = _events("The governor said Russian forces had been repulsed near Bilohorivka, Luhansk region.")
    assert [str(d)[:10] for d in ev["event_date"]] == ["2024-11-01"]
    now = _events("The governor said Russian forces were repulsed near Bilohorivka, Luhansk region.")
    assert [str(d)[:10] for d in now["event_date"]] == ["2024-11-02"]


def test_the_reports_day_bounds_an_event_told_in_the_past_perfect_when_no_other_day_is_named():
    wed = dt.date(2024, 11, 6)
    t = sentence_time(
        "The navy said on Monday that its divers had finished clearing mines in the harbour.", wed
    )
    assert t.own.date == dt.date(2024, 11, 4) and t.own.reported
    # another day named: that one is the event's
    t = sentence_time("The navy said on Monday that its divers had cleared the harbour on Saturday.", wed)
    assert t.own.date == dt.date(2024, 11, 2) and not t.own.reported


def test_an_undated_event_named_as_the_time_of_what_a_sentence_tells_is_no_event_of_the_day():
    published = dt.date(2024, 3, 9)
    ev = article_events(
        "When the bridge at Zatoka was blown up, the minister blamed the other side.", published
    )
    assert ev.empty, ev
    # a day of its own makes it an event of that day
    ev = article_events(
        "When the bridge at Zatoka was blown up on Friday, the minister blamed the other side.", published
    )
    assert [str(d)[:10] for d in ev["event_date"]] == ["2024-03-08"]


def test_a_live_blogs_undated_events_are_the_day_before_its_page_and_its_dated_ones_their_day():
    published = dt.date(2024, 3, 9)
    text = (
        "Welcome to our live coverage of the war. Here is what we know so far.\n\n"
        "Russian shelling killed two people in Kherson, the regional governor said.\n\n"
        "A drone hit a school in Sumy on Saturday morning, officials said."
    )
    ev = article_events(text, published, title="Ukraine war live: latest developments")
    dated = {r["location"]: str(r["event_date"])[:10] for _, r in ev.iterrows()}
    assert dated == {"Kherson": "2024-03-08", "Sumy": "2024-03-09"}, dated


def test_a_date_in_a_quote_the_teller_went_on_to_give_does_not_date_the_event():
    # PUB is Saturday 2 November: "on 3 November" in the quote would be read as last year's, background
    t = sentence_time(
        "The navy said a drone sank a tug near the spit on Friday, tweeting: “The regatta on 3 November will "
        "not take place.”",
        PUB,
    )
    assert t.status == "news" and t.own.date == dt.date(2024, 11, 1)


def test_an_event_told_n_days_after_the_sentences_day_is_that_many_days_before_it():
    from transforms.events.temporal import days_before_the_anchor

    text = "Crowds cheered in the city on Friday, a day after troops recaptured it."
    assert days_before_the_anchor(text, text.index("recaptured")) == 1
    assert days_before_the_anchor(text, text.index("cheered")) == 0
    ev = article_events(
        "Crowds cheered in Kupiansk on Friday, two days after Ukrainian troops recaptured it.", PUB
    )
    assert list(ev["event_date"]) == [dt.date(2024, 10, 30)]


def test_a_day_in_a_since_clause_is_the_yardstick_not_the_events_day():
    t = sentence_time("Missiles hit Odesa on Thursday, the heaviest strike since the one in March.", PUB)
    assert t.status == "news" and t.own.date == dt.date(2024, 10, 31)
    ev = article_events(
        "The ministry said on Saturday that Russian forces had captured Kupiansk, their biggest gain since they "
        "seized Lyman in May.",
        PUB,
    )
    # the town compared with is no event of the story, and the gain is the news of the report's day
    assert list(ev["location"]) == ["Kupiansk"] and list(ev["event_date"]) == [PUB]


def test_a_day_in_the_window_makes_news_of_a_sentence_with_a_background_word_around_it():
    t = sentence_time(
        "In the region, held by Russian forces since the first weeks of the war, officials said rockets hit "
        "a bridge on Thursday.",
        PUB,
    )
    assert t.status == "news" and t.own.date == dt.date(2024, 10, 31)
    # a day that is only the day of a report does not
    said = sentence_time(
        "The governor said on Thursday the town has been shelled since the start of the war.", PUB
    )
    assert said.status == "background"
    events = article_events(
        "In the region, held by Russian forces since the first weeks of the war, the occupation authorities "
        "said Ukrainian troops had fired rockets at a bridge near Kherson on Thursday.",
        PUB,
    )
    assert list(events["event_date"]) == [dt.date(2024, 10, 31)]


def test_a_day_in_a_relative_clause_after_the_event_is_another_things_day():
    ev = article_events(
        "The military said on Monday its forces had taken full control of Kupiansk-Vuzlovyi, extending the "
        "counteroffensive that swept Russian troops out of the region earlier this month.",
        dt.date(2024, 11, 12),
    )
    assert list(ev["event_date"]) == [dt.date(2024, 11, 11)]
    # ... but a relative clause that tells the event itself keeps its day
    ev = article_events(
        "Rescuers searched the rubble of the house in Odesa that a Russian missile hit on Thursday.", PUB
    )
    assert list(ev["event_date"]) == [dt.date(2024, 10, 31)]


def test_the_statement_that_opens_a_sentence_gives_the_reports_day_not_the_events():
    ev = article_events(
        "In a statement on Friday, Russia's defence ministry said \"the liberation of the village of Pervomaiske "
        'was completed on the evening of 30 October".',
        PUB,
    )
    assert list(ev["event_date"]) == [dt.date(2024, 10, 30)]
    assert list(ev["actor1"]) == ["Military Forces of Russia"]


def test_a_datelines_day_is_the_day_the_story_was_filed_not_the_day_of_its_lead_event():
    # 2024-11-01 is a Friday: "on Thursday" is the 31st, whatever day the dateline names
    ev = article_events(
        "KYIV, Nov 1 (Reuters) - Russian missiles hit the city of Lviv on Thursday, killing two people.\n\n"
        "Rescuers searched the ruins.",
        dt.date(2024, 11, 1),
    )
    assert [str(d) for d in ev["event_date"]] == ["2024-10-31"]


def test_a_reprint_counts_its_days_from_its_datelines_day():
    # filed on Friday the 1st, reprinted on Sunday the 3rd: "yesterday" is the 31st
    ev = article_events(
        "KYIV, Nov 1 (Reuters) - Russian drones struck a fuel depot in the city of Rivne yesterday, wounding "
        "three workers, the governor said.\n\nFirefighters put out the blaze.",
        dt.date(2024, 11, 3),
    )
    assert [str(d) for d in ev["event_date"]] == ["2024-10-31"]


def test_a_tolls_new_count_dates_the_count_and_the_strike_named_again_dates_the_strike():
    ev = article_events(
        "KYIV, Nov 1 (Reuters) - The number of dead from a Russian missile strike on a bus station in the "
        "town of Kobeliaky rose to 14 on Friday, as rescuers cleared the site, officials said.\n\n"
        "The strike on Thursday afternoon also wounded 20 people, the regional governor said.\n\n"
        "Separately, the air force reported drones over the north.",
        dt.date(2024, 11, 1),
    )
    row = ev[ev["location"] == "Kobeliaky"]
    assert [str(d) for d in row["event_date"]] == ["2024-10-31"]
    assert (int(row["fatalities"].iloc[0]), int(row["injuries"].iloc[0])) == (14, 20)


def test_a_sentence_of_an_indictment_tells_no_event_of_the_news_day():
    ev = article_events(
        "Russian drones hit Odesa on Friday, wounding two. According to the indictment, a soldier ordered his "
        "tank to fire at houses in a village in the Chernihiv district, killing two residents.",
        PUB,
    )
    # neither an event of its own nor the toll of the event told before it
    assert list(zip(ev["location"], ev["fatalities"], ev["injuries"], strict=True)) == [("Odesa", 0, 2)]


def test_the_next_night_after_a_paragraph_break_counts_from_the_account_told_before():
    # 2024-11-02 is a Saturday: Monday the 28th, the next night the 29th
    ev = article_events(
        "Ports came under attack three nights this week.\n\n"
        "In the first attack, on Monday night, Russian drones hit port warehouses in Odesa, injuring a guard. "
        "The air force said it had shot down 21 drones during that attack.\n\n"
        "The next night, missiles hit grain terminals in the port of Chornomorsk, wounding 10 workers.",
        PUB,
    )
    got = {(r.sub_event_type, r.location): str(r.event_date) for r in ev.itertuples()}
    assert got[("Air/drone strike", "Odesa")] == "2024-10-28"
    assert got[("Shelling/artillery/missile attack", "Chornomorsk")] == "2024-10-29"
    assert [str(d) for d in ev[ev["sub_event_type"] == "Disrupted weapons use"]["event_date"]] == [
        "2024-10-28"
    ]


def test_weapons_downed_over_a_city_after_a_countrys_barrage_are_of_the_barrages_day():
    ev = article_events(
        "Rescuers worked into Saturday at a high-rise hit by a missile.\n\n"
        "Thursday's barrage went after power plants across Ukraine, and the air force said it shot down 21 of the "
        "33 cruise missiles fired at the country that day.\n\n"
        "In Kyiv, air defences destroyed several incoming missiles over the capital in the morning, the city's "
        "military administration said.",
        PUB,
    )
    kyiv = ev[(ev["location"] == "Kyiv") & (ev["sub_event_type"] == "Disrupted weapons use")]
    assert [str(d) for d in kyiv["event_date"]] == ["2024-10-31"]


def test_a_live_blog_entry_stamped_in_the_afternoon_tells_that_days_news():
    text = (
        "Follow our live coverage of the day's events.\n\n14:15\n\n"
        "A Russian drone struck a municipal bus in Kherson, killing the driver and injuring three passengers.\n\n"
        "08:20\n\nIn Odesa, drones hit a residential building, killing one person and injuring nine."
    )
    ev = article_events(text, PUB, title="LIVE UPDATES: Russia hits Kherson and Odesa")
    got = {loc: str(d) for loc, d in zip(ev["location"], ev["event_date"], strict=True)}
    assert got["Kherson"] == "2024-11-02"  # the page's day
    assert got["Odesa"] == "2024-11-01"  # a morning entry's undated strike: the night before, as in rundowns


def test_a_lead_told_from_the_readers_today_leaves_the_attacks_day_to_the_next_sentence():
    # published Saturday: the lead's "Saturday" is the morning after; "Friday's strikes" is the attack's day, and
    # the strikes and downings told after it without a day are that day's
    text = (
        "Families across the country woke up on Saturday without heating after a wave of Russian missile strikes "
        "the day before.\n\n"
        "At least six people died in Friday's strikes, officials said.\n\n"
        "The air force said 40 of the missiles had been shot down.\n\n"
        "In the city of Poltava, a missile hit a warehouse, wounding four workers."
    )
    ev = article_events(text, PUB)
    assert set(ev["event_date"]) == {dt.date(2024, 11, 1)}
    assert sorted(ev["sub_event_type"]) == ["Disrupted weapons use", "Shelling/artillery/missile attack"]


def test_the_day_of_what_an_event_answered_is_not_its_day():
    ev = article_events(
        "Russia said its missiles had struck drone workshops in Mykolaiv, calling the strikes retaliation for "
        "Wednesday's attack on a bridge.",
        PUB,
    )
    assert list(ev["event_date"]) == [PUB]


def test_fighting_told_as_going_on_now_and_a_labelled_background_day_are_two_rows():
    text = (
        "Russian forces are continuing their assault on Toretsk, with the heaviest fighting on its eastern edge, "
        "the general staff said in its morning report. Background: On Tuesday, Russian troops attempted to break "
        "through near Toretsk under cover of artillery."
    )
    ev = article_events(text, PUB)
    clashes = ev[ev["sub_event_type"] == "Armed clash"]
    assert sorted(clashes["event_date"]) == [dt.date(2024, 10, 29), PUB]


def test_a_sentence_told_as_so_long_after_the_background_before_it_is_background():
    text = (
        "The dispute goes back to 2014, when Russia annexed Crimea after protests in Kyiv. "
        "Weeks later, armed separatists seized government buildings in the Donetsk region."
    )
    assert article_events(text, PUB).empty
    # ... not after the news: "Hours later" counts from the day told before it
    text = (
        "Russian missiles hit Odesa on Thursday. Hours later, drones struck a depot in the Mykolaiv region."
    )
    assert len(article_events(text, PUB)) == 2


def test_people_living_with_shelling_tell_a_state_not_an_event():
    text = (
        '"People in Kupiansk live with shelling as a kind of weather," said a volunteer who runs a shelter.'
    )
    assert article_events(text, PUB).empty


def test_a_ranking_told_after_the_event_is_no_aggregate_of_it():
    text = (
        "The army chief said on Friday that his troops had taken full control of the town of Sudzha, the biggest "
        "prize so far of the cross-border offensive."
    )
    ev = article_events(text, PUB)
    assert list(zip(ev["location"], ev["event_date"], strict=True)) == [("Sudzha", dt.date(2024, 11, 1))]


def test_a_long_description_of_a_place_does_not_date_or_background_the_sentence():
    text = (
        "In Kherson, which Ukrainian forces retook on 11 November after more than eight months of Russian "
        "occupation, Russian shelling on Friday morning killed four people, officials said."
    )
    ev = article_events(text, PUB)
    assert list(zip(ev["location"], ev["event_date"], strict=True)) == [("Kherson", dt.date(2024, 11, 1))]


def test_a_past_days_report_of_one_region_in_each_clause_is_each_regions_day():
    text = (
        "The ministry said its troops repelled attacks near Sudzha in the Kursk region over the past day, and "
        "shelled enemy positions near Krasnopillia in the Sumy region."
    )
    ev = article_events(text, PUB)
    assert sorted(ev["admin1_iso"]) == ["RU-KRS", "UA-59"]


def test_a_report_of_the_past_day_after_an_older_lead_dates_what_follows_by_the_reports_day():
    monday = dt.date(2024, 3, 4)
    story = (
        "Rescuers in Kryvyi Rih pulled a third body from a building hit by a Russian missile on Saturday.\n\n"
        "{report} that over the past day Russian forces shelled eleven settlements of Dnipropetrovsk Oblast.\n\n"
        "Artillery hit houses in Marhanets. A drone struck a tractor near Pokrovske."
    )

    def days(report: str) -> dict[str, dt.date]:
        ev = article_events(story.format(report=report), monday)
        return dict(zip(ev["location"], ev["event_date"], strict=True))

    now = days("Meanwhile, the regional governor reported")
    assert now["Kryvyi Rih"] == dt.date(2024, 3, 2)
    assert now["Marhanets"] >= dt.date(2024, 3, 3) and now["Pokrovske"] >= dt.date(2024, 3, 3)
    # the statement told before, continued ("also said"), keeps the story's day
    assert days("The governor also said")["Marhanets"] == dt.date(2024, 3, 2)


def test_the_day_an_interview_aired_is_the_reports_day_not_the_events():
    # PUB is Saturday 2 November 2024; the interview aired on Friday, the clash was on Thursday
    ev = article_events(
        "The minister said in an interview with a Korean broadcaster aired Friday that a first clash between "
        "Ukrainian units and North Korean soldiers had taken place on Thursday in the Kursk region.",
        PUB,
    )
    assert list(ev["event_date"]) == [dt.date(2024, 10, 31)]


def test_a_sentence_that_goes_on_with_the_report_before_it_is_read_at_that_reports_day():
    # PUB is Saturday 2 November 2024: the report was Thursday's
    ev = article_events(
        "Russia's defence ministry said on Thursday that its forces had repelled attacks near the village of "
        "Martynovka in the Kursk region. It added that Russian aircraft had struck Ukrainian troops in the Sumy "
        "region.",
        PUB,
    )
    strike = ev[ev["sub_event_type"] == "Air/drone strike"]
    assert list(strike["event_date"]) == [dt.date(2024, 10, 31)]
