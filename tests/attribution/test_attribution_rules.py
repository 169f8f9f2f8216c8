"""Attribution rules on single real sentences (from the seed articles): each test names
the construction it pins down."""

from __future__ import annotations

from riwaya.attribution import chain, find_statements, format_chain
from riwaya.model import Article


def _statements(text: str) -> list:
    return find_statements(Article(id="t", content_hash="t", source="test", text=text))


def test_trailing_source_of_a_report_is_its_source() -> None:
    """"وبحسب تقرير لصحيفة X …، وفقاً لما ذكره شخصان مطلعان": the report's own sources
    (ذكره: a cue with an object pronoun after لما) reach us through the report."""
    sts = _statements("وبحسب تقرير موسع لصحيفة “وول ستريت جورنال” فقد تناولت هذه الاتصالات مواضيع شخصية، "
                      "من بينها أن بوتين طلب من ماسك تجنب تفعيل خدمة الإنترنت فوق تايوان، وفقاً لما ذكره شخصان مطلعان على الطلب.")
    last = sts[-1]
    assert last.speaker.text == "شخصان مطلعان" and last.cue.text == "وفقاً لما ذكره"
    assert format_chain(chain(last)) == "صحيفة “وول ستريت جورنال” ← شخصان مطلعان"
    assert last.anonymous_count == 2


def test_demonstrative_speaker() -> None:
    """"وقال هذا الشخص للصحيفة إن …": the demonstrative opens the speaker; "هذا الأسبوع" does not."""
    sts = _statements("وقال هذا الشخص للصحيفة إن الحكومة الفيدرالية تواجه معضلة.")
    assert [(s.speaker.text, s.speaker_type, s.resolved_from_context) for s in sts] == [("هذا الشخص", "anonymous", False)]
    sts = _statements("وقال الوزير إن الحدود مفتوحة. وقال هذا الأسبوع إن الأمر انتهى.")
    assert [s.speaker.text for s in sts] == ["الوزير", "الوزير"] and sts[1].resolved_from_context


def test_auxiliary_kana_is_no_speaker() -> None:
    """"كانوا يقولون إن …" inside a quotation: the auxiliary is no speaker."""
    sts = _statements("وقال بيسكوف \"قبل أسبوع، كانوا يقولون إن بوتين يتحدث مع ترامب طوال اليوم، والآن يتحدث مع ماسك\".")
    assert [s.speaker.text for s in sts] == ["بيسكوف"]


def test_pronoun_subject_after_contrast_splits_the_content() -> None:
    """"وأكد بيسكوف أن … لكنه نفى أي مكالمات": the pronoun of لكنه is the subject (not
    "أي مكالمات"), and the first content ends before it."""
    sts = _statements("وأكد بيسكوف أن ترامب أرسل اختبارات كوفيد إلى بوتين لكنه نفى أي مكالمات بينهما بعد مغادرة ترامب منصبه.")
    assert [(s.speaker.text, s.cue.text, s.stance, s.content.text) for s in sts] == [
        ("بيسكوف", "وأكد", "assert", "ترامب أرسل اختبارات كوفيد إلى بوتين"),
        ("بيسكوف", "نفى", "deny", "أي مكالمات بينهما بعد مغادرة ترامب منصبه")]


def test_no_comment_is_the_outlets_report_and_its_subject_goes_on() -> None:
    """"لم يرد ماسك على طلبات المجلة للتعليق": the journal reports the silence (stance
    other); "لكنه قال" continues Musk, the silent subject."""
    sts = _statements("أفادت صحيفة وول ستريت جورنال أن ماسك تواصل مع بوتين. لم يرد ماسك على طلبات المجلة للتعليق. "
                      "ولم يعلق ماسك على القصة، لكنه قال في الماضي إنه “من السخيف” أن يتم تصنيفه على أنه مدافع عن روسيا.")
    silent = sts[1]
    assert (silent.speaker.text, silent.speaker_type, silent.stance) == ("المجلة", "outlet", "other")
    assert silent.speaker_refers_to == "صحيفة وول ستريت جورنال"
    assert silent.content.text == "لم يرد ماسك على طلبات المجلة للتعليق"
    assert [(s.speaker.text, s.stance) for s in sts[2:]] == [("ماسك", "deny")]  # no credit: no reporter for the second


def test_no_comment_inside_a_statement_names_the_next_subject() -> None:
    """"وقالت الصحيفة إن ماسك لم يستجب …، وكان قد وصف …": the masculine verb continues
    Musk, the subject inside the paper's statement, not the paper."""
    sts = _statements("وقالت الصحيفة إن ماسك لم يستجب لطلبات التعليق منها، وكان قد وصف الانتقادات بأنها \"سخيفة\" "
                      "وقال إن شركاته \"فعلت ما بوسعها لتقويض روسيا\".")
    assert [(s.speaker.text, s.cue.text, s.stance) for s in sts] == [
        ("الصحيفة", "وقالت", "other"), ("ماسك", "وصف", "deny"), ("ماسك", "وقال", "assert")]
    assert [link.text for link in sts[1].via] == ["الصحيفة"]


def test_zero_subject_verb_agrees_with_its_antecedent() -> None:
    """A dual verb ("تحدثا") does not continue one spokesman; a feminine one ("شددت") does
    not continue a masculine speaker."""
    sts = _statements("وقال متحدث باسم الكرملين إن الاتصال الوحيد كان عبر الهاتف حيث تحدثا عن “الفضاء”. "
                      "وقال الوزير إن الحدود مفتوحة بينما شددت على أن الأمن مستتب.")
    assert [(s.speaker.text, s.cue.text) for s in sts] == [("متحدث باسم الكرملين", "وقال"), ("الوزير", "وقال")]


def test_judgement_on_a_pronoun_object() -> None:
    """"رفض ماسك الانتقادات التي وصفته بأنه …، واعتبرها سخيفة": the criticism is no speaker;
    واعتبرها continues Musk and its content is the judgement, a denial."""
    sts = _statements("وفي حين رفض ماسك الانتقادات التي وصفته بأنه “مدافع عن بوتين” واعتبرها سخيفة، "
                      "فإن تواصله المستمر مع بوتين يجعله على نقيض مع السياسة الخارجية الأميركية.")
    assert [(s.speaker.text, s.cue.text, s.stance, s.content.text) for s in sts] == [
        ("ماسك", "رفض", "deny", "الانتقادات التي وصفته بأنه “مدافع عن بوتين”"),
        ("ماسك", "واعتبرها", "deny", "سخيفة")]


def test_present_tense_ashara_needs_a_clause() -> None:
    """"وتشير الصحيفة إلى أن …" reports; "مما يشير إلى نمو" (which indicates) does not."""
    sts = _statements("وتشير الصحيفة إلى أن علاقة ماسك وبوتين تبدو حساسة بصورة خاصة. "
                      "ارتفع عدد المشتركين إلى 4.8 مليون، مما يشير إلى نمو سنوي كبير.")
    assert [(s.speaker.text, s.cue.text) for s in sts] == [("الصحيفة", "وتشير")]


def test_narrator_formula_with_pronoun() -> None:
    """"يُذكر أنه …" is the narrator's own formula, like "يُذكر أن …"."""
    sts = _statements("وقال ترمب إن ماسك سيقود اللجنة. يُذكر أنه بعد الغزو الروسي أدلى ماسك بتصريحات علنية قوية.")
    assert [s.cue.text for s in sts] == ["وقال"]


def test_passive_yutabar_is_no_speech() -> None:
    """"ماسك يُعتبر شخصية أساسية" (is considered) reports nothing; "ويعتبر الوزير أن …" does."""
    sts = _statements("إذا إن ماسك يعتبر شخصية أساسية في برنامج الفضاء الأميركي. ويعتبر الوزير أن القرار صائب.")
    assert [(s.speaker.text, s.content.text) for s in sts] == [("الوزير", "القرار صائب")]


def test_indicates_is_no_speech() -> None:
    """"قد تشير إلى إعادة الارتباط" (may indicate) continues nobody."""
    sts = _statements("وقال مصدران إن الاتصالات منتظمة. لذلك فإن اتصالات ماسك وبوتين قد تشير إلى إعادة الارتباط بالزعيم الروسي.")
    assert [s.cue.text for s in sts] == ["وقال"]


def test_addressed_outlet_and_anonymity_condition() -> None:
    """"تحدث المصدر لشبكة CNN شريطة عدم الكشف عن هويته": the addressee is "شبكة CNN", and
    the عن of "الكشف عن هويته" opens no content (the sentence reports no speech);
    "لـ”وول ستريت جورنال”" is the journal without its marks."""
    assert _statements("تحدث المصدر لشبكة CNN شريطة عدم الكشف عن هويته بسبب حساسية المحادثة.") == []
    sts = _statements("زعمت صحيفة “وول ستريت جورنال” الأميركية أن ماسك على تواصل مع بوتين. "
                      "وقال مصدر استخباراتي حالي لـ”وول ستريت جورنال” إن ماسك وبوتين استمرا في التواصل.")
    assert [link.text for link in sts[1].via] == ["وول ستريت جورنال"]


def test_bare_newspaper_name_is_what_the_paper_refers_to() -> None:
    """"تقرير وول ستريت جورنال" names a newspaper with no "صحيفة" before it: "للصحيفة" and
    "طلبات المجلة" afterwards refer to it (seed 003)."""
    sts = _statements("وقال تقرير وول ستريت جورنال الصادر في سبتمبر إن ماسك وبوتين كانا على اتصال منتظم. "
                      "لم يرد ماسك على طلبات المجلة للتعليق. وقال المتحدث باسم الكرملين ديمتري بيسكوف للصحيفة "
                      "إن ماسك وبوتين أجريا مكالمة هاتفية واحدة فقط.")
    assert [format_chain(chain(s)) for s in sts] == [
        "وول ستريت جورنال", "وول ستريت جورنال", "وول ستريت جورنال ← المتحدث باسم الكرملين ديمتري بيسكوف"]
    assert sts[0].speaker_type == "document" and sts[1].speaker_type == "outlet" and sts[2].stance == "deny"


def test_translated_narration_is_the_originals() -> None:
    """In the section a translation credit covers (from the heading naming the original),
    a sentence with no statement of its own is the original outlet's, relayed by the
    translator; before the heading, and in headings, narration stays unlabelled."""
    from riwaya.model import Provenance, Span

    heading = "“ وول ستريت جورنال ” تكشف معلومات مثيرة"
    text = ("نفى الكرملين تقريرا عن اتصالات ماسك وبوتين. وتعود العلاقات بين الرجلين إلى سنوات مضت.\n\n"
            + heading + "\n\nوتكتسب هذه الاتصالات المنتظمة أهمية كبيرة وقلقا أمنيا داخل الولايات المتحدة.\n\n"
            "وقال مسؤولون إن الاتصالات استمرت.")
    start = text.index(heading)
    article = Article(id="t", content_hash="t", source="test", text=text,
                      headings=[Span(start, start + len(heading), heading)],
                      provenance=[Provenance("original", "وول ستريت جورنال", "صحيفة وول ستريت جورنال الاميركية"),
                                  Provenance("translation", "القدس العربي", "ترجمة صحيفة القدس العربي")])
    sts = find_statements(article)
    narrated = [s for s in sts if not s.cue.text]
    assert [s.content.text for s in narrated] == [
        "وتكتسب هذه الاتصالات المنتظمة أهمية كبيرة وقلقا أمنيا داخل الولايات المتحدة"]
    assert narrated[0].speaker_type == "outlet" and narrated[0].resolved_from_context and narrated[0].stance == "assert"
    assert format_chain(chain(narrated[0])) == "القدس العربي ← وول ستريت جورنال"
    assert format_chain(chain(sts[-1])) == "القدس العربي ← وول ستريت جورنال ← مسؤولون"


def test_source_phrase_between_commas_inside_a_clause() -> None:
    """"وقد أثارت هذه الحوارات، بحسب المصادر المطلعة، مخاوف …": the phrase interrupts the
    clause it sources; the content is the clause on both sides of it, and the report's
    content before runs on across it, so the sources reach us through the report."""
    sts = _statements("زعمت صحيفة “وول ستريت جورنال” الأميركية أن إيلون ماسك على تواصل مستمر مع الرئيس الروسي "
                      "فلاديمير بوتين منذ أواخر عام 2022، وقد أثارت هذه الحوارات، بحسب المصادر المطلعة، مخاوف تتعلق "
                      "بالأمن القومي عند المسؤولين الأميركيين.")
    paper, sources = sts
    assert paper.content.text.endswith("عند المسؤولين الأميركيين")
    assert sources.speaker.text == "المصادر المطلعة"
    assert sources.content.text == ("وقد أثارت هذه الحوارات، بحسب المصادر المطلعة، مخاوف تتعلق بالأمن القومي "
                                    "عند المسؤولين الأميركيين")
    assert format_chain(chain(sources)) == "صحيفة “وول ستريت جورنال” الأميركية ← المصادر المطلعة"


def test_relay_clause_inside_a_source_phrase_content() -> None:
    """"وبحسب الصحيفة فإن …، حيث نقلت عن العديد من مسؤولي البيت الأبيض أنهم …": the
    paper's content ends before the clause in which it goes on to relay its sources; the
    officials are quoted through the paper. "، حيث يعتبر الميناء المنفذ الوحيد" (is
    considered) opens no such clause."""
    sts = _statements("أفادت صحيفة “وول ستريت جورنال” أن ماسك على اتصال مع بوتين. وبحسب الصحيفة فإن معرفة اتصالات ماسك "
                      "بالكرملين يبدو كسرّ محفوظ بعناية في الحكومة الأميركية، حيث نقلت عن العديد من مسؤولي البيت الأبيض "
                      "أنهم لم يكونوا على علم بها.")
    paper, officials = sts[1:]
    assert paper.content.text == "معرفة اتصالات ماسك بالكرملين يبدو كسرّ محفوظ بعناية في الحكومة الأميركية"
    assert (officials.speaker.text, officials.cue.text, officials.content.text) == (
        "العديد من مسؤولي البيت الأبيض", "نقلت", "أنهم لم يكونوا على علم بها")
    assert format_chain(chain(officials)) == "صحيفة “وول ستريت جورنال” ← العديد من مسؤولي البيت الأبيض"
    sts = _statements("وأشارت المصادر إلى أن المقاومة تسعى إلى السيطرة على ميناء المخاء، حيث يعتبر الميناء المنفذ البحري "
                      "الوحيد لمحافظة تعز.")
    assert [s.content.text for s in sts] == [
        "المقاومة تسعى إلى السيطرة على ميناء المخاء، حيث يعتبر الميناء المنفذ البحري الوحيد لمحافظة تعز"]


def test_reportedly_with_a_nested_speaker() -> None:
    """"ورد أن أحد الأشخاص المطلعين على المحادثات قال: «…»": the passive is a report the
    sentence does not name, the one the article is about (the outlet it names most, as for
    "وفقًا لتقرير"); the subject after أن, affiliation and all, speaks through it. With no
    outlet named there is no report to point to, and the speaker alone is left."""
    sts = _statements("أفادت صحيفة وول ستريت جورنال أن ماسك تواصل مع بوتين. ومع ذلك، ورد أن أحد الأشخاص المطلعين على "
                      "المحادثات قال: “إنهم لا يحبون ذلك”، في إشارة إلى أفكار الحكومة الأمريكية.")
    report, person = sts[1:]
    assert (report.cue.text, report.speaker_type, report.speaker_refers_to) == ("ورد", "document", "وول ستريت جورنال")
    assert (person.speaker.text, person.speaker_type, person.content.text) == (
        "أحد الأشخاص المطلعين على المحادثات", "anonymous", "إنهم لا يحبون ذلك")
    assert format_chain(chain(person)) == "وول ستريت جورنال ← أحد الأشخاص المطلعين على المحادثات"
    sts = _statements("ومع ذلك، ورد أن أحد الأشخاص المطلعين على المحادثات قال: “إنهم لا يحبون ذلك”.")
    assert [(s.speaker.text, s.via_texts) for s in sts] == [("أحد الأشخاص المطلعين على المحادثات", ())]


def test_praise_subject_and_a_stray_stop_inside_a_quotation() -> None:
    """004's machine-translated "… وإنهاء الحرب”. في أوكرانيا”، بحسب الصحيفة.": the stop
    before a mark that closes nothing is no sentence end, so "بحسب الصحيفة" credits the
    whole sentence. Praise (أشادت) is a statement of stance other whose subject goes on in
    "ووصفته بأنه …" and "بينما شددت على أن …"; "مرة واحدة في الجيل" is praise, no denial."""
    sts = _statements("أفادت صحيفة وول ستريت جورنال أن ماسك تواصل مع بوتين. عندما سُئلت حملة ترامب عن علاقات ماسك "
                      "ببوتين، أشادت حملة ترامب بالرئيس التنفيذي لشركة تسلا ووصفته بأنه “قائد الصناعة الذي يحدث مرة "
                      "واحدة في الجيل” بينما شددت على أن ترامب “سيعيد تأسيس سلامه من خلال السياسة الخارجية القوية لردع "
                      "العدوان الروسي وإنهاء الحرب”. في أوكرانيا”، بحسب الصحيفة.")
    praised, described, stressed = sts[1:]
    assert [(s.speaker.text, s.speaker_type, s.cue.text, s.stance) for s in (praised, described, stressed)] == [
        ("حملة ترامب", "organization", "أشادت", "other"), ("حملة ترامب", "organization", "ووصفته", "assert"),
        ("حملة ترامب", "organization", "شددت", "assert")]
    assert praised.content.text == "بالرئيس التنفيذي لشركة تسلا"
    assert described.content.text == "بأنه “قائد الصناعة الذي يحدث مرة واحدة في الجيل”"
    assert stressed.content.text.startswith("ترامب “سيعيد") and stressed.content.text.endswith("في أوكرانيا”")
    assert [format_chain(chain(s)) for s in sts[1:]] == ["صحيفة وول ستريت جورنال ← حملة ترامب"] * 3


def test_expressions_of_attitude_are_other() -> None:
    """"أعرب/عبّر عن" + a feeling its speaker owns (مخاوفه، سعادته، استيائها) is an
    expressive like a hope: stance other."""
    sts = _statements("إذ أعرب ماسك عن مخاوفه في شأن إشعال فتيل تصعيد نووي مع روسيا.")
    assert [(s.speaker.text, s.stance, s.content.text) for s in sts] == [
        ("ماسك", "other", "مخاوفه في شأن إشعال فتيل تصعيد نووي مع روسيا")]
    sts = _statements("كما عبرت بعض الأحزاب عن استيائها من التصريحات التي تحط من الجزائر.")
    assert [(s.speaker.text, s.stance) for s in sts] == [("بعض الأحزاب", "other")]


def test_addressee_pronoun_before_the_speaker() -> None:
    """"رحَّب الإمام به وقال له الأمين «…»": له is the addressee, the speaker follows it."""
    sts = _statements("رحَّب الإمام به وقال له الأمين «أشتهي أن تكون البلاد العربية مستقلة استقلالاً تامًا».")
    assert [(s.speaker.text, s.cue.text) for s in sts] == [("الأمين", "وقال")]


def test_cue_word_in_quotation_marks_of_its_own() -> None:
    """000's scraped '"وأضاف" تحدثا (...) عن تكنولوجيا المستقبل.': the marks around the cue
    are debris; the verb continues Peskov and the rest of the sentence is what he added."""
    sts = _statements('وأكد بيسكوف أن بوتين "كان له اتصال واحد مع ماسك قبل عام 2022"، "عندما" تحدثا عبر الهاتف. '
                      '"وأضاف" تحدثا (...) عن تكنولوجيا المستقبل.')
    added = sts[-1]
    assert (added.speaker.text, added.cue.text, added.content.text, added.resolved_from_context) == (
        "بيسكوف", "وأضاف", "تحدثا (...) عن تكنولوجيا المستقبل", True)


def test_first_report_makes_its_outlet_a_source() -> None:
    """003's "بشأن المكالمة، التي كان أول من أوردها موقع أكسيوس": the outlet first to
    report the call is a source of it (an origin of its own), content the noun phrase the
    relative clause modifies; "حسبما أورد أولاً X" is the source phrase with "first" skipped."""
    sts = _statements("تتواصل سي إن إن مع فريقي ماسك وترامب بشأن المكالمة، التي كان أول من أوردها موقع أكسيوس")
    assert [(s.speaker.text, s.speaker_type, s.cue.text, s.stance, s.content.text) for s in sts] == [
        ("موقع أكسيوس", "outlet", "كان أول من أوردها", "assert", "المكالمة")]
    sts = _statements("انضم قطب التكنولوجيا إيلون ماسك إلى مكالمة هاتفية بين ترامب وزيلينسكي، حسبما أورد أولاً موقع أكسيوس.")
    assert [(s.speaker.text, s.cue.text, s.content.text) for s in sts] == [
        ("موقع أكسيوس", "حسبما أورد أولاً", "انضم قطب التكنولوجيا إيلون ماسك إلى مكالمة هاتفية بين ترامب وزيلينسكي")]


def test_people_briefed_on_the_matter_source_the_clause_before() -> None:
    """004's machine-translated "…، وتم إطلاع شخصين على الأمر للمنفذ": the two people
    briefed are the source of the clause before, through the outlet ("المنفذ") named
    earlier; a named party briefed ("وتم إطلاع الوزير على الأمر") is no source."""
    sts = _statements("أفادت صحيفة وول ستريت جورنال أن ماسك وبوتين ناقشا الانقسامات الجيوسياسية. خلال إحدى المحادثات، "
                      "طلب بوتين من ماسك عدم تشغيل خدمة الإنترنت عبر الأقمار الصناعية Starlink الخاصة به في تايوان كخدمة "
                      "للصين، وتم إطلاع شخصين على الأمر للمنفذ.")
    briefed = sts[-1]
    assert (briefed.speaker.text, briefed.speaker_type, briefed.anonymous_count, briefed.cue.text) == (
        "شخصين", "anonymous", 2, "وتم إطلاع")
    assert briefed.content.text.startswith("خلال إحدى المحادثات، طلب بوتين") and briefed.content.text.endswith("كخدمة للصين")
    assert format_chain(chain(briefed)) == "صحيفة وول ستريت جورنال ← شخصين"
    assert _statements("طلب بوتين من ماسك ذلك، وتم إطلاع الوزير على الأمر.") == []


def test_consequence_clause_is_the_narrators() -> None:
    """000's "وقد أكد عدد من المسؤولين … وجود اتصالات منتظمة …، مما أثار مخاوف أمنية في
    واشنطن": the officials confirm a fact (a noun phrase); the consequence drawn from it is
    the narrator's — in a translated section, the original outlet's narration. A clause
    content keeps it ("ووفقاً لمطلعين، طلب بوتين …، مما يسلط الضوء …" in 001)."""
    from riwaya.model import Provenance, Span

    heading = "“ وول ستريت جورنال ” تكشف معلومات مثيرة"
    sentence = ("وقد أكد عدد من المسؤولين الحاليين والسابقين في الولايات المتحدة وأوروبا وروسيا وجود اتصالات منتظمة "
                "بين إيلون ماسك، أغنى رجل في العالم والرئيس الروسي فلاديمير بوتين منذ أواخر عام 2022، مما أثار مخاوف "
                "أمنية في واشنطن.")
    officials, = _statements(sentence)
    assert officials.content.text.endswith("منذ أواخر عام 2022")
    text = heading + "\n\n" + sentence
    article = Article(id="t", content_hash="t", source="test", text=text, headings=[Span(0, len(heading), heading)],
                      provenance=[Provenance("original", "وول ستريت جورنال", "صحيفة وول ستريت جورنال الاميركية"),
                                  Provenance("translation", "القدس العربي", "ترجمة صحيفة القدس العربي")])
    officials, narrated = find_statements(article)
    assert (narrated.content.text, narrated.cue.text, narrated.stance) == ("مما أثار مخاوف أمنية في واشنطن", "", "assert")
    assert format_chain(chain(narrated)) == "القدس العربي ← وول ستريت جورنال"
    sts = _statements("ووفقاً لمطلعين، طلب بوتين من ماسك الامتناع عن تفعيل خدمة الإنترنت عبر الأقمار الصناعية “ستارلينك” "
                      "فوق تايوان بناءً على طلب الصين، مما يسلط الضوء على الدور المعقد بصورة متزايدة الذي يلعبه ماسك.")
    assert sts[0].content.text.endswith("مما يسلط الضوء على الدور المعقد بصورة متزايدة الذي يلعبه ماسك")


def test_praise_object_is_never_its_subject() -> None:
    """"وأشادوا بالإنجاز الكبير لوزارة الداخلية" (al-Riyadh, 2015-07-22): the word with the
    clitic بـ is what is praised; the subject is unwritten, the speakers going on."""
    sts = _statements("وأضاف عدد من المختصين أن تنظيم داعش الإرهابي يستغل صغار السن. وأشادوا بالإنجاز الكبير لوزارة "
                      "الداخلية الذي أسفر عن إسقاط 431 إرهابيا تابعين لـ»داعش»، مؤكدين أن «الداخلية» لديها تجربة وخبرة كبيرة.")
    praised = sts[1]
    assert (praised.speaker.text, praised.cue.text, praised.stance, praised.resolved_from_context) == (
        "عدد من المختصين", "وأشادوا", "other", True)
    assert praised.content.text.startswith("بالإنجاز الكبير لوزارة الداخلية")


def test_denial_of_a_named_report() -> None:
    """"نفى الكرملين التقرير": the definite report noun after the subject is the object, the
    denied noun phrase — content a reconstruction matches to the report it answers
    (guideline §4.3). After a word that governs it ("وكالة الأنباء"، "صحيفة الخبر") it is
    part of the name."""
    cases = {"نفى الكرملين التقرير.": ("الكرملين", "organization", "نفى", "التقرير"),
             "ونفت الوزارة الخبر جملة وتفصيلاً.": ("الوزارة", "organization", "ونفت", "الخبر"),
             "نفى المتحدث باسم الكرملين هذه التقارير.": ("المتحدث باسم الكرملين", "official", "نفى", "هذه التقارير"),
             # a manner adverbial before what is denied is no part of it either
             "ونفى الوزير تماماً ما ورد في التقرير.": ("الوزير", "official", "ونفى", "ما ورد في التقرير"),
             # رفض denies a claim it names, after a quantifier too; a refused request is no denial
             "ورفض الوزير بعض الانتقادات الموجهة إلى الوزارة.": ("الوزير", "official", "ورفض", "بعض الانتقادات الموجهة إلى الوزارة"),
             "ورفض الوزير قطعياً الاتهامات.": ("الوزير", "official", "ورفض", "الاتهامات")}
    for text, expected in cases.items():
        assert [(s.speaker.text, s.speaker_type, s.cue.text, s.content.text) for s in _statements(text) if s.stance == "deny"] \
            == [expected], text
    assert _statements("ورفض الوزير الطلب المقدم من الشركة.") == []
    sts = _statements("ذكرت وكالة الأنباء الألمانية أن الاجتماع تأجل. وذكرت صحيفة الخبر الجزائرية أن الجيش أغلق المنطقة.")
    assert [s.speaker.text for s in sts] == ["وكالة الأنباء الألمانية", "صحيفة الخبر الجزائرية"]


def test_speaker_ends_where_the_subject_ends() -> None:
    """"نفى الكرملين التقرير الذي نشرته الصحيفة …": the object and its relative clause are
    what is denied, none of it the speaker. A source in that object speaks from where the
    object starts, and not through its denier (dev gold: "نفى ديميتري بيسكوف … تقارير
    صحافية يونانية ذكرت أن …")."""
    denial, = _statements("نفى الكرملين التقرير الذي نشرته الصحيفة أمس عن لقاء سري بين ماسك وبوتين.")
    assert (denial.speaker.text, denial.stance, denial.content.text) == (
        "الكرملين", "deny", "التقرير الذي نشرته الصحيفة أمس عن لقاء سري بين ماسك وبوتين")
    sts = _statements("ونفى بيسكوف الأنباء التي تحدثت عن اتصالات منتظمة بين ماسك وبوتين.")
    assert [(s.speaker.text, s.speaker_type, s.stance, s.content.text, s.via_texts) for s in sts] == [
        ("بيسكوف", "person", "deny", "الأنباء التي تحدثت عن اتصالات منتظمة بين ماسك وبوتين", ()),
        ("الأنباء", "document", "assert", "اتصالات منتظمة بين ماسك وبوتين", ())]


def test_the_name_ali_is_no_preposition() -> None:
    """"أكّد علي أكبر ولايتي أن …": written with ي and followed by a name, علي is the given
    name opening the speaker, not the preposition على (the two fold alike); so it is when a
    named-entity mention covers it. The preposition stays one, however it is written."""
    from riwaya.model import EntityMention

    cases = {"أكّد علي أكبر ولايتي أن إيران لن تتراجع عن حقوقها.": ("علي أكبر ولايتي", "إيران لن تتراجع عن حقوقها"),
             "وقال علي الحسيني إن الاتفاق جيد للطرفين.": ("علي الحسيني", "الاتفاق جيد للطرفين"),
             "وفي السياق النووي كذب رئيس منظمة الطاقة الذرية الإيرانية علي أكبر صالحي أي اتفاق منفصل بين إيران وأمريكا.":
                 ("رئيس منظمة الطاقة الذرية الإيرانية علي أكبر صالحي", "أي اتفاق منفصل بين إيران وأمريكا"),
             "وأكد الوزير علي أن العبء يقع علي الحكومة.": ("الوزير", "العبء يقع علي الحكومة")}
    for text, expected in cases.items():
        assert [(s.speaker.text, s.content.text) for s in _statements(text)] == [expected], text
    text = "وقال علي الأحمدي إن المقاومة سيطرت على المعسكر."
    assert _statements(text) == []  # "الأحمدي" alone is listed as no given name
    mention = EntityMention(5, 16, "علي الأحمدي", "PER", "علي الأحمدي")
    sts = find_statements(Article(id="t", content_hash="t", source="test", text=text), [mention])
    assert [s.speaker.text for s in sts] == ["علي الأحمدي"]


def test_a_tagged_name_ends_the_subject() -> None:
    """"نفى تسيبراس التقرير": a name the gazetteers lack governs no report noun after it
    when the tagger's PER/ORG mention ends with it — the noun is the denied object
    (guideline §4.1). A mention holding both words keeps them one name ("صحيفة الخبر")."""
    from riwaya.model import EntityMention

    text = "نفى تسيبراس التقرير الذي نشرته الصحيفة."
    mention = EntityMention(4, 11, "تسيبراس", "PER", "تسيبراس")
    sts = find_statements(Article(id="t", content_hash="t", source="test", text=text), [mention])
    assert [(s.speaker.text, s.stance, s.content.text) for s in sts] == [
        ("تسيبراس", "deny", "التقرير الذي نشرته الصحيفة")]
    text = "وذكرت صحيفة الخبر الجزائرية أن الجيش أغلق المنطقة."
    mention = EntityMention(6, 17, "صحيفة الخبر", "ORG", "صحيفة الخبر")
    sts = find_statements(Article(id="t", content_hash="t", source="test", text=text), [mention])
    assert [s.speaker.text for s in sts] == ["صحيفة الخبر الجزائرية"]


def test_title_phrase_ends_the_subject_before_its_object() -> None:
    """"توقع علي العمير وزير النفط الكويتي ارتفاع أسعار النفط …": after a name and its
    appositive title (title, definite genitive, nisba adjective) the indefinite noun opens
    the object. With no name before the title the word must govern a definite genitive, as
    a verbal noun does ("حرص الولايات المتحدة"); a foreign name the lists lack goes on."""
    from riwaya.model import EntityMention

    text = "توقع علي العمير وزير النفط الكويتي ارتفاع أسعار النفط خلال الأشهر المقبلة."
    mention = EntityMention(5, 15, "علي العمير", "PER", "علي العمير")
    sts = find_statements(Article(id="t", content_hash="t", source="test", text=text), [mention])
    assert [(s.speaker.text, s.speaker_type, s.content.text) for s in sts] == [
        ("علي العمير وزير النفط الكويتي", "official", "ارتفاع أسعار النفط خلال الأشهر المقبلة")]
    cases = {"وأكد وزير الدفاع الأميركي حرص الولايات المتحدة على تعزيز السلام.": "وزير الدفاع الأميركي",
             "وأكد وزير الهجرة البلجيكي ثيو فرانكين أن بلاده ستستقبل 2500 شخص.": "وزير الهجرة البلجيكي ثيو فرانكين"}
    for text, speaker in cases.items():
        assert [s.speaker.text for s in _statements(text)] == [speaker], text
