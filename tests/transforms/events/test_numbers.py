import pytest

from transforms.events.numbers import parse_count, weapon_quantity


@pytest.mark.parametrize(
    ("phrase", "value"),
    [
        ("two children", 2),
        ("36 others", 36),
        ("a 40-year-old woman", 1),
        ("at least seven people", 7),
        ("more than 20 civilians", 20),
        ("Another five civilians, including two children,", 5),
        ("three others, including two children", 3),
        ("two men and a woman", 3),
        ("an elderly woman", 1),
        ("1,200 soldiers", 1200),
        ("twenty-one people", 21),
        ("a mother and a child", 2),
        ("at least 3 Russian sailors", 3),
        ("over 20", 20),
        ("a 9-years-old boy", 1),
        ("the deputy mayor of the town", 1),
        ("she", 1),
        ("two of them later", 2),
    ],
)
def test_counts_of_people(phrase, value):
    assert parse_count(phrase).value == value


@pytest.mark.parametrize("phrase", ["dozens", "several people", "hundreds of residents", "police officers"])
def test_uncountable_groups_are_unknown_not_zero(phrase):
    c = parse_count(phrase)
    assert c is not None and c.value is None


@pytest.mark.parametrize("phrase", ["24 Ukrainian drones", "155mm shells", "the year 2022", "five hours"])
def test_things_that_are_not_people_are_not_casualties(phrase):
    assert parse_count(phrase) is None


def test_weapon_quantities():
    assert weapon_quantity("attacked with more than 70 Iranian-made Shahed drones") == (70, "drones")
    assert weapon_quantity("shot down 24 Ukrainian drones overnight over four Russian regions") == (
        24,
        "drones",
    )
    assert weapon_quantity("no numbers here") is None


@pytest.mark.parametrize("phrase", ["a paramedic", "two pedestrians", "a monk", "the postman"])
def test_people_named_by_their_work_or_walk_of_life_are_counted(phrase):
    assert parse_count(phrase).value == (2 if phrase.startswith("two") else 1)
