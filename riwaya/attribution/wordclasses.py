"""Folded word classes the unit parsers test tokens against: complementizers,
prepositions, time words, words that end a speaker phrase, claim and report nouns.
"""

from __future__ import annotations

import re

from riwaya.arabic.normalize import matching_words
from riwaya.attribution.cues import fold


COMP_BARE = matching_words("إن أن ان بأن فإن وإن وأن لأن")

COMP_PRONOUN = re.compile(r"^(?:ب|ف|و)?[اإأ]ن(?:ه|ها|هم|هما|هن|ني|نا|نه)$")

PREPS = matching_words("إلى الى على عن من")

MEDIUM = matching_words(
    "بيان تصريح تصريحات تصريحه تصريحها مؤتمر حديث حديثه مقابلة كلمة كلمته كلمتها حسابه حسابها تغريدة "
    "لقاء اتصال رسالة رسالته خطاب خطابه تقرير تقريره تقريرها تعليق تعليقه ندوة محاضرة برنامج اجتماع"
)


TIME = matching_words(
    "أمس امس اليوم الليلة مساء صباح يوم الأحد الاثنين الإثنين الثلاثاء الأربعاء الخميس الجمعة السبت "
    "مساء أمس الجمعة مؤخرا أخيرا حاليا سابقا أيضا ايضا كذلك الأسبوع الشهر العام الماضي الماضية أول أمس"
)


SPEAKER_STOP = matching_words(
    "في عبر خلال أثناء بعد قبل عقب لدى حول الذي التي الذين اللذين اللتين اللذان وهو وهي وذلك بينما فيما "
    "حيث إذ بشأن بخصوص تجاه مع قوله قولها قولهم قولهما أمام منذ حتى إلا ولكن لكن عندما حين كما لأن لان "
    "بأنه بانه بأنها بانها إلى الى على عن من بدوره بدورها بدورهم أيضا ذلك هذا هذه هؤلاء بشكل بقوة بصورة "
    "فقد وقد شريطة بشرط"
) | TIME | COMP_BARE


SPEAKER_KEEP_IN = matching_words("في")

# what "في" introduces when it is no affiliation ("ماسك في وقت لاحق", "بيسكوف في إشارة إلى")
NOT_AFFILIATION = matching_words("وقت الوقت إشارة اشارة معرض سياق ختام بداية نهاية أعقاب حين ظل ضوء رده معرض") | TIME

QUANTITY = matching_words("عدد عدد بعض العديد أحد احد مجموعة جملة")  # "مصدر مطلع في نادي الرائد": affiliation kept unless a medium follows

CLAUSE_OPENERS = matching_words("لكنه لكنها لكنهم ولكنه ولكنها ولكنهم ثم كما فيما بينما حيث وقد فقد قد ولكن لكن بل إذ كذلك وكذلك أيضا جانبه جهته جانبها جهتها وبدوره وبدورها بدوره بدورها ولذلك وهنا هنا وفي")

# contrast particles carrying the subject pronoun ("لكنه نفى أي مكالمات"): the verb after
# them has its subject already, the noun phrase that follows is its object
PRONOUN_SUBJECT_OPENERS = matching_words(
    "لكنه لكنها لكنهم لكنهما ولكنه ولكنها ولكنهم ولكنهما")

RELATIVES = matching_words("الذي التي الذين اللذين اللتين اللذان")

# "أولاً" (first), between a reporting verb and its speaker ("حسبما أورد أولاً موقع X")
FIRST_ADVERB = fold("أولاً")

# a folded nisba adjective ("الأميركية"، "الروسيين"): it describes the noun before it
NISBA = re.compile(r"^ال\S+(?:يه|يين|يون)$")

TOPIC_PREPS = matching_words("حول وحول في وفي عن وعن بشأن وبشأن بخصوص وبخصوص إلى الى وإلى ومن من على وعلى")

NP_OBJECT_LEMMAS = {"نفى", "كذب", "تمنى", "طالب", "ناشد", "دعا", "وصف", "اتهم", "أرجع", "عزا", "توقع", "اعتبر",
                     "رأى", "حذر", "اعترف", "أعرب", "عبر", "تحدث", "كشف", "أكد", "شدد", "أوصى", "حث", "قدر", "أمل",
                     "برر", "أشار", "لفت", "نوه", "ادعى", "زعم", "عرج", "تساءل", "أبلغ", "ذكر", "رفض",
                     "أشاد", "أثنى"}


#: quantifiers that open an object noun phrase ("بعض الانتقادات"، "جميع التقارير")
OBJECT_QUANTIFIERS = matching_words("بعض جميع معظم")

# what رفض must reject to be a denial (guideline §7: "رفض صحة"); "رفض الطلب" is a refusal
CLAIM_NOUNS = matching_words(
    "صحة الاتهامات اتهامات الاتهام اتهام الانتقادات انتقادات الادعاءات ادعاءات الادعاء ادعاء المزاعم مزاعم "
    "التقارير تقارير التقرير الأنباء أنباء الشائعات شائعات الإشاعات الرواية رواية التصريحات تلك هذه هذا")


NON_SOURCE = matching_words(
    "مقررات طلبات طلب الطلب آلية الآلية خطة الخطة نظام النظام القانون قانون قرار القرار الاتفاق اتفاق الأنظمة "
    "اللوائح الشروط شروط التعليمات تعليمات المعايير معايير الأولوية الحاجة الظروف الإمكانيات المتاح الأصول "
    "السن الجنس المنطقة الموقع الجدول جدول الترتيب ترتيب الفئة رغبة رغبته الاتفاقية البرنامج الموعد "
    "الأحوال المواصفات مقتضيات توجيهات التوجيهات أحكام الأحكام إطار الإطار تعميم التعميم لائحة اللائحة"
)


# verbs of judging whose object can be a pronoun and whose content is then the judgement
# ("واعتبرها سخيفة": considered it ridiculous)
JUDGING_LEMMAS = frozenset({"اعتبر", "رأى", "عد", "وصف"})

# claims and facts a speaker denies, confirms or describes, which never speak themselves
NEVER_SPEAKERS = matching_words(
    "الانتقادات انتقادات الاتهامات اتهامات الادعاءات ادعاءات المزاعم مزاعم الشائعات شائعات الإشاعات إشاعات "
    "وجود صحة")

FACT_OBJECTS = frozenset({"وجود", "صحه", "حدوث", "وقوع"})

PERFECT_AUX = matching_words("قد وقد كان وكان كانت وكانت")

# the auxiliary كان in every person and number, with و/ف: its subject is in the verb
KANA_FORMS = matching_words(
    "كان وكان فكان كانت وكانت فكانت كانوا وكانوا فكانوا كانا وكانا كانتا وكانتا كن وكن يكون ويكون تكون وتكون "
    "يكونون ويكونون")

# demonstratives that open a definite noun phrase ("وقال هذا الشخص للصحيفة", "هذه المصادر")
DEMONSTRATIVES = matching_words("هذا هذه هذان هاتان هذين هاتين هؤلاء")

CONTRAST = matching_words("إلا لكن ولكن بينما فيما وفيما حين")

PERSON_HEADS = matching_words("اللاعب المدرب الحارس الدكتور المواطن الطالب الطالبة الخبراء الأطباء أسرة عائلة")

OUTLET_NOUN_STARTS = ("صحيف", "جريد", "مجل", "وكال", "قنا", "موقع", "تلفزيون", "شبك", "اذاع")

REPORT_HEADS = frozenset({"تقرير", "التقرير", "تقريرا", "لتقرير", "وتقرير"})

REPORT_OBJECTS = matching_words("تقريرا تقريراً تقارير بيانا بياناً")
