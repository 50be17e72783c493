import datetime as dt

import pandas as pd
import pytest

from tests.transforms.events.articles import article_events
from transforms.events.discourse import place_lists
from transforms.events.frames import proximity_parts
from transforms.names.resolve import find_mentions

PUB = dt.date(2024, 3, 9)


def _lists(sentence: str) -> list[list[str]]:
    return [
        [it.mention.surface for it in items] for items in place_lists(sentence, 0, find_mentions(sentence))
    ]


def _events(text: str):
    return article_events(text, PUB)


def test_coordinated_places_form_a_list_and_a_region_after_a_comma_places_them():
    assert _lists("Artillery hit Kupiansk, Izium and Balakliia overnight.") == [
        ["Kupiansk", "Izium", "Balakliia"]
    ]
    assert _lists("Artillery hit Kupiansk, Kharkiv, overnight.") == []
    assert _lists("Drones hit Sumy, Kharkiv and Poltava.") == [["Sumy", "Kharkiv", "Poltava"]]


def test_a_place_named_to_locate_another_is_not_an_item():
    lists = _lists("Missiles struck depots in the regions of Rivne, west of Kyiv, and Poltava and Ternopil.")
    assert lists == [["Rivne", "Poltava", "Ternopil"]]


def test_a_place_described_in_passing_and_a_preposition_said_again_keep_the_list():
    lists = _lists("Troops entered Kupiansk, a town east of Kharkiv city, and Izium on Friday.")
    assert lists == [["Kupiansk", "Izium"]]
    assert _lists("Troops fought over Kupiansk and over Izium.") == [["Kupiansk", "Izium"]]
    # ... or the next place said to be a neighbour of it
    assert _lists("Troops held off attacks near Siversk and the neighbouring village of Spirne.") == [
        ["Siversk", "Spirne"]
    ]


def test_a_village_the_gazetteer_lacks_keeps_the_list_it_opens():
    # the reader places the unknown village in the region the next item gives; the item after it is its own row
    ev = _events(
        "Officials said soldiers took back Zarichchevo, a village south of Kharkiv city, and Velykyi Burluk on Friday."
    )
    assert sorted(ev["location"]) == ["Velykyi Burluk", "Zarichchevo"]
    assert set(ev["sub_event_type"]) == {"Government regains territory"}


def test_one_sentence_attacking_a_list_of_places_is_one_event_per_place():
    ev = _events("Russian artillery shelled Kupiansk, Izium and Balakliia on Friday.")
    assert sorted(ev["location"]) == ["Balakliia", "Izium", "Kupiansk"]
    assert set(ev["admin1_iso"]) == {"UA-63"} and set(ev["event_date"]) == {dt.date(2024, 3, 8)}


def test_things_hit_each_at_a_place_of_its_own_are_one_event_per_place():
    ev = _events("On Friday Russian missiles hit a school in Izium and a hospital near the town of Kupiansk.")
    assert sorted(ev["location"]) == ["Izium", "Kupiansk"]


def test_a_list_of_regions_is_one_region_level_event_each_with_its_own_casualties():
    ev = _events(
        "Russian missiles hit the city of Uman, where two people died, and the southern Mykolaiv region on Friday."
    )
    by = {r["admin1_iso"]: r for _, r in ev.iterrows()}
    assert set(by) == {"UA-71", "UA-48"}
    assert by["UA-71"]["location"] == "Uman" and by["UA-71"]["fatalities"] == 2
    assert pd.isna(by["UA-48"]["location"]) and pd.isna(by["UA-48"]["fatalities"])
    plural = _events("Russian drones struck the Sumy and Poltava regions on Friday.")
    assert sorted(plural["admin1_iso"]) == ["UA-53", "UA-59"] and plural["location"].isna().all()


def test_one_event_told_again_later_in_the_story_is_one_row():
    ev = _events(
        "Russian missiles hit Uman on Friday, killing two people. "
        "The mayor said the toll was rising. "
        "Officials said on Saturday the missile strike on Uman had killed three people."
    )
    assert len(ev) == 1 and ev.iloc[0]["fatalities"] == 3


def test_the_city_refers_back_to_the_settlement_named_last():
    ev = _events("Kupiansk was quiet on Thursday morning. Russian artillery shelled the city on Friday.")
    assert ev.iloc[0]["location"] == "Kupiansk"


def test_the_plant_refers_back_to_the_settlement_it_was_named_with_and_a_units_name_places_nothing():
    ev = _events(
        "Soldiers of the brigade are holding out in a chemical works in Sievierodonetsk. "
        "Video released on Friday showed the plant being bombarded."
    )
    assert list(ev["location"]) == ["Sievierodonetsk"]
    # "the Azov regiment" names a unit, not the place "the plant" is at
    unit = _events(
        "The commander of the Azov regiment spoke on Friday. Video showed the plant being bombarded again."
    )
    assert "Azov" not in set(unit["location"].dropna())


def test_a_region_list_is_not_a_place_placed_in_the_next_region():
    ev = _events(
        "Russian forces attacked along the front of the Sumy, Kharkiv and Poltava regions on Friday."
    )
    assert sorted(ev["admin1_iso"]) == ["UA-53", "UA-59", "UA-63"]


def test_casualties_at_a_place_after_a_lead_attack_are_that_attacks_local_events():
    ev = _events(
        "Russia fired dozens of missiles at cities across Ukraine on Friday.\n\n"
        "The president thanked air defence crews.\n\n"
        "In Uman, two people were killed when a house collapsed.\n\n"
        "Three people were wounded in the Poltava region."
    )
    by = {r["admin1_iso"]: r for _, r in ev.iterrows()}
    assert set(by) == {"UA-71", "UA-53"}
    assert (
        by["UA-71"]["sub_event_type"] == "Shelling/artillery/missile attack"
        and by["UA-71"]["fatalities"] == 2
    )
    assert by["UA-53"]["injuries"] == 3 and pd.isna(by["UA-53"]["location"])
    assert set(ev["event_date"]) == {dt.date(2024, 3, 8)}


def test_without_a_lead_attack_a_count_of_the_dead_is_no_event():
    ev = _events(
        "The minister visited Uman on Friday.\n\nIn Uman, two people were killed when a house collapsed."
    )
    assert ev.empty


def test_a_trial_is_not_the_event_it_concerns():
    ev = _events(
        "A court in Uman sentenced a soldier on Friday for shooting a driver in the village of Ivanivka."
    )
    assert ev.empty


def test_a_capital_standing_for_its_government_places_nothing():
    assert _events("Moscow said its missiles destroyed a depot on Friday.").empty
    ev = _events("Russian missiles hit Kyiv on Friday, killing two people.")
    assert ev.iloc[0]["location"] == "Kyiv"


def test_a_sentence_with_two_clauses_each_placing_an_event_is_read_clause_by_clause():
    ev = _events(
        "Artillery pounded Kupiansk on Friday, and Russia said it struck depots around Nikopol with missiles."
    )
    by = dict(zip(ev["location"], ev["admin1_iso"], strict=True))
    assert by == {"Kupiansk": "UA-63", "Nikopol": "UA-12"}
    one = _events("Artillery pounded Kupiansk on Friday, and two people were killed.")
    assert len(one) == 1 and one.iloc[0]["fatalities"] == 2


def test_civilians_counted_in_a_clause_of_their_own_beside_a_strike_in_another_region_are_a_strike_there():
    ev = _events(
        "Russia fired missiles at power plants on Saturday. Three postal workers died in Zaporizhzhia, the "
        "company said, while in Lviv debris of a downed drone set fire to a warehouse, injuring one guard."
    )
    by = {r.location: r for r in ev.itertuples()}
    assert set(by) == {"Zaporizhzhia", "Lviv"}
    assert (
        by["Zaporizhzhia"].fatalities == 3 and by["Zaporizhzhia"].event_type == "Explosions/Remote violence"
    )
    assert by["Lviv"].injuries == 1 and by["Lviv"].fatalities == 0
    # in the region the strike's clause names, the count is that strike's toll
    one = _events(
        "A missile hit a school in Kharkiv on Saturday, and two teachers died in the Kharkiv region."
    )
    assert len(one) == 1 and one.iloc[0]["fatalities"] == 2


def test_a_second_predicate_that_goes_on_striking_is_a_clause_with_its_own_place():
    ev = _events("Russian forces fired missiles at Mykolaiv on Friday and kept shelling the port of Ochakiv.")
    assert set(ev["location"]) == {"Mykolaiv", "Ochakiv"}
    claim = _events("The ministry said its troops had captured Lyman and encircled Kreminna on Friday.")
    assert set(zip(claim["location"], claim["sub_event_type"], strict=True)) == {
        ("Lyman", "Non-state actor overtakes territory"),
        ("Kreminna", "Armed clash"),
    }


def test_civilians_killed_in_other_regions_after_an_event_are_strikes_there_not_its_toll():
    ev = _events(
        "Fierce fighting went on in Vovchansk on Friday, officials said. "
        "At least five civilians were killed in the Sumy region and in the city of Nikopol."
    )
    by = {r.admin1_iso: r for r in ev.itertuples()}
    assert set(by) == {"UA-63", "UA-59", "UA-12"}
    assert by["UA-63"].sub_event_type == "Armed clash" and by["UA-63"].fatalities != 5
    assert by["UA-59"].sub_event_type == "Shelling/artillery/missile attack" and pd.isna(
        by["UA-59"].fatalities
    )
    # the same count at the event's own place is its toll
    one = _events("Fierce fighting went on in Vovchansk on Friday. Two civilians were killed in the town.")
    assert len(one) == 1


def test_the_town_a_speakers_office_names_is_the_place_the_town_refers_to():
    ev = _events(
        "Fighting went on around Kupiansk on Friday. That was confirmed by the head of the Borova military "
        "administration, who said Russian troops had entered the town and raised their flag."
    )
    took = ev[ev["sub_event_type"] == "Non-state actor overtakes territory"]
    assert list(took["location"]) == ["Borova"]


def test_a_protest_is_where_its_people_gathered_not_the_place_of_their_cause():
    ev = _events(
        "Families of the soldiers trapped in the Azovstal steel plant rallied in Lviv on Friday, asking for "
        "their rescue. Mariupol resident Olena Koval was also at the rally in the city."
    )
    assert [(e.sub_event_type, e.location) for e in ev.itertuples()] == [("Peaceful protest", "Lviv")]


def test_event_words_of_different_kinds_each_beside_a_place_of_their_own_are_two_events():
    ev = _events(
        "Attacks grew on Thursday, with the port of Mykolaiv coming under heavy missile strikes and the "
        "soldiers holding the coke plant in Avdiivka saying on Friday that Russian assaults continued."
    )
    # each at its own place, and each part on the day it names itself
    assert set(
        zip(ev["location"], ev["sub_event_type"], ev["event_date"].astype(str).str[:10], strict=True)
    ) == {
        ("Mykolaiv", "Shelling/artillery/missile attack", "2024-03-07"),
        ("Avdiivka", "Armed clash", "2024-03-08"),
    }
    # fighting told of a whole area, beside a town shelled: the town's shelling, no row for the area
    area = _events(
        "Fierce fighting raged in Ukraine's east on Friday, the city of Kherson came under bombardment again."
    )
    assert list(zip(area["location"], area["sub_event_type"], strict=True)) == [
        ("Kherson", "Shelling/artillery/missile attack")
    ]
    # ... and so within each clause of a sentence its punctuation parts: the third clause is a clash of its own
    clauses = _events(
        "Fierce fighting raged in Ukraine's east on Friday, the city of Kherson came under bombardment again, "
        "and Russian troops sought to dislodge the Ukrainian units holding a bridgehead near Vovchansk."
    )
    assert set(zip(clauses["location"], clauses["sub_event_type"], strict=True)) == {
        ("Kherson", "Shelling/artillery/missile attack"),
        ("Vovchansk", "Armed clash"),
    }


def test_proximity_parts_cut_between_two_event_words_at_the_and_between_their_names():
    text = "Drones hit Sumy and troops stormed Vovchansk."
    words = [(7, 10, "drone"), (25, 32, "clash")]  # "hit", "stormed"
    names = [(11, 15, "UA-59"), (33, 42, "UA-63")]
    assert proximity_parts(text, words, names) == [(0, 15, "UA-59"), (20, 45, "UA-63")]
    assert proximity_parts(text, [(7, 10, "drone"), (25, 32, "drone")], names) == []  # one kind of event
    assert proximity_parts(text, words, [(11, 15, "UA-59"), (33, 42, "UA-59")]) == []  # one region


def test_the_lead_attack_told_again_at_its_place_is_armed_as_the_lead_armed_it_and_dated_by_its_retelling():
    ev = _events(
        "Forty people have been killed after a village school in eastern Ukraine was hit in a Russian air raid.\n\n"
        "“After a Russian strike on Toshkivka in the Luhansk region, 40 people were killed,” the governor said in "
        "his evening address on Saturday. He said the attack on the school in Toshkivka had taken place at 5pm "
        "on Friday."
    )
    school = ev[ev["location"] == "Toshkivka"]
    assert len(school) == 1
    assert (school.iloc[0]["sub_event_type"], str(school.iloc[0]["event_date"])[:10]) == (
        "Air/drone strike",
        "2024-03-08",
    )


def test_a_ground_offensive_opened_or_a_border_crossed_with_no_place_is_a_clash_in_the_region_told():
    def clashes(text: str) -> list[tuple[str, str]]:
        ev = _events(text)
        ev = ev[ev["sub_event_type"] == "Armed clash"]
        return list(zip(ev["admin1_iso"], ev["actor1"], strict=True))

    assert clashes(
        "Schools in the Sumy region stayed shut on Saturday. The assault began at dawn on Friday, when Russian "
        "tank columns crossed the border."
    ) == [("UA-59", "Military Forces of Russia")]
    assert clashes(
        "Kyiv's troops pushed deeper into Russia's Bryansk region on Saturday. Ukraine launched the "
        "cross-border incursion on Thursday, officials said."
    ) == [("RU-BRY", "Military Forces of Ukraine")]
    # refugees crossing a border fight no one, and an offensive spoken of in general names no day
    assert clashes("Hundreds of refugees crossed the border into Moldova on Friday.") == []


def test_harm_told_first_and_its_cause_next_are_one_strike_where_the_harm_was():
    ev = _events(
        "Officials in Russia said at least 11 people died on Sunday when part of a block of flats in Kursk "
        "caved in. They blamed a Ukrainian missile; Kyiv made no comment."
    )
    assert list(zip(ev["location"], ev["fatalities"], ev["actor1"], ev["actor2"], strict=True)) == [
        ("Kursk", 11, "Military Forces of Ukraine", "Civilians (Russia)")
    ]
    # the debris of a downed missile did it, and the interceptions told in the same sentence are their own event
    two = _events(
        "Part of a block of flats in Kursk caved in on Sunday, killing at least eight residents, officials said. "
        "The defence ministry said the block had been struck by debris of a Ukrainian missile that had been shot "
        "down, and that air defences had downed 15 rockets and missiles over the Kursk region that day."
    )
    assert sorted(zip(two["sub_event_type"], two["fatalities"], strict=True)) == [
        ("Disrupted weapons use", 0),
        ("Shelling/artillery/missile attack", 8),
    ]


def test_casualties_opened_by_a_settlement_of_their_own_after_a_strike_are_the_next_item_of_a_roundup():
    ev = _events(
        "Russian artillery hit the Kherson region on Friday. In Bilozerka, a shell killed a woman near her home. "
        "In Tiahynka, three villagers were wounded and taken to hospital."
    )
    assert sorted(zip(ev["location"], ev["fatalities"], ev["injuries"], strict=True)) == [
        ("Bilozerka", 1, 0),
        ("Tiahynka", 0, 3),
    ]
    # the same settlement named again is the same strike's toll
    one = _events("A shell killed a woman in Bilozerka on Friday. In Bilozerka, three more were wounded.")
    assert len(one) == 1 and one.iloc[0]["injuries"] == 3


def test_the_capital_struck_with_weapons_is_no_attacker_and_weapons_downed_on_their_way_there_are_its():
    ev = _events(
        "Russia pounded Kyiv with drones and missiles overnight into Saturday. The air force said 18 of them, "
        "flying towards the capital, had been shot down."
    )
    assert sorted(zip(ev["sub_event_type"], ev["actor1"], ev["admin1_iso"], strict=True)) == [
        ("Disrupted weapons use", "Military Forces of Ukraine", "UA-30"),
        ("Shelling/artillery/missile attack", "Military Forces of Russia", "UA-30"),
    ]


def test_a_capitals_backers_are_its_governments_not_a_place():
    ev = _events(
        "The offensive has gone slower than Kyiv's Western backers had hoped, with troops clearing minefields "
        "under Russian artillery fire."
    )
    assert "Kyiv" not in set(ev["location"])


def test_a_capitals_commander_speaks_for_its_government_and_places_nothing():
    ev = _events(
        "Ukrainian soldiers fought Russian units in several districts of Russia's Kursk region on Tuesday, "
        "Kyiv's top commander said."
    )
    assert list(ev["admin1_iso"]) == ["RU-KRS"]
    assert "Kyiv" not in set(ev["location"])


def test_a_village_said_to_be_nearby_is_the_namesake_near_the_place_told_before():
    # Pishchane is the name of villages in six regions; the one near Kupiansk is in the Kharkiv region
    ev = _events(
        "Ukrainian troops fought Russian units in the city of Kupiansk on Thursday, the army said.\n\n"
        "Moscow's defence ministry claimed on Wednesday that its troops had captured the nearby village of "
        "Pishchane."
    )
    taken = ev[ev["sub_event_type"] == "Non-state actor overtakes territory"]
    assert list(zip(taken["location"], taken["admin1_iso"], strict=True)) == [("Pishchane", "UA-63")]


def test_the_place_in_a_speakers_title_is_not_where_the_event_happened():
    ev = _events(
        "Kupiansk was shelled on Thursday. "
        "The governor of the Poltava region said on Friday that a drone had hit a school in the city."
    )
    assert set(ev["location"]) == {"Kupiansk"}
    victim = _events("Russian forces abducted the head of Ivanivka village, Kharkiv region, on Friday.")
    assert victim.iloc[0]["admin1_iso"] == "UA-63"


def test_a_count_told_with_an_officials_office_and_name_after_the_place_is_the_events_toll_there():
    ev = _events(
        "Russia sent dozens of drones against Ukraine overnight into Friday.\n\n"
        "In the Kyiv region, a drone hit a farm near Fastiv. Two workers were hurt, the head of the "
        "Kyiv Regional Military Administration, Mykola Kalashnyk, said."
    )
    # (the capital in the office's name is no place of the sentence: not a strike in the city of Kyiv)
    assert list(zip(ev["location"], ev["injuries"], strict=True)) == [("Fastiv", 2)]


def test_what_appears_to_have_happened_happened_and_a_strike_that_killed_is_remote_violence():
    ev = _events("Russian forces appeared to have captured the town of Lyman on Friday.")
    assert ev.iloc[0]["sub_event_type"] == "Non-state actor overtakes territory"
    strike = _events("A strike on a school in Uman on Friday is thought to have killed at least 20 people.")
    assert strike.iloc[0]["event_type"] == "Explosions/Remote violence" and strike.iloc[0]["fatalities"] == 20


def test_an_interception_tally_is_over_the_country_not_at_the_dateline_and_over_each_region_it_names():
    lead = _events("KYIV, Ukraine (AP) — Air defences destroyed 61 of the 70 missiles launched overnight.")
    (e,) = lead.itertuples()
    assert (e.sub_event_type, e.actor1, e.country, e.quantity) == (
        "Disrupted weapons use",
        "Military Forces of Ukraine",
        "Ukraine",
        61,
    ) and pd.isna(e.admin1_iso)
    # weapons downed over a list of regions were downed over each: a row per region, as ACLED codes them
    regions = _events(
        "Air defence forces shot down 30 of 44 drones over the Sumy, Odesa and Poltava regions on Friday."
    )
    assert sorted(regions["admin1_iso"]) == ["UA-51", "UA-53", "UA-59"]
    assert set(regions["sub_event_type"]) == {"Disrupted weapons use"}
    # ... and a tally counted per region gives each region its own count, the first one too
    counted = _events(
        "The ministry said 14 drones were downed over the Bryansk region, nine over the Kursk region and "
        "six over the Belgorod region on Friday."
    )
    assert sorted(zip(counted["admin1_iso"], counted["quantity"], strict=True)) == [
        ("RU-BEL", 6),
        ("RU-BRY", 14),
        ("RU-KRS", 9),
    ]


def test_a_city_held_by_a_capital_is_not_placed_in_the_capital_and_a_region_of_x_constrains_its_village():
    ev = _events("Russian drones struck Ivanivka in the southern region of Kherson on Friday.")
    assert ev.iloc[0]["admin1_iso"] == "UA-65"
    held = _events("Heavy fighting raged on Friday in the last city held by Kyiv in the region.")
    assert held.empty or "UA-30" not in set(held["admin1_iso"])


def test_a_toll_for_a_whole_list_is_no_one_places_and_another_n_counts():
    ev = _events("Russian missiles struck Sumy and Poltava on Friday, killing 12 people.")
    assert len(ev) == 2 and ev["fatalities"].isna().all()
    more = _events("Twelve people were killed and another 40 wounded by shelling in Kupiansk on Friday.")
    assert (more.iloc[0]["fatalities"], more.iloc[0]["injuries"]) == (12, 40)


def test_compounds_and_more_verbs_of_a_government_and_more_background():
    assert _events("Moscow blocked gas supplies after the strikes on Friday.").empty
    assert _events("Blasts hit a depot in Moscow-annexed Crimea on Friday.")["location"].ne("Moscow").all()
    assert _events(
        "In the first month of the war he treated people wounded by shelling in a Kyiv hospital."
    ).empty


def test_a_story_talking_of_the_city_keeps_it_as_the_referent_and_a_capital_for_its_government_is_none():
    text = (
        "Ukrainian troops retook a quarter of Lyman on Friday, the regional governor said.\n\n"
        "He said the soldiers were pushing deeper into the town held by Kyiv until last month.\n\n"
        "Many residents of the town had left weeks ago.\n\n"
        "The figures were hard to check amid the heavy fighting."
    )
    ev = _events(text)
    clash = ev[ev["sub_event_type"] == "Armed clash"]
    assert list(clash["location"]) == ["Lyman"]
    assert "UA-30" not in set(ev["admin1_iso"])


def test_fighting_with_no_place_right_after_an_event_is_no_new_place_of_the_story():
    text = "Russian artillery shelled Vovchansk on Friday. Heavy fighting is still raging, officials said."
    ev = _events(text)
    assert list(ev["location"]) == ["Vovchansk"]


def test_a_strike_on_civilians_stays_a_strike_when_a_clash_with_no_place_is_told_after_it():
    text = (
        "Russian missiles hit a school in Kostiantynivka on Friday, killing three people. "
        "Ukrainian troops repelled nine assaults on Friday, the army said."
    )
    ev = _events(text)
    assert list(ev["sub_event_type"]) == ["Shelling/artillery/missile attack"]
    assert ev.iloc[0]["fatalities"] == 3


def test_a_second_predicate_with_a_named_weapon_system_is_an_event_at_its_own_place():
    ev = _events(
        "On Friday the invaders fired at the Huliaipole community with Uragans and hit Orikhiv with Iskanders."
    )
    assert sorted(ev["location"]) == ["Huliaipole", "Orikhiv"]
    assert set(ev["sub_event_type"]) == {"Shelling/artillery/missile attack"}


def test_a_district_named_with_its_city_is_coded_at_the_city():
    ev = _events(
        "On Friday a missile hit a clinic in the Kyivskyi district of Kharkiv, wounding four people."
    )
    assert list(ev["location"]) == ["Kharkiv"]
    cap = _events(
        "On Friday a drone hit a house in the Obolonskyi district of the capital, wounding one man."
    )
    assert list(cap["location"]) == ["Kyiv"] and list(cap["admin1_iso"]) == ["UA-30"]


def test_an_event_with_no_place_of_its_own_is_in_the_region_of_the_governor_who_reports_it():
    ev = _events(
        "The governor of Sumy region, Ivan Petrenko, said two civilians were killed in Russian shelling on Friday."
    )
    assert list(ev["admin1_iso"]) == ["UA-59"] and ev["location"].isna().all()
    unit = _events(
        "A commander of the Azov regiment, Ivan Petrenko, said two soldiers were killed in shelling on Friday."
    )
    assert unit.empty


def test_a_list_closed_by_a_comma_and_is_one_list_and_the_clause_after_it_has_its_own_regions():
    ev = _events(
        "On Friday local media reported heavy shelling in Avdiivka, Toretsk, and Pokrovsk, and the army said Russian "
        "troops were attempting to break through the lines in the Zaporizhzhia, Kherson, and Kharkiv regions."
    )
    shelled = ev[ev["sub_event_type"] == "Shelling/artillery/missile attack"]
    assert sorted(shelled["location"]) == ["Avdiivka", "Pokrovsk", "Toretsk"]
    clashes = ev[ev["sub_event_type"] == "Armed clash"]
    assert sorted(clashes["admin1_iso"]) == ["UA-23", "UA-63", "UA-65"] and clashes["location"].isna().all()


def test_fighting_people_fled_is_no_event():
    assert _events("On Friday a school in Uzhhorod took in families who had fled fighting in the east.").empty


def test_a_territory_change_is_coded_by_the_side_that_took_the_place_not_by_its_verb():
    taken = _events("On Friday pro-Russian separatists said they had liberated the town of Kreminna.")
    assert list(taken["sub_event_type"]) == ["Non-state actor overtakes territory"]
    back = _events(
        "On Friday Ukraine launched a counterattack near Kreminna and recaptured the town from Russian forces."
    )
    assert list(back["sub_event_type"]) == ["Government regains territory"]
    # a command claiming a gain for its own forces took the place: Moscow's "liberated" is Russia overtaking
    claimed = _events(
        "On Friday Russia's defence ministry said its troops had liberated the town of Kreminna."
    )
    assert list(claimed["sub_event_type"]) == ["Non-state actor overtakes territory"]
    grouping = _events(
        "Units of the Group of Forces West liberated Kreminna on Friday, the ministry in Moscow said."
    )
    assert list(grouping["sub_event_type"]) == ["Non-state actor overtakes territory"]
    own = _events("On Friday Ukraine's general staff said its troops had liberated the town of Kreminna.")
    assert list(own["sub_event_type"]) == ["Government regains territory"]


def test_a_place_given_up_or_held_again_is_a_change_of_hands_coded_by_the_side_that_now_holds_it():
    def told(text: str) -> list[tuple[str, str]]:
        ev = _events(text)
        return list(zip(ev["sub_event_type"], ev["actor1"], strict=True))

    regained = [("Government regains territory", "Military Forces of Ukraine")]
    # a command saying its own troops left a town: the other side took it
    assert (
        told("On Friday Russia's defence ministry announced that its troops had left Kreminna.") == regained
    )
    assert told("Ukraine's general staff said on Friday that its units had pulled out of Kreminna.") == [
        ("Non-state actor overtakes territory", "Military Forces of Russia")
    ]
    # a village said to be held again by one side
    assert (
        told("The village of Kurylivka was back under Ukrainian control on Friday, the governor said.")
        == regained
    )
    # a town retaken without a fight is still retaken: the codebook's regained, not a non-violent transfer
    assert (
        told("On Friday Ukrainian soldiers retook Vysokopillia without a fight as the occupiers fled.")
        == regained
    )


def test_soldiers_pictured_with_their_flag_at_a_places_landmark_took_the_place():
    ev = _events(
        "On Friday, soldiers shared photos of themselves with a Ukrainian flag in front of the Vovchansk town hall."
    )
    assert list(zip(ev["location"], ev["sub_event_type"], strict=True)) == [
        ("Vovchansk", "Government regains territory")
    ]
    # people who are not soldiers, with a flag at a building abroad: a rally, not a taking
    rally = _events(
        "On Friday, students posed with a Ukrainian flag in front of the Russian embassy in Vilnius."
    )
    assert "Government regains territory" not in set(rally["sub_event_type"])


def test_prisoners_taken_during_a_withdrawal_told_before_turn_no_clash_into_a_change_of_hands():
    ev = _events(
        "On Friday Ukrainian troops withdrew from the town of Marinka, the army said.\n\n"
        "On Saturday the army said fighting was continuing near Pobieda, a village south of Marinka. "
        "It said some soldiers had been captured in the last days of the withdrawal."
    )
    assert sorted(zip(ev["location"], ev["sub_event_type"], strict=True)) == [
        ("Maryinka", "Non-state actor overtakes territory"),
        ("Pobieda", "Armed clash"),
    ]


def test_the_main_clause_tells_the_event_not_the_circumstance_after_it_nor_a_capital_for_its_state():
    # a dateline's dash opens no aside: the clause after ", as" is the circumstance, not the event
    ev = _events(
        "ODESA, Ukraine (AP) — Russian glide bombs struck the city of Kherson on Friday, killing two people, "
        "the governor said, as the air force reported shooting down dozens of drones overnight."
    )
    assert list(zip(ev["sub_event_type"], ev["location"], strict=True)) == [("Air/drone strike", "Kherson")]
    # "Kyiv's biggest assault": the state that attacked, not where the fighting was
    ev = _events(
        "Russian troops fought Ukrainian units in the Kursk region on Friday, as Kyiv's largest cross-border "
        "assault of the war forced evacuations."
    )
    assert list(ev["admin1_iso"]) == ["RU-KRS"]


def test_the_city_is_the_one_the_story_is_about_and_the_island_an_island():
    text = (
        "Russian troops pushed into Vovchansk on Friday, the regional governor said.\n\n"
        "Vovchansk, north of Kharkiv, has been emptied of residents, he said.\n\n"
        "The fight for Vovchansk draws units from the republics in Luhansk and Donetsk.\n\n"
        "Witnesses said the city was being shelled every few minutes on Friday."
    )
    shelled = _events(text)
    shelled = shelled[shelled["sub_event_type"] == "Shelling/artillery/missile attack"]
    assert list(shelled["location"]) == ["Vovchansk"]
    island = _events(
        "Ukraine said it sank a tug near Zmiinyi Island, and Odesa was quiet on Friday.\n\n"
        "Satellite images showed missile strikes on a landing craft near the island on Friday."
    )
    assert "Zmiinyi Island" in set(island["location"])


def test_a_place_a_scene_is_compared_with_is_not_where_it_happened():
    ev = _events("On Friday intense shelling hit Toretsk, leaving ruins reminiscent of Mariupol.")
    assert list(ev["location"]) == ["Toretsk"]


def test_the_yardstick_of_a_since_clause_places_no_event_and_parts_no_sentence():
    # the retreat "since they abandoned the area around Odesa" is history: neither the place of the gain nor a
    # second event beside it; "Ukraine's military" names the actor, not a place; a title-case agency dateline
    # is where the story was filed
    ev = _events(
        "Sumy, Ukraine (AFP) – Ukraine's military said on Friday it had taken back more than a dozen villages in the "
        "Kharkiv region within a day, pressing on with a counteroffensive that has inflicted on Russia its worst "
        "setback since they abandoned the area around Odesa in the spring."
    )
    assert list(zip(ev["sub_event_type"], ev["admin1_iso"], strict=True)) == [
        ("Government regains territory", "UA-63")
    ]
    assert list(ev["actor1"]) == ["Military Forces of Ukraine"]


def test_a_flag_raised_over_a_place_tells_who_took_it():
    ev = _events("An official said soldiers raised the blue-and-yellow flag over Kupiansk on Friday.")
    assert list(zip(ev["sub_event_type"], ev["actor1"], strict=True)) == [
        ("Government regains territory", "Military Forces of Ukraine")
    ]
    ev = _events("An official said soldiers hoisted the Russian flag over Kupiansk on Friday.")
    assert list(ev["actor1"]) == ["Military Forces of Russia"]
    # a side named as the one driven out is no flag
    ev = _events("Ukrainian forces drove Russian troops out of Kupiansk on Friday.")
    assert list(ev["actor1"]) == ["Military Forces of Ukraine"]


def test_a_shell_that_killed_someone_after_a_battle_is_an_event_of_its_own():
    text = (
        "Ukrainian troops fought Russian forces in the streets of Chasiv Yar on Friday. "
        "A volunteer driver was killed when his van was hit by a Russian shell in Chasiv Yar."
    )
    ev = _events(text)
    assert sorted(ev["sub_event_type"]) == ["Armed clash", "Shelling/artillery/missile attack"]


def test_casualties_told_right_after_damage_seen_at_a_place_happened_there():
    text = (
        "A school near the Sviatohirsk monastery, north of Sloviansk, was pictured burning on Friday. "
        "The governor said two people were killed and three wounded following a Russian attack."
    )
    ev = _events(text)
    assert list(ev["location"]) == ["Sviatohirsk"] and list(ev["fatalities"]) == [2]


def test_an_event_told_again_without_its_day_is_the_same_event_and_a_later_day_dates_the_account():
    text = (
        "The port of Izmail came under missile attack.\n"
        "Two people were killed after four Russian missiles hit a grain terminal on Wednesday, the army said.\n\n"
        "Video of the grain terminal in Izmail burning after the missiles hit it has spread online."
    )
    ev = article_events(text, dt.date(2024, 3, 9))
    attacks = ev[ev["location"] == "Izmail"]
    assert len(attacks) == 1 and str(attacks.iloc[0]["event_date"])[:10] == "2024-03-06"


def test_a_battle_and_the_change_of_hands_told_apart_are_two_rows():
    one = _events(
        "Russia appeared to have taken full control of Kreminna on Friday, with the regional governor saying "
        "there was heavy fighting around the town as Ukrainian troops fell back."
    )
    assert sorted(one["sub_event_type"]) == ["Armed clash", "Non-state actor overtakes territory"]
    assert set(one["location"]) == {"Kreminna"}
    claim = _events(
        "There was heavy fighting in Kreminna on Friday, the governor said. "
        "Russian media reported that separatists had seized the town."
    )
    assert sorted(claim["sub_event_type"]) == ["Armed clash", "Non-state actor overtakes territory"]
    outcome = _events(
        "Russian forces clashed with Ukrainian forces in Kreminna on Friday. The town was captured."
    )
    assert list(outcome["sub_event_type"]) == ["Non-state actor overtakes territory"]


def test_an_event_word_in_an_aside_about_a_place_does_not_decide_the_event():
    ev = _events(
        "Officials said shelling went on across Kherson region on Friday – a region where Ukrainian troops are "
        "fighting Russian units along the river."
    )
    assert list(ev["sub_event_type"]) == ["Shelling/artillery/missile attack"]


def test_fighting_over_a_wide_area_does_not_make_the_next_strike_a_clash():
    text = (
        "Fighting went on in the south and east of Ukraine on Friday. Russian guns shelled Nikopol on Friday."
    )
    ev = _events(text)
    assert list(ev["sub_event_type"]) == ["Shelling/artillery/missile attack"]


def test_the_eastern_city_refers_back_and_missiles_launched_from_the_sea_were_not_downed_there():
    text = (
        "A drone hit a power station in Sumy on Friday, the mayor said.\n\n"
        "Video showed the roof burning after the drone struck it in the north-eastern city."
    )
    assert set(_events(text)["location"]) == {"Sumy"}
    sea = _events(
        "On Friday a missile hit a warehouse in the Mykolaiv region, wounding one man. "
        "The army said it had also shot down three other missiles launched from a ship in the Black Sea."
    )
    downed = sea[sea["sub_event_type"] == "Disrupted weapons use"]
    assert list(downed["admin1_iso"]) == ["UA-48"]
    # a part of the attack's own weapons, downed: over the place it struck
    part = _events(
        "Early on Friday Russian cruise missiles struck a depot in Dnipro. "
        "Four cruise missiles were fired from bombers, one of which was shot down, the air force said."
    )
    downed = part[part["sub_event_type"] == "Disrupted weapons use"]
    assert list(downed["admin1_iso"]) == ["UA-12"]


def test_strikes_on_homes_told_after_a_battle_with_no_place_of_their_own_are_a_row_of_their_own():
    text = (
        "Heavy fighting raged in Vovchansk on Friday as Russian troops pushed into the town. "
        "The Russians are shelling residential blocks without pause, the governor said."
    )
    ev = _events(text)
    assert sorted(ev["sub_event_type"]) == ["Armed clash", "Shelling/artillery/missile attack"]
    assert set(ev["location"]) == {"Vovchansk"}


def test_a_name_several_villages_bear_is_the_one_in_the_region_the_story_is_about():
    ev = _events(
        "On Friday Russian artillery hit Lysychansk, the governor said. "
        "Shelling also damaged houses in Toshkivka and Ustynivka on Friday."
    )
    assert {r["location"]: r["admin1_iso"] for _, r in ev.iterrows()}.get("Ustynivka") == "UA-09"
    city = _events("On Friday Russian artillery hit Lysychansk. A missile also struck Mykolaiv on Friday.")
    assert set(city[city["location"] == "Mykolaiv"]["admin1_iso"]) == {"UA-48"}


def test_a_strike_told_again_by_its_region_only_is_the_strike_told_at_its_town():
    text = (
        "A Russian missile hit a house of culture in Lozova on Friday, wounding seven people.\n\n"
        "The president condemned the airstrike in the Kharkiv region on Friday as senseless."
    )
    ev = _events(text)
    assert list(ev["location"]) == ["Lozova"] and list(ev["injuries"]) == [7]


def test_assaults_told_as_going_on_and_missiles_fired_at_a_list_after_them_are_each_an_event():
    ev = _events(
        "On Friday Russian forces continue to storm the town of Vovchansk and fired missiles at the nearby "
        "towns of Kupiansk, Balakliia and Chuhuiv, the army said."
    )
    assert set(ev[ev["sub_event_type"] == "Armed clash"]["location"]) == {"Vovchansk"}
    shelled = ev[ev["sub_event_type"] == "Shelling/artillery/missile attack"]
    assert sorted(shelled["location"]) == ["Balakliia", "Chuhuiv", "Kupiansk"]
    assert _events("On Friday the fiercest fighting was in Vovchansk, the governor said.")[
        "sub_event_type"
    ].tolist() == ["Armed clash"]


def test_a_river_named_for_a_place_places_no_event():
    ev = _events(
        "The governor of the Luhansk region said on Friday that Russian troops were repelled three times as they "
        "tried to cross the Siverskyi Donets."
    )
    assert list(ev["admin1_iso"]) == ["UA-09"]
    assert _events("On Friday a Russian drone hit a barge on the Dnipro River.").empty


def test_a_list_item_is_read_in_the_region_of_the_other_items_even_if_the_story_told_of_its_namesakes():
    text = (
        "Shelling hit Zaporizhzhia and Lysychansk overnight, officials said. "
        "Fighting went on around Sievierodonetsk. "
        "On Friday, Russian troops unsuccessfully stormed the towns of Zolote and Kamyshevakha, the army said."
    )
    ev = _events(text)
    placed = {r["location"]: r["admin1_iso"] for _, r in ev.iterrows()}
    assert placed["Zolote"] == "UA-09" and placed.get("Kamyshevakha") == "UA-09"
    assert "Komyshuvakha" not in placed  # the gazetteer's only namesake, in the Zaporizhzhia region


@pytest.mark.parametrize(
    "sentence",
    [
        "Both Kyiv and Moscow have used cluster munitions since the war began, officials noted on Friday.",
        "Moscow also claimed on Friday that drones attacked a depot in the Belgorod region.",
        "Western weapons captured from Kyiv forces were shown at an exhibition on Friday.",
        "The US has provided military backing to Kyiv, including rocket artillery used on Friday.",
        "Rocket artillery fired on Friday was a turning point, the minister said in Kyiv.",
        "On Friday the Kyiv Independent reported that drones had hit a depot.",
        "Moscow stepped up rocket strikes on Friday in the south.",
        # what it fights with, what it does with them, how a view is held there, what is asked of another capital
        "Sea drones sank a patrol boat on Friday, another blow to Moscow's Black Sea Fleet.",
        "Drones hit a landing ship on Friday; such ships are used by Moscow to move cargo.",
        "Moscow overnight launched a wave of drones at the Odesa region, the air force said on Friday.",
        "Drones set a refinery ablaze on Friday, an attack Moscow describes as terrorism.",
        "A blast brought down part of the bridge on Friday, killing three, and it was seen in Moscow as a humiliation.",
        "Shelling killed two people on Friday as Canberra weighed a request from Kyiv for armoured vehicles.",
        "Shelling killed two people on Friday; there was no confirmation from Moscow of the exchange.",
        "Troops crossed the border on Friday in an assault that seemed to catch Moscow off guard.",
        "Shelling killed two people near the border on Friday, in what would be one of Moscow's first reported gains.",
        "Shelling hit a school near the front on Friday as Moscow kept up pressure along the line.",
    ],
)
def test_a_capital_standing_for_its_government_a_speakers_place_and_a_newspaper_place_nothing(sentence):
    ev = _events(sentence)
    assert ev.empty or not ({"Kyiv", "Moscow"} & set(ev["location"].dropna())), ev


@pytest.mark.parametrize(
    "sentence",
    [
        "Kyiv was hit by a wave of missiles on Friday, killing two people.",
        "Kyiv has again come under attack from drones on Friday, the mayor said.",
        "The missile attack on Kyiv early on Friday was meant to disrupt supplies, analysts said.",
    ],
)
def test_a_capital_that_is_struck_is_the_place(sentence):
    ev = _events(sentence)
    assert list(ev["location"]) == ["Kyiv"]


def test_the_city_of_a_mayor_who_reports_explosions_in_the_city_is_that_city():
    ev = _events(
        "Russian drones struck Odesa overnight, officials said. "
        "The mayor of Mykolaiv, Anna Petrenko, reported explosions in the city on Friday."
    )
    assert set(ev["location"]) == {"Odesa", "Mykolaiv"}


def test_an_event_told_effect_first_takes_the_casualties_and_day_of_the_sentence_before():
    ev = _events(
        "Kharkiv was quiet on Saturday.\n\n"
        "A volunteer driver was killed and two medics were wounded on Thursday, their charity said. "
        "They had come under fire while driving to Kupiansk."
    )
    row = ev[ev["location"] == "Kupiansk"].iloc[0]
    assert (str(row["event_date"])[:10], row["fatalities"], row["injuries"]) == ("2024-03-07", 1, 2)


def test_a_sea_or_a_country_describing_what_follows_places_nothing():
    ev = _events(
        "Drones hit the port of Odesa on Friday, officials said. "
        "On Saturday a missile struck a grain terminal near the Black Sea port."
    )
    assert set(ev["location"]) == {"Odesa"}
    stinger = _events("Border guards shot down a drone near Sumy on Friday with a US Stinger missile.")
    assert set(stinger["admin1_iso"]) == {"UA-59"}


def test_fighting_in_the_region_is_in_the_region_the_story_named_last():
    ev = _events(
        "Russian missiles hit Mariupol on Friday. Troops held the line in the Luhansk region, officials said. "
        "Heavy fighting has been raging in the region for days."
    )
    clash = ev[ev["sub_event_type"] == "Armed clash"]
    assert list(clash["admin1_iso"]) == ["UA-09"] and clash["location"].isna().all()


def test_the_region_of_a_city_is_the_region_and_a_town_named_in_it_is_the_place():
    ev = _events("A missile hit a rail depot in the western region of Lviv on Friday, the governor said.")
    assert list(ev["admin1_iso"]) == ["UA-46"] and ev["location"].isna().all()
    town = _events(
        "In the northern region of Chernihiv, two people were killed on Friday in a strike on a school in "
        "Novgorod-Siversky, rescuers said."
    )
    assert list(town["location"]) == ["Novhorod-Siverskyi"]


def test_a_clause_put_first_frames_the_main_clause_but_does_not_place_its_event():
    ev = _events(
        "As the battle for Mariupol ground on, Russia claimed on Friday it had taken control of several "
        "villages elsewhere in the Donbas."
    )
    assert "Mariupol" not in set(ev["location"].dropna()), ev
    # each clause with its own event word and place is an event there
    ev = _events(
        "As the port of Odesa was pounded by missiles on Friday, further north in the Kharkiv region "
        "Ukrainian troops retook two villages."
    )
    assert set(ev["admin1_iso"]) == {"UA-51", "UA-63"}, ev


def test_a_place_named_to_locate_another_is_not_what_the_story_goes_on_about():
    ev = _events(
        "On Friday a missile hit the House of Culture in Derhachi, on the outskirts of Kharkiv, officials said.\n\n"
        "Aid groups asked for generators. Talks on grain exports resumed.\n\n"
        "The mayor said a second missile had hit the building on Thursday and killed two people."
    )
    assert set(ev["location"]) == {"Derhachi"}, ev


def test_a_place_named_for_comparison_is_not_what_the_city_refers_to():
    ev = _events(
        "Kharkiv was the second city Russian troops tried to storm. As with Kyiv, they were stopped on the outskirts "
        "and, unlike with Kyiv, they are still within range. Last Thursday, areas within the city limits were "
        "shelled and nine civilians died, officials said."
    )
    assert list(ev["location"]) == ["Kharkiv"], ev


def test_a_unit_named_for_a_place_is_no_place_of_the_event():
    ev = _events("On Friday, Azov fighters in Mariupol staged a counter-attack at the steel plant.")
    assert list(ev["location"]) == ["Mariupol"], ev


def test_a_ship_named_after_a_town_is_not_the_place_it_was_hit():
    ev = _events(
        "The navy's landing ship Azov was destroyed in a missile strike on the port of Sevastopol on Thursday."
    )
    assert list(ev["sub_event_type"]) == ["Shelling/artillery/missile attack"]
    assert list(ev["location"]) == ["Sevastopol"]
    cruiser = _events("Missiles hit the 'Kerch' cruiser in the port of Novorossiysk on Thursday.")
    assert list(cruiser["location"]) == ["Novorossiysk"] and list(cruiser["admin1_iso"]) == ["RU-KDA"]
    # a missile that was itself destroyed is still an interception
    downed = _events("Air defence destroyed two missiles over Odesa on Thursday.")
    assert list(downed["sub_event_type"]) == ["Disrupted weapons use"]


def test_a_settlement_the_gazetteer_lacks_is_placed_by_what_locates_it_and_kept_for_later_mentions():
    # "Tykhobrody" is no settlement of the registry: the story's own words say it is a village and where it is
    ev = _events(
        "Ukrainian troops retook the village of Tykhobrody, south of Orikhiv, on Thursday. "
        "Russian artillery shelled Tykhobrody again on Friday, killing a soldier."
    )
    assert list(ev["location"]) == ["Tykhobrody", "Tykhobrody"]
    assert list(ev["admin1_iso"]) == ["UA-23", "UA-23"]
    told_after = _events(
        "Kyiv said it had liberated Tykhobrody, a village in the Kharkiv region, on Thursday."
    )
    assert list(told_after["location"]) == ["Tykhobrody"] and list(told_after["admin1_iso"]) == ["UA-63"]
    # nothing locates it: the event is not placed at a guess
    unplaced = _events("Ukrainian troops retook the village of Tykhobrody on Thursday.")
    assert unplaced.empty or unplaced["location"].ne("Tykhobrody").all()


def test_a_fight_around_a_city_that_ends_in_a_village_changing_hands_is_that_village_changing_hands():
    ev = _events(
        "On Friday Ukrainian units fought Russian forces around Kharkiv. "
        "They recaptured Tykhobrody, a village north of Kharkiv."
    )
    assert list(ev["sub_event_type"]) == ["Government regains territory"]
    assert list(ev["location"]) == ["Tykhobrody"] and list(ev["admin1_iso"]) == ["UA-63"]
    assert list(ev["actor1"]) == ["Military Forces of Ukraine"] and list(ev["actor2"]) == [
        "Military Forces of Russia"
    ]
    # a fight in one town and another town retaken are two events, each at its own place
    two = _events("On Friday fighting raged in Izium. Ukrainian forces liberated Balakliia.")
    assert sorted(zip(two["location"], two["sub_event_type"], strict=True)) == [
        ("Balakliia", "Government regains territory"),
        ("Izium", "Armed clash"),
    ]


def test_a_village_named_beside_a_town_of_another_region_is_its_namesake_there():
    # the registry's only Promin is a village of the Mykolaiv region
    ev = _events("On Friday Russian shells hit Promin, near Pokrovsk.")
    assert list(ev["location"]) == ["Promin"] and list(ev["admin1_iso"]) == ["UA-14"]
    # a river named in the sentence is no such place
    river = _events("On Friday shells hit Bilohorivka as troops tried to cross the Siverskyi Donets river.")
    assert list(river["admin1_iso"]) == ["UA-09"]


def test_a_river_named_as_a_bank_or_a_crossing_is_no_city_of_that_name():
    ev = _events("On Friday troops retook villages on the western bank of the Dnipro, among them Snihurivka.")
    assert "Dnipro" not in set(ev["location"])
    assert list(ev["location"]) == ["Snihurivka"]


def test_where_the_attackers_stand_is_not_where_they_struck():
    ev = _events(
        "On Friday Russian gunners on the far bank near Enerhodar shelled Nikopol, wounding a woman."
    )
    assert list(ev["location"]) == ["Nikopol"] and list(ev["admin1_iso"]) == ["UA-12"]
    # troops told at a place with no other place struck: the place is where it happened
    here = _events("On Friday Russian troops in Kherson shelled residential areas, wounding a woman.")
    assert list(here["location"]) == ["Kherson"]


def test_a_city_named_as_a_bearing_locates_the_village_after_it():
    ev = _events("On Friday Russian troops continued attacks southwest of Donetsk near Marinka.")
    assert list(ev["location"]) == ["Maryinka"]
    alone = _events("On Friday Russian troops continued attacks southwest of Donetsk.")
    assert list(alone["location"]) == ["Donetsk"]


def test_fighting_in_the_area_is_at_the_settlement_told_before_a_downing_there_is_not():
    ev = _events(
        "On Friday Moscow said its troops had captured the village of Staromaiorske in the Donetsk region.\n\n"
        "Kyiv said only that fighting was continuing in the area."
    )
    clash = ev[ev["sub_event_type"] == "Armed clash"]
    assert list(clash["location"]) == ["Staromaiorske"]


def test_a_capitals_soldiers_are_its_states_and_a_protest_gathering_met_with_detentions_is_intervened():
    ev = _events("On Friday troops clashed, a sign that Pyongyang's soldiers are now fighting.")
    assert "Pyongyang" not in set(ev["location"])
    held = _events(
        "On Sunday police detained 200 people in Novosibirsk, where hundreds had gathered downtown."
    )
    assert list(held["sub_event_type"]) == ["Protest with intervention"]


_CAR_BOMB = "An official of the occupation administration was killed when his car exploded in Melitopol on Sunday.\n\n"


def test_explosions_heard_where_the_paragraph_then_tells_a_strike_are_that_strike():
    ev = _events(
        _CAR_BOMB + "Explosions were heard near the military airfield in Saky on the night of 7-8 March. "
        "A source said that naval drones had struck a radar station at the airfield."
    )
    saki = ev[ev["location"] == "Saki"]
    assert list(saki["sub_event_type"]) == ["Air/drone strike"]


def test_explosions_heard_at_another_place_than_the_strike_stay_an_event_of_their_own():
    ev = _events(
        _CAR_BOMB + "Explosions were heard near the military airfield in Saky on the night of 7-8 March. "
        "A source said that naval drones had struck a fuel depot in Feodosia."
    )
    assert {"Saki", "Feodosiia"} <= set(ev["location"])


def test_a_bare_explosion_told_again_by_its_region_is_the_blast_told_before():
    ev = _events(
        "A car exploded in Melitopol on 7 March, killing an official of the occupation administration.\n\n"
        "The Russian-installed authorities in Zaporizhzhia region called the explosion an act of terror."
    )
    assert len(ev) == 1 and ev.iloc[0]["location"] == "Melitopol"


def test_a_sentence_that_names_another_day_is_another_event_not_the_account_before():
    ev = _events(
        "Shelling killed a man in the Belgorod region on Thursday, the governor said. "
        "On Tuesday, shelling of the border village of Nekhoteyevka damaged a customs checkpoint."
    )
    assert sorted(ev["event_date"]) == [dt.date(2024, 3, 5), dt.date(2024, 3, 7)]


def test_a_village_the_gazetteer_lacks_lies_in_the_region_the_story_just_named():
    ev = _events(
        "A drone hit a farm in the Klimovo district of the Bryansk region on Friday, the governor said. "
        "On Thursday, artillery shelled the village of Kurkovichi, injuring a woman."
    )
    village = ev[ev["location"] == "Kurkovichi"]
    assert list(village["admin1_iso"]) == ["RU-BRY"]
    # nothing named lately: no guess
    assert _events("On Thursday, artillery shelled the village of Kurkovichi, injuring a woman.").empty


def test_a_ship_named_with_two_words_and_a_capitals_ministry_are_no_places_and_the_base_refers_back():
    ev = _events(
        "Sea drones attacked the naval base at Novorossiysk on Friday, damaging the landing ship Olenegorsky "
        "Gornyak. Moscow's defence ministry said two uncrewed boats had tried to attack the base and had been "
        "destroyed."
    )
    assert set(ev["location"]) == {"Novorossiysk"}
    assert "Disrupted weapons use" in set(ev["sub_event_type"])


def test_there_and_the_capital_refer_back_to_the_place_the_story_is_about():
    ev = _events(
        "Zaporizhzhia has been shelled for months.\n\n"
        "In the early hours of Friday, missiles slammed into a row of apartment blocks there, killing 13 people."
    )
    assert list(ev["location"]) == ["Zaporizhzhia"]
    ev = _events(
        "Life in Kyiv has grown harder this winter, residents say.\n\n"
        "In the capital itself, four people were injured on Friday as debris fell on a school."
    )
    assert list(ev["location"]) == ["Kyiv"]
    # "there were" tells no place
    assert _events("There were explosions on Friday, and a missile hit a warehouse, officials said.").empty


def test_an_unplaced_interception_is_over_the_country_of_the_side_that_downed_the_weapons():
    ev = _events(
        "Washington condemned the attacks. Russia's defence ministry said on Friday that its air defences had "
        "intercepted 95 Ukrainian drones over several regions overnight."
    )
    assert list(ev["country"]) == ["Russia"] and list(ev["actor1"]) == ["Military Forces of Russia"]
    ev = _events(
        "The army chief says Russia launched 84 cruise missiles on Friday and air defences shot down 45 of them."
    )
    assert list(ev["country"]) == ["Ukraine"] and list(ev["actor1"]) == ["Military Forces of Ukraine"]


def test_a_capital_that_is_the_object_of_a_political_verb_is_no_place_the_plant_can_mean():
    ev = _events(
        "On Friday, three drones struck the nuclear plant in the town of Enerhodar.\n\n"
        "Ukraine's military intelligence said Russia had staged the attacks to discredit Kyiv.\n\n"
        "The plant's management said another drone struck the roof of a training centre on Saturday."
    )
    assert set(ev["location"]) == {"Enerhodar"}


def test_a_past_day_at_one_settlement_the_gazetteer_lacks_is_that_settlements_event():
    ev = _events(
        "Ukrainian troops tried again to push deeper into the Kursk region, the ministry said on Saturday. "
        "Over the past day, its units stopped attempts by enemy groups to break through near the settlement "
        "of Tolpino, it said."
    )
    row = ev[ev["location"] == "Tolpino"]
    assert list(row["sub_event_type"]) == ["Armed clash"] and list(row["admin1_iso"]) == ["RU-KRS"]


def test_people_hurt_with_no_place_in_a_story_filed_from_a_city_it_is_still_about_are_there():
    story = (
        "KHERSON, Ukraine — Residents of Kherson queued for water on Friday.\n\n"
        "Many in Kherson said the months of occupation had been the hardest of their lives.\n\n"
        "Some had relatives taken away; others hid in cellars for weeks.\n\n"
        "Shops have reopened. Buses run again. The market is busy. Schools are still closed.\n\n"
        "On Thursday afternoon, shells struck a street near the river port, killing a man."
    )
    ev = _events(story)
    assert list(ev["location"]) == ["Kherson"]
    # another settlement named since: no guess from the dateline
    other = story.replace("others hid in cellars for weeks", "others fled to Mykolaiv")
    assert "Kherson" not in set(_events(other)["location"])


def test_a_place_inside_a_description_of_another_is_not_where_the_event_happened():
    ev = _events(
        "In Ukraine's Sumy region, which borders Kursk, officials said Russian shelling killed a man in the "
        "Krasnopillia community on Friday."
    )
    assert list(zip(ev["location"], ev["admin1"], strict=True)) == [("Krasnopillia", "Sumy")]


def test_a_village_the_gazetteer_lacks_is_an_item_of_the_list_it_is_named_in():
    # "Tykhobrody" is no village the gazetteer holds; the sentence names it with two it does
    ev = _events(
        "Russia's defence ministry said on Friday its forces had captured the villages of Tykhobrody, Lukiantsi and Vovchansk "
        "in the Kharkiv region."
    )
    assert sorted(zip(ev["location"], ev["admin1"], strict=True)) == [
        ("Lukiantsi", "Kharkiv"),
        ("Tykhobrody", "Kharkiv"),
        ("Vovchansk", "Kharkiv"),
    ]
    # ... and, with no region named, where the list's other items lie
    ev = _events("Russia's defence ministry said on Friday its forces had captured Tykhobrody and Lukiantsi.")
    assert sorted(zip(ev["location"], ev["admin1"], strict=True)) == [
        ("Lukiantsi", "Kharkiv"),
        ("Tykhobrody", "Kharkiv"),
    ]


def test_a_village_named_beside_another_village_keeps_its_own_region():
    # Lukiantsi (Kharkiv region) beside a Borysivka the gazetteer holds in the Odesa region: another village is
    # no evidence of a namesake elsewhere — many villages bear its name too
    ev = _events(
        "Russia's defence ministry said on Friday its troops had captured Lukiantsi, a day after claiming Borysivka."
    )
    assert ("Lukiantsi", "Kharkiv") in set(zip(ev["location"], ev["admin1"], strict=True))


def test_where_weapons_were_launched_from_a_sea_is_not_where_they_were_downed():
    ev = _events(
        "Russia launched 40 cruise missiles from ships in the Black Sea on Friday. Air defences destroyed 31 of "
        "them, the air force said."
    )
    assert "Black Sea" not in set(ev["location"].dropna())
    ev = _events(
        "Four missiles were fired on Friday, apparently from over the Black Sea, and two were shot down."
    )
    assert "Black Sea" not in set(ev["location"].dropna())


def test_a_district_named_with_its_region_is_in_that_region():
    ev = _events("On Friday, a drone attack set fire to a depot in the Krasnogvardeysky district of Crimea.")
    assert list(ev["admin1"]) == ["Crimea"]


def test_a_capital_that_did_something_after_an_adverb_is_its_government():
    # "Kyiv initially stayed silent" names no region the village after it could lie in
    ev = _events(
        "Ukrainian troops crossed into the Kursk region on Tuesday. Kyiv initially stayed silent about the "
        "operation. On Friday, the ministry said its forces had repelled attacks near the village of Tolpino."
    )
    assert ("Tolpino", "Kursk") in set(zip(ev["location"], ev["admin1"], strict=True))


def test_the_side_named_in_the_event_word_is_the_attacker_not_a_side_accused_before_it():
    ev = _events(
        "The president accused Russian troops of setting the blaze, while officials in Enerhodar said the fire on "
        "Friday was caused by a Ukrainian drone attack."
    )
    assert list(ev["actor1"]) == ["Military Forces of Ukraine"]
    # ... but not a target inside it, nor a capital before the weapon ("hit Kyiv with cruise missile strikes")
    ev = _events("Russia hit Kyiv with cruise missile strikes on Friday, killing one.")
    assert list(ev["actor1"]) == ["Military Forces of Russia"]


def test_a_place_in_a_clause_put_before_the_main_one_does_not_place_its_event():
    ev = _events(
        "Hours after the flag went up in Velykyi Burluk, Russian missiles slammed into a power plant on the edge "
        "of Kharkiv on Friday, killing one worker and setting off blackouts in the Poltava, Sumy and Donetsk regions."
    )
    assert list(zip(ev["location"], ev["admin1"], strict=True)) == [("Kharkiv", "Kharkiv")]


def test_a_share_of_a_strikes_weapons_downed_is_an_interception_of_its_own_at_the_strikes_place():
    rows = lambda ev: sorted(zip(ev["sub_event_type"], ev["admin1"], ev["fatalities"], strict=True))  # noqa: E731
    ev = _events(
        "Russia fired four cruise missiles at Vinnytsia on Friday, and two of them were shot down by air "
        "defences before reaching the city. The others hit an office building, killing 20 people."
    )
    assert rows(ev) == [
        ("Disrupted weapons use", "Vinnytsia", 0),
        ("Shelling/artillery/missile attack", "Vinnytsia", 20),
    ]
    ev = _events(
        "Russian missiles hit Lviv on Friday, damaging a warehouse. Air defences shot down two of the missiles, "
        "the governor said."
    )
    assert rows(ev) == [
        ("Disrupted weapons use", "Lviv", 0),
        ("Shelling/artillery/missile attack", "Lviv", 0),
    ]


def test_the_standard_of_a_comparison_is_no_place_a_later_sentence_refers_back_to():
    ev = _events(
        "Civilians shelter beneath the chemical works in Sievierodonetsk, a complex officials compare to "
        "Mariupol's Azovstal steelworks. On Friday, shelling set off a large fire at the plant, the governor said."
    )
    assert list(ev["location"]) == ["Sievierodonetsk"]


def test_where_the_victims_came_from_is_not_where_they_were_hurt_and_a_curated_site_has_no_namesake():
    ev = _events(
        "Drones hit Shebekino in the Belgorod region on Friday. Sea drones damaged the Crimean bridge on Friday, "
        "killing a married couple from the Belgorod region and wounding their daughter."
    )
    bridge = ev[ev["admin1"] == "Crimea"]
    assert list(zip(bridge["location"], bridge["fatalities"], bridge["injuries"], strict=True)) == [
        ("Kerch", 2, 1)
    ]
    # ... but people taken away from a place were taken there
    ev = _events("On Friday, Russian forces forcibly transferred a woman from Zdvyzhivka, Kyiv, to Crimea.")
    assert "Zdvyzhivka" in set(ev["location"])


def test_a_change_of_hands_told_on_its_own_day_after_a_clash_is_its_own_event():
    ev = _events(
        "The barrage came as Russian and Ukrainian forces fought for Soledar, a salt-mining town in the Donetsk "
        "region. Russia's Defense Ministry claimed Thursday that its troops had completed the capture of the "
        "town, but the military's General Staff said Saturday that battles were still going on in Soledar."
    )
    got = sorted(zip(ev["sub_event_type"], ev["event_date"].astype(str), strict=True))
    assert got == [("Armed clash", "2024-03-09"), ("Non-state actor overtakes territory", "2024-03-07")]


def test_places_told_as_coming_under_fire_before_their_own_items_are_those_items():
    ev = _events(
        "On Friday, Russian troops fired on the border areas of the Sumy region 11 times. The Khotin, Yunakivka "
        "and Bilopillia communities came under fire.\n\n"
        "This was reported by the regional military administration.\n\n"
        "Khotin community: the enemy dropped 2 explosive devices from a drone on the outskirts of the community.\n\n"
        "Yunakivka community: Russian aircraft struck the community with a guided aerial bomb.\n\n"
        "Bilopillia community: the Russians attacked with an FPV drone. A local resident was injured."
    )
    assert sorted(zip(ev["location"], ev["sub_event_type"], strict=True)) == [
        ("Bilopillia", "Air/drone strike"),
        ("Khotin", "Air/drone strike"),
        ("Yunakivka", "Air/drone strike"),
    ]


def test_weapons_downed_on_their_way_with_no_other_place_named_were_downed_where_they_were_heading():
    ev = _events(
        "Odesa was quiet. City officials said on Friday that all 13 drones sent toward Kyiv had been shot down."
    )
    assert list(zip(ev["sub_event_type"], ev["location"], strict=True)) == [("Disrupted weapons use", "Kyiv")]
    # ... a place they were downed over is that place
    ev = _events("Air defences shot down a drone heading for Moscow over the Istra district on Friday.")
    assert list(ev["location"]) == ["Istra"]


def test_a_places_own_authorities_report_their_sides_downings():
    # (the capital's administration speaks for Ukraine: it is not Ukraine named as the side that fired)
    ev = _events(
        "Kyiv's military administration said air defence units had destroyed 21 of the 31 missiles fired at the city."
    )
    assert list(zip(ev["sub_event_type"], ev["actor1"], strict=True)) == [
        ("Disrupted weapons use", "Military Forces of Ukraine")
    ]


def test_buildings_set_on_fire_by_a_strike_are_the_strikes_damage():
    ev = _events("In Sumy, a strike on the centre wounded five people on Friday and set fire to two shops.")
    assert list(ev["sub_event_type"]) == ["Shelling/artillery/missile attack"]


def test_villages_the_gazetteer_lacks_lie_in_the_only_region_the_story_has_been_in():
    text = (
        "Russian troops attacked the town of Vovchansk in the Kharkiv region on Friday, officials said.\n\n"
        'The town\'s mayor said residents were leaving. "Nobody is safe," he said. "Go now."\n\n'
        "Police said buses were waiting at the school.\n\n"
        "On Friday the ministry in Moscow said its troops had taken the villages of Zarichnivka and Tykhozerka."
    )
    ev = _events(text)
    taken = ev[ev["sub_event_type"] == "Non-state actor overtakes territory"]
    assert sorted(taken["location"]) == ["Tykhozerka", "Zarichnivka"] and set(taken["admin1_iso"]) == {
        "UA-63"
    }


def test_a_strike_named_again_by_its_weapon_in_the_next_paragraph_goes_on_with_it():
    text = (
        "A Russian glide bomb has destroyed a house in the town of Bilopillia, killing a man, officials said on "
        "Saturday.\n\n"
        "The bomb struck the house on Friday evening, shortly after an air raid alert, the officials said."
    )
    ev = _events(text)
    assert list(zip(ev["location"], ev["event_date"], strict=True)) == [("Bilopillia", dt.date(2024, 3, 8))]


def test_the_state_that_speaks_is_not_the_one_it_names_acting():
    text = (
        "Ukraine's air force said Russia launched 90 attack drones overnight. "
        "Air defences shot down 60 of the drones, it said."
    )
    ev = _events(text)
    downed = ev[ev["sub_event_type"] == "Disrupted weapons use"]
    assert list(zip(downed["actor1"], downed["country"], strict=True)) == [
        ("Military Forces of Ukraine", "Ukraine")
    ]


def test_a_village_named_in_a_story_about_one_region_is_that_regions_namesake():
    # the gazetteer's only Krupets lie in western Ukraine; in a story about the Kursk region the village Russian
    # troops retook is the Kursk region's
    text = (
        "Ukrainian forces pushed deeper into the Kursk region on Friday, officials in Kursk said.\n\n"
        "The governor of the Kursk region said shelling had damaged houses in Sudzha.\n\n"
        "On Friday the ministry said Russian troops had recaptured the village of Krupets."
    )
    ev = _events(text)
    retaken = ev[ev["location"] == "Krupets"]
    assert list(retaken["admin1_iso"]) == ["RU-KRS"]


def test_a_reservoir_named_for_a_town_is_water_not_the_place():
    ev = _events("Across the Kakhovka reservoir, Russian artillery shelled Nikopol on Friday, killing a man.")
    assert list(ev["location"]) == ["Nikopol"]


def test_the_donetsk_peoples_republic_is_the_donetsk_region():
    ev = _events(
        "The ministry said its troops had taken the settlement of Yalta in the Donetsk People's Republic on Friday."
    )
    assert list(zip(ev["location"], ev["admin1_iso"], strict=True)) == [("Yalta", "UA-14")]


def test_downings_told_over_the_territory_of_each_region_are_a_row_per_region():
    ev = _events(
        "Air defences destroyed 30 drones overnight: 18 over the territory of the Kursk Region and 12 over the "
        "territory of the Oryol Region, the ministry said on Saturday."
    )
    assert sorted(zip(ev["admin1_iso"], ev["quantity"], strict=True)) == [("RU-KRS", 18), ("RU-ORL", 12)]


def test_a_list_of_regions_named_by_their_centres_names_places_the_first_in_its_region():
    ev = _events(
        "The air force said on Friday 20 drones were destroyed within Kyiv, Poltava and Sumy oblasts."
    )
    assert sorted(ev["admin1_iso"]) == ["UA-32", "UA-53", "UA-59"] and set(ev["location"].fillna("")) == {""}


def test_a_bearing_put_first_locates_the_places_after_it():
    ev = _events(
        "West of Kharkiv, heavy fighting raged in Derhachi and Bohodukhiv on Friday, officials said."
    )
    assert sorted(ev["location"]) == ["Bohodukhiv", "Derhachi"] and set(ev["admin1_iso"]) == {"UA-63"}


def test_a_town_placed_in_a_region_named_after_its_country_keeps_that_sense_for_the_story():
    text = (
        "Russian glide bombs killed a man in the town of Zolochiv in Ukraine's northeastern Kharkiv region on "
        "Friday, the governor said.\n\n"
        "The governor said the bombs had struck the centre of Zolochiv, destroying a shop."
    )
    ev = _events(text)
    assert list(zip(ev["location"], ev["admin1_iso"], strict=True)) == [("Zolochiv", "UA-63")]


def test_the_region_named_after_a_list_holds_every_item_of_it():
    # the gazetteer's Novoselivkas lie elsewhere: the list's is the Kharkiv region's, and Kupiansk keeps its row
    ev = _events("Shelling hit Kupiansk and Novoselivka in the Kharkiv region on Friday.")
    assert sorted(zip(ev["location"], ev["admin1_iso"], strict=True)) == [
        ("Kupiansk", "UA-63"),
        ("Novoselivka", "UA-63"),
    ]
    # ... also when the sentence names another region in a clause of its own
    ev = _events(
        "Troops repelled attacks near the villages of Olgovka and Kremyanoye in Kursk region on Friday, and "
        "shelling hit Sumy in the Sumy region."
    )
    clashes = ev[ev["sub_event_type"] == "Armed clash"]
    assert set(clashes["admin1_iso"]) == {"RU-KRS"} and len(clashes) == 2


def test_a_region_attackers_head_for_is_not_where_they_fought():
    ev = _events(
        "Near Bahatyr, Russian troops attacked 12 times on Monday, trying to break through towards the border of "
        "Dnipropetrovsk region, the general staff said."
    )
    assert list(zip(ev["location"], ev["admin1_iso"], strict=True)) == [("Bahatyr", "UA-14")]


def test_the_fronts_of_a_general_staff_report_are_sectors_not_places():
    ev = _events(
        "Over the past day, Russian forces kept up offensive operations on the Lyman, Bakhmut and Avdiivka fronts, "
        "the General Staff said."
    )
    assert not set(ev["location"]) & {"Lyman", "Bakhmut", "Avdiivka"}


def test_a_staff_reports_fighting_over_the_past_day_and_an_older_attempt_at_one_place_are_two_rows():
    ev = _events(
        "The ministry said its troops had repelled all attacks near Tyotkino in the Kursk region over the past "
        "day.\n\nOn Monday, the ministry said it had thwarted attacks by sabotage groups near Tyotkino."
    )
    assert sorted(str(d)[:10] for d in ev["event_date"]) == ["2024-03-04", "2024-03-08"]


def test_a_village_of_the_one_region_a_story_has_named_is_that_regions():
    # the gazetteer's only Olgovka (Olhivka) lies in the Kherson region
    ev = _events(
        "Ukrainian troops tried to advance deeper into Russia's Kursk region, the defence ministry said on "
        "Tuesday. Russian units repelled attacks near the village of Olgovka."
    )
    assert list(zip(ev["location"], ev["admin1_iso"], strict=True)) == [("Olgovka", "RU-KRS")]


def test_an_unclaimed_interception_after_a_third_country_is_named_is_over_the_storys_country():
    ev = _events(
        "A Russian missile hit a cargo ship in the port of Pivdennyi in the Odesa region on Thursday, wounding "
        "two sailors from Turkey. Turkey condemned the attack.\n\n"
        "Air defences shot down 31 drones over nine regions overnight, it said."
    )
    downed = ev[ev["sub_event_type"] == "Disrupted weapons use"]
    assert list(zip(downed["country"], downed["actor1"], strict=True)) == [
        ("Ukraine", "Military Forces of Ukraine")
    ]


def test_a_peoples_republics_militia_takes_a_village_for_its_side():
    ev = _events(
        "Units of the Donetsk People's Republic's people's militia have liberated the village of Pisky in the "
        "Donetsk region, the ministry said on Thursday."
    )
    assert list(zip(ev["sub_event_type"], ev["actor1"], strict=True)) == [
        ("Non-state actor overtakes territory", "NAF: United Armed Forces of Novorossiya")
    ]


def test_a_region_troops_retreat_toward_is_not_where_they_were_struck():
    ev = _events(
        "Russian troops retook Sudzha in the Kursk region on Wednesday, the ministry said.\n\n"
        "Russian artillery is striking Ukrainian units retreating toward the Sumy region, it added."
    )
    assert "UA-59" not in set(ev["admin1_iso"])


def test_a_tally_over_many_regions_including_one_is_a_country_row_and_a_region_row():
    ev = _events(
        "Russia's defence ministry said its air defences had shot down 120 Ukrainian drones over nine regions "
        "overnight, including 40 over the Bryansk region."
    )
    downed = ev[ev["sub_event_type"] == "Disrupted weapons use"]
    assert sorted(zip(downed["admin1_iso"].fillna(""), downed["quantity"], strict=True)) == [
        ("", 120),
        ("RU-BRY", 40),
    ]


def test_a_city_that_only_locates_the_region_named_before_it_is_not_the_place():
    ev = _events(
        "In the Zhytomyr region, west of Kyiv, two men were killed when a drone struck their house overnight."
    )
    assert list(zip(ev["location"].fillna(""), ev["admin1_iso"], strict=True)) == [("", "UA-18")]
