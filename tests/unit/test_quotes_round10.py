"""Round 10 quote and speaker rules (docs/events.md, "Round 10"): sentences written for these tests."""

from __future__ import annotations

from quote_support import ent, quotes


def test_tweeting_is_a_speech_cue() -> None:
    text = 'وتابع الحاكم سامي الراشد الحادث عن كثب. وغرد على تويتر :" تلقيت إحاطة عن الحادث، ودعواتي للمصابين ".'
    qs = quotes(text, [ent(text, "سامي الراشد")])
    assert qs == [("direct", "تلقيت إحاطة عن الحادث، ودعواتي للمصابين", "سامي الراشد")]


def test_country_subject_of_the_sentence_speaks_through_a_pronoun() -> None:
    text = ('وقال المرصد السوري إن الهدف كان مستودعا للأسلحة. '
            'ولم تعلق إسرائيل على تلك التقارير، لكنها قالت إنها ستمنع أي وجود عسكري قرب حدودها.')
    qs = quotes(text, [ent(text, "المرصد السوري", "ORG"), ent(text, "إسرائيل", "LOC")])
    assert qs[-1] == ("reported", "ستمنع أي وجود عسكري قرب حدودها", "إسرائيل")


def test_a_place_after_a_preposition_is_no_subject() -> None:
    text = ('وقال المرصد السوري إن الهدف كان مستودعا للأسلحة. '
            'ووصل الوفد إلى مصر، وقال إن المحادثات ستبدأ غدا في القاهرة.')
    qs = quotes(text, [ent(text, "المرصد السوري", "ORG"), ent(text, "مصر", "LOC")])
    assert qs[-1][2] != "مصر"


def test_indirect_question_after_an_asking_verb_is_reported() -> None:
    text = 'وتساءل زعيم الاتحاد يان فيلادسن عما إذا كانت الوزيرة تريد اختلاق مشكلة غير موجودة.'
    qs = quotes(text, [ent(text, "يان فيلادسن")])
    assert qs == [("reported", "كانت الوزيرة تريد اختلاق مشكلة غير موجودة", "زعيم الاتحاد يان فيلادسن")]


def test_asking_about_a_thing_stays_narration() -> None:
    text = 'وتساءل الناس عن الأمر كثيرا وعرفوا أنه صعب جدا على الجميع.'
    assert quotes(text) == []


def test_possessed_speech_noun_reports_its_owner() -> None:
    text = ('أشار الرئيس سامي الراشد، السبت، إلى أن الأمور تسير نحو عقد القمة في موعدها، '
            'وذلك بعد أيام على إعلانه أن القمة قد لا تعقد في هذا الموعد.')
    qs = quotes(text, [ent(text, "سامي الراشد")])
    assert ("reported", "القمة قد لا تعقد في هذا الموعد", "سامي الراشد") in qs


def test_unowned_speech_noun_is_no_cue() -> None:
    text = 'وجاء الإعلان أن القمة قد لا تعقد في موعدها بعد خلافات كثيرة.'
    assert not any(q[1].startswith("القمة قد لا تعقد") and q[2] for q in quotes(text))


def test_counted_source_of_a_closing_attribution() -> None:
    text = ('وصل وفد دبلوماسي إلى بيونغ يانغ، الأحد، لإجراء محادثات، '
            'وذلك وفقا لما قاله ثلاثة مسؤولين أمريكيين للشبكة.')
    qs = quotes(text)
    assert qs and qs[0][0] == "reported" and qs[0][2].startswith("ثلاثة مسؤولين")
