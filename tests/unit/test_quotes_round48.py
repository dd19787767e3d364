"""Round 48 (docs/events.md, "Round 48"): who is appealed to after «دعت/حثت», "his saying" relayed
with no «عن», a name after «على» in a relay sentence, and a described object followed by a place.
Sentences written for these tests."""

from __future__ import annotations

from quote_support import ent, speakers


def test_all_the_parties_appealed_to_are_the_object() -> None:
    text = ('وقالت المتحدثة سلمى عادل إن بلادها قلقة من التقارير عن مقتل مدنيين. ودعت جميع أطراف الصراع "إلى '
            'اتخاذ التدابير المناسبة لحماية المدنيين".')
    found = speakers(text, [ent(text, "سلمى عادل")])
    assert found[-1] == ("إلى اتخاذ التدابير المناسبة لحماية المدنيين", "سلمى عادل")


def test_his_saying_relayed_without_a_source_is_the_person_in_focus() -> None:
    text = ('قال الأمير سامي فارس إن الرئيس "سيبقى في السلطة". جاء ذلك في مقابلة مع مجلة أمريكية، حيث نقلت '
            'المجلة قوله: "الرئيس سيبقى ولكن مصالحه ألا يدع الآخرين يفعلون ما يريدون".')
    found = speakers(text, [ent(text, "سامي فارس")])
    assert found[-1] == ("الرئيس سيبقى ولكن مصالحه ألا يدع الآخرين يفعلون ما يريدون", "سامي فارس")


def test_a_name_after_ala_in_a_relay_sentence_is_the_channel() -> None:
    text = ('قال سامي فارس، الخبير بالشؤون التركية، إن أنقرة تشهد أزمتين مختلفتين. جاء ذلك في مقابلة له مع '
            'برنامج أسبوعي على CNN، حيث قال: "في العديد من الأمور تظهر العلاقات على وشك الانتهاء".')
    found = speakers(text, [ent(text, "سامي فارس"), ent(text, "CNN")])
    assert found[-1] == ("في العديد من الأمور تظهر العلاقات على وشك الانتهاء", "سامي فارس")


def test_a_described_object_may_be_followed_by_a_place() -> None:
    text = ('وقال المنسق سامي فارس إن الدول فشلت في مساعدة المدنيين. ووصف الوضع في الغوطة الشرقية بأنه "يخلو من '
            'الاحترام للقانون الإنساني".')
    found = speakers(text, [ent(text, "سامي فارس")])
    assert found[-1] == ("يخلو من الاحترام للقانون الإنساني", "سامي فارس")
