"""Round 59 (docs/events.md, "Round 59"): a statement, a tweet or a set of figures does not speak —
its issuer, named right after it, does; a lone demonstrative is never a speaker. Sentences written
for these tests."""

from __future__ import annotations

from quote_support import ent, speakers


def test_the_issuer_after_a_participle_of_issuing_speaks() -> None:
    text = 'وأكدت الحكومة التزامها بالخطة، وأفاد بيان صادر عن وزارة المالية بأن العجز تراجع إلى النصف.'
    found = speakers(text, [ent(text, "وزارة المالية", "ORG")])
    assert found[-1][1] == "وزارة المالية"


def test_the_subject_of_a_verb_of_issuing_speaks() -> None:
    text = 'وارتفعت الإيجارات بنسبة 68% خلال سبع سنوات، وفق أرقام أوردتها نقابة المهندسين في عمّان.'
    found = speakers(text, [ent(text, "نقابة المهندسين", "ORG"), ent(text, "عمّان", "LOC")])
    assert found[-1] == ("وارتفعت الإيجارات بنسبة 68% خلال سبع سنوات", "نقابة المهندسين")


def test_a_statement_without_a_named_issuer_is_left_as_it_was() -> None:
    text = 'وأفاد بيان صادر مساء أمس بأن الطريق أعيد فتحه أمام السيارات.'
    assert speakers(text, [])[-1][1] == "بيان صادر"


def test_a_demonstrative_object_is_not_the_speaker() -> None:
    text = 'وتقول سلمى حداد إن الهدف هو تغيير المواقف.\nوتوضح ذلك قائلة: "المجتمع يلوم الضحية قبل الجاني".'
    found = speakers(text, [ent(text, "سلمى حداد")])
    assert found[-1] == ("المجتمع يلوم الضحية قبل الجاني", "سلمى حداد")


def test_reports_agree_in_the_feminine_so_a_masculine_pronoun_skips_them() -> None:
    text = ('واحتجزت الشرطة كمال الصافي لثلاثة أيام.\nوقالت تقارير إن الصافي اعترف بالتهمة، لكنه أخبر المحققين '
            'بأنه كان يعمل لحساب شركة أخرى.')
    found = speakers(text, [ent(text, "كمال الصافي"), ent(text, "الصافي", nth=1)])
    assert found[-1] == ("كان يعمل لحساب شركة أخرى", "كمال الصافي")


def test_an_unmarked_quotation_ends_before_a_sentence_naming_its_speaker() -> None:
    text = ('وفي سياق آخر كرر سامر الخطيب دعوته إلى الحوار، وأضاف: إننا سنواصل دعم المفاوضات حتى النهاية. '
            'وتأتي تصريحات الخطيب في وقت يواصل فيه الوفد جولته في المنطقة.')
    found = speakers(text, [ent(text, "سامر الخطيب"), ent(text, "الخطيب", nth=1)])
    assert found[-1] == ("إننا سنواصل دعم المفاوضات حتى النهاية", "سامر الخطيب")
