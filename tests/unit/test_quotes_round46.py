"""Round 46 (docs/events.md, "Round 46"): an answer that opens the sentence after «سئل», a quotation
named as the speaker's own words («وتابع اقتباسه»), and a one-word title pointing back to a person
whose title the entities stage found. Sentences written for these tests."""

from __future__ import annotations

from quote_support import ent, speakers


def test_an_answer_opening_its_sentence_is_the_one_asked_before() -> None:
    text = ('وسئل سامي فارس في المؤتمر الصحفي إن كان يثق بأجهزته الأمنية بشأن التدخل في الانتخابات الرئاسية عام 2016.\n'
            'فأجاب "لا أرى أي سبب لأشك فيها".')
    found = speakers(text, [ent(text, "سامي فارس")])
    assert found[-1] == ("لا أرى أي سبب لأشك فيها", "سامي فارس")


def test_the_speakers_own_quotation_as_object_is_no_speaker() -> None:
    text = ('وقال سامي فارس في كلمته: "الاتحاد قوة لا تقهر"، مقتبسا كلام أحد المؤسسين.\n'
            'وتابع اقتباسه قائلا: "إذا كنا معا فلا شيء مستحيل".')
    found = speakers(text, [ent(text, "سامي فارس")])
    assert found[-1] == ("إذا كنا معا فلا شيء مستحيل", "سامي فارس")


def test_a_one_word_title_names_the_person_the_tagger_titled() -> None:
    text = ('أكد #وزير_المالية_الليبي سامي فارس تعليق الرسوم. وقال الوزير للصحفيين "لقد اتفقنا على إطار '
            'للحل".')
    person = ent(text, "سامي فارس")
    person.title = "وزير المالية الليبي"
    found = speakers(text, [person])
    assert found[-1] == ("لقد اتفقنا على إطار للحل", "سامي فارس")


def test_a_fragment_after_a_quote_takes_the_focus_of_its_place_in_the_text() -> None:
    text = ('وقال المتحدث باسم الحماية المدنية كمال يلدز إن السيول جرفت شقيقين.\n'
            'ويقول سامي فارس المقيم في بلدة نابل: "لقد كانت تمطر منذ الظهيرة، وبعد ذلك أصبحت الأمطار غزيرة".\n'
            'ونقلت الوكالة عنه قوله: "الوادي أمام منزلنا كان مليئا بالأشجار، وفاضت المياه فوق الجسر".\n'
            'وخلال دقائق "اجتاحت المياه السور وغرفة المرجل والمطبخ الصيفي وجزءا من المنزل. لقد خفت على حياتي".\n'
            'وتسببت العاصفة في هطول أمطار غزيرة في نابل، وفقا لهيئة الأرصاد الجوية.\n'
            'وكانت الشمس مشرقة الأحد، حسب المتحدث كمال يلدز.')
    found = speakers(text, [ent(text, "كمال يلدز"), ent(text, "سامي فارس")])
    fragment = next(s for t, s in found if t.startswith("اجتاحت المياه"))
    assert fragment == "سامي فارس"
