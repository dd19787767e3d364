"""The entities stage: offsets and text invariants, canonical names, titles.

The title and canonical logic is tested on hand-built tokens and tags, independent of
any model; the shipped model is tested on a short article written for this test."""

from __future__ import annotations

import pytest

from marsad.extract.entities import EntityStage, canonical_name, entities_from_tags, load_model
from marsad.model import Article, Sentence, Token
from marsad.pipeline import Pipeline
from marsad.training.features import fold
from marsad.training.ner import SHIPPED_MODEL_DIR, NerModel, NerModelError

COUNTS = {fold(w): n for w, n in {"بريطانيا": 900, "القاهرة": 800, "واشنطن": 600, "الرئيس": 5000}.items()}


def hand_article(words: list[str]) -> tuple[Article, list[Token]]:
    text = " ".join(words)
    tokens, pos = [], 0
    for w in words:
        tokens.append(Token(pos, pos + len(w), w))
        pos += len(w) + 1
    article = Article(text=text, raw=text)
    article.set_layer("sentences", [Sentence(0, len(text))])
    article.set_layer("tokens", tokens)
    return article, tokens


def test_canonical_strips_clitics_but_keeps_the_name_readable() -> None:
    assert canonical_name(["وبريطانيا"], COUNTS) == "بريطانيا"
    assert canonical_name(["لبريطانيا"], COUNTS) == "بريطانيا"
    assert canonical_name(["والقاهرة"], COUNTS) == "القاهرة"
    assert canonical_name(["للقاهرة"], COUNTS) == "القاهرة"  # ل + ال with the alef restored
    assert canonical_name(["واشنطن"], COUNTS) == "واشنطن"  # و belongs to the name
    assert canonical_name(["القـاهرةُ"], COUNTS) == "القاهرة"  # tatweel and diacritics go, ة stays
    assert canonical_name(["وطرابلس", "الغرب"], {}, {"طرابلس"}) == "طرابلس الغرب"


def test_title_before_a_person_is_attached_not_included() -> None:
    words = ["قال", "وزير", "الخارجية", "الأمريكي", "جون", "كيري", "في", "واشنطن"]
    article, tokens = hand_article(words)
    tags = ["O", "O", "O", "O", "B-PERS", "I-PERS", "O", "B-LOC"]
    ents = entities_from_tags(article, tokens, tags, COUNTS)
    person, place = ents
    assert (person.text, person.type) == ("جون كيري", "PERS")
    assert person.title == "وزير الخارجية الأمريكي"
    assert article.text[person.title_start:person.title_end] == "وزير الخارجية الأمريكي"
    assert person.title_end <= person.start
    assert place.title is None and place.canonical == "واشنطن"
    article.set_layer("entities", ents)
    article.validate()


def test_title_inside_the_tagged_span_is_cut_off() -> None:
    words = ["والتقى", "والرئيس", "باراك", "أوباما"]
    article, tokens = hand_article(words)
    ents = entities_from_tags(article, tokens, ["O", "B-PERS", "I-PERS", "I-PERS"], COUNTS)
    assert len(ents) == 1
    ent = ents[0]
    assert ent.text == "باراك أوباما" and ent.canonical == "باراك أوباما"
    assert ent.title == "الرئيس"
    assert article.text[ent.title_start:ent.title_end] == "الرئيس"  # the و is left out


def test_a_platform_after_a_preposition_is_no_entity() -> None:
    words = ["وكتب", "الوزير", "على", "حسابه", "على", "تويتر", "عن", "سامي", "الراشد"]
    article, tokens = hand_article(words)
    tags = ["O", "O", "O", "O", "B-PERS", "I-PERS", "O", "B-PERS", "I-PERS"]
    ents = entities_from_tags(article, tokens, tags, COUNTS)
    assert [e.text for e in ents] == ["سامي الراشد"]


def test_the_preposition_ala_read_as_a_name_is_left_out() -> None:
    words = ["وكان", "الرئيس", "رد", "على", "روحاني", "ونقلت", "الوكالة", "على", "لسان", "سامي", "الراشد",
             "وقال", "علي", "حسن"]
    article, tokens = hand_article(words)
    tags = ["O", "O", "O", "B-PERS", "I-PERS", "O", "O", "B-PERS", "I-PERS", "I-PERS", "I-PERS",
            "O", "B-PERS", "I-PERS"]
    ents = entities_from_tags(article, tokens, tags, COUNTS)
    assert [e.text for e in ents] == ["روحاني", "سامي الراشد", "علي حسن"]  # «علي» with ya is the name


def test_title_never_reaches_into_a_previous_entity() -> None:
    words = ["الرئيس", "الأمريكي", "أوباما"]
    article, tokens = hand_article(words)
    ents = entities_from_tags(article, tokens, ["O", "B-MISC", "B-PERS"], COUNTS)
    assert ents[1].type == "PERS" and ents[1].title is None


# ------------------------------------------------------------------ shipped model

ARTICLE = (
    "قال وزير الخارجية البريطاني بوريس جونسون في لندن يوم الاثنين إن الحكومة ستقدم مساعدات "
    "جديدة إلى ليبيا.\n"
    "وأضاف أن العلاقات بين ليبيا وبريطانيا قوية، وأن وفدا سيزور القاهرة الأسبوع المقبل.\n"
    "من جهته، قال اللواء خليفة حفتر إن الجيش الليبي يسيطر على مدينة بنغازي.\n"
    "وأعلنت الأمم المتحدة أن مبعوثها غسان سلامة سيلتقي الرئيس المصري عبد الفتاح السيسي في القاهرة."
)


def segmented(text: str) -> Article:
    from marsad.text.segment import split_sentences, tokenize

    article = Article(text=text, raw=text)
    article.set_layer("sentences", [Sentence(s, e) for s, e in split_sentences(text)])
    article.set_layer("tokens", [Token(s, e, text[s:e]) for s, e in tokenize(text)])
    return article


@pytest.fixture(scope="module")
def analysed() -> Article:
    return EntityStage()(segmented(ARTICLE))


def test_a_hashtag_is_read_word_by_word_and_its_office_is_a_title() -> None:
    # Round 46: «#وزير_الخزانة_الأميركي ستيف منوتشين» — whole, the hashtag is one unknown token
    from marsad.extract.entities import name_tokens

    text = "وأكد #وزير_الخارجية_الأميركي مايك بومبيو في واشنطن أن المحادثات مستمرة."
    article = segmented(text)
    split = [text[t.start:t.end] for t in name_tokens(article.tokens)]
    assert split[:5] == ["وأكد", "#", "وزير", "الخارجية", "الأميركي"]
    person = next(e for e in EntityStage()(article).entities if e.type == "PERS")
    assert (person.text, person.title) == ("مايك بومبيو", "وزير الخارجية الأميركي")
    assert text[person.title_start:person.title_end] == "وزير_الخارجية_الأميركي"


def test_stage_declares_its_contract() -> None:
    stage = EntityStage()
    assert stage.name == "entities" and stage.requires == ("tokens",) and stage.assigns == ("entities",)
    from marsad.text.stages import SegmentStage

    Pipeline([SegmentStage(), stage])  # order accepted
    with pytest.raises(Exception, match="requires"):
        Pipeline([stage])


def test_stage_output_respects_offsets(analysed: Article) -> None:
    analysed.validate()
    ents = analysed.entities
    assert ents, "the model found no entity in a plain news paragraph"
    for e in ents:
        assert analysed.text[e.start:e.end] == e.text
        assert e.type in {"PERS", "LOC", "ORG", "MISC"}
        assert e.canonical and "ـ" not in e.canonical
        if e.title is not None:
            assert e.type == "PERS" and e.title_end <= e.start
            assert 0 <= e.title_start < e.title_end


def test_stage_finds_clear_names(analysed: Article) -> None:
    by_text = {(e.text, e.type) for e in analysed.entities}
    assert ("لندن", "LOC") in by_text
    assert ("القاهرة", "LOC") in by_text
    uk = [e for e in analysed.entities if e.text == "وبريطانيا"]
    assert uk and uk[0].type == "LOC" and uk[0].canonical == "بريطانيا"
    haftar = [e for e in analysed.entities if "حفتر" in e.text]
    assert haftar and haftar[0].type == "PERS" and haftar[0].title == "اللواء"
    assert not any(e.text.startswith(("اللواء", "الرئيس")) for e in analysed.entities)


def test_pipe_equals_call_and_is_repeatable() -> None:
    stage = EntityStage()
    one = stage(segmented(ARTICLE)).entities
    batch = stage.pipe([segmented(ARTICLE), segmented("زار الوفد بغداد.")])
    assert [e.to_dict() for e in batch[0].entities] == [e.to_dict() for e in one]
    assert batch[1].text == "زار الوفد بغداد."
    empty = stage(segmented(""))
    assert empty.entities == []


def test_model_is_loaded_once_per_path() -> None:
    assert load_model() is load_model()
    assert load_model(None) is EntityStage().model


def test_shipped_model_loads_and_decodes_like_crfsuite() -> None:
    model = NerModel(SHIPPED_MODEL_DIR)
    sentences = [ARTICLE.split(".")[0].split(), ["وأعلنت", "الأمم", "المتحدة", "أن", "مبعوثها", "غسان", "سلامة"], ["ليبيا"]]
    for tokens in sentences:
        assert model.tag(tokens) == model.crfsuite_tag(tokens)
    assert model.tag([]) == []


def test_missing_model_directory_is_a_clear_error(tmp_path) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(NerModelError, match="not a NER model directory"):
        NerModel(tmp_path)
