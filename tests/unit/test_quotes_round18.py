"""Round 18 speaker rules (docs/events.md, "Round 18"): sentences written for these tests."""

from __future__ import annotations

from quote_support import ent, quotes


def test_a_name_closing_a_long_title_zone_is_the_titles_holder() -> None:
    text = ('وقال رئيس الفريق الهندسي في اللواء الخامس حرس حدود، ملازم أول سامي الراشد، إن الفرق نزعت '
            'ثلاثة آلاف لغم في المنطقة.')
    qs = quotes(text, [ent(text, "سامي الراشد")])
    assert qs and "سامي الراشد" in qs[0][2]


def test_a_name_in_a_relative_clause_of_the_title_is_not_its_holder() -> None:
    text = ('وقال مدرب النادي السابق والذي تولى تدريب الفريق الأول بعد إقالة سامي الراشد، إن الموسم '
            'المقبل سيكون صعبا على الجميع.')
    qs = quotes(text, [ent(text, "سامي الراشد")])
    assert qs and qs[0][2].startswith("مدرب النادي السابق")


def test_a_fronted_adverbial_before_the_verb_and_its_titled_subject() -> None:
    text = ('وفي حفل أقيم الإثنين بالمناسبة، حذر رئيس بلدية المدينة في كلمة من تصاعد المد القومي '
            'قائلا إن ذلك يعد تهديدا للسلم.')
    qs = quotes(text)
    assert qs and qs[0][2].startswith("رئيس بلدية المدينة")


def test_a_definite_body_after_the_verb_speaks_not_the_outlet() -> None:
    text = ('ودافع الحزب عن سياسة الجمعية على فيسبوك باللغة الألمانية، قائلا "إذا رددت على الهجوم '
            'فإنك توصم بالتطرف في كل مرة".')
    qs = quotes(text, [ent(text, "فيسبوك", "ORG")])
    assert qs and qs[0][2] == "الحزب"


def test_an_agent_plural_after_lakin_is_the_subject() -> None:
    text = 'وأعلن الوزير خطة جديدة للنقل. لكن منتقدين يقولون إن الخطة لن تحل أزمة الازدحام في العاصمة.'
    qs = quotes(text)
    assert qs and qs[-1][2] == "منتقدين"


def test_a_preposition_with_a_pronoun_is_no_subject() -> None:
    text = ('وقال الوزير سامي الراشد إن المؤتمر مهم. وبدأت الجلسات بكلمات لمسؤولين شددوا خلالها على أن '
            'المؤتمر سيكون أساسيا في خطة الإعمار.')
    qs = quotes(text, [ent(text, "سامي الراشد")])
    assert qs and qs[-1][2] != "خلالها"
