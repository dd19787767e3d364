"""Near-duplicates: republished copies grouped, distinct articles kept apart, originals
chosen by date, and the incremental path through both store backends."""

from __future__ import annotations

import random
from collections.abc import Iterator
from pathlib import Path

import numpy as np
import pytest
from test_store_support import make_store

from marsad.corpus.duplicates import (
    DuplicateConfig,
    DuplicateDetector,
    containment_floor,
    exact_duplicates,
    find_duplicates,
    group_pairs,
    hashed_shingles,
    make_minhash,
    minhash_from_bytes,
    pair_scores,
    shingles,
    shingles_of_words,
    signature_bytes,
    subject_share,
    verify_pair,
)
from marsad.corpus.persistence import load_duplicate_groups, pending_ids, update_corpus
from marsad.corpus.records import CorpusDoc
from marsad.corpus.specifics import specific_swaps
from marsad.corpus.textprep import words
from marsad.model import Article
from marsad.store.base import Store

# Three distinct agency-style articles, written for these tests.
PORT = """أعلنت هيئة الموانئ في مدينة الحديدة صباح الثلاثاء استئناف العمل في الرصيف الشمالي بعد توقف دام ثلاثة أسابيع بسبب أعمال الصيانة.
وقال مدير الهيئة في مؤتمر صحفي إن السفن المحملة بالقمح والوقود بدأت تفرغ حمولتها منذ ساعات الفجر الأولى وإن الطواقم تعمل على مدار الساعة.
وأضاف أن الهيئة تتوقع وصول اثنتي عشرة سفينة خلال الأسبوع المقبل وأن مخازن الميناء قادرة على استيعاب الكميات المنتظرة دون تأخير.
وأشار المسؤول إلى أن أعمال الصيانة شملت تعميق الممر الملاحي وإصلاح الرافعات القديمة وتركيب أنظمة إنارة جديدة على طول الرصيف.
ويعد الميناء المنفذ الرئيسي لواردات الغذاء والدواء إلى المحافظات الشمالية ويعتمد عليه ملايين السكان في تأمين احتياجاتهم اليومية."""

FLOODS = """اجتاحت سيول جارفة عددا من القرى الجبلية في جنوب البلاد ليل الأحد وأدت إلى انهيار جسرين وانقطاع الطرق الرئيسية المؤدية إلى المنطقة.
وذكرت فرق الدفاع المدني أنها أجلت أكثر من مئتي أسرة إلى مدارس ومبان حكومية في البلدات المجاورة وأن عمليات البحث عن المفقودين مستمرة.
وقالت مصادر طبية إن المستشفى المحلي استقبل عشرات المصابين بجروح طفيفة وحالات اختناق وإن مخزون الأدوية يكفي لأيام قليلة فقط.
وتوقعت هيئة الأرصاد الجوية استمرار هطول الأمطار الغزيرة حتى نهاية الأسبوع ودعت السكان إلى الابتعاد عن مجاري الأودية والمناطق المنخفضة.
وطالب نواب المنطقة الحكومة بإعلان حالة الطوارئ وتخصيص موازنة عاجلة لإعادة بناء الجسور وتعويض المزارعين عن خسائر المحاصيل والمواشي."""

LIBRARY = """افتتحت وزارة الثقافة مكتبة عامة جديدة في وسط العاصمة تضم أكثر من مئة ألف كتاب ومخطوطة نادرة جمعت من مكتبات خاصة تبرع بها أصحابها.
وقالت الوزيرة خلال حفل الافتتاح إن المكتبة ستفتح أبوابها للقراء مجانا طوال أيام الأسبوع وستنظم ورشا للأطفال في القراءة والكتابة.
وتحتوي المكتبة على قاعة رقمية مجهزة بحواسيب حديثة تتيح للباحثين الاطلاع على نسخ مصورة من المخطوطات دون الحاجة إلى لمس الأصول.
وأوضح المهندس المشرف على المشروع أن المبنى صمم ليستخدم الإضاءة الطبيعية وأن نظام التكييف يحافظ على درجة حرارة ثابتة تحمي الورق القديم.
ويأمل القائمون على المشروع أن تصبح المكتبة مركزا للحياة الثقافية في المدينة وأن تستضيف معارض وندوات شهرية لكتاب من مختلف البلدان."""

# Another portal's boilerplate, as republishing sites add it.
PORTAL_FOOTER = """اقرأ أيضا:
ارتفاع أسعار الذهب في الأسواق المحلية
منتخب الشباب يتأهل إلى الدور النهائي
جميع الحقوق محفوظة لموقع الخبر اليومي ولا يجوز إعادة نشر المواد دون إذن مسبق من إدارة التحرير"""


def doc(doc_id: str, text: str, published: str | None = "2024-05-01T08:00:00") -> CorpusDoc:
    return CorpusDoc(id=doc_id, text=text, published=published)


def republished(text: str) -> str:
    """A portal's copy: its own header, punctuation changes, a read-also block and footer."""
    body = text.replace("،", ",").replace(".", "")
    return "متابعات - وكالات\n" + body + "\n" + PORTAL_FOOTER


def test_normalisation_makes_spelling_and_punctuation_irrelevant() -> None:
    plain = "أعلنت الهيئة استئناف العمل في الميناء."
    variant = "اعلنت الهيئه، استئنافَ العمل في الميناء!!"
    assert shingles(plain) == shingles(variant)


def test_copy_with_swapped_header_and_footer_is_grouped_with_its_original() -> None:
    docs = [doc("b-copy", republished(PORT), "2024-05-01T12:00:00"),
            doc("a-orig", PORT, "2024-05-01T08:00:00"),
            doc("c-other", FLOODS), doc("d-other", LIBRARY)]
    groups = find_duplicates(docs)
    assert len(groups) == 1
    assert groups[0].original == "a-orig"
    assert sorted(groups[0].members) == ["a-orig", "b-copy"]


def test_paragraph_drop_and_word_edits_still_match() -> None:
    paras = FLOODS.split("\n")
    edited = "\n".join(paras[:2] + paras[3:]).replace("جارفة", "قوية").replace("عشرات", "العديد من")
    groups = find_duplicates([doc("x", FLOODS), doc("y", edited, "2024-05-02"), doc("z", PORT)])
    assert [sorted(g.members) for g in groups] == [["x", "y"]]


def test_distinct_articles_sharing_a_portal_footer_are_not_duplicates() -> None:
    docs = [doc("p", PORT + "\n" + PORTAL_FOOTER), doc("f", FLOODS + "\n" + PORTAL_FOOTER),
            doc("l", LIBRARY + "\n" + PORTAL_FOOTER)]
    assert find_duplicates(docs) == []


def test_original_is_earliest_then_smallest_id_and_undated_copies_come_last() -> None:
    published = {"k": "2024-05-03", "m": "2024-05-01T09:00:00", "c": "2024-05-01T09:00:00", "u": None}
    groups = group_pairs([("k", "c"), ("m", "c"), ("u", "c"), ("k", "m")], published)
    assert len(groups) == 1
    assert groups[0].original == "c"  # tie on time with "m": smallest id wins
    assert groups[0].members == ["c", "m", "k", "u"]


def test_a_page_reprinting_two_items_does_not_chain_them_together() -> None:
    # items a and b are unrelated; a later digest page h contains both
    published = {"a": "2024-05-01", "b": "2024-05-02", "h": "2024-05-03"}
    groups = group_pairs([("a", "h"), ("b", "h")], published)
    assert [g.members for g in groups] == [["a", "h"]]
    # and the size floor stops the page matching a short item by containment at all
    page = PORT + "\n" + FLOODS + "\n" + LIBRARY
    assert find_duplicates([doc("item", FLOODS), doc("page", page, "2024-05-02")]) == []


# More of the port story, as the full agency release carries it.
PORT_MORE = """وكانت الهيئة قد أغلقت الرصيف الشمالي مطلع الشهر الماضي بعد أن كشفت فحوص هندسية عن تشققات في الأرصفة الخرسانية القديمة.
وقال عدد من التجار في المدينة إن التوقف أدى إلى ارتفاع أسعار الدقيق والزيوت في الأسواق المحلية بنسبة تجاوزت الخمس خلال أسبوعين.
وأعلنت الغرفة التجارية أنها ستعقد اجتماعا مع إدارة الميناء لبحث جدولة رسوم التخزين المتأخرة على الحاويات التي علقت خلال فترة الإغلاق.
ويعمل في الميناء أكثر من ألفي عامل بين موظفين دائمين وعمال يومية توقف معظمهم عن العمل طوال فترة الصيانة.
وتخطط الهيئة لتوسعة الرصيف الجنوبي العام المقبل بتمويل من صندوق تنموي إقليمي وافق على المشروع في اجتماعه الأخير."""


def test_trimmed_copy_with_the_same_opening_is_found_but_not_a_digest_lead() -> None:
    full = PORT + "\n" + PORT_MORE + "\n" + LIBRARY.replace("العاصمة", "الحديدة")
    trimmed = "الحديدة - وكالات\n" + "\n".join(PORT.split("\n")[:3])
    # far shorter than the full release: the size floor blocks plain containment (the
    # subject path, which reads the same opening subject, would find it too: off here)
    assert find_duplicates([doc("full", full), doc("trim", trimmed, "2024-05-02")],
                           DuplicateConfig(lead_words=0, min_subject_share=0)) == []
    assert [sorted(g.members) for g in find_duplicates([doc("full", full), doc("trim", trimmed, "2024-05-02")],
                                                       DuplicateConfig(lead_words=0))] == [["full", "trim"]]
    groups = find_duplicates([doc("full", full), doc("trim", trimmed, "2024-05-02")])
    assert [sorted(g.members) for g in groups] == [["full", "trim"]]
    # a page that leads with another story and reprints the port item further down
    page = FLOODS + "\n" + PORT + "\n" + PORT_MORE
    assert find_duplicates([doc("page", page), doc("trim", trimmed, "2024-05-02")]) == []


def test_body_only_signatures_from_older_stores_still_load() -> None:
    config = DuplicateConfig()
    body_only = signature_bytes(make_minhash(shingles(PORT), config))
    texts = {"old": PORT}
    detector = DuplicateDetector(config, text_of=texts.get)
    detector.load_signature("old", body_only)
    _, pairs = detector.add("new", republished(PORT))
    assert [(p.a, p.b) for p in pairs] == [("old", "new")]


def test_exact_hash_baseline_misses_edited_copies() -> None:
    docs = [doc("a", PORT), doc("b", PORT + " "), doc("c", republished(PORT))]
    exact = exact_duplicates(docs)
    assert [sorted(g.members) for g in exact] == [["a", "b"]]
    assert [sorted(g.members) for g in find_duplicates(docs)] == [["a", "b", "c"]]


def test_stored_signature_is_enough_to_find_a_later_copy() -> None:
    config = DuplicateConfig()
    first = DuplicateDetector(config)
    signature, _ = first.add("old", PORT)
    assert len(minhash_from_bytes(signature, config).hashvalues) == config.num_perm
    # a new run: the old article is known only by its signature, its text comes from the store
    texts = {"old": PORT}
    second = DuplicateDetector(config, text_of=texts.get)
    second.load_signature("old", signature)
    _, pairs = second.add("new", republished(PORT))
    assert [(p.a, p.b) for p in pairs] == [("old", "new")]
    _, none = second.add("other", LIBRARY)
    assert none == []


def test_bad_signature_length_is_a_clear_error() -> None:
    with pytest.raises(ValueError, match="expected 128"):
        minhash_from_bytes(b"\x00" * 12, DuplicateConfig())


@pytest.fixture(params=["sqlite", "postgres"])
def store(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Store]:
    yield from make_store(request.param, tmp_path)


def _article(text: str, published: str, source: str) -> Article:
    return Article.from_raw(text, title=text.split("\n")[0][:40], source=source, published=published)


def test_incremental_update_in_both_backends(store: Store) -> None:
    orig = _article(PORT, "2024-05-01T08:00:00", "agency")
    other = _article(LIBRARY, "2024-05-01T09:00:00", "daily")
    store.add_articles([orig, other])
    report = update_corpus(store, [orig.id, other.id])
    assert report.processed == 2 and load_duplicate_groups(store) == []
    copy1 = _article(republished(PORT), "2024-05-01T10:00:00", "portal")
    # the earliest copy arrives last: it must become the original
    early = _article(PORT.replace("الثلاثاء", "الثلاثاء الماضي"), "2024-04-30T23:00:00", "wire")
    store.add_articles([copy1, early])
    assert sorted(pending_ids(store)) == sorted([copy1.id, early.id])
    update_corpus(store, [copy1.id])
    update_corpus(store)  # picks up the pending one
    groups = load_duplicate_groups(store)
    assert len(groups) == 1
    assert groups[0].original == early.id
    assert sorted(groups[0].members) == sorted([orig.id, copy1.id, early.id])
    again = update_corpus(store, [orig.id, copy1.id, early.id])
    assert again.processed == 0 and load_duplicate_groups(store) == groups


# ---------------------------------------------------------------- templated releases
# A ministry's fixed wording with slots, written for these tests: every release of it is
# word-for-word the same except the names, places and numbers.
CABLE = """بعث رئيس المجلس الأعلى برقية تهنئة إلى الرئيس {president} رئيس جمهورية {country} بمناسبة ذكرى استقلال بلاده.
وأعرب رئيس المجلس في البرقية عن أصدق التهاني وأطيب التمنيات بالصحة والسعادة للرئيس {president} ولشعب {country} الصديق المزيد من التقدم والازدهار.
كما بعث نائب رئيس المجلس برقية تهنئة مماثلة إلى الرئيس {president} عبر فيها عن أطيب التهاني بمناسبة الذكرى {number} لاستقلال {country} متمنيا للشعب الصديق دوام الرخاء."""

EXECUTION = """أصدرت وزارة العدل اليوم بيانا بشأن تنفيذ حكم قضائي نهائي بحق أحد المدانين في منطقة {place}.
وقال البيان إن المدعو {name} أقدم على ارتكاب جريمته في مدينة {place} يوم {day} وبعد القبض عليه أحيل إلى المحكمة المختصة.
وأوضح البيان أن المحكمة أصدرت حكمها بحق {name} بعد ثبوت التهمة وصدق الحكم من محكمة الاستئناف والمحكمة العليا في {place}.
وأكدت الوزارة حرصها على تطبيق الأنظمة وحفظ الأمن وتحذر كل من تسول له نفسه الإقدام على مثل هذه الجرائم بأن العقاب الشرعي سيكون مصيره."""


def test_templated_releases_with_swapped_names_and_places_are_not_copies() -> None:
    a = CABLE.format(president="ماركو فالدوني", country="بورتالاند", number="45")
    b = CABLE.format(president="سيلين أوكامبا", country="ريفانيا", number="58")
    c = EXECUTION.format(place="الوادي الأخضر", name="سالم بن راشد الحجري", day="الأحد")
    d = EXECUTION.format(place="الساحل الشرقي", name="فهد بن ناصر العمراني", day="الخميس")
    # the shingle overlap alone calls each pair a copy ...
    overlap_only = DuplicateConfig(max_swaps=0)
    assert {frozenset(g.members) for g in find_duplicates(
        [doc("a", a), doc("b", b), doc("c", c), doc("d", d)], overlap_only)} == {
        frozenset({"a", "b"}), frozenset({"c", "d"})}
    # ... the swapped specifics say they are different releases
    assert find_duplicates([doc("a", a), doc("b", b), doc("c", c), doc("d", d)]) == []


def test_republished_copy_of_a_templated_release_is_still_a_copy() -> None:
    a = CABLE.format(president="ماركو فالدوني", country="بورتالاند", number="45")
    b = CABLE.format(president="سيلين أوكامبا", country="ريفانيا", number="58")
    # an outlet's copy: its own header and footer, punctuation changes, digits in another script
    a_copy = "متابعات - وكالات\n" + a.replace("،", ",").replace(".", "").replace("45", "٤٥") + "\n" + PORTAL_FOOTER
    groups = find_duplicates([doc("a", a), doc("b", b, "2024-05-02"), doc("a2", a_copy, "2024-05-03")])
    assert [sorted(g.members) for g in groups] == [["a", "a2"]]


def test_swaps_ignore_respellings_reformatted_numbers_and_inserted_blocks() -> None:
    base = words("اختار حزب كومينتانغ الحاكم اليوم مرشحة للرئاسة بعد تصويت حضره 11000 عضو في العاصمة")
    respelt = words("اختار حزب كومينتانج الحاكم امس مرشحة للرئاسة بعد تصويت حضره 11 ألف عضو في العاصمة "
                    "اقرأ أيضا ارتفاع أسعار الذهب في الأسواق")
    assert specific_swaps(base, respelt) == []
    other = words("اختار حزب الاتحاد الحاكم اليوم مرشحة للرئاسة بعد تصويت حضره 8500 عضو في العاصمة")
    assert len(specific_swaps(base, other)) == 2  # the party's name and the number


def test_frequent_site_boilerplate_is_not_evidence_of_copying() -> None:
    # many short, unrelated pages carrying the same long site template
    site = ("تابعونا على منصات التواصل الاجتماعي واشتركوا في النشرة البريدية اليومية للحصول على "
            "آخر الأخبار المحلية والدولية وجميع الحقوق محفوظة لموقع الخبر اليومي ولا يجوز نقل "
            "المواد المنشورة دون إذن مسبق من إدارة التحرير ورئاسة التحرير وقسم العلاقات العامة")
    topics = ["افتتاح حديقة", "إغلاق طريق", "موعد امتحان", "حملة تطعيم", "مزاد سيارات", "مباراة ودية",
              "انقطاع الكهرباء", "معرض كتاب", "سباق دراجات", "ندوة ثقافية"]
    pages = [doc(f"p{i}", f"{topic} في الحي رقم {i} صباح الغد {site}") for i, topic in enumerate(topics)]
    without_discount = DuplicateConfig(min_specific_shared=0, max_swaps=0, boilerplate_df=10**9)
    assert find_duplicates(pages, without_discount) != []
    assert find_duplicates(pages, DuplicateConfig(boilerplate_df=3, max_swaps=0)) == []


def test_entity_words_count_as_specific_even_when_frequent() -> None:
    # invented names, so the gazetteer does not know them
    a = words("وصل الوزير إلى مقر شركة بورتالاند صباح اليوم في زيارة رسمية تستمر يومين")
    b = words("وصل الوزير إلى مقر شركة ريفانيا صباح اليوم في زيارة رسمية تستمر يومين")
    never_rare = lambda w: False  # a corpus where every word is common
    assert specific_swaps(a, b, is_rare=never_rare) == []
    assert specific_swaps(a, b, entities=words("بورتالاند ريفانيا"),
                          is_rare=never_rare) == [("بورتالاند", "ريفانيا")]


def test_gazetteer_places_count_without_entities() -> None:
    a = words("تواصل فروع الوزارة في منطقة حائل جولات المسح الميداني للتأكد من تطبيق القرار")
    b = words("تواصل فروع الوزارة في منطقة الباحة جولات المسح الميداني للتأكد من تطبيق القرار")
    never_rare = lambda w: False
    assert specific_swaps(a, b, is_rare=never_rare) == [("حايل", "الباحه")]
    # the same city spelt with or without the article is not a swap
    c = words("تواصل فروع الوزارة في منطقة الحائل جولات المسح الميداني للتأكد من تطبيق القرار")
    assert specific_swaps(a, c, is_rare=never_rare) == []


def test_ordinals_and_changed_figures_are_swaps_even_when_they_look_alike() -> None:
    never_rare = lambda w: False
    fourth = words("وصلت اليوم الطائرة الإغاثية الرابعة إلى مطار عدن محملة بـ 10 أطنان من المستلزمات "
                   "الطبية ضمن الدفعة الثانية من المساعدات")
    fifth = words("وصلت اليوم الطائرة الإغاثية الخامسة إلى مطار عدن محملة بـ 12 طنا من المستلزمات "
                  "الطبية ضمن الدفعة الثانية من المساعدات")
    assert specific_swaps(fourth, fifth, is_rare=never_rare) == [("الرابعه", "الخامسه"), ("10 اطنان", "12 طنا")]
    # a number spelt out, or the same figure re-formatted, is not another number
    spelt = words("وصلت اليوم الطائرة الإغاثية الرابعة إلى مطار عدن محملة بـ عشرة أطنان من المستلزمات "
                  "الطبية ضمن الدفعة 2 من المساعدات")
    assert specific_swaps(fourth, spelt, is_rare=never_rare) == []
    hot = words("درجات الحرارة العظمى والصغرى في الرياض 18 38 وفي جدة 30 41 درجة مئوية")
    cooler = words("درجات الحرارة العظمى والصغرى في الرياض 15 35 وفي جدة 28 39 درجة مئوية")
    assert len(specific_swaps(hot, cooler, is_rare=never_rare)) == 2


def test_relief_flight_template_is_not_a_copy_of_the_next_flight() -> None:
    body = ("وتأتي هذه المساعدات تنفيذا لتوجيهات القيادة بتقديم مساعدات عاجلة للشعب الشقيق، وقال المتحدث "
            "الرسمي باسم المركز إن الفرق الميدانية ستتولى توزيع المواد على المستشفيات والمراكز الطبية "
            "في المدينة بما يضمن وصولها إلى مستحقيها بإشراف مباشر من المركز وبالتنسيق مع السلطات المحلية "
            "ومنظمات الإغاثة الدولية العاملة هناك.")
    fourth = f"وصلت اليوم الطائرة الإغاثية الرابعة إلى مطار عدن محملة بـ 10 أطنان من المستلزمات الطبية.\n{body}"
    fifth = f"وصلت اليوم الطائرة الإغاثية الخامسة إلى مطار عدن محملة بـ 12 طنا من المستلزمات الطبية.\n{body}"
    copy = "متابعات -\n" + fourth.replace("،", ",") + "\n" + PORTAL_FOOTER
    groups = find_duplicates([doc("f4", fourth), doc("f5", fifth, "2024-05-02"), doc("c4", copy, "2024-05-03")])
    assert [sorted(g.members) for g in groups] == [["c4", "f4"]]


# a daily bulletin: long template wording, each day's own figures (written for these tests)
BULLETIN = ("توقعت الهيئة العامة للأرصاد في نشرتها اليومية عن حالة الطقس لهذا اليوم بمشيئة الله أن تكون الرياح "
            "السطحية على البحر الأحمر شمالية غربية بسرعة معتدلة وأن يكون ارتفاع الموج من متر إلى مترين "
            "وحالة البحر خفيفة إلى متوسطة الموج فيما تكون الرياح على الخليج العربي شمالية بسرعة خفيفة "
            "وارتفاع الموج أقل من متر وحالة البحر خفيفة الموج وتنصح الهيئة مرتادي البحر بمتابعة التحديثات")
BULLETIN_REGIONS = ["الجوف", "تبوك", "حائل", "القصيم", "نجران", "جازان", "عسير", "الباحة", "المدينة",
                    "مكة", "الشرقية", "الرياض"]
OUTLOOK = ("ويتوقع أن تستمر موجة الغبار حتى نهاية الأسبوع مع انخفاض طفيف في درجات الحرارة العظمى "
           "على المرتفعات الغربية")


def bulletin(day: int) -> str:
    rng = random.Random(day)
    own = " ".join(f"{r} {rng.randint(20, 49)} درجة" for r in rng.sample(BULLETIN_REGIONS, 12))
    # the first two days also share an outlook sentence: enough specific overlap to pass the count
    return "درجات الحرارة العظمى " + own + " " + BULLETIN + (" " + OUTLOOK if day < 2 else "")


def test_two_days_of_a_templated_bulletin_are_not_copies_but_a_copy_of_one_day_is() -> None:
    days = [doc(f"d{i}", bulletin(i), f"2024-05-{i + 1:02d}") for i in range(6)]
    # swaps off, so that only the template test decides
    without = DuplicateConfig(boilerplate_df=3, max_swaps=0, min_specific_containment=0)
    assert [sorted(g.members) for g in find_duplicates(days, without)] == [["d0", "d1"]]
    # day 0 and day 1 share the template and one sentence, little of what each day adds
    config = DuplicateConfig(boilerplate_df=3, max_swaps=0)
    assert find_duplicates(days, config) == []
    copy = doc("c", "الرياض - واس\n" + bulletin(0).replace("على", "علي"), "2024-05-01T10:00:00")
    for cfg in (config, DuplicateConfig(boilerplate_df=3)):
        assert [sorted(g.members) for g in find_duplicates([*days, copy], cfg)] == [["c", "d0"]]


def test_trimmed_copy_under_a_reworded_opening_is_found_by_the_relaxed_lead() -> None:
    full = PORT + "\n" + PORT_MORE + "\n" + LIBRARY.replace("العاصمة", "الحديدة")
    reled = ("في خطوة ينتظرها التجار والمستوردون منذ أسابيع عادت الحركة إلى الرصيف الشمالي وسط ترقب "
             "لانخفاض أسعار السلع في الأسواق.\n" + "\n".join(PORT.split("\n")[1:4]))
    pair = [doc("full", full), doc("re", reled, "2024-05-02")]
    # the openings overlap under 0.6: the strict same-opening test alone misses it
    assert find_duplicates(pair, DuplicateConfig(lead_relaxed_overlap=1.0)) == []
    assert [sorted(g.members) for g in find_duplicates(pair)] == [["full", "re"]]
    # a digest page carrying the port item under another lead story still stays apart
    page = FLOODS + "\n" + PORT + "\n" + PORT_MORE
    assert find_duplicates([doc("page", page), doc("re", reled, "2024-05-02")]) == []


# An outlet's own opening on the port story (same subject, its own wording), written for
# these tests: a re-led copy puts it in front of the release's body.
PORT_NEW_LEAD = ("الحديدة - خاص: بعد ثلاثة أسابيع من الصيانة، الرصيف الشمالي يستقبل السفن مجددا. "
                 "هيئة الموانئ في الحديدة قالت الثلاثاء إن العمل استؤنف وإن التوقف انتهى. "
                 "ويأتي استئناف العمل في الميناء بعد أسابيع من الانتظار عاشها التجار والسكان، "
                 "فيما ظلت السفن المحملة بالقمح والوقود راسية قبالة الرصيف تنتظر الإذن بالتفريغ.")


def _port_release_and_reled_copy() -> tuple[str, str]:
    paras = (PORT + "\n" + PORT_MORE).split("\n")
    return "\n".join(paras), "\n".join([PORT_NEW_LEAD] + paras[1:5])


def test_subject_share_reads_the_longer_texts_opening() -> None:
    release, reled = _port_release_and_reled_copy()
    assert subject_share(words(reled), words(release), 40) >= 0.7
    # a page opening on another item shares none of its opening with the port copy
    assert subject_share(words(reled), words(FLOODS + "\n" + release), 40) < 0.2
    assert subject_share(words(reled), [], 40) == 0.0


def test_reled_copy_is_found_only_by_the_subject_path() -> None:
    release, reled = _port_release_and_reled_copy()
    docs = [doc("release", release), doc("reled", reled, "2024-05-02")]
    # new opening, 40 words of its own: Jaccard, containment and opening paths all fail
    assert find_duplicates(docs, DuplicateConfig(min_subject_share=0)) == []
    assert [sorted(g.members) for g in find_duplicates(docs)] == [["release", "reled"]]


def test_subject_path_keeps_digests_and_swapped_specifics_apart() -> None:
    release, reled = _port_release_and_reled_copy()
    paras = release.split("\n")
    # a digest page leading with two other items, then the same port paragraphs
    digest = FLOODS + "\n" + LIBRARY + "\n" + "\n".join(paras[1:5])
    assert find_duplicates([doc("digest", digest), doc("reled", reled, "2024-05-02")]) == []
    # the same re-led text for another count of ships: a re-issued release, not a copy
    other = reled.replace("اثنتي عشرة سفينة", "ثماني سفن")
    assert other != reled
    assert find_duplicates([doc("release", release), doc("other", other, "2024-05-02")]) == []


def test_verdict_does_not_depend_on_which_text_comes_first() -> None:
    """The swap count aligns words, which is not symmetric (a bulletin whose items were
    reordered and partly dropped gives 4 swaps one way and 2 the other); the verdict must be."""
    from marsad.corpus.duplicates import shingles_of_words, verify_pair
    from marsad.corpus.textprep import words

    rng = random.Random(1)
    towns = ["الرياض", "جدة", "الدمام", "مكة", "المدينة", "أبها", "تبوك", "حائل"]
    config = DuplicateConfig()
    for _ in range(300):
        items = [f"أعلنت وزارة الصحة تسجيل {rng.randrange(5, 40)} حالة في {rng.choice(towns)} "
                 f"وشفاء {rng.randrange(5, 40)} حالة" for _ in range(rng.randrange(3, 7))]
        other = list(items)
        for _ in range(rng.randrange(1, 4)):  # a figure changed, an item repeated or dropped, reordered
            op, i = rng.random(), rng.randrange(len(other))
            if op < 0.3:
                other[i] = other[i].replace(other[i].split()[4], str(rng.randrange(5, 40)), 1)
            elif op < 0.5:
                other.insert(i, rng.choice(items))
            elif op < 0.7 and len(other) > 2:
                other.pop(i)
            else:
                rng.shuffle(other)
        wa, wb = words(" . ".join(items)), words(" . ".join(other))
        sa, sb = shingles_of_words(wa), shingles_of_words(wb)
        assert verify_pair(wa, wb, sa, sb, config) == verify_pair(wb, wa, sb, sa, config)


def test_containment_floor_is_the_least_any_acceptance_path_needs() -> None:
    assert containment_floor(DuplicateConfig()) == 0.3  # the learned verifier's own floor
    assert containment_floor(DuplicateConfig(learned=False)) == 0.4  # the reworded-opening path
    # below the floor the rule accepts nothing, whatever the pair: mixtures of the three
    # articles' sentences at every overlap
    config = DuplicateConfig(learned=False)
    sentences = [s for text in (PORT, FLOODS, LIBRARY) for s in text.split("\n")]
    rng = random.Random(7)
    below = 0
    for _ in range(200):
        a = rng.sample(sentences, rng.randint(1, 8))
        b = rng.sample(sentences, rng.randint(1, 8))
        wa, wb = words("\n".join(a)), words("\n".join(b))
        sa, sb = shingles_of_words(wa), shingles_of_words(wb)
        if pair_scores(sa, sb)[1] < containment_floor(config):
            below += 1
            assert not verify_pair(wa, wb, sa, sb, config)[0]
    assert below > 20


def test_hashed_shingles_give_the_exact_shared_count() -> None:
    a, b = shingles(PORT), shingles(republished(PORT))
    shared = np.intersect1d(hashed_shingles(a), hashed_shingles(b), assume_unique=True).size
    assert shared == len(a & b) and len(hashed_shingles(a)) == len(a)
