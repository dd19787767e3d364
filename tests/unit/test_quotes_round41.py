"""Round 41 (docs/events.md, "Round 41"): «جاء فيه» quoting a text named before, a relative clause's
genitive that is no speaker, a title closed by a comma before an adjunct, publishing verbs and
data or groups of people in attributions, and an attribution that is a sentence of its own.
Sentences written for these tests."""

from __future__ import annotations

from quote_support import ent, quotes

from marsad.extract.quotes import QuoteStage
from marsad.model import Article, Entity
from marsad.text.stages import SegmentStage


def test_came_in_it_quotes_the_report_of_the_organisation_after_li() -> None:
    text = ('جاء ذلك في تقرير لمنظمة العفو الدولية نشر اليوم، وجاء فيه: "إن الأوضاع في المخيمات تتدهور بسرعة '
            'كبيرة".')
    found = quotes(text, [ent(text, "منظمة العفو الدولية", "ORG")])
    assert found == [("direct", "إن الأوضاع في المخيمات تتدهور بسرعة كبيرة", "منظمة العفو الدولية")]


def test_came_in_it_after_her_own_tweet_is_the_subject_speaking() -> None:
    text = ('وصلت الوزيرة سلمى ناصر إلى العاصمة أمس. وكانت الوزيرة قد نشرت تغريدة لها جاء فيها "نقف إلى جانب '
            'العائلات المتضررة في هذه الأوقات الصعبة".')
    found = quotes(text, [ent(text, "سلمى ناصر")])
    assert found[-1][0] == "direct" and found[-1][2].startswith("الوزيرة")


def test_came_in_it_with_no_owner_named_is_the_text_itself() -> None:
    text = 'ومن بين ما نشر مقال حمل عنوان "الطريق الطويل" جاء فيه: "لم يعد أمام الحكومة سوى الإصلاح الشامل".'
    found = quotes(text)
    assert found == [("direct", "لم يعد أمام الحكومة سوى الإصلاح الشامل", "مقال")]


def test_came_without_in_it_still_narrates() -> None:
    text = 'وجاء ذلك بعد يومين من الاجتماع: "لن نتراجع عن قرارنا مهما كانت الضغوط علينا".'
    assert all(q[2] != "ذلك" for q in quotes(text))


def test_a_name_in_the_object_of_a_relative_clause_is_no_speaker() -> None:
    text = ('ووجه سامي العلي انتقادا للدول التي أعلنت تأييدها لقرار الرئيس الأمريكي دونالد ترامب الأخير، '
            'قائلا: "هذه الدول اختارت الطريق الخطأ في المنطقة".')
    found = quotes(text, [ent(text, "سامي العلي"), ent(text, "دونالد ترامب")])
    assert found == [("direct", "هذه الدول اختارت الطريق الخطأ في المنطقة", "سامي العلي")]


def test_the_subject_of_a_relative_speech_verb_still_speaks() -> None:
    text = 'وهو الأمر الذي رد عليه الرئيس الإيراني، حسن روحاني قائلا إن بلاده لن تتراجع عن مواقفها.'
    found = quotes(text, [ent(text, "حسن روحاني")])
    assert found and found[0][2].endswith("حسن روحاني")


def test_a_title_closed_by_a_comma_speaks_not_the_name_in_the_adjunct() -> None:
    text = ('وصلت المغنية ليلى حداد إلى المدينة أمس. وقالت المغنية اللبنانية، من أمام مسرح سامي الصلح خلال '
            'زيارتها، السبت: "هذه أجمل ليلة في حياتي الفنية كلها".')
    found = quotes(text, [ent(text, "ليلى حداد"), ent(text, "سامي الصلح")])
    assert found[-1][0] == "direct" and found[-1][2].startswith("المغنية")


def test_a_title_with_its_name_after_the_comma_is_unchanged() -> None:
    text = 'وقال رئيس الفريق الهندسي، ملازم أول سلطان شمسان، إن العمل سينتهي خلال أسبوع.'
    found = quotes(text, [ent(text, "سلطان شمسان")])
    assert found and found[0][2].endswith("سلطان شمسان")


def test_what_an_agency_published_is_a_source() -> None:
    text = 'واستهدف القصف سوقا شعبيا في المدينة، مخلفا عشرات القتلى والجرحى، وفقا لما نشرته وكالة الأنباء الرسمية.'
    found = quotes(text)
    assert len(found) == 1 and found[0][0] == "reported" and found[0][2].startswith("وكالة الأنباء")


def test_an_attribution_that_is_a_whole_sentence_closes_the_one_before() -> None:
    text = 'طلبت الحكومة من الشركات تفسيرا لارتفاع الأسعار في الأسواق. بحسب رويترز.'
    found = quotes(text, [ent(text, "رويترز", "ORG")])
    assert found == [("reported", "طلبت الحكومة من الشركات تفسيرا لارتفاع الأسعار في الأسواق", "رويترز")]


def test_a_fronted_attribution_with_its_own_clause_is_unchanged() -> None:
    text = 'انتهى الاجتماع مساء أمس. وبحسب الشرطة، قتل شخصان في الحادث الذي وقع قرب السوق.'
    found = quotes(text)
    assert [q[1] for q in found] == ["قتل شخصان في الحادث الذي وقع قرب السوق"]


def test_statistics_after_li_are_a_source() -> None:
    text = 'وارتفع عدد السياح في البلاد بنسبة عشرين في المئة هذا العام، وفقا لإحصاءات وزارة السياحة.'
    found = quotes(text)
    assert len(found) == 1 and found[0][2].startswith("إحصاءات")


def test_doctors_after_lil_are_a_source_named_with_the_article() -> None:
    text = 'وخضع المصاب لعملية جراحية دقيقة في المستشفى المركزي، وفقا للأطباء.'
    article = SegmentStage()(Article.from_raw(text, published="2019-05-02"))
    article.set_layer("entities", list[Entity]())
    found = QuoteStage()(article).layer("quotes")
    assert len(found) == 1 and found[0].kind == "reported"
    assert found[0].speaker is not None and found[0].speaker["entity"] == "الأطباء"


def test_a_rule_of_law_is_no_source() -> None:
    text = 'ويواجه المخالفون وفقا للقانون الجديد غرامات كبيرة وسجنا لمدة عامين.'
    assert quotes(text) == []


def test_a_document_noun_with_diacritics_keeps_offsets_inside_the_text() -> None:
    text = 'ونشرت الهيئة بَيانًا جاء فيه: "إن الامتحانات ستجري في موعدها المحدد دون أي تأجيل".'
    found = quotes(text)
    assert found and found[0][0] == "direct"
    assert found[0][2] in text and found[0][2] != ""


def test_a_fronted_attribution_without_a_comma_keeps_its_own_clause() -> None:
    text = 'انتهى الاجتماع مساء أمس. وبحسب الشرطة قتل شخصان في الحادث الذي وقع قرب السوق.'
    found = quotes(text)
    assert len(found) == 1 and found[0][1].startswith("قتل شخصان")
