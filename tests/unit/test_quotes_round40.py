"""Round 40 (docs/events.md, "Round 40"): a doubled opening mark with a space inside, a saying
in parentheses after a colon, and a person's gender read from the rest of the article.
Sentences written for these tests."""

from __future__ import annotations

from quote_support import ent, quotes

from marsad.extract.cues import find_segments
from marsad.model import Entity


def test_a_doubled_opening_mark_with_a_space_is_one_mark() -> None:
    text = 'وقال لافروف: " "لكي يكون هذا القرار فعالا نقترح صيغة تجعل الهدنة حقيقية". وانتهى الاجتماع.'
    segs = find_segments(text)
    assert [text[s.start:s.end] for s in segs] == ["لكي يكون هذا القرار فعالا نقترح صيغة تجعل الهدنة حقيقية"]
    found = quotes(text, [ent(text, "لافروف")])
    assert found == [("direct", "لكي يكون هذا القرار فعالا نقترح صيغة تجعل الهدنة حقيقية", "لافروف")]


def test_two_separate_quotations_are_not_read_as_a_doubled_mark() -> None:
    text = 'ورفع المتظاهرون شعارات منها "ارحل" "لا للفساد" أمام البرلمان.'
    assert [text[s.start:s.end] for s in find_segments(text)] == ["ارحل", "لا للفساد"]


def test_a_saying_in_parentheses_after_a_colon_is_the_whole_quotation() -> None:
    text = ('وكان الأمير يتنزه مع وزيره بجانب النهر فقال الأمير: (صنع الريح من ماء الزرد) وانتظر أن يكمل '
            'الوزير، فقالت امرأة تغسل الملابس بجانب النهر: (أي درع لقتال لو جمد)! فأعجب بها.')
    found = quotes(text)
    assert [q[1] for q in found] == ["صنع الريح من ماء الزرد", "أي درع لقتال لو جمد"]
    assert found[1][2].startswith("امرأة")


def test_parentheses_that_the_sentence_runs_on_from_are_not_the_quotation() -> None:
    text = 'وقال الوزير: (بصفتي وزيرا) سنعمل على تحسين الخدمات في المدينة.'
    found = quotes(text)
    assert found and found[0][1].endswith("سنعمل على تحسين الخدمات في المدينة")


def _all(text: str, name: str) -> list[Entity]:
    out, at = [], text.find(name)
    while at >= 0:
        out.append(Entity(start=at, end=at + len(name), text=name, type="PERS"))
        at = text.find(name, at + len(name))
    return out


def test_a_feminine_verb_skips_a_man_the_article_spoke_of_as_a_man() -> None:
    text = ('وقال دونالد ترامب إن الصورة مقززة. واعتذرت كاثي جريفين في تسجيل مصور. '
            'ثم كتب ترامب تغريدة جديدة عن الصورة. وقالت: "أنا ممثلة كوميدية وذهبت لأبعد مما ينبغي".')
    entities = sorted([*_all(text, "دونالد ترامب"), *[e for e in _all(text, "ترامب") if e.start > 20],
                       *_all(text, "كاثي جريفين")], key=lambda e: e.start)
    found = quotes(text, entities)
    assert found[-1][0] == "direct" and found[-1][2] == "كاثي جريفين"


def test_a_name_the_article_gives_no_gender_is_never_ruled_out() -> None:
    text = ('واعتذرت كاثي جريفين في تسجيل مصور. ثم نشر ترامب تغريدة جديدة عن الصورة. '
            'وقالت: "أنا ممثلة كوميدية وذهبت لأبعد مما ينبغي".')
    entities = sorted([*_all(text, "ترامب"), *_all(text, "كاثي جريفين")], key=lambda e: e.start)
    found = quotes(text, entities)
    assert found[-1][2] == "ترامب"
