import datetime as dt

import pandas as pd
import pytest

from transforms.events.actors import outlet_side
from transforms.events.conventions import acled_place
from transforms.extract import extract


def _events(text: str, published=dt.date(2023, 5, 3)) -> pd.DataFrame:
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


def test_a_settlement_said_to_lie_in_a_district_of_a_region_is_placed_in_that_region():
    # the district's name resolves to a namesake elsewhere: the region the text names places the village
    ev = _events(
        "A man was wounded in the village of Zzyzxovka in the Klimovo district of the Bryansk region on "
        "Monday when a drone dropped a grenade, the governor said."
    )
    assert list(zip(ev["location"], ev["admin1_iso"], strict=True)) == [("Zzyzxovka", "RU-BRY")]


def test_a_village_named_like_a_city_once_was_is_the_village_of_the_storys_region():
    # Stanislav is an old name of Ivano-Frankivsk, and a village of the Kherson region the story is about
    ev = _events(
        "Russian artillery hit Kherson on Monday, the regional governor said.\n\n"
        "On Tuesday shells struck houses in Stanislav, a village on the estuary, wounding a woman."
    )
    assert ("Stanislav", "UA-65") in set(zip(ev["location"], ev["admin1_iso"], strict=True))


def test_the_area_a_later_sentence_refers_to_is_where_the_story_placed_the_village():
    ev = _events(
        "On Tuesday Ukrainian troops retook the village of Urozhaine in the Donetsk region, the ministry said.\n\n"
        "Moscow said on Tuesday its units had repelled several Ukrainian attacks in the area."
    )
    assert set(ev["admin1_iso"]) == {"UA-14"}


def test_the_region_after_a_place_picks_the_same_named_settlement_in_that_region():
    kharkiv = _events("On 1 May 2023, Russian forces shelled Mykolaivka, Kharkiv region.").iloc[0]
    donetsk = _events("On 1 May 2023, Russian forces shelled Mykolaivka, Donetsk region.").iloc[0]
    assert kharkiv["admin1_iso"] == "UA-63" and donetsk["admin1_iso"] == "UA-14"
    # the coders' way stays for a city too ("Makiivka, Luhansk" is the Luhansk village) — but a city named in a
    # list of places is the city, and the next name is the list's next place
    makiivka = _events("On 1 May 2023, Russian forces shelled Makiivka, Luhansk. Casualties unknown.").iloc[0]
    assert makiivka["admin1_iso"] == "UA-09"
    listed = _events("“Mykolaiv, Kharkiv, the Kharkiv region were shelled,” the president said on Tuesday.")
    assert set(zip(listed["location"], listed["admin1_iso"], strict=True)) >= {("Mykolaiv", "UA-48")}


def test_casualties_in_the_next_sentence_belong_to_the_event():
    ev = _events(
        "On 1 May 2023, Russian missiles struck Odesa. Two civilians were killed and 5 were injured, officials said."
    )
    assert len(ev) == 1
    assert (ev.iloc[0]["fatalities"], ev.iloc[0]["injuries"]) == (2, 5)


@pytest.mark.parametrize(
    ("sentence", "killed", "injured"),
    [
        ("Four people were killed, 11 were injured.", 4, 11),  # the second count is not the sum
        ("A teacher was abducted and killed.", 1, 0),  # "abducted and killed": the subject before both verbs
        ("Two farmers were shot and wounded.", 0, 2),
        ("She was found dead two days later.", 1, 0),
        ("The soldiers beheaded a prisoner.", 1, 0),
        ("Saboteurs murdered the head of the village council.", 1, 0),
        ("Six villagers are feared dead.", 0, 0),  # not a reported death
        ("Two people were reported killed.", 2, 0),
        # a participle clause after the victims is not more victims ("hundreds of thousands" without power)
        (
            "Missiles hit the grid, killing at least five people and cutting power to hundreds of thousands.",
            5,
            0,
        ),
        ("The strike killed three people and wounding seven others.", 3, 7),
        ("Russian shelling has killed three people and wounded 5.", 3, 5),  # the perfect is not a passive
        ("The soldiers executed two prisoners of war.", 2, 0),
        ("The brigade executed a plan to encircle the town.", 0, 0),  # executed what is not a person
        ("The death toll from Friday's strike on the market has risen to twenty-two.", 22, 0),
        # the phrase before "said" is who said it, not one more victim
        ("A drone hit a car near the town, killing two, the regional police chief said.", 2, 0),
        ("The shell wounded five, three of them teenagers, the mayor says.", 0, 5),  # a part of the five
        # a headline's verbs without an object: each count stands before its own verb, and the one who says
        # it is no victim
        ("Governor says 12 killed and 40 wounded as missiles hit a barracks", 12, 40),
        ("Nine dead, 23 hurt in strike on bus station", 9, 23),
        ("Two people were killed and 14 more wounded by the shelling.", 2, 14),  # "14 more": 14
        # the victims' ages are no count of people
        ("A shell hit their yard, wounding two brothers aged 9 and 12.", 0, 2),
        ("Two women, aged 81 and 79, were killed and a man aged 50 was hurt.", 2, 1),
        ("A sapper was killed and another was wounded by the blast.", 1, 1),  # "another": one more
    ],
)
def test_casualty_phrasings(sentence, killed, injured):
    from transforms.events.casualties import casualties

    assert casualties(sentence)[:2] == (killed, injured)


def test_a_placeless_attack_sentence_keeps_the_account_of_the_event_going():
    """The sentence naming no place continues the event, so a death told after it still counts."""
    ev = _events(
        "On 1 May 2023, Russian and Ukrainian forces clashed near Vuhledar, Donetsk region. Russian forces also "
        "fired mortars at a Ukrainian checkpoint. Ukrainian artillery hit a Russian tank, and three soldiers were "
        "wounded. One of them later died in hospital."
    )
    assert len(ev) == 1
    assert (ev.iloc[0]["fatalities"], ev.iloc[0]["injuries"]) == (1, 3)


def test_casualties_after_an_interception_belong_to_the_attack():
    ev = _events(
        "On 1 May 2023, Russian forces launched a missile strike at Kremenchuk, Poltava region. Ukrainian air "
        "defence intercepted 3 missiles over Kremenchuk. Two civilians were killed and 6 were injured."
    )
    attack = ev[ev["event_type"] == "Explosions/Remote violence"].iloc[0]
    intercept = ev[ev["sub_event_type"] == "Disrupted weapons use"].iloc[0]
    assert (attack["fatalities"], attack["injuries"]) == (2, 6)
    assert (intercept["fatalities"], intercept["injuries"]) == (0, 0)


def test_battles_outrank_the_artillery_that_supports_them():
    ev = _events(
        "On 1 May 2023, Russian forces, accompanied by artillery, assaulted Ukrainian positions near Bakhmut, Donetsk, and were repulsed."
    )
    assert ev.iloc[0]["sub_event_type"] == "Armed clash"


def test_territory_changes_outrank_the_clashes_before_them():
    ev = _events("On 1 May 2023, following clashes, Ukrainian forces recaptured Kupiansk, Kharkiv region.")
    assert ev.iloc[0]["sub_event_type"] == "Government regains territory"


def test_may_the_month_is_not_a_modal_verb():
    assert len(_events("On 1 May 2023, Russian forces shelled Kupiansk, Kharkiv. Casualties unknown.")) == 1
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


def _one(text: str) -> pd.Series:
    ev = _events(text)
    assert len(ev) == 1, ev
    return ev.iloc[0]


def test_actor1_of_an_interception_is_the_side_that_shot_the_weapons_down():
    a = _one("On 3 May 2023, Ukrainian air defence shot down nine Russian drones over the Sumy region.")
    b = _one("On 3 May 2023, Russian forces shot down three Ukrainian drones near Horlivka, Donetsk.")
    c = _one(
        "On 3 May 2023, twelve Russian missiles were intercepted by Ukrainian forces over the Lviv region."
    )
    assert (a["actor1"], a["actor2"]) == ("Military Forces of Ukraine", "Military Forces of Russia")
    assert (b["actor1"], b["actor2"]) == ("Military Forces of Russia", "Military Forces of Ukraine")
    assert c["actor1"] == "Military Forces of Ukraine"
    # the wire's way: the unit, a reporting verb, then what it did
    d = _one(
        "On 3 May 2023, Ukraine's air force said it shot down 18 of 20 Russian drones over the Kyiv region."
    )
    assert (d["actor1"], d["actor2"]) == ("Military Forces of Ukraine", "Military Forces of Russia")


def test_the_forces_of_the_occupied_republics_are_acled_naf():
    e = _one("On 3 May 2023, LPR forces shelled Ukrainian positions near Bilohorivka, Luhansk.")
    assert e["actor1"] == "NAF: United Armed Forces of Novorossiya"


def test_the_side_repelled_is_the_attacker_of_a_clash():
    e = _one("On 3 May 2023, Russian forces repelled Ukrainian counterattacks near Robotyne, Zaporizhia.")
    assert (e["sub_event_type"], e["actor1"]) == ("Armed clash", "Military Forces of Ukraine")


def test_a_mine_nobody_is_named_as_placing_has_an_unidentified_actor():
    e = _one(
        "On 3 May 2023, a tractor driver was injured when he ran over a mine near Balakliia, Kharkiv region."
    )
    assert (e["sub_event_type"], e["actor1"], e["injuries"]) == (
        "Remote explosive/landmine/IED",
        "Unidentified Military Forces",
        1,
    )
    named = _one(
        "On 3 May 2023, a mine laid by Russian forces injured a farmer near Balakliia, Kharkiv region."
    )
    assert named["actor1"] == "Military Forces of Russia"


def test_ukrainian_partisans_are_coded_as_the_communal_militia_of_their_town():
    e = _one(
        "On 3 May 2023, Ukrainian partisans blew up a Russian military truck in Melitopol, Zaporizhia region."
    )
    assert e["actor1"] == "Melitopol Communal Militia (Ukraine)"


def test_a_weak_verb_with_a_named_weapon_is_an_event():
    e = _one("On 3 May 2023, Russian forces struck Bila Tserkva, Kyiv region, with 6 Shahed-136 drones.")
    assert (e["sub_event_type"], e["admin1_iso"]) == ("Air/drone strike", "UA-32")
    assert _events("On 3 May 2023, the delegation struck a deal in Kyiv.").empty


def test_a_weak_verb_whose_subject_is_a_named_military_is_an_event():
    e = _one("On 3 May 2023, Russian air and ground forces struck Ivanivka, Kherson. Casualties unknown.")
    assert (e["event_type"], e["admin1_iso"], e["actor1"]) == (
        "Explosions/Remote violence",
        "UA-65",
        "Military Forces of Russia",
    )
    assert _events("On 3 May 2023, Russian diplomats struck a deal in Kherson.").empty


def test_a_drone_firing_at_a_target_is_a_drone_strike():
    e = _one(
        "On 3 May 2023, a Ukrainian drone fired at a power plant in Balaklava, Sevastopol. Casualties unknown."
    )
    assert (e["sub_event_type"], e["actor1"]) == ("Air/drone strike", "Military Forces of Ukraine")


def test_protesters_calling_for_something_is_a_protest_but_a_call_alone_is_not():
    e = _one(
        "On 3 May 2023, about 200 demonstrators gathered in Lviv to call for the release of prisoners of war."
    )
    assert e["sub_event_type"] == "Peaceful protest"
    assert _events("On 3 May 2023, the governor of Lviv called for calm after the attack.").empty


def test_coded_to_names_the_place_the_event_is_placed_at():
    e = _one("On 3 May 2023, Russian forces shelled Zolochiv community (coded to Zolochiv, Kharkiv region).")
    assert (e["location"], e["admin1_iso"]) == ("Zolochiv", "UA-63")  # not Zolochiv in Lviv region


def test_a_longer_name_before_the_region_is_not_its_first_word():
    e = _one("On 3 May 2023, Russian forces shelled Velyke Zzyzxove, Mykolaiv region. Casualties unknown.")
    assert (e["location"], e["admin1_iso"]) == ("Velyke Zzyzxove", "UA-48")


def test_the_region_is_found_after_a_settlement_word_or_a_district():
    a = _one("On 3 May 2023, Russian forces shelled Stepanivka village, Kherson. Casualties unknown.")
    b = _one(
        "On 3 May 2023, Russian forces shelled Vesele, Pokrovskyi district, Donetsk. Casualties unknown."
    )
    assert (a["admin1_iso"], b["admin1_iso"]) == ("UA-65", "UA-14")


def test_a_mine_named_as_russian_is_russian_and_deminers_disrupt():
    e = _one("On 3 May 2023, a farmer was injured by a Russian mine near Balakliia, Kharkiv region.")
    assert e["actor1"] == "Military Forces of Russia"
    d = _one("On 3 May 2023, Ukrainian sappers defused 40 Russian mines near Izium, Kharkiv region.")
    assert (d["sub_event_type"], d["actor1"]) == ("Disrupted weapons use", "Military Forces of Ukraine")


def test_people_evacuated_are_the_actor_of_a_displacement():
    e = _one("On 3 May 2023, about 300 civilians were evacuated from Vovchansk, Kharkiv region.")
    assert (e["sub_event_type"], e["actor1"]) == ("Other", "Civilians (Ukraine)")


def test_fire_in_both_directions_is_a_clash():
    a = _one("On 3 May 2023, Russian and Ukrainian forces exchanged artillery fire near Vuhledar, Donetsk.")
    assert a["sub_event_type"] == "Armed clash"
    b = _one("On 3 May 2023, Russian forces shelled Huliaipole, Zaporizhia. Ukrainian forces returned fire.")
    assert (b["sub_event_type"], b["actor1"], b["actor2"]) == (
        "Armed clash",
        "Military Forces of Russia",
        "Military Forces of Ukraine",
    )


def test_an_aircraft_downed_by_an_aircraft_is_a_clash_and_from_the_ground_an_attack():
    air = _one("On 3 May 2023, the Russian air force shot down a Ukrainian Su-25 near Pokrovsk, Donetsk.")
    ground = _one("On 3 May 2023, Russian air defence shot down a Ukrainian Su-25 near Pokrovsk, Donetsk.")
    assert air["sub_event_type"] == "Armed clash"
    assert ground["sub_event_type"] == "Shelling/artillery/missile attack"


def test_an_interception_whose_debris_hits_homes_is_the_owners_attack():
    e = _one(
        "On 3 May 2023, Ukrainian forces shot down a Russian drone over Sumy, Sumy region. "
        "Debris of the drone damaged three houses."
    )
    assert (e["sub_event_type"], e["actor1"]) == ("Air/drone strike", "Military Forces of Russia")
    # the debris sentence is itself an attack sentence ("a drone ... hit") with no place of its own
    hit = _one(
        "On 3 May 2023, a Russian drone was shot down over Pavlohrad, Dnipropetrovsk region. "
        "Debris of the drone hit two apartment blocks."
    )
    assert (hit["sub_event_type"], hit["actor1"]) == ("Air/drone strike", "Military Forces of Russia")
    same = _one(
        "On 3 May 2023, Ukrainian forces intercepted a Russian missile, but debris hit a school in Sumy."
    )
    assert (same["sub_event_type"], same["actor1"]) == (
        "Shelling/artillery/missile attack",
        "Military Forces of Russia",
    )


def test_overtook_and_took_over_are_territory_changes():
    e = _one("On 3 May 2023, following clashes, Russian forces overtook Bohorodychne, Donetsk.")
    assert e["sub_event_type"] == "Non-state actor overtakes territory"


def test_a_city_district_in_acled_notation_is_the_location():
    e = _one(
        "On 3 May 2023, Ukrainian forces shelled DPR positions in Donetsk - Kyivskyi. Two civilians were injured."
    )
    assert (e["location"], e["admin1_iso"], e["geo_precision"]) == ("Donetsk - Kyivskyi", "UA-14", 1)


def test_a_name_shorter_than_four_letters_is_placed_by_the_region_after_it():
    e = _one("On 3 May 2023, Russian forces shelled Udy, Kharkiv. Casualties unknown.")
    assert (e["location"], e["admin1_iso"]) == ("Udy", "UA-63")


def test_a_place_left_without_a_fight_is_a_non_violent_transfer_to_the_side_that_took_it():
    e = _one(
        "On 3 May 2023, Russian forces withdrew from Kozacha Lopan, Kharkiv region, and Ukrainian forces took control of the village."
    )
    assert (e["sub_event_type"], e["actor1"], e["actor2"]) == (
        "Non-violent transfer of territory",
        "Military Forces of Ukraine",
        "Military Forces of Russia",
    )
    fought = _one(
        "On 3 May 2023, after fierce fighting, Ukrainian forces regained control of Kozacha Lopan, Kharkiv region."
    )
    assert fought["sub_event_type"] == "Government regains territory"


@pytest.mark.parametrize(
    ("sentence", "sub"),
    [
        (
            "Russian forces captured a 40-year-old teacher in Enerhodar, Zaporizhia region.",
            "Abduction/forced disappearance",
        ),
        ("Ukrainian police seized a cache of weapons in Bucha, Kyiv region.", "Disrupted weapons use"),
        (
            "Russian forces took over a dairy factory in Nova Kakhovka, Kherson region.",
            "Looting/property destruction",
        ),
        (
            "Russian forces clashed with Ukrainian forces and captured some positions near Bilohorivka, Luhansk.",
            "Armed clash",
        ),
    ],
)
def test_what_is_captured_decides_the_event(sentence, sub):
    assert _one(f"On 3 May 2023, {sentence}")["sub_event_type"] == sub


def test_a_coded_count_later_in_the_paragraph_replaces_the_counts_read():
    e = _one(
        "On 3 May 2023, heavy fighting took place near Kreminna, Luhansk. Russians suffered heavy losses. "
        "Up to 40 soldiers were killed. Ukrainian losses unknown. Unspecified casualties coded as 10."
    )
    assert e["fatalities"] == 10


def test_ordinary_news_about_ukrainian_places_is_not_an_event():
    text = (
        "On 3 May 2023, Ukraine's parliament approved the budget after a long debate in Kyiv. "
        "The steel company took over a factory in Zaporizhzhia. Police captured a man suspected of theft in "
        "Dnipro. Volunteers gathered in Kharkiv to clean up a park. Farmers in Odesa region said the harvest "
        "was good."
    )
    assert _events(text).empty


def test_an_everyday_word_is_not_a_village_in_running_text():
    from transforms.names.resolve import find_mentions

    assert not [
        m for m in find_mentions("Police said the New York office was closed.") if m.entity_type == "place"
    ]


def test_a_title_after_a_city_is_not_part_of_its_name():
    e = _one(
        "On 3 May 2023, Russian drones struck Kharkiv Mayor Ihor Terekhov, Kharkiv region officials said."
    )
    assert (e["location"], e["admin1_iso"]) == ("Kharkiv", "UA-63")


def test_a_strike_on_the_other_side_s_military_makes_it_actor2():
    a = _one("On 3 May 2023, Russian forces shelled Ukrainian positions near Bilohorivka, Luhansk.")
    b = _one("On 3 May 2023, Ukrainian forces shelled an ammunition depot near Tokmak, Zaporizhia.")
    c = _one("On 3 May 2023, Russian forces shelled Kupiansk, Kharkiv, with tanks and artillery.")
    d = _one("On 3 May 2023, Russian forces shelled Nikopol, Dnipropetrovsk. Two civilians were wounded.")
    assert (a["actor1"], a["actor2"]) == ("Military Forces of Russia", "Military Forces of Ukraine")
    assert (b["actor1"], b["actor2"]) == ("Military Forces of Ukraine", "Military Forces of Russia")
    assert c["actor2"] is None  # the attacker's own tanks and artillery are not the target
    assert d["actor2"] == "Civilians (Ukraine)"


@pytest.mark.parametrize(
    "follow_up, fatalities",
    [
        # ACLED's codebook splits a total reported for several places evenly across their events
        (
            "Up to 30 soldiers were killed near Kupiansk, Izium and Balakliia (fatalities split between 3 events).",
            10,
        ),
        ("Up to 30 soldiers were killed near Kupiansk and Izium. 11 fatalities split among 6 events.", 2),
        ("Up to 30 soldiers were killed nearby. [1 fatality split between 2 events]", 0),
        # an explicit count for this event wins over the split before it
        (
            "Up to 90 soldiers were killed. [Coded as 10 fatalities split across 3 events. 4 fatalities coded to this event]",
            4,
        ),
        ("Up to 90 soldiers were killed. Coded as 10 fatalities split across 3 events.", 3),
        # the casualties were counted with another event of the same day
        ("Two soldiers were killed at unspecified locations (fatalities coded to Izium event).", 0),
    ],
)
def test_acled_notes_on_how_fatalities_were_coded_give_this_events_count(follow_up, fatalities):
    e = _one(f"On 3 May 2023, Russian forces shelled Ukrainian positions near Kupiansk, Kharkiv. {follow_up}")
    assert e["fatalities"] == fatalities


def test_a_village_named_like_another_places_alternate_name_keeps_its_own_name_in_the_region_given():
    # "Vodyane" is a GeoNames alternate name of Zymna Voda (Lviv); the Donetsk village is not in the gazetteer
    e = _one("On 3 May 2023, Russian forces shelled near Vodyane, Donetsk region. Casualties unknown.")
    assert (e["location"], e["admin1_iso"], e["geo_precision"]) == ("Vodyane", "UA-14", 2)


def test_an_event_known_only_by_its_region_has_no_location_and_acled_reads_it_at_the_centre():
    e = _one(
        "On 3 May 2023, Russian forces launched a missile attack in Lviv region, hitting energy facilities."
    )
    lviv = _one("On 3 May 2023, Russian forces launched a missile attack on Lviv, hitting energy facilities.")
    assert (e["location"], e["admin1_iso"], e["geo_precision"]) == (None, "UA-46", 3)
    assert (e["latitude"], e["longitude"]) == (lviv["latitude"], lviv["longitude"])
    assert lviv["geo_precision"] == 1
    assert acled_place(e["location"], e["admin1_iso"], e["geo_precision"]) == ("Lviv", "UA-46")


def test_an_event_in_the_oblast_around_kyiv_is_in_the_oblast_and_acled_codes_it_at_kyiv_in_kyiv_city():
    """At the centre means in the centre's region: Kyiv oblast's centre is Kyiv, a region of its own."""
    e = _one("On 3 May 2023, Russian forces launched a missile attack in Kyiv region, damaging a warehouse.")
    assert (e["location"], e["admin1"], e["admin1_iso"], e["geo_precision"]) == (None, "Kyiv", "UA-32", 3)
    assert acled_place(e["location"], e["admin1_iso"], e["geo_precision"]) == ("Kyiv", "UA-30")
    near = _one("On 3 May 2023, a Russian drone struck a warehouse near Kyiv, injuring a guard.")
    assert (near["location"], near["geo_precision"]) == ("Kyiv", 2)
    assert (near["admin1_iso"], near["geo_precision"]) == ("UA-32", 2)


def test_a_city_named_with_the_region_around_it_is_the_city():
    e = _one("On 3 May 2023, smoke rose in Sevastopol, Crimea, after Ukrainian shelling. Casualties unknown.")
    assert (e["location"], e["geo_precision"]) == ("Sevastopol", 1)


def test_sevastopol_is_coded_in_crimea_as_acled_does():
    """ISO 3166-2 has Sevastopol as its own subdivision (UA-40); ACLED's admin1 units put it in Crimea."""
    e = _one("On 3 May 2023, Ukrainian drones struck a fuel depot in Sevastopol. Casualties unknown.")
    assert (e["location"], e["admin1"], e["admin1_iso"]) == ("Sevastopol", "Crimea", "UA-43")


def test_one_side_killing_the_others_soldiers_is_a_clash_or_the_toll_of_the_event_before():
    e = _one("On 3 May 2023, Russian forces killed up to 20 Ukrainian soldiers near Bakhmut, Donetsk region.")
    assert (e["sub_event_type"], e["actor1"], e["fatalities"]) == (
        "Armed clash",
        "Military Forces of Russia",
        20,
    )
    e = _one(
        "On 3 May 2023, Russian forces shelled Ukrainian positions near Kupiansk, Kharkiv. "
        "Near Lyman, Donetsk, the Russian military killed more than 30 Ukrainian soldiers."
    )
    assert (e["sub_event_type"], e["fatalities"]) == ("Shelling/artillery/missile attack", 30)


def test_a_clash_after_which_the_place_changed_hands_is_the_territory_change():
    e = _one(
        "On 3 May 2023, Ukrainian forces clashed with Russian forces in Dobrianka, Chernihiv region. "
        "After the fighting the village was liberated. Casualties unknown."
    )
    assert (e["sub_event_type"], e["actor1"]) == (
        "Government regains territory",
        "Military Forces of Ukraine",
    )
    e = _one(
        "On 3 May 2023, Ukrainian and Russian forces clashed in Vasylivka, Zaporizhzhia region. "
        "Russian forces captured the town."
    )
    assert (e["sub_event_type"], e["actor1"]) == (
        "Non-state actor overtakes territory",
        "Military Forces of Russia",
    )


def test_actor2_of_a_strike_on_the_republics_forces_named_alone_or_with_civilians_hurt():
    e = _one("On 3 May 2023, Ukrainian forces shelled DPR in Horlivka, Donetsk region. Casualties unknown.")
    assert e["actor2"] == "NAF: United Armed Forces of Novorossiya"
    e = _one(
        "On 3 May 2023, Ukrainian forces shelled DPR positions in Horlivka, Donetsk, injuring 2 civilians."
    )
    assert e["actor2"] == "NAF: United Armed Forces of Novorossiya"


def test_civilians_hurt_in_the_next_sentence_about_the_same_shelling_are_actor2():
    e = _one(
        "On 3 May 2023, Russian forces shelled Kherson. As a result of the shelling, 1 civilian was killed "
        "and 6 were injured."
    )
    assert (e["actor2"], e["fatalities"], e["injuries"]) == ("Civilians (Ukraine)", 1, 6)


def test_at_least_after_a_kill_verb_is_part_of_the_count_not_a_place():
    e = _one(
        "On 3 May 2023, Ukrainian forces shelled Russian headquarters in Svatove, Luhansk region, killing at least "
        "30 Russian servicemen and wounding over 20."
    )
    assert (e["fatalities"], e["injuries"]) == (30, 20)


def test_a_place_name_that_names_an_armed_group_is_not_where_the_event_happened():
    e = _one("On 3 May 2023, Kherson rebels and Russian forces clashed with Ukrainian forces near Bakhmut.")
    assert (e["location"], e["admin1_iso"]) == ("Bakhmut", "UA-14")
    e = _one("On 3 May 2023, the Odesa Brigade repelled a Russian assault near Robotyne, Zaporizhia region.")
    assert (e["location"], e["admin1_iso"]) == ("Robotyne", "UA-23")


def test_a_village_is_placed_in_the_region_the_sentence_names_even_when_not_right_after_it():
    """The gazetteer's Senkivka is in Kyiv oblast; the sentence places this one in Chernihiv region."""
    e = _one("On 3 May 2023, Russian artillery hit a crossing point at Senkivka in the Chernihiv region.")
    assert (e["location"], e["admin1_iso"], e["geo_precision"]) == ("Senkivka", "UA-74", 2)
    # a city is not moved by a region named for something else in the sentence
    e = _one("On 3 May 2023, Russian missiles struck Kharkiv, and sirens sounded in the Poltava region.")
    assert (e["location"], e["admin1_iso"]) == ("Kharkiv", "UA-63")


def test_a_protest_met_with_force_is_excessive_force_by_the_force_against_the_protesters():
    e = _one(
        "On 3 May 2023, hundreds of residents protested in occupied Melitopol against the occupation. Russian "
        "soldiers broke up the rally with rubber bullets and tear gas, and 3 protesters were injured."
    )
    assert (e["event_type"], e["sub_event_type"]) == ("Protests", "Excessive force against protesters")
    assert (e["actor1"], e["actor2"], e["injuries"]) == (
        "Military Forces of Russia",
        "Protesters (Ukraine)",
        3,
    )
    calm = _one(
        "On 3 May 2023, about 300 people rallied in Lviv against corruption. The rally ended peacefully."
    )
    assert (calm["sub_event_type"], calm["actor1"]) == ("Peaceful protest", "Protesters (Ukraine)")


def test_a_coal_mine_named_by_its_number_is_a_place_and_a_weapon_word_before_a_depot_is_not_the_target():
    mine = _one(
        "On 3 May 2023, Russian forces shelled positions near Mine 22, Donetsk region. Casualties unknown."
    )
    assert mine["sub_event_type"] == "Shelling/artillery/missile attack"
    depot = _one(
        "On 3 May 2023, Ukrainian forces struck and destroyed a Russian drone and artillery ammunition depot "
        "near Tokmak, Zaporizhia region."
    )
    assert depot["event_type"] == "Explosions/Remote violence"


def test_shelling_followed_by_fighting_on_the_ground_is_a_clash():
    e = _one(
        "On 3 May 2023, Russian forces shelled near Novomykhailivka, Donetsk region. They then tried to "
        "storm Ukrainian positions and clashed with Ukrainian forces."
    )
    assert (e["sub_event_type"], e["actor1"], e["actor2"]) == (
        "Armed clash",
        "Military Forces of Russia",
        "Military Forces of Ukraine",
    )


def test_an_abduction_whose_victim_is_found_dead_is_an_attack():
    e = _one(
        "On 3 May 2023, Russian soldiers abducted a farmer in Vysokopillia, Kherson region. His body was found "
        "two days later."
    )
    assert (e["sub_event_type"], e["fatalities"]) == ("Attack", 1)


def test_the_side_fought_with_is_not_the_one_that_took_the_place():
    e = _one(
        "On 3 May 2023, after heavy clashes with Ukrainian forces, Russian forces captured Marinka, Donetsk."
    )
    assert (e["sub_event_type"], e["actor1"], e["actor2"]) == (
        "Non-state actor overtakes territory",
        "Military Forces of Russia",
        "Military Forces of Ukraine",
    )


def test_a_place_placed_by_its_region_keeps_that_place_when_named_again_in_the_article():
    """The second, bare mention is the settlement the article already placed, not a namesake elsewhere."""
    ev = _events(
        "On 3 May 2023, Russian forces shelled Ukrainian positions near Novoselivske, Luhansk region. "
        "Russian sources said 20 Ukrainian soldiers were killed near Novoselivske and Stelmakhivka."
    )
    assert list(ev["admin1_iso"]) == ["UA-09"]
    assert ev.iloc[0]["fatalities"] == 20
    longer = _events(
        "On 3 May 2023, two deminers were injured by a mine in Posad Pokrovske, Kherson region. "
        "Later a car hit an explosive device near Posad Pokrovske, killing its driver."
    )
    assert set(longer["location"]) == {"Posad Pokrovske"} and set(longer["admin1_iso"]) == {"UA-65"}


def test_fighting_named_without_its_region_then_shelling_at_the_place_is_one_clash_on_the_first_date():
    e = _one(
        "On 1 May 2023, Russian forces attacked towards Zzyzxivka, clashing with Ukrainian forces. "
        "Russian forces also shelled homes in Zzyzxivka, Donetsk region, with tanks and artillery."
    )
    assert (e["sub_event_type"], e["event_date"], e["admin1_iso"]) == (
        "Armed clash",
        dt.date(2023, 5, 1),
        "UA-14",
    )
    assert (e["actor1"], e["actor2"]) == ("Military Forces of Russia", "Military Forces of Ukraine")


@pytest.mark.parametrize(
    ("text", "actor2"),
    [
        ("On 3 May 2023, a Ukrainian drone hit a Russian checkpoint near Vasylivka, Zaporizhia region.",
         "Military Forces of Russia"),
        ("On 3 May 2023, Russian artillery destroyed a Ukrainian M777 towed howitzer near Siversk, Donetsk region.",
         "Military Forces of Ukraine"),
        ("On 3 May 2023, partisans blew up fuel tanks of the Russian military in Melitopol, Zaporizhia region.",
         "Military Forces of Russia"),
        ("On 3 May 2023, Russian forces shelled Nikopol, Dnipropetrovsk region. One person was wounded.",
         "Civilians (Ukraine)"),
        ("On 3 May 2023, a tractor driver was injured when a Russian mine went off near Izium, Kharkiv region.",
         "Civilians (Ukraine)"),
    ],
)  # fmt: skip
def test_who_a_strike_hit(text, actor2):
    assert _one(text)["actor2"] == actor2


def test_an_event_right_after_the_sentence_that_set_the_scene_happened_there():
    e = _one(
        "On 3 May 2023, three armed men came to a farm in Zzyzxivka, Kharkiv region, during the occupation. "
        "They tortured the farmer and his son for hours."
    )
    assert (e["sub_event_type"], e["location"], e["admin1_iso"]) == ("Attack", "Zzyzxivka", "UA-63")
    # a scene set two sentences earlier, or an event already told at the place, does not carry over
    assert _events(
        "On 3 May 2023, three armed men came to a farm in Zzyzxivka, Kharkiv region. It was raining. "
        "They tortured the farmer."
    ).empty


def test_sabotage_without_explosives_is_property_destruction():
    e = _one("On 3 May 2023, partisans disabled a railway relay cabinet near Melitopol, Zaporizhia region.")
    assert (e["event_type"], e["sub_event_type"]) == (
        "Strategic developments",
        "Looting/property destruction",
    )
    blast = _one("On 3 May 2023, partisans blew up a railway bridge near Melitopol, Zaporizhia region.")
    assert blast["sub_event_type"] == "Remote explosive/landmine/IED"


def test_weapons_fired_at_the_other_sides_forces_are_an_attack():
    e = _one(
        "On 3 May 2023, Ukrainian forces fired IFV cannons and anti-tank systems at Russian forces near "
        "Kreminna, Luhansk region."
    )
    assert (e["event_type"], e["actor1"]) == ("Explosions/Remote violence", "Military Forces of Ukraine")


def test_the_dateline_is_where_the_story_was_filed_not_where_the_lead_event_happened():
    lead = (
        "ODESA, Ukraine (AP) — Russian drones hit an apartment block in Kharkiv overnight, killing 3 people."
    )
    e = _events(lead).iloc[0]
    assert (e["location"], e["admin1_iso"], e["fatalities"]) == ("Kharkiv", "UA-63", 3)
    # with no other place named, the dateline's city is all the lead says
    only = _events("ODESA, Ukraine (AP) — Russian drones hit an apartment block overnight, killing 3 people.")
    assert (only.iloc[0]["location"], only.iloc[0]["geo_precision"]) == (
        "Odesa",
        3,
    )  # the least precise guess
    assert e["geo_precision"] == 1
    # fighting is at the front, not where reporters file from
    front = _events(
        "ODESA, Ukraine (AP) — Russian and Ukrainian forces clashed along the front line on Saturday."
    )
    assert front.empty


def test_a_deep_strike_in_any_russian_region_is_placed_there():
    e = _one(
        "On 3 May 2023, Ukrainian drones attacked an oil depot in Russia's Pskov region, causing a fire."
    )
    assert (e["actor1"], e["admin1"], e["country"]) == ("Military Forces of Ukraine", "Pskov", "Russia")


def test_a_military_reporting_its_own_strike_or_interception_is_the_actor():
    # "<unit> said (<day>) (that) it had <verb>": the unit is the subject of what follows the reporting verb
    strike = _one(
        "On 3 May 2023, Ukraine's military said Wednesday that it had struck a fuel depot in Russia's Bryansk region."
    )
    assert (strike["actor1"], strike["country"]) == ("Military Forces of Ukraine", "Russia")
    shot = _one(
        "On 3 May 2023, Ukraine's air force said 40 Russian drones were shot down over the Kyiv region."
    )
    assert (shot["sub_event_type"], shot["actor1"]) == ("Disrupted weapons use", "Military Forces of Ukraine")


def test_landmarks_place_events_facilities_at_their_settlement_islands_and_seas_as_themselves():
    plant = _one(
        "On 3 May 2023, Russian forces shelled the Zaporizhzhia nuclear power plant, damaging a building."
    )
    assert (plant["location"], plant["admin1"]) == ("Enerhodar", "Zaporizhia")  # where ACLED codes the plant
    island = _one("On 3 May 2023, Ukrainian forces struck Russian positions on Snake Island.")
    assert (island["location"], island["admin1"]) == ("Zmiinyi Island", "Odesa")
    sea = _one("On 3 May 2023, Russian aircraft destroyed 3 Ukrainian boats in the Black Sea.")
    assert (sea["location"], sea["admin1"]) == ("Black Sea", None)  # a sea has no region


def test_a_roundup_of_many_places_is_not_an_event_of_its_own():
    ev = _events(
        "ODESA, Ukraine (AP) — Russian attacks across Ukraine killed nine civilians over the past day, officials "
        "said.\n\nIn Kherson, Russian shelling killed two men, Gov. Oleksandr Prokudin said."
    )
    assert (len(ev), ev.iloc[0]["location"], ev.iloc[0]["fatalities"]) == (1, "Kherson", 2)


def test_a_count_per_place_in_one_sentence_is_one_event_per_place():
    ev = _events("On 3 May 2023, Russian shelling killed three people in Bakhmut and two in Kramatorsk.")
    assert sorted(zip(ev["location"], ev["fatalities"], strict=True)) == [("Bakhmut", 3), ("Kramatorsk", 2)]
    assert len(set(ev["event_id"])) == 2


def test_an_aircraft_shot_down_in_a_news_story_is_disrupted_weapons_use_as_the_codebook_codes_it():
    news = _events(
        "Russia's defence ministry said on Wednesday its air defence shot down a Ukrainian Su-25 near "
        "Pokrovsk in the Donetsk region. It gave no further details."
    )
    assert list(news["sub_event_type"]) == ["Disrupted weapons use"]
    assert news.iloc[0]["actor1"] == "Military Forces of Russia"
    # the same in an ACLED coder's note keeps ACLED's practice (the test above)
    note = _one("On 3 May 2023, Russian air defence shot down a Ukrainian Su-25 near Pokrovsk, Donetsk.")
    assert note["sub_event_type"] == "Shelling/artillery/missile attack"


def test_a_civilian_evacuation_is_coded_in_a_coders_note_but_not_in_a_news_story():
    note = _one("On 3 May 2023, about 300 civilians were evacuated from Lozova, Kharkiv.")
    assert (note["sub_event_type"], note["actor1"]) == ("Other", "Civilians (Ukraine)")
    news = _events(
        "Officials said on Wednesday that about 300 residents were evacuated from Lozova in the Kharkiv "
        "region by bus. The city council gave no further details."
    )
    assert news.empty, news
    # troops moved out of a besieged place are what a coder codes, in a story too
    troops = _events(
        "Officials said on Wednesday that 40 wounded soldiers were evacuated from the besieged plant in "
        "Lozova in the Kharkiv region."
    )
    assert list(troops["sub_event_type"]) == ["Other"]


def test_a_bare_attack_at_a_place_already_told_retells_that_event_and_may_give_its_day():
    ev = _events(
        "Russian missiles hit a school in Izium, killing three people, officials said.\n\n"
        "Aid groups asked for more generators before winter. Talks on grain exports resumed in Istanbul.\n\n"
        "The attack on the school in Izium took place at 6pm on Monday, the governor said."
    )
    assert len(ev) == 1, ev
    assert (str(ev.iloc[0]["event_date"])[:10], ev.iloc[0]["fatalities"]) == ("2023-05-01", 3)


def test_an_interception_claimed_by_a_state_is_that_states_over_the_country_the_story_is_about():
    ev = _events(
        "Russian shelling hit Kupiansk in the Kharkiv region on Tuesday, officials said.\n\n"
        "Russia's defence ministry said its forces had advanced near Kreminna. "
        "It also claimed to have shot down two aircraft and 12 drones on Tuesday."
    )
    row = ev[ev["sub_event_type"] == "Disrupted weapons use"].iloc[0]
    # Russia speaks (it is no place of the event): the downing is Russia's, over Ukraine, where the story is
    assert (row["actor1"], row["country"]) == ("Military Forces of Russia", "Ukraine")


def test_a_weapon_named_for_its_maker_places_nothing_whatever_its_case():
    ev = _events(
        "Officials in the Donetsk region said on Monday that soldiers shot down a drone with a US stinger missile."
    )
    assert "United States" not in set(ev["country"]), ev


def test_injuries_counted_as_a_noun_are_the_events_injured():
    ev = _events("Officials in the Sumy region reported four injuries from 30 Russian attacks on Tuesday.")
    assert list(ev["injuries"]) == [4]


def test_a_barrage_on_the_country_under_a_dateline_is_told_by_its_interception_and_its_places():
    ev = _events(
        "KYIV, May 3 (Reuters) - Russia launched a large air attack on Ukraine's power grid overnight, killing "
        "five people, officials said on Wednesday.\n\n"
        "Ukraine's air force said it shot down 60 of 75 drones launched by Russia.\n\n"
        "In the southern city of Mykolaiv, two people were killed when a drone struck a house, the governor said.\n\n"
        "In the western Volyn region, the energy ministry said a power plant was damaged.\n\n"
        "The attack came two weeks after Kyiv was hit by a barrage of drones that killed three people."
    )
    rows = {
        (
            r["sub_event_type"],
            next(x for x in (r["location"], r["admin1_iso"], r["country"]) if isinstance(x, str)),
        )
        for _, r in ev.iterrows()
    }
    # the dateline's city is no place of the barrage, Ukraine's interception is over Ukraine, each place hit is
    # a row, and the attack of two weeks before is background
    assert rows == {
        ("Disrupted weapons use", "Ukraine"),
        ("Air/drone strike", "Mykolaiv"),
        ("Air/drone strike", "UA-07"),  # the lead attack's weapon (drones)
    }, rows


def test_a_front_line_report_one_regions_past_day_and_a_sector_named_for_a_city():
    ev = _events(
        "Russian forces launched 90 attacks along the front line over the past day, the General Staff said on "
        "Wednesday.\n\n"
        "The heaviest fighting was in the Pokrovsk direction, where troops repelled 20 assaults near Mykolaivka "
        "and Hrodivka.\n\n"
        "Russian strikes on Zaporizhzhia Oblast killed two people and injured four over the past day, the governor "
        "said."
    )
    rows = sorted(
        (r["sub_event_type"], r["location"] if isinstance(r["location"], str) else r["admin1_iso"],
         r["fatalities"], r["injuries"])
        for _, r in ev.iterrows()
    )  # fmt: skip
    # the sector is no place (its villages are), the front-wide count is no event, one region's day is
    assert rows == [
        ("Armed clash", "Hrodivka", 0, 0),
        ("Armed clash", "Mykolaivka", 0, 0),
        ("Shelling/artillery/missile attack", "UA-23", 2, 4),
    ], rows


def test_an_interception_told_as_the_speaker_of_the_sentence_before_said_is_that_speakers():
    ev = _events(
        "Russia fired 40 missiles at Ukraine overnight, Ukraine's air force said on Tuesday. "
        "Air defences shot down 35 of them, it said."
    )
    row = ev[ev["sub_event_type"] == "Disrupted weapons use"].iloc[0]
    assert (row["actor1"], row["country"]) == ("Military Forces of Ukraine", "Ukraine")


def test_an_interception_over_the_region_is_over_the_region_of_the_place_told_before():
    ev = _events(
        "A rocket attack on the town of Shebekino wounded two people on Tuesday, officials said. "
        "Russia's defence ministry said its air defences shot down ten rockets over the region the same day."
    )
    row = ev[ev["sub_event_type"] == "Disrupted weapons use"].iloc[0]
    assert (row["admin1_iso"], row["country"], row["actor1"]) == (
        "RU-BEL",
        "Russia",
        "Military Forces of Russia",
    )


def test_an_interception_counted_per_region_is_one_interception_per_region():
    ev = _events(
        "On Tuesday the ministry in Moscow said air defences destroyed 25 drones: 15 over the Belgorod region "
        "and ten over the Bryansk region."
    )
    downed = ev[ev["sub_event_type"] == "Disrupted weapons use"]
    assert sorted(zip(downed["admin1_iso"], downed["quantity"], strict=True)) == [
        ("RU-BEL", 15),
        ("RU-BRY", 10),
    ]
    assert set(downed["country"]) == {"Russia"}


def test_in_a_story_one_sides_withdrawal_is_the_other_sides_gain_in_a_coders_note_a_transfer():
    ev = _events(
        "Ukrainian forces withdrew from Vuhledar on Tuesday to avoid encirclement, the military said."
    )
    assert list(zip(ev["sub_event_type"], ev["actor1"], ev["actor2"], strict=True)) == [
        ("Non-state actor overtakes territory", "Military Forces of Russia", "Military Forces of Ukraine")
    ]
    back = _events(
        "On Friday Ukrainian troops rolled into the city of Kherson following Russia's withdrawal."
    )
    assert list(zip(back["sub_event_type"], back["actor1"], strict=True)) == [
        ("Government regains territory", "Military Forces of Ukraine")
    ]
    from transforms.events.assemble import refine_trigger
    from transforms.events.genre import NOTE
    from transforms.events.triggers import find_triggers

    note = "On 1 October 2022, Russian forces withdrew from Lyman."
    assert (
        refine_trigger(find_triggers(note)[0], note, NOTE)[0].sub_event_type
        == "Non-violent transfer of territory"
    )


def test_a_withdrawal_told_in_the_perfect_is_the_other_sides_gain_and_a_town_without_region_takes_the_one_named():
    ev = _events("Ukrainian troops have withdrawn from the town of Vuhledar, the army said on Tuesday.")
    assert list(zip(ev["sub_event_type"], ev["actor1"], strict=True)) == [
        ("Non-state actor overtakes territory", "Military Forces of Russia")
    ]
    moscow = _events("On Tuesday one drone was shot down over the Odintsovo district of the Moscow region.")
    assert list(moscow["admin1_iso"]) == ["RU-MOS"]


def test_an_event_dated_in_its_own_after_clause_keeps_its_day():
    ev = _events("The strike came a day after a Russian drone hit Kharkiv, killing four, early on Thursday.")
    assert list(ev["event_date"]) == [dt.date(2023, 4, 27)]  # the Thursday before publication


def test_a_protest_met_with_arrests_is_a_protest_with_intervention_an_arrest_alone_an_arrest():
    ev = _events(
        "On Sunday police detained 300 people in Novosibirsk who had gathered to protest against the war."
    )
    assert list(zip(ev["sub_event_type"], ev["actor1"], ev["actor2"], strict=True)) == [
        ("Protest with intervention", "Protesters (Russia)", "Police Forces of Russia")
    ]
    alone = _events("On Sunday police detained a man in Kharkiv on suspicion of spying.")
    assert list(alone["sub_event_type"]) == ["Arrests"]


def test_weapons_launched_by_a_side_and_downed_are_downed_by_the_other():
    ev = _events(
        "Ukraine's air force said on Tuesday that air defences had destroyed 23 of the 25 drones launched by Russia."
    )
    assert list(zip(ev["actor1"], ev["country"], strict=True)) == [("Military Forces of Ukraine", "Ukraine")]


def test_where_troops_were_moved_from_is_not_where_the_fighting_is():
    ev = _events(
        "Fierce fighting went on near Korenevo on Tuesday, where Moscow has sent reserves, among them units "
        "redeployed from the Zaporizhzhia region."
    )
    assert list(zip(ev["location"], ev["admin1_iso"], strict=True)) == [("Korenevo", "RU-KRS")]


def test_a_settlement_the_story_places_in_a_region_is_that_regions_in_every_sentence():
    # the placing sentence is a round-up ("over the past day"); the event sentence names the town bare, and the
    # gazetteer's first reading of the name is a Crimean village
    ev = _events(
        "Over the past day the enemy shelled border areas 40 times, including the settlement of Klimovo in the "
        "Bryansk region, the governor said.\n\n"
        "On Tuesday a drone dropped a grenade on a car in Klimovo, wounding the driver."
    )
    assert list(zip(ev["location"], ev["admin1_iso"], strict=True))[-1:] == [("Klimovo", "RU-BRY")]


def test_districts_named_alone_are_the_districts_of_the_city_the_story_is_talking_about():
    ev = _events(
        "Loud blasts shook central Kharkiv early on Tuesday, the mayor said.\n\n"
        "Missiles hit homes in the Kyivskyi and Saltivskyi districts, wounding six people."
    )
    assert list(zip(ev["location"], ev["admin1_iso"], ev["injuries"], strict=True)) == [
        ("Kharkiv", "UA-63", 6)
    ]
    kyiv = _events(
        "Explosions were heard across Kyiv on Tuesday morning.\n\n"
        "Police said three people were killed in the Shevchenkivskyi district when a missile struck a park."
    )
    assert list(zip(kyiv["location"], kyiv["admin1_iso"], strict=True)) == [("Kyiv", "UA-30")]


def test_a_district_of_the_city_is_the_city_the_story_names_also_in_an_oblast_centre_geonames_undercounts():
    zp = _events(
        "A Russian missile hit a block of flats in Zaporizhzhia late on Friday, officials said.\n\n"
        "The missile struck the Shevchenkivskyi district of the city, wounding eleven people."
    )
    assert list(zip(zp["location"], zp["admin1_iso"], zp["injuries"], strict=True)) == [
        ("Zaporizhzhia", "UA-23", 11)
    ]
    # Kherson is an oblast centre of some 280,000 people (GeoNames says 66,000): a city with districts
    kherson = _events(
        "A Russian shell killed a man in Kherson on Friday. Two more were hurt in the city's Dniprovskyi district."
    )
    assert list(zip(kherson["location"], kherson["admin1_iso"], strict=True)) == [("Kherson", "UA-65")]


def test_the_citys_district_is_the_city_the_story_is_about_however_far_back_it_was_named():
    ev = _events(
        "Russian bombs hit a block of flats in Kharkiv on Saturday afternoon, wounding nine people, the mayor said.\n\n"
        "One bomb set the top floors alight. Another blew out the windows of a school. Firefighters worked for "
        'hours. "They knew it was a home," the mayor said.\n\n'
        "In the evening, a drone hit a warehouse in the city's Kyivskyi district, the mayor added."
    )
    assert set(zip(ev["location"], ev["admin1_iso"], strict=True)) == {("Kharkiv", "UA-63")}


def test_a_towns_name_is_read_in_the_region_a_story_is_mostly_about():
    # two towns are called Zolochiv: one of 23,000 people in the Lviv region, one of 8,000 in the Kharkiv region
    ev = _events(
        "Russian bombs wounded nine people in Kharkiv on Saturday, the mayor said, and a drone hit the city's "
        "outskirts. Rescue teams drove in from Poltava.\n\n"
        "The Kharkiv region's governor said strikes had also hit Kupiansk, where a man was killed, and the village "
        "of Kivsharivka. A guided bomb damaged a school in Zolochiv, near the border, but nobody was hurt."
    )
    zolochiv = ev[ev["location"] == "Zolochiv"]
    assert list(zolochiv["admin1_iso"]) == ["UA-63"]


def test_the_day_a_news_storys_lead_names_is_the_news_day_of_what_it_tells_undated():
    text = (
        "On Monday, May 1, Russian troops shelled the border areas of the Sumy region 14 times, the regional "
        "administration said.\n\n"
        "Velyka Pysarivka community: the enemy dropped two explosive devices from a drone on a farm."
    )
    ev = _events(text, published=dt.date(2023, 5, 2))
    assert set(ev["event_date"]) == {dt.date(2023, 5, 1)}
    # ... but a dateline alone is no lead, and an undated lead leaves the news day the day of publication
    later = _events(
        "KYIV, May 2.\n\nA Russian drone dropped explosives on a farm in Velyka Pysarivka.",
        dt.date(2023, 5, 2),
    )
    assert list(later["event_date"]) == [dt.date(2023, 5, 2)]


def test_where_a_statement_was_made_at_a_gathering_is_not_where_its_events_are():
    ev = _events(
        "The president, speaking at an investment forum in Moscow on Tuesday, said Russian troops shelled Kupiansk."
    )
    assert list(ev["location"]) == ["Kupiansk"]


def test_a_regions_fighting_told_next_at_its_settlements_is_fought_there():
    ev = _events(
        "The defence ministry said on Tuesday its troops had taken the villages of Strilecha and Pylna in the "
        "Kharkiv region, close to the border. The general staff said on Tuesday that Russian troops pressed attacks "
        "along the border in the Kharkiv region overnight, and that Ukrainian units had repelled several assaults. "
        "It said the heaviest fighting was near Vovchansk and the village of Lyptsi."
    )
    clashes = ev[ev["sub_event_type"] == "Armed clash"]
    assert sorted(clashes["location"]) == ["Lyptsi", "Vovchansk"]


def test_a_countrys_barrage_told_after_a_citys_strike_is_a_row_of_its_own_in_the_country_struck():
    ev = _events(
        "In Kyiv, blasts shook the city on Tuesday morning and a missile wrecked a block, wounding 12 people. "
        "On Friday, April 28, Ukraine was hit by 90 missiles, according to Kyiv, which said 25 people died across "
        "the country."
    )
    rows = sorted(zip(ev["event_date"], ev["location"].fillna(""), ev["country"], strict=True))
    assert rows == [(dt.date(2023, 4, 28), "", "Ukraine"), (dt.date(2023, 5, 2), "Kyiv", "Ukraine")]


def test_a_standfirst_that_dates_an_earlier_event_is_passed_over_for_the_lead():
    text = (
        "Moscow has stepped up its strikes after a raid on the city of Belgorod on April 29, officials say.\n\n"
        "Russia launched dozens of missiles at Ukraine on Tuesday, May 2, officials said.\n\n"
        "In Kharkiv, a missile hit a school and two people were hurt."
    )
    ev = _events(text, published=dt.date(2023, 5, 3))
    kharkiv = ev[ev["location"] == "Kharkiv"]
    assert list(kharkiv["event_date"]) == [dt.date(2023, 5, 2)]


def test_a_village_the_gazetteer_lacks_is_placed_where_the_story_says_it_lies_in_every_sentence():
    ev = _events(
        "Villagers in Hroza began burying their dead on Friday, a day after a Russian missile struck a cafe, "
        "killing 52 people.\n\nIn Hroza, a village of about 330 people in the Kupiansk district of the Kharkiv "
        "region, residents had gathered for a wake.",
        published=dt.date(2023, 10, 6),
    )
    assert list(zip(ev["location"], ev["admin1_iso"], ev["event_date"], strict=True)) == [
        ("Hroza", "UA-63", dt.date(2023, 10, 5))
    ]


def test_where_weapons_were_heading_and_a_place_told_as_away_from_are_not_where_the_event_is():
    downed = _events(
        "Air defences shot down a drone heading for Moscow over the Istra district of the Moscow region."
    )
    assert list(downed["admin1_iso"]) == ["RU-MOS"]
    away = _events(
        "Away from Bakhmut, Russia struck the Dnipropetrovsk region with missiles overnight, wounding six."
    )
    assert list(away["admin1_iso"]) == ["UA-12"]


def test_a_shelling_told_by_prosecutors_is_the_trials_not_the_days_news():
    assert _events(
        "A court in Chernihiv jailed a Russian officer for 12 years on Thursday.\n\nAccording to the prosecution, "
        "the officer ordered his unit to fire Grad and Uragan rockets at apartment blocks, a hospital and a stadium "
        "in the city, even though there were no Ukrainian positions nearby. Fourteen civilians were killed."
    ).empty


def test_a_reuters_dateline_of_two_cities_is_no_event_place():
    ev = _events(
        "KYIV/WARSAW, May 2 (Reuters) - Russian forces captured the village of Pylna, the ministry said."
    )
    assert "Kyiv" not in list(ev["location"])


def test_a_toll_told_higher_in_the_next_paragraph_is_the_toll_of_the_strike_told_before():
    ev = _events(
        "DNIPRO, Ukraine (AP) — Crews worked through the night at an apartment block in Dnipro a day after a Russian "
        "missile sheared away its middle floors.\n\nThe number of dead rose to 29 by Wednesday afternoon, and 73 "
        "people were wounded, the regional governor said."
    )
    assert list(zip(ev["location"], ev["fatalities"], ev["injuries"], strict=True)) == [("Dnipro", 29, 73)]
    # ... but a country's running total is no toll of one strike
    country = _events(
        "A missile hit a school in Kharkiv on Tuesday, killing two.\n\n"
        "The UN civilian death toll in Ukraine rose to 9,000, the agency said."
    )
    assert list(country["fatalities"]) == [2]


def test_a_share_of_the_lead_attacks_weapons_is_downed_by_the_other_side_over_its_country():
    ev = _events(
        "KYIV, March 22 (Reuters) - Russia hammered the power grid with missiles and drones overnight, cutting "
        "power to a million homes, officials said on Friday.\n\nThe air force said Russia fired 80 missiles and 60 "
        "drones in one of the largest assaults on energy sites since the invasion. Air defences destroyed 30 of the "
        "missiles and 50 of the drones, it said."
    )
    downed = ev[ev["sub_event_type"] == "Disrupted weapons use"]
    assert list(zip(downed["actor1"], downed["country"], strict=True)) == [
        ("Military Forces of Ukraine", "Ukraine")
    ]


def test_a_village_the_gazetteer_lacks_is_what_the_village_refers_back_to_once_placed():
    ev = _events(
        "Ukraine says it has retaken southern village of Robotyne as push towards Tokmak continues\n"
        "Ukrainian troops have retaken the village of Robotyne in the southern Zaporizhzhia region, Kyiv has said.\n"
        "The deputy defence minister said yesterday that the village had been liberated.",
        published=dt.date(2023, 8, 29),
    )
    assert list(zip(ev["location"], ev["admin1_iso"], ev["event_date"], strict=True)) == [
        ("Robotyne", "UA-23", dt.date(2023, 8, 28))
    ]


def test_a_place_described_in_an_aside_keeps_the_main_clauses_event_day_and_doer():
    ev = _events(
        "In the southern city of Kherson, which Ukrainian forces retook in November, Russian shelling killed a "
        "woman in her yard on Sunday morning, the regional administration said.",
        published=dt.date(2023, 1, 15),
    )
    assert list(zip(ev["sub_event_type"], ev["actor1"], ev["actor2"], ev["event_date"], strict=True)) == [
        (
            "Shelling/artillery/missile attack",
            "Military Forces of Russia",
            "Civilians (Ukraine)",
            dt.date(2023, 1, 15),
        )
    ]


def test_that_day_is_the_day_the_sentence_before_named():
    ev = _events(
        "Saturday's barrage went after power plants across the country. Ukraine's air force said it shot down 21 "
        "of the 33 cruise missiles fired at the country that day.",
        published=dt.date(2023, 1, 15),
    )
    downed = ev[ev["sub_event_type"] == "Disrupted weapons use"]
    assert list(downed["event_date"]) == [dt.date(2023, 1, 14)]


def test_a_russian_group_of_forces_named_before_its_word_takes_for_russia():
    ev = _events(
        "Units of the Vostok (East) group of forces liberated the settlement of Velyka Novosilka in the Donetsk "
        "region, the defence ministry said on Tuesday."
    )
    assert list(zip(ev["sub_event_type"], ev["actor1"], strict=True)) == [
        ("Non-state actor overtakes territory", "Military Forces of Russia")
    ]


def test_one_places_past_day_is_that_places_event_when_the_story_places_a_namesake_there():
    ev = _events(
        "Two civilians were hurt when a Ukrainian drone hit a car in the settlement of Klimovo in the Bryansk "
        "region over the past day, the governor said."
    )
    assert list(zip(ev["location"], ev["admin1_iso"], ev["injuries"], strict=True)) == [
        ("Klimovo", "RU-BRY", 2)
    ]


def test_a_comment_on_what_the_event_means_gives_it_no_background_and_no_second_event():
    pulled = _events(
        "KYIV, Ukraine (AP) — Ukraine's army said early Saturday it had pulled its soldiers out of Avdiivka, a "
        "ruined city in the Donetsk region, giving Moscow its biggest prize since the fall of Bakhmut last spring.",
        published=dt.date(2024, 2, 17),
    )
    assert list(zip(pulled["sub_event_type"], pulled["actor1"], pulled["location"], strict=True)) == [
        ("Non-state actor overtakes territory", "Military Forces of Russia", "Avdiivka")
    ]
    retaken = _events(
        "The defence ministry said on Thursday that its troops had liberated Sudzha, in what would be the biggest "
        "gain in Moscow's push to drive Ukrainian forces out of the region they seized last August.",
        published=dt.date(2025, 3, 13),
    )
    assert list(retaken["location"]) == ["Sudzha"]


@pytest.mark.parametrize(
    ("source", "sub"),
    [
        ("TASS", "Non-state actor overtakes territory"),  # Russia's ministry: Russia took it
        ("RIA Novosti [inferred]", "Non-state actor overtakes territory"),
        ("Ukrinform", "Government regains territory"),  # Ukraine's: Ukraine retook it
        (None, "Government regains territory"),  # no side known: the codebook's default
    ],
)
def test_an_unqualified_ministry_is_the_outlets_side(source, sub):
    text = "The Defense Ministry reported on Tuesday that the village of Pervomaiske had been completely liberated."
    art = pd.DataFrame(
        [
            {
                "article_id": "a1", "source_id": "a1", "source": source, "url": None, "title": None,
                "dateline_place": None, "published_at": dt.date(2023, 5, 3), "text": text,
                "n_words": len(text.split()), "raw_path": "a1",
            }
        ]
    )  # fmt: skip
    assert list(extract(art).events["sub_event_type"]) == [sub]


def test_outlets_of_one_side():
    assert (outlet_side("TASS"), outlet_side("Interfax-Ukraine"), outlet_side("Interfax")) == (
        "Russia",
        "Ukraine",
        "Russia",
    )
    assert outlet_side("Reuters") is None and outlet_side(None) is None
    assert outlet_side(float("nan")) is None  # a missing source in a table


def test_an_event_told_in_an_aside_on_a_day_of_its_own_is_the_asides_place_on_that_day():
    ev = _events(
        "On Saturday the ministry called the withdrawal from Balakliia, which Kyiv said it had retaken on "
        "Thursday, a regrouping of its forces.",
        published=dt.date(2022, 9, 12),
    )
    assert list(zip(ev["sub_event_type"], ev["location"], ev["event_date"].astype(str), strict=True)) == [
        ("Government regains territory", "Balakliia", "2022-09-08")
    ]


def test_an_aside_telling_the_cause_of_the_harm_its_sentence_counts_is_read_with_it():
    ev = _events(
        "Two people died in Kupiansk, which came under heavy shelling on Monday, the governor said.",
        published=dt.date(2024, 3, 5),
    )
    assert list(zip(ev["location"], ev["fatalities"], strict=True)) == [("Kupiansk", 2)]


def test_a_settlement_in_the_republic_russia_names_is_that_regions_namesake():
    ev = _events(
        "Russian units took the settlement of Yalta in the Donetsk People's Republic over the past day, the "
        "ministry in Moscow said.",
        published=dt.date(2025, 6, 19),
    )
    assert list(zip(ev["location"], ev["admin1_iso"], strict=True)) == [("Yalta", "UA-14")]


def test_a_list_keeps_the_namesake_the_story_chose_for_its_first_place_and_its_region_for_the_next():
    ev = _events(
        "Ukrainian brigades pushed south in the Donetsk region on Tuesday. On Sunday, officials had announced the "
        "liberation of Blahodatne and Neskuchne, two hamlets on a small river.",
        published=dt.date(2023, 6, 13),
    )
    assert sorted(zip(ev["location"], ev["admin1_iso"], strict=True)) == [
        ("Blahodatne", "UA-14"),
        ("Neskuchne", "UA-14"),
    ]


def test_the_fighting_at_each_settlement_a_front_report_names_for_the_past_day_is_each_ones_event():
    ev = _events(
        "The general staff said its units had beaten back Russian assaults near Avdiivka and Kupiansk over the "
        "past day.",
        published=dt.date(2023, 11, 9),
    )
    assert sorted(zip(ev["sub_event_type"], ev["location"], ev["admin1_iso"], strict=True)) == [
        ("Armed clash", "Avdiivka", "UA-14"),
        ("Armed clash", "Kupiansk", "UA-63"),
    ]


def test_villages_of_a_sentence_that_names_one_region_first_are_read_in_it():
    fought = _events(
        "In the Kursk Region, border units beat off two attacks by Ukrainian assault groups toward the settlement "
        "of Olgovka over the past day, the ministry said.",
        published=dt.date(2024, 10, 7),
    )
    assert list(fought["admin1_iso"]) == ["RU-KRS"]
    struck = _events(
        "In the Bryansk Region, the governor said drones had hit the village of Sushany in the Klimovo district "
        "on Sunday, wounding a pensioner.",
        published=dt.date(2024, 10, 7),
    )
    assert list(zip(struck["location"], struck["admin1_iso"], strict=True)) == [("Sushany", "RU-BRY")]


@pytest.mark.parametrize(
    ("text", "sub"),
    [
        (
            "Armed men in Russian uniforms detained the head of the village council of Vasylivka at her home on "
            "Monday, her family said.",
            "Abduction/forced disappearance",
        ),
        (
            "The editor of a local paper in Berdiansk was detained by Russian soldiers on Monday.",
            "Abduction/forced disappearance",
        ),
        (
            "Ukraine's security service detained a man in Sumy on Monday suspected of guiding Russian forces' "
            "strikes.",
            "Arrests",
        ),
    ],
)
def test_a_civilian_detained_by_an_occupying_army_is_taken_not_arrested(text, sub):
    assert list(_events(text, published=dt.date(2022, 4, 5))["sub_event_type"]) == [sub]


def test_a_strike_by_its_forces_told_by_a_sides_command_is_that_sides_strike():
    ev = _events(
        "Ukraine's general staff says its forces struck a fuel depot in Russia's Belgorod region overnight, "
        "setting off a blaze."
    )
    assert list(zip(ev["actor1"], ev["admin1_iso"], strict=True)) == [
        ("Military Forces of Ukraine", "RU-BEL")
    ]


def test_an_as_clause_whose_subject_is_a_sides_forces_tells_an_event_of_its_own():
    ev = _events(
        "Russian missiles hit Dnipro on Tuesday, killing three people, officials said, as Ukrainian soldiers "
        "fought to push Russian units out of the town of Vovchansk."
    )
    assert sorted(zip(ev["sub_event_type"], ev["location"], strict=True)) == [
        ("Armed clash", "Vovchansk"),
        ("Shelling/artillery/missile attack", "Dnipro"),
    ]
    # a circumstance of "as" with no side's forces acting stays the main event's
    one = _events(
        "Russian missiles hit Dnipro on Tuesday, killing three people, as the air raid alert sounded."
    )
    assert list(one["location"]) == ["Dnipro"]


def test_a_paragraph_opened_by_its_time_dates_the_account_told_in_it():
    # published on Thursday 10 July; the lead's day is Sunday, the paragraph's 8 July
    text = (
        "KHARKIV - Ukrainian forces pushed further east on Sunday, the army said.\n\n"
        "The army chief said on July 8 that troops had advanced 20 kilometres since the start of the month.\n\n"
        "The Russian response came on the evening of July 8. Russian missiles hit a power plant on the outskirts "
        "of Kharkiv and a substation in the town of Zmiiv, the governor said."
    )
    ev = _events(text, published=dt.date(2025, 7, 10))
    assert sorted({str(d)[:10] for d in ev["event_date"]}) == ["2025-07-08"]
    # ... not a day somebody only spoke on
    spoke = text.replace(
        "The Russian response came on the evening of July 8.", "The governor spoke on July 8."
    )
    ev = _events(spoke, published=dt.date(2025, 7, 10))
    assert "2025-07-08" not in {str(d)[:10] for d in ev["event_date"]}
