"""The reconstruction's rules on hand-made sentences: paraphrase and corroboration links,
contradictions stated without a denial of the claim itself (in one sentence, by an
exclusive version, by juxtaposition) and the later-update guard, what a number conflict
and a denial must share with what they contradict, and the brief's choice of lines
(smaller events, repeated voices)."""

from __future__ import annotations

from dataclasses import replace

import numpy as np

from riwaya.arabic.normalize import normalize_for_matching
from riwaya.arabic.tokens import light_stem, word_tokens
from riwaya.model import DateMention, NumberKind, NumberMention, RawDocument, Sentence, Span, Statement
from riwaya.pipeline import analyze
from riwaya.reconstruct.brief import _main_actors, _smaller_events, _voice_repeats, claim_score, story_disputes
from riwaya.reconstruct.claims import Claim, _corroborations, _references_back, entities_agree, same_person
from riwaya.reconstruct.contradictions import _attributions, _denials, _exclusive, _exclusive_in, _instigations, _juxtaposed, _numbers, _within_sentence
from riwaya.reconstruct.units import Unit, article_units, clause_bounds, distinctive_overlap, is_denial
from riwaya.samples import seed_documents


def _span(text: str, part: str) -> Span:
    start = text.index(part)
    return Span(start, start + len(part), part)


def _unit(n: int, article: str, index: int, text: str, *, statements: tuple[tuple[str, str, str, str], ...] = (),
          entities: tuple[str, ...] = (), speakers: tuple[str, ...] = (), dates: tuple[DateMention, ...] = (),
          event: str = "e1") -> Unit:
    sts = [Statement(speaker=_span(text, sp), speaker_type="person", cue=_span(text, cue), stance=stance,
                     content=_span(text, content), sentence_index=index) for sp, cue, content, stance in statements]
    return Unit(n=n, article_id=article, event_id=event, sentence_index=index, start=0, end=len(text), text=text,
                position=index / 10, stems=[light_stem(t.text) for t in word_tokens(text)],
                entities=frozenset(normalize_for_matching(e) for e in entities), numbers=[], dates=list(dates),
                statements=sts, speakers=frozenset(normalize_for_matching(s) for s in speakers))


def _clause_unit(n: int, sentence: str, index: int, start: int, end: int, statement: Statement, *, clause: int) -> Unit:
    """The clause ``sentence[start:end]`` of sentence ``index`` of article a1, with one statement."""
    return Unit(n=n, article_id="a1", event_id="e1", sentence_index=index, start=start, end=end, text=sentence[start:end],
                position=0.5, stems=[], entities=frozenset(), numbers=[], dates=[], statements=[statement],
                sentence_start=0, sentence_end=len(sentence), sentence_text=sentence, clause=clause)


def _claim(cid: str, units: list[Unit], origins: list[str], first_seen: str = "2024-10-25") -> Claim:
    claim = Claim(id=cid, units=units, canonical=units[0], centrality=1.0, supporters=list(units), origins=origins,
                  first_seen=first_seen)
    return claim


WSJ = "كشف تقرير لصحيفة وول ستريت جورنال أن ماسك على اتصال منتظم مع بوتين منذ أواخر عام 2022"
KREMLIN = "وقال المتحدث باسم الكرملين إن الاتصال الوحيد الذي أجراه ماسك مع بوتين كان مكالمة هاتفية"
MUSK_2022 = "وفي أكتوبر 2022، قال ماسك إنه تحدث مرة واحدة فقط إلى بوتين عن الاتصال بالفضاء"
SINCE = DateMention(WSJ.index("منذ"), WSJ.index("منذ") + len("منذ أواخر عام 2022"), "منذ أواخر عام 2022", "2022-late",
                    "year", "2022-09-01", "2022-12-31")
OCT_2022 = DateMention(MUSK_2022.index("أكتوبر"), MUSK_2022.index("أكتوبر") + len("أكتوبر 2022"), "أكتوبر 2022", "2022-10",
                       "month", "2022-10-01", "2022-10-31")


def _wsj(n: int = 0) -> Unit:
    return _unit(n, "a1", 0, WSJ, statements=(("صحيفة وول ستريت جورنال", "كشف", "ماسك على اتصال منتظم مع بوتين منذ أواخر عام 2022", "assert"),),
                 entities=("ايلون ماسك", "فلاديمير بوتين"), dates=(SINCE,))


def test_exclusive_version_contradicts_the_claim_it_answers() -> None:
    wsj = _wsj(0)
    kremlin = _unit(1, "a2", 3, KREMLIN, statements=(("المتحدث باسم الكرملين", "وقال", "الاتصال الوحيد الذي أجراه ماسك مع بوتين كان مكالمة هاتفية", "assert"),),
                    entities=("ايلون ماسك", "فلاديمير بوتين"))
    claims = [_claim("c1", [wsj], ["وول ستريت جورنال"]), _claim("c2", [kremlin], ["الكرملين"])]
    found = _exclusive(claims, np.zeros((2, 2), dtype=np.float32), set(), {"a1": "2024-10-25", "a2": "2024-10-25"})
    assert [k["claims"] for k in found] == [["c1", "c2"]]


def test_only_once_and_once_in_a_generation() -> None:
    """One pattern of contacts limited to one serves the attribution layer (a denial) and the
    reconstruction (an exclusive version): a contact counted one, or «الاتصال الوحيد», with
    punctuation after it; «مرة واحدة في الجيل”» (praise, seeds 004) and «مرة واحدة كل عام»
    (a rate) count nothing; «ليس … فقط، بل …» adds rather than restricts. The near misses are
    read off SaudiNewsNet 2015-07 statements the first version of the shared pattern made denials."""
    restricts = lambda text: _exclusive_in(normalize_for_matching(text))  # noqa: E731
    assert restricts("كان له اتصال واحد، عبر الهاتف") and restricts("أجريا مكالمة هاتفية واحدة فقط")
    assert restricts("الاتصال الوحيد الذي أجراه الكرملين مع ماسك") and restricts("عقدا لقاء واحدا")
    assert not restricts("ووصفته بأنه “قائد الصناعة الذي يحدث مرة واحدة في الجيل”")
    assert not restricts("يزور المدينة مرة واحدة كل عام.") and not restricts("ليس في الرياض فقط، بل في جدة")
    # a word ending in a contact noun is none («مقامرة واحدة»), nor is a one-time cost («لمرة واحدة»),
    # once at a time, or not a single meeting
    assert not restricts("كمن يقامر بمنزلين في مقامرة واحدة»") and not restricts("يكلف 3 ملايين لمرة واحدة، ويتقادم")
    assert not restricts("يقضون نصف ساعة على أجهزتهم مرة واحدة، سيعانون") and not restricts("دون أن تعقد اجتماعا واحدا نظاميا")
    assert is_denial(Statement(Span(0, 1, "x"), "person", Span(0, 4, "وقال"), "deny", Span(0, 1, "كان له اتصال واحد"), (), 0))


def test_an_old_exclusive_statement_is_not_set_against_a_later_update() -> None:
    """Musk's October 2022 'only once' against contacts that run on to 2024 ('since late
    2022', published 2024): a later update, not a contradiction."""
    wsj = _wsj(0)
    musk = _unit(1, "a2", 5, MUSK_2022, statements=(("ماسك", "قال", "إنه تحدث مرة واحدة فقط إلى بوتين عن الاتصال بالفضاء", "assert"),),
                 entities=("ايلون ماسك", "فلاديمير بوتين"), dates=(OCT_2022,))
    claims = [_claim("c1", [wsj], ["وول ستريت جورنال"]), _claim("c2", [musk], ["ماسك"])]
    assert _exclusive(claims, np.zeros((2, 2), dtype=np.float32), set(), {"a1": "2024-10-25", "a2": "2024-10-25"}) == []


def test_denial_within_one_sentence_needs_to_answer_the_assertion() -> None:
    text = "وكشف بريمر أن ماسك تواصل مع بوتين بشأن أوكرانيا، وقد نفى ماسك علنا هذه التصريحات"
    disputed = _unit(0, "a1", 2, text, statements=(
        ("بريمر", "وكشف", "ماسك تواصل مع بوتين بشأن أوكرانيا", "assert"),
        ("ماسك", "نفى", "هذه التصريحات", "deny")))
    other = "وقالت الصحيفة إن ماسك لم يرد، وكان قد وصف الانتقادات بأنها سخيفة"
    unrelated = _unit(1, "a2", 4, other, statements=(
        ("الصحيفة", "وقالت", "ماسك لم يرد", "assert"),
        ("ماسك", "وصف", "الانتقادات بأنها سخيفة", "deny")))
    # a report that someone did not comment asserts nothing a denial after it could answer
    silent = "ولم يعلق ماسك على التقرير إلى الآن، بينما زعم المتحدث باسم الكرملين أن الاتصال الوحيد كان مكالمة هاتفية"
    silence = _unit(2, "a3", 9, silent, statements=(
        ("ماسك", "ولم يعلق", "ولم يعلق ماسك على التقرير إلى الآن", "other"),
        ("المتحدث باسم الكرملين", "زعم", "الاتصال الوحيد كان مكالمة هاتفية", "deny")))
    found = _within_sentence([_claim("c1", [disputed], ["بريمر"]), _claim("c2", [unrelated], ["الصحيفة"]),
                              _claim("c3", [silence], ["الكرملين"])])
    assert [k["claims"] for k in found] == [["c1"]]


def test_loose_paraphrases_must_name_the_same_actors() -> None:
    kremlin = _unit(0, "a1", 9, "بينما زعم بيسكوف أن الاتصال الوحيد مع ماسك كان مكالمة هاتفية مع بوتين",
                    entities=("ماسك", "بيسكوف", "بوتين", "الكرملين"))
    zelensky = _unit(1, "a2", 0, "انضم ماسك إلى مكالمة هاتفية بين ترامب وزيلينسكي", entities=("ماسك", "ترامب", "زيلينسكي"))
    backer = _unit(2, "a3", 5, "يعد ماسك من أكبر الداعمين لحملة دونالد ترامب", entities=("ماسك", "دونالد ترامب"))
    rallies = _unit(3, "a4", 13, "وأصبح ماسك شخصية محورية في حملة دونالد ترامب", entities=("ماسك", "دونالد ترامب", "البيت الأبيض"))
    plain = _unit(4, "a5", 3, "وقالت الصحيفة إن الحوارات شملت مواضيع شخصية")
    assert not entities_agree(kremlin, zelensky)
    assert entities_agree(backer, rallies) and entities_agree(plain, kremlin)


def test_juxtaposition_after_a_contrast_opening() -> None:
    first = "وقال المتحدث باسم الكرملين إن الاتصال الوحيد كان مكالمة هاتفية واحدة"
    second = "ومع ذلك، ذكر تقرير الصحيفة أن المحادثات مع كبار المسؤولين الروس استمرت"
    a = _unit(0, "a1", 9, first, statements=(("المتحدث باسم الكرملين", "وقال", "الاتصال الوحيد كان مكالمة هاتفية واحدة", "assert"),))
    b = _unit(1, "a1", 10, second, statements=(("تقرير الصحيفة", "ذكر", "المحادثات مع كبار المسؤولين الروس استمرت", "assert"),))
    found = _juxtaposed([_claim("c1", [a], ["الكرملين"]), _claim("c2", [b], ["وول ستريت جورنال"])], set())
    assert [k["claims"] for k in found] == [["c1", "c2"]]
    # a contrast that goes on to what came next tells a sequel, not another version
    said = "وفي أكتوبر 2022، اعترف ماسك بأنه تحدث مرة واحدة فقط إلى بوتين"
    later = "ولكن تلا ذلك مزيد من المحادثات مع مسؤولين روس آخرين، بحسب الصحيفة"
    m = _unit(0, "a1", 25, said, statements=(("ماسك", "اعترف", "تحدث مرة واحدة فقط إلى بوتين", "assert"),))
    w = _unit(1, "a1", 26, later, statements=(("الصحيفة", "", "تلا ذلك مزيد من المحادثات مع مسؤولين روس آخرين", "assert"),))
    assert _juxtaposed([_claim("c1", [m], ["ماسك"]), _claim("c2", [w], ["وول ستريت جورنال"])], set()) == []
    # «في المقابل» as often adds a confirmation: not a contrast opening
    c = _unit(1, "a1", 10, "وفي المقابل، ذكرت فيونا هيل أن ادعاء بريمر صحيح",
              statements=(("فيونا هيل", "ذكرت", "ادعاء بريمر صحيح", "assert"),))
    assert _juxtaposed([_claim("c1", [a], ["الكرملين"]), _claim("c2", [c], ["فيونا هيل"])], set()) == []


def test_same_person_across_spellings() -> None:
    assert same_person(frozenset({"ترمب"}), frozenset({"دونالد ترامب"}))
    assert same_person(frozenset({"اللواء التركي"}), frozenset({"منصور التركي"}))
    assert not same_person(frozenset({"ايلون ماسك"}), frozenset({"ايان بريمر"}))


def test_distinctive_overlap_counts_rare_shared_stems_only() -> None:
    units = [_unit(k, f"a{k % 3}", k, text) for k, text in enumerate([
        "تناولت الاتصالات مواضيع شخصية وتوترات جيوسياسية",
        "شملت الحوارات مواضيع شخصية وقضايا جيوسياسية حساسة",
        "قال ماسك إن ماسك لم يعلق",
        "قال ماسك إن ماسك لم يرد",
        "قال ماسك إن ماسك تحدث",
        "قال ماسك إن ماسك كتب",
    ])]
    overlap = distinctive_overlap(units)
    assert overlap[0, 1] > 0  # مواضيع، شخصية، جيوسياسية
    assert overlap[2, 3] < overlap[0, 1]  # ماسك and قال are in every sentence


def test_brief_gives_smaller_events_a_line_and_spreads_voices() -> None:
    a = _unit(0, "a1", 0, "الخبر الأول في الحدث الأكبر", speakers=("دميتري بيسكوف",))
    b = _unit(1, "a2", 0, "الخبر الأول في الحدث الأكبر", speakers=("بيسكوف",))
    c = _unit(2, "a3", 0, "خبر الحدث اللاحق", event="e2")
    big, small = _claim("c1", [a, b], ["الكرملين"]), _claim("c2", [c], ["CNN"])
    assert _smaller_events([big, small], 8) == ["e2"]
    assert _voice_repeats(_claim("c3", [b], ["الكرملين"]), [big]) == 1
    assert _voice_repeats(small, [big]) == 0


def test_brief_main_actors_and_lone_claims() -> None:
    """An event's main actors are the names at least half of its articles name (Trump in 3 of
    5, not Peskov in 1); a claim of one sentence is not scored as perfectly central."""
    units = [_unit(k, f"a{k}", 0, "ماسك وترامب في الحملة", entities=("ايلون ماسك",) + (("دونالد ترامب",) if k < 3 else ()))
             for k in range(4)]
    units.append(_unit(4, "a4", 0, "خبر عن بيسكوف", entities=("دميتري بيسكوف",)))
    actors = _main_actors([_claim("c1", units[:4], ["x"]), _claim("c2", units[4:], ["y"])])
    assert actors["e1"] == {normalize_for_matching("ايلون ماسك"), normalize_for_matching("دونالد ترامب")}
    lone, other = _claim("c1", [units[0]], ["x"]), _claim("c2", [units[0]], ["x"])
    other.centrality = 0.0  # a lone sentence's own centrality (1 by definition) is not counted
    assert claim_score(lone) == claim_score(other)


def test_one_who_confirms_one_thing_and_denies_another_does_not_contradict_himself() -> None:
    """«وأكد بيسكوف أن ترامب أرسل اختبارات … لكنه نفى أي مكالمات …»: the denial is of
    something else (the calls), not of his own account (the tests)."""
    text = "وأكد بيسكوف أن ترامب أرسل اختبارات كوفيد إلى بوتين لكنه نفى أي مكالمات بينهما بعد مغادرة ترامب منصبه"
    unit = _unit(0, "a1", 9, text, statements=(
        ("بيسكوف", "وأكد", "ترامب أرسل اختبارات كوفيد إلى بوتين", "assert"),
        ("أي مكالمات", "نفى", "بينهما بعد مغادرة ترامب منصبه", "deny")))
    assert _within_sentence([_claim("c1", [unit], ["بيسكوف"])]) == []


def _number(text: str, part: str, value: float, unit: str, kind: NumberKind = NumberKind.CARDINAL) -> NumberMention:
    start = text.index(part)
    return NumberMention(start, start + len(part), part, value, kind=kind, unit=unit)


def _numbered(n: int, article: str, text: str, *numbers: tuple[str, float, str, NumberKind]) -> Unit:
    u = _unit(n, article, 0, text)
    u.numbers = [_number(text, part, value, unit, kind) for part, value, unit, kind in numbers]
    return u


def _number_conflicts(a: Unit, b: Unit) -> list[str]:
    strength = np.ones((2, 2), dtype=np.float32)
    return [k["explanation"] for k in _numbers(_claim("c1", [a, b], ["x"]), strength)]


def test_number_conflict_needs_one_quantity_reported_twice() -> None:
    count, money, percent = NumberKind.CARDINAL, NumberKind.MONEY, NumberKind.PERCENT
    # the same count, two values: a conflict
    a = _numbered(0, "a1", "فجر مجهولون 6 سيارات لقياديين في غزة", ("6 سيارات", 6, "سيارات", count))
    b = _numbered(1, "a2", "فجر مجهولون خمس سيارات لقياديين في غزة", ("خمس سيارات", 5, "سيارات", count))
    assert _number_conflicts(a, b) == ["6 سيارات vs خمس سيارات"]
    # a count given in parts («3 سيارات … وسيارتين») is not the total
    c = _numbered(1, "a2", "استهدفت التفجيرات 3 سيارات لكتائب القسام وسيارتين لسرايا القدس", ("3 سيارات", 3, "سيارات", count))
    assert _number_conflicts(b, c) == []
    # two sums introduced by different words: a loan and a repayment
    d = _numbered(0, "a1", "وستتلقى اثينا قرضا عاجلا بقيمة 7 مليارات يورو", ("7 مليارات يورو", 7e9, "EUR", money))
    e = _numbered(1, "a2", "وبدأت اليونان عملية سداد إجمالي 6.25 مليار يورو", ("6.25 مليار يورو", 6.25e9, "EUR", money))
    assert _number_conflicts(d, e) == []
    # a total against its parts
    f = _numbered(1, "a2", "وتدفع اليونان 4.2 مليار يورو للبنك و2.05 مليار يورو للصندوق",
                  ("4.2 مليار يورو", 4.2e9, "EUR", money), ("2.05 مليار يورو", 2.05e9, "EUR", money))
    assert _number_conflicts(e, f) == []
    # a moving quantity read at two hours
    g = _numbered(0, "a1", "وتراجع الذهب في السوق الفورية 2.2 في المائة", ("2.2 في المائة", 2.2, "%", percent))
    h = _numbered(1, "a2", "وتراجع الذهب في السوق الفورية 1.5 في المئة", ("1.5 في المئة", 1.5, "%", percent))
    assert _number_conflicts(g, h) == []
    # the same price in two stores
    i = _numbered(0, "a1", "ويبلغ سعر التطبيق 4.99 دولار في متجر «غوغل بلاي»", ("4.99 دولار", 4.99, "USD", money))
    j = _numbered(1, "a2", "ويبلغ سعر التطبيق 1.99 دولار في متجر «آي تونز»", ("1.99 دولار", 1.99, "USD", money))
    assert _number_conflicts(i, j) == []


def test_a_denial_in_a_claim_must_deny_what_the_sentence_states() -> None:
    """Grouping may put a denial with a sentence on the same people; it contradicts only a
    sentence stating the matter it denies, and a negation must negate a word the sentence uses."""
    report = "وقال مسؤولون أوكرانيون إن القوات الروسية بدأت في استخدام محطات ستارلينك في الأراضي المحتلة"
    musk = "لكن ماسك كتب أنه لم يتم بيع أي محطات ستارلينك إلى روسيا"
    a = _unit(0, "a1", 3, report, statements=(("مسؤولون أوكرانيون", "وقال", "القوات الروسية بدأت في استخدام محطات ستارلينك في الأراضي المحتلة", "assert"),))
    b = _unit(1, "a2", 4, musk, statements=(("ماسك", "كتب", "أنه لم يتم بيع أي محطات ستارلينك إلى روسيا", "deny"),))
    claim = _claim("c1", [a, b], ["x"])
    claim.supporters, claim.deniers = [a], [b]
    assert _denials([claim], np.ones((2, 2), dtype=np.float32)) == []  # sold is not used
    rumour = "وتواترت أنباء عن تأجيل بداية العام الدراسي إلى ما بعد إجازة الحج"
    minister = "ونفى وزير التعليم تأجيل بداية العام الدراسي إلى ما بعد إجازة الحج"
    c = _unit(0, "a1", 2, rumour)
    d = _unit(1, "a2", 1, minister, statements=(("وزير التعليم", "ونفى", "تأجيل بداية العام الدراسي إلى ما بعد إجازة الحج", "deny"),))
    claim = _claim("c2", [c, d], ["x"])
    claim.supporters, claim.deniers = [c], [d]
    assert [k["claims"] for k in _denials([claim], np.ones((2, 2), dtype=np.float32))] == [["c2"]]


def _statement(text: str, speaker: str, cue: str, content: str, stance: str = "assert") -> Statement:
    return Statement(speaker=_span(text, speaker), speaker_type="person", cue=_span(text, cue), stance=stance,
                     content=_span(text, content))


def _clauses(text: str, *statements: Statement) -> list[str]:
    return [text[a:b] for a, b in clause_bounds(Sentence(0, 0, len(text), text), list(statements))]


def test_a_sentence_with_two_claims_is_cut_into_clauses() -> None:
    """003's «وقال تقرير … إن … منذ أواخر عام 2022، قائلاً إنهما ناقشا …» (a second
    reporting cue after the first content), 002's «ولم يعلق ماسك …، بينما زعم …» (a
    contrast) and 004's «ولم يعلق ماسك على القصة، لكنه قال …» each carry two claims."""
    report = ('وقال تقرير وول ستريت جورنال الصادر في سبتمبر إن مؤسس سبيس إكس والرئيس الروسي فلاديمير بوتين كانا على '
              '"اتصال منتظم" منذ أواخر عام 2022، قائلاً إنهما ناقشا "موضوعات شخصية وأعمالاً تجارية وتوترات جيوسياسية".')
    first = _statement(report, "تقرير وول ستريت جورنال", "وقال", 'مؤسس سبيس إكس والرئيس الروسي فلاديمير بوتين كانا على "اتصال منتظم" منذ أواخر عام 2022')
    second = _statement(report, "تقرير وول ستريت جورنال", "قائلاً", 'إنهما ناقشا "موضوعات شخصية وأعمالاً تجارية وتوترات جيوسياسية"')
    assert _clauses(report, first, second) == [report[:report.index("، قائلاً")], report[report.index("قائلاً"):]]
    silent = ("ولم يعلق ماسك على التقرير إلى الآن، بينما زعم المتحدث باسم الكرملين دميتري بيسكوف أن الاتصال الوحيد الذي "
              "أجراه الكرملين مع ماسك كان عبر مكالمة هاتفية واحدة")
    assert [c.split()[0] for c in _clauses(silent)] == ["ولم", "بينما"]
    story = "ولم يعلق ماسك على القصة، لكنه قال في الماضي إنه “من السخيف” أن يتم تصنيفه على أنه مدافع عن روسيا."
    assert _clauses(story)[1].startswith("لكنه قال")


def test_a_second_cue_after_a_contrast_word_opens_a_clause_without_a_comma() -> None:
    """000's «وأكد بيسكوف أن ترامب أرسل اختبارات كوفيد إلى بوتين لكنه نفى أي مكالمات …»
    confirms one claim (Woodward's, a second origin for it) and denies another; a contrast
    word inside a statement's content («… لكنه …» quoted) is no cut."""
    peskov = "وأكد بيسكوف أن ترامب أرسل اختبارات كوفيد إلى بوتين لكنه نفى أي مكالمات بينهما بعد مغادرة ترامب منصبه."
    confirms = _statement(peskov, "بيسكوف", "وأكد", "ترامب أرسل اختبارات كوفيد إلى بوتين")
    denies = _statement(peskov, "بيسكوف", "نفى", "أي مكالمات بينهما بعد مغادرة ترامب منصبه", "deny")
    assert _clauses(peskov, confirms, denies) == [peskov[:peskov.index(" لكنه")], peskov[peskov.index("لكنه"):]]
    woodward = "وذكر كتاب وودورد أن دونالد ترامب أرسل أثناء توليه رئاسة الولايات المتحدة اختبارات كوفيد الى الرئيس الروسي فلاديمير بوتين بشكل سري في العام 2020"
    book = _unit(0, "a1", 8, woodward, statements=(("كتاب وودورد", "وذكر", woodward[woodward.index("دونالد"):], "assert"),),
                 speakers=("وودورد",))
    clause = peskov[:peskov.index(" لكنه")]
    confirmation = _unit(1, "a1", 9, clause, statements=(("بيسكوف", "وأكد", "ترامب أرسل اختبارات كوفيد إلى بوتين", "assert"),),
                         speakers=("بيسكوف",))
    # in a story of a few sentences, as the rare words they share are weighed there
    others = [_unit(2 + k, "a2", k, text) for k, text in enumerate((WSJ, KREMLIN, MUSK_2022))]
    units = [book, confirmation, *others]
    assert _corroborations(units, distinctive_overlap(units)) == [(0, 1)]
    one = "وقال الوزير إن المفاوضات صعبة لكنها تتقدم ببطء نحو اتفاق نهائي"
    said = _statement(one, "الوزير", "وقال", "المفاوضات صعبة لكنها تتقدم ببطء نحو اتفاق نهائي")
    assert _clauses(one, said) == [one]


def test_a_cut_never_parts_a_cue_from_its_content_nor_follows_an_addition() -> None:
    """000's «وبحسب تقرير وول ستريت جورنال، فإن بوتين بحث …» is one claim with its source;
    «، كما يعاقب …» adds a provision that leans on the offence named before it."""
    according = 'وبحسب تقرير وول ستريت جورنال، فإن بوتين بحث أمورا شخصية وسياسية مع الملياردير المالك لمنصة "اكس"'
    st = _statement(according, "تقرير وول ستريت جورنال", "وبحسب", 'بوتين بحث أمورا شخصية وسياسية مع الملياردير المالك لمنصة "اكس"')
    assert _clauses(according, st) == [according]
    law = "ويعاقب بالسجن مدة لا تقل عن عشر سنوات كل من أنشأ موقعا لجماعة إرهابية، كما يعاقب بالسجن مدة لا تقل عن سبع سنوات كل من روج لها"
    assert _clauses(law) == [law]
    contrast = "وفي حين رفض ماسك الانتقادات التي وصفته بأنه مدافع عن بوتين، فإن تواصله المستمر مع بوتين يجعله على نقيض مع السياسة الأميركية"
    assert len(_clauses(contrast)) == 2


def test_an_account_and_its_denial_in_two_clauses_of_one_sentence() -> None:
    """«كشف بريمر أن …، وقد نفى ماسك علنا هذه التصريحات» cut into two clauses: the denial
    clause is set against the account clause of its sentence."""
    text = "وكشف بريمر أن ماسك تواصل مع بوتين بشأن أوكرانيا ونقل رسائل عن القرم، وقد نفى ماسك علنا هذه التصريحات"
    cut = text.index("وقد نفى")
    sts = [_statement(text, "بريمر", "وكشف", "ماسك تواصل مع بوتين بشأن أوكرانيا ونقل رسائل عن القرم"),
           _statement(text, "ماسك", "نفى", "علنا هذه التصريحات", "deny")]
    account = _clause_unit(0, text, 12, 0, cut - 2, sts[0], clause=0)
    denial = _clause_unit(1, text, 12, cut, len(text), sts[1], clause=1)
    assert account.cite() == {"article_id": "a1", "sentence_index": 12, "start": 0, "end": len(text), "clause_start": 0, "clause_end": cut - 2}
    found = _within_sentence([_claim("c1", [account], ["بريمر"]), _claim("c2", [denial], ["ماسك"])])
    assert [(k["claims"], k["a"][0]["text"][:4], k["b"][0]["text"][:7]) for k in found] == [(["c1", "c2"], "وكشف", "وقد نفى")]


def test_juxtaposition_needs_contrary_content_and_another_voice() -> None:
    """A contrast opening joins two statements; it sets two versions against each other only
    when one side negates, denies, restricts or names a difference, and when the answer is
    not the same source telling what came next (SaudiNewsNet 2015-07-21)."""
    erdogan = "وقال إردوغان: يجب إدانة الإرهاب بغض النظر عن مصدره"
    davutoglu = "إلا أن رئيس الحكومة التركية أحمد داود أوغلو أعلن أن العناصر الأولى للتحقيق تفيد بأن داعش يقف وراء الاعتداء"
    a = _unit(0, "a1", 6, erdogan, statements=(("إردوغان", "وقال", "يجب إدانة الإرهاب بغض النظر عن مصدره", "assert"),))
    b = _unit(1, "a1", 7, davutoglu, statements=(("رئيس الحكومة التركية أحمد داود أوغلو", "أعلن", "العناصر الأولى للتحقيق تفيد بأن داعش يقف وراء الاعتداء", "assert"),))
    assert _juxtaposed([_claim("c1", [a], ["إردوغان"]), _claim("c2", [b], ["رئيس الحكومة التركية"])], set()) == []
    # the same two officials, one of them saying it is not so: two versions
    c = _unit(1, "a1", 7, "إلا أن رئيس الحكومة التركية أعلن أن داعش لم يقف وراء الاعتداء",
              statements=(("رئيس الحكومة التركية", "أعلن", "داعش لم يقف وراء الاعتداء", "assert"),))
    assert [k["claims"] for k in _juxtaposed([_claim("c1", [a], ["إردوغان"]), _claim("c2", [c], ["رئيس الحكومة التركية"])], set())] == [["c1", "c2"]]
    confessed = "وإثر شكوى تقدمت بها مالكة السيارة أقرت جودي ماغي بأنها نشرت الصورة لكنها نفت نشرها النص"
    sequel = "لكن التحقيق خلص الى اتهامها قبل ان يحكم عليها غيابيا بدفع غرامة بحسب المصدر نفسه."
    m = _unit(0, "a1", 3, confessed, statements=(("جودي ماغي", "نفت", "نشرها النص", "deny"),))
    s = _unit(1, "a1", 4, sequel, statements=(("المصدر", "بحسب", "لكن التحقيق خلص الى اتهامها قبل ان يحكم عليها غيابيا بدفع غرامة", "assert"),))
    assert _juxtaposed([_claim("c1", [m], ["جودي ماغي"]), _claim("c2", [s], ["المصدر"])], set()) == []
    # one spokesman, named in full where he speaks first and by his surname where he
    # qualifies it (SaudiNewsNet 2015-07-21, Aden)
    sweep = "وأكد أن «عملية تمشيط واسعة تجري للقضاء على آخر جيوب الحوثيين وحلفائهم»"
    palace = "بيد أن الأحمدي أشار في الوقت نفسه إلى أن قصر المعاشيق الرئاسي في حي كريتر لا يزال بأيدي المتمردين"
    spokesman = "الناطق باسم مجلس قيادة المقاومة الشعبية علي الأحمدي"
    first = _unit(0, "a1", 2, sweep, statements=(("وأكد", "وأكد", "«عملية تمشيط واسعة تجري للقضاء على آخر جيوب الحوثيين وحلفائهم»", "assert"),))
    first.statements[0] = replace(first.statements[0], speaker=Span(0, 0, spokesman), resolved_from_context=True)
    then = _unit(1, "a1", 3, palace, statements=(("الأحمدي", "أشار", "قصر المعاشيق الرئاسي في حي كريتر لا يزال بأيدي المتمردين", "assert"),))
    assert _juxtaposed([_claim("c1", [first], ["المقاومة الشعبية"]), _claim("c2", [then], ["قصر"])], set()) == []


def test_a_denial_is_not_the_same_report_a_refusal_or_set_against_no_statement() -> None:
    """One outlet's copy of a sentence another carries is no denial of it; a refusal of a
    request denies nothing; a sentence saying no statement was issued asserts nothing to deny."""
    one = "ولكن الأهلي مستضيف المباراة رفض الاتهامات، وأصر على عدم خوض المباراة بالجونة، ورشح ثلاثة ملاعب أخرى"
    two = "ولكن الأهلي مستضيف اللقاء رفض الاتهامات وأصر على عدم خوض المباراة بالجونة ورشح ثلاثة ملاعب أخرى"
    a = _unit(0, "a1", 3, one)
    b = _unit(1, "a2", 1, two, statements=(("الأهلي مستضيف اللقاء", "رفض", "الاتهامات", "deny"),))
    claim = _claim("c1", [a, b], ["x"])
    claim.supporters, claim.deniers = [a], [b]
    assert _denials([claim], np.ones((2, 2), dtype=np.float32)) == []
    refused = _unit(1, "a2", 1, "ولكن الأهلي رفض هذا وأصر على عدم خوض المباراة بالجونة",
                    statements=(("الأهلي", "رفض", "هذا", "deny"),))
    assert refused.stance == "assert" and not refused.denies
    silent = _unit(0, "a1", 5, "ولم يصدر أي بيان رسمي من حركة حماس أو وزارة الداخلية حول التفجيرات")
    denied = _unit(1, "a2", 3, "لكن وزارة الداخلية التابعة للحركة نفت هذا الادعاء",
                   statements=(("وزارة الداخلية التابعة للحركة", "نفت", "هذا الادعاء", "deny"),))
    assert _denials([_claim("c1", [silent], ["x"]), _claim("c2", [denied], ["وزارة الداخلية"])], np.ones((2, 2), dtype=np.float32)) == []


def test_a_statement_naming_what_the_article_told_is_a_source_of_it() -> None:
    """Seed 003: «… بشأن المكالمة، التي كان أول من أوردها موقع أكسيوس» makes Axios a second
    source of the lead's call (CNN's source is the first); a content that is a sentence
    of its own («الوضع هادئ») names nothing told before."""
    article = next(analyze(doc) for doc in seed_documents() if doc.source.split("/")[-1].startswith("003"))
    units = article_units(article, "e2", 0)
    pairs = [(units[i].sentence_index, units[j].sentence_index, units[j].main_statement.speaker.text)
             for i, j in _references_back(units)]
    assert pairs == [(0, 4, "موقع أكسيوس")]
    lead = "انضم ماسك إلى مكالمة هاتفية حول الوضع في أوكرانيا وفقا لمصدر مطلع"
    calm = "وقال الحاكم إن الوضع هادئ"
    units = [_unit(0, "a1", 0, lead, statements=(("مصدر مطلع", "وفقا", "انضم ماسك إلى مكالمة هاتفية حول الوضع في أوكرانيا", "assert"),)),
             _unit(1, "a1", 1, calm, statements=(("الحاكم", "وقال", "الوضع هادئ", "assert"),))]
    assert _references_back(units) == []


def _peskov_clauses() -> tuple[Unit, Unit]:
    text = "وأكد بيسكوف أن ترامب أرسل اختبارات كوفيد إلى بوتين لكنه نفى أي مكالمات بينهما بعد مغادرة ترامب منصبه."
    cut = text.index("لكنه")
    sts = [_statement(text, "بيسكوف", "وأكد", "ترامب أرسل اختبارات كوفيد إلى بوتين"),
           _statement(text, "بيسكوف", "نفى", "أي مكالمات بينهما بعد مغادرة ترامب منصبه", "deny")]
    return _clause_unit(1, text, 9, 0, cut - 1, sts[0], clause=0), _clause_unit(2, text, 9, cut, len(text), sts[1], clause=1)


def test_confirming_part_of_an_account_and_denying_more_of_it() -> None:
    """000: Peskov confirms the Covid tests of Woodward's book «لكنه نفى أي مكالمات بينهما بعد
    مغادرة ترامب منصبه»: the denial answers the book's account (seeds K7), though Peskov
    does not contradict himself; confirming what only he says and denying more is no dispute."""
    confirms, denies = _peskov_clauses()
    book = _unit(0, "a1", 8, "وذكر كتاب وودورد أن ترامب أرسل اختبارات كوفيد الى بوتين بشكل سري في العام 2020")
    found = _within_sentence([_claim("c1", [book, confirms], ["كتاب وودورد", "بيسكوف"]), _claim("c2", [denies], ["بيسكوف"])])
    assert [(k["claims"], k["explanation"], k["explanation_ar"]) for k in found] == [
        (["c1", "c2"], "بيسكوف confirms part of the account of كتاب وودورد but denies more of it",
         "يؤكد بيسكوف جزءا من رواية كتاب وودورد وينفي أكثر منها")]
    assert _within_sentence([_claim("c1", [confirms], ["بيسكوف"]), _claim("c2", [denies], ["بيسكوف"])]) == []


def test_a_dispute_one_article_alone_tells_is_its_aside() -> None:
    """In a story of several articles, a contradiction both of whose sides one article alone
    carries earns no brief bonus; one touching a claim others carry too does, and in a
    one-article event every dispute does. An attribution conflict earns none."""
    confirms, denies = _peskov_clauses()
    wsj, elsewhere = _wsj(3), _unit(4, "a2", 0, WSJ)
    claims = [_claim("c1", [confirms], ["كتاب وودورد", "بيسكوف"]), _claim("c2", [denies], ["بيسكوف"]),
              _claim("c3", [wsj, elsewhere], ["وول ستريت جورنال"]), _claim("c4", [_unit(5, "a1", 4, KREMLIN)], ["الكرملين"])]
    aside = {"kind": "denial", "claims": ["c1", "c2"]}
    story = {"kind": "denial", "claims": ["c3", "c4"]}
    assert story_disputes(claims, [aside, story]) == {"c3", "c4"}
    assert story_disputes(claims[:2], [aside]) == {"c1", "c2"}
    # on whose word a claim rests disputes nothing that happened
    assert story_disputes(claims, [{"kind": "attribution", "claims": ["c3"]}]) == set()


def test_one_act_told_with_two_reasons() -> None:
    """Seeds K10: 001 has Putin ask «بناءً على طلب الصين», the others «خدمةً للرئيس
    الصيني» — China asking is a detail no source of theirs claims. Two articles giving
    the same reason, or one article giving both, is no conflict."""
    favour = "وذكرت الصحيفة أن بوتين طلب من ماسك عدم تفعيل خدمة ستارلينك فوق تايوان خدمةً للرئيس الصيني"
    request = "ووفقاً لمطلعين، طلب بوتين من ماسك الامتناع عن تفعيل خدمة ستارلينك فوق تايوان بناءً على طلب الصين"
    a, b = _unit(0, "a1", 3, favour), _unit(1, "a2", 4, request)
    found = _instigations(_claim("c1", [a, b], ["وول ستريت جورنال"]))
    assert [(k["kind"], k["a"][0]["article_id"], k["b"][0]["article_id"], k["explanation"], k["explanation_ar"]) for k in found] == [
        ("opposed", "a1", "a2", "the articles give different reasons for it: «خدمةً للرئيس» against «بناءً على طلب»",
         "تذكر المقالات له سببين مختلفين: «خدمةً للرئيس» مقابل «بناءً على طلب»")]
    assert _instigations(_claim("c1", [a, _unit(1, "a2", 4, favour)], ["وول ستريت جورنال"])) == []
    assert _instigations(_claim("c1", [a, _unit(1, "a1", 4, request)], ["وول ستريت جورنال"])) == []


def _analysed_unit(article_id: str, text: str, n: int, marker: str) -> Unit:
    """The unit holding ``marker`` of ``text`` run through the whole analysis."""
    article = analyze(RawDocument(article_id, text))
    return replace(next(u for u in article_units(article, "e1", 0) if marker in u.text), n=n)


def test_an_anonymous_quote_given_to_the_outlet_it_was_told_to() -> None:
    """Seeds K9: 000 has the anonymous source say in quotation marks «فإن الإدارة لم تثر أي
    تنبيهات …» to the WSJ; 004 has «الصحيفة ذكرت» it. Reported speech (no quotation
    marks), the source kept in both, or another outlet's report is no attribution conflict."""
    report = "ذكرت صحيفة وول ستريت جورنال أن ماسك على اتصال منتظم مع بوتين منذ أواخر عام 2022.\n\n"
    quoted = report + "وقال مصدر مطلع للصحيفة إن المسؤولين لا يحبون ذلك، مضيفا: \"ومع ذلك فإن الإدارة لم تثر أي تنبيهات بشأن خروقات أمنية محتملة\"."
    owned = report + "لكن الصحيفة ذكرت أنه لم يتم رفع أي إنذار بشأن الخروقات الأمنية المحتملة فيما يتعلق باتصالات ماسك مع بوتين."
    a, b = _analysed_unit("a1", quoted, 0, "تنبيهات"), _analysed_unit("a2", owned, 1, "إنذار")
    found = _attributions(_claim("c1", [a, b], ["وول ستريت جورنال"]))
    assert [(k["kind"], k["a"][0]["article_id"], k["b"][0]["article_id"], k["explanation"], k["explanation_ar"]) for k in found] == [
        ("attribution", a.article_id, b.article_id, "one article gives it as the quoted words of «مصدر مطلع», relayed by "
                                                    "صحيفة وول ستريت جورنال; another has صحيفة وول ستريت جورنال say it itself",
         "تورده مقالة بكلمات «مصدر مطلع» منقولة عن صحيفة وول ستريت جورنال، وتنسبه أخرى إلى صحيفة وول ستريت جورنال مباشرة")]
    reported = _analysed_unit("a1", report + "وقال مصدر مطلع للصحيفة إن الإدارة لم تثر أي تنبيهات بشأن خروقات أمنية محتملة.", 0, "تنبيهات")
    kept = _analysed_unit("a2", owned.replace("لكن الصحيفة ذكرت أنه", "لكن مصدرا قال للصحيفة إنه"), 1, "إنذار")
    other = _analysed_unit("a2", owned.replace("لكن الصحيفة ذكرت", "لكن وكالة رويترز ذكرت"), 1, "إنذار")
    for pair in ([reported, b], [a, kept], [a, other]):
        assert _attributions(_claim("c1", pair, ["وول ستريت جورنال"])) == []
