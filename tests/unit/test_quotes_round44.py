"""Round 44 (docs/events.md, "Round 44"): a paragraph-initial quotation continues the quote just
before it, not a speaker found later in the text; «لإحدى محطات …» is the addressee; a participle's
subject agrees with it in gender. Sentences written for these tests."""

from __future__ import annotations

from quote_support import analyse, ent

from marsad.model import Entity


def _speakers(text: str, entities: list[tuple[str, str]]) -> list[tuple[str, str | None]]:
    article = analyse(text, [ent(text, n, t) for n, t in entities])
    return [(q.text, (q.speaker or {}).get("entity") or (q.speaker or {}).get("text"))
            for q in article.layer("quotes")]


def test_a_continued_paragraph_keeps_the_quote_before_not_a_later_speaker() -> None:
    text = ('وقال المستشار نبيل حداد "نتوقع فترة انتظار حوالي 18 شهرا.\n'
            '"لكن التأثير على الاقتصاد سيظهر قبل ذلك لأن هناك مشاريع كثيرة تنتظر التنفيذ".\n'
            'وفي موضوع آخر أعلنت الحكومة خطة جديدة للطاقة.\n'
            'وقال مسؤولون إنهم يأملون إقرار الخطة قبل نهاية العام.')
    found = _speakers(text, [("نبيل حداد", "PERS")])
    continued = next(sp for q, sp in found if q.startswith("لكن التأثير"))
    assert continued == "نبيل حداد"


def test_to_one_of_the_stations_is_the_addressee() -> None:
    text = ('وروى الشاب مامادو كيتا قصته للصحفيين. وقال لإحدى محطات التلفزيون الفرنسية "كانت الرحلة مفزعة '
            'وكان عدد الناس كثيرا جدا".')
    found = _speakers(text, [("مامادو كيتا", "PERS")])
    assert found[-1] == ("كانت الرحلة مفزعة وكان عدد الناس كثيرا جدا", "مامادو كيتا")


def test_a_feminine_participle_does_not_take_a_man_named_in_its_clause() -> None:
    text = ('وقال الرئيس سامي نور إن الصحيفة تكذب. وقال نور أيضا إن اللقاء كان وديا. ونشرت صحيفة الأخبار بيانا، '
            'ردا على تغريدة نور بشأن اللقاء، قائلة إنها قررت أن ترد على توصيف الرئيس للقاء.')
    mentions = [ent(text, "سامي نور"), ent(text, "الأخبار", "ORG")]
    for anchor in ("وقال نور", "تغريدة نور"):  # the later bare mentions of the same man
        s = text.index(anchor) + len(anchor) - len("نور")
        mentions.append(Entity(start=s, end=s + len("نور"), text="نور", type="PERS"))
    found = [(q.speaker or {}).get("text") for q in analyse(text, mentions).layer("quotes")]
    assert found[-1] is not None and "نور" not in found[-1]


def test_one_mention_gives_no_gender_to_go_by() -> None:
    text = ('وأشاد والاس بالدارما التي قدمتها القناة، محذرا من أنه "خلف البريق هناك الكثير من الشر".')
    found = _speakers(text, [("والاس بالدارما", "PERS"), ("القناة", "ORG")])
    assert found[-1][1] == "والاس بالدارما"
