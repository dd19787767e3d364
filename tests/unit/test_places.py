"""Geocoding and the places stage."""

from __future__ import annotations

import gzip
import json
from importlib import resources

import pytest

from marsad.extract.cues import fold, words
from marsad.extract.event_arguments import _prep_before
from marsad.extract.places import COUNTRY_ALIASES, PlacesStage, country_code, geocode, hashtag_places
from marsad.model import Article, Entity


@pytest.mark.parametrize("name,code,kind", [
    ("ليبيا", "LY", "country"), ("بريطانيا", "GB", "country"), ("المملكة المتحدة", "GB", "country"),
    ("سوريا", "SY", "country"), ("سورية", "SY", "country"), ("فلسطين", "PS", "country"),
    ("روسيا", "RU", "country"), ("إيران", "IR", "country"), ("ايران", "IR", "country"),
    ("تركيا", "TR", "country"), ("أميركا", "US", "country"), ("الولايات المتحدة", "US", "country"),
    ("مصر", "EG", "country"), ("والعراق", "IQ", "country"), ("بالعراق", "IQ", "country"),
    ("للعراق", "IQ", "country"),
    ("لندن", "GB", "city"), ("واشنطن", "US", "city"), ("دمشق", "SY", "city"),
    ("بنغازي", "LY", "city"), ("الخرطوم", "SD", "city"), ("دير الزور", "SY", "city"),
    ("مدينة حلب", "SY", "city"), ("الجزائر", "DZ", "country"),
])
def test_geocode_countries_and_cities(name: str, code: str, kind: str) -> None:
    geo = geocode(name)
    assert geo is not None, name
    assert (geo["country"], geo["kind"]) == (code, kind)
    assert country_code(name) == code


def test_london_coordinates() -> None:
    geo = geocode("لندن")
    assert abs(geo["lat"] - 51.51) < 0.1 and abs(geo["lon"] + 0.13) < 0.1
    assert geo["population"] > 5_000_000


def test_ambiguous_tripoli_goes_to_the_most_populous() -> None:
    geo = geocode("طرابلس")
    assert geo["country"] == "LY" and geo["name"] == "طرابلس"
    assert abs(geo["lat"] - 32.9) < 0.2


@pytest.mark.parametrize("name", ["البريطانية", "الليبي", "البريطانيين", "", "   ", "xyz", None])
def test_demonyms_and_junk_are_not_places(name: str | None) -> None:
    assert geocode(name) is None
    assert country_code(name) is None


def test_geocode_returns_a_copy() -> None:
    geocode("ليبيا")["country"] = "XX"
    assert geocode("ليبيا")["country"] == "LY"


def test_every_alias_resolves_to_its_code() -> None:
    for name, code in COUNTRY_ALIASES.items():
        assert country_code(name) == code, name


def test_shipped_gazetteer_is_small_and_credited() -> None:
    blob = resources.files("marsad.data").joinpath("gazetteer.json.gz").read_bytes()
    assert len(blob) < 3_000_000
    data = json.loads(gzip.decompress(blob))
    assert "ODbL" in data["sources"]["countries"] and "GeoNames" in data["sources"]["cities"]
    assert len(data["countries"]) > 200 and len(data["cities"]) > 5000
    # Persian/Urdu-only letters never made it in
    for city in data["cities"]:
        for name in [city[0], *city[5]]:
            assert not set(name) & set("پچژگکیہےە"), name


def test_places_stage_fills_geo_on_loc_entities_only() -> None:
    text = "أرسلت بريطانيا قوات إلى طرابلس وقال جونسون إن البريطانيين مستعدون"
    article = Article.from_raw(text)

    def ent(word: str, type_: str, canonical: str = "") -> Entity:
        s = text.index(word)
        return Entity(s, s + len(word), text=word, type=type_, canonical=canonical)

    article.set_layer("entities", [
        ent("بريطانيا", "LOC"), ent("طرابلس", "LOC", "طرابلس"), ent("جونسون", "PERS"),
        ent("البريطانيين", "LOC"),
    ])
    stage = PlacesStage()
    assert (stage.name, stage.requires, stage.assigns) == ("places", ("entities",), ("entities",))
    out = stage(article)
    out.validate()
    geos = {e.text: e.geo for e in out.entities}
    assert geos["بريطانيا"]["country"] == "GB"
    assert geos["طرابلس"]["country"] == "LY"
    assert geos["جونسون"] is None and geos["البريطانيين"] is None


def test_hashtags_naming_places_become_locations() -> None:
    text = "تسببت الموجة الحارة التي تسود #اليابان في مقتل 14 شخصا قرب #خان_يونس و#داعش و#قرية_صغيرة."
    found = hashtag_places(text, [])
    assert [(e.text, e.canonical, e.type) for e in found] == [("#اليابان", "اليابان", "LOC"),
                                                             ("#خان_يونس", "خان يونس", "LOC")]
    assert found[0].geo is not None and found[0].geo["country"] == "JP"
    # a hashtag the tagger already covered keeps its entity
    tagged = Entity(text.index("#اليابان"), text.index("#اليابان") + 8, "#اليابان", "LOC", "اليابان")
    assert [e.text for e in hashtag_places(text, [tagged])] == ["#خان_يونس"]


def test_places_stage_adds_hashtag_places_in_order() -> None:
    text = "قتل قناص شابة في مخيم شرق #خان_يونس الجمعة في غزة."
    gaza = text.rindex("غزة")
    article = Article.from_raw(text)
    article.set_layer("entities", [Entity(gaza, gaza + 3, "غزة", "LOC", "غزة")])
    PlacesStage()(article)
    assert [e.text for e in article.layer("entities")] == ["#خان_يونس", "غزة"]
    article.validate()


def test_a_hashtag_place_reads_the_preposition_before_it() -> None:
    text = "وقع انفجار في #اليابان أمس."
    ws = words(text)
    start = text.index("#")
    assert _prep_before(text, ws, Entity(start, start + 8, "#اليابان", "LOC", "اليابان")) == fold("في")
