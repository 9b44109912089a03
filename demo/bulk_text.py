"""Invented text for the data generator (`demo.bulk`): titles, bodies, names and themes.

Short Arabic and English Markdown as members write it: a few sentences, sometimes a list or a
quote, so pages at scale render the same kinds of markup as real threads. Every draw goes
through the `random.Random` it is given, so a seed gives the same world again. Pure functions;
nothing here touches the database.
"""

THEMES = [
    ("civic-space", "الفضاء المدني", "حماية الفضاء المدني وحرية التنظيم"),
    ("protection", "الحماية", "حماية المدنيين والفئات الأكثر عرضة للخطر"),
    ("economic-recovery", "التعافي الاقتصادي", "التعافي الاقتصادي وسبل العيش"),
    ("governance", "الحوكمة", "الحوكمة ومؤسسات الدولة"),
    ("human-rights", "انتهاكات حقوق الإنسان", "توثيق انتهاكات حقوق الإنسان والمساءلة"),
    ("local-governance", "الحكم المحلي", "الحكم المحلي واللامركزية"),
    ("detainees", "المعتقلون والمفقودون", "ملف المعتقلين والمفقودين"),
    ("housing", "السكن والأراضي والملكية", "حقوق السكن والأراضي والملكية"),
    ("return", "العودة الطوعية", "شروط العودة الآمنة والطوعية والكريمة"),
    ("education", "التعليم", "التعليم في مناطق النزوح"),
]

FIRST_NAMES = [
    "أحمد", "سارة", "محمد", "ليلى", "عمر", "رنا", "خالد", "هبة", "سامر", "دعاء",
    "مازن", "جود", "باسل", "نسرين", "طارق", "ميس", "فراس", "رهف", "وسيم", "آلاء",
]  # fmt: skip
FAMILY_NAMES = [
    "الحلبي", "الإدلبي", "الحمصي", "الديري", "السعدي", "النجار", "الخياط", "العمر",
    "الزعبي", "القاسم", "الأحمد", "الرفاعي", "المصري", "الحسيني", "البيطار",
]  # fmt: skip
TITLES_OF_PEOPLE = [
    "محامية في مجال حقوق الإنسان",
    "باحث في السياسات العامة",
    "ناشطة في منظمة نسوية",
    "منسق منظمة إغاثية محلية",
    "صحفي مستقل",
    "Researcher, civil society network",
]

SUBJECTS = [
    "ضمانات استقلال القضاء",
    "دور المجالس المحلية",
    "مشاركة النساء في الهيئات الانتقالية",
    "توثيق الانتهاكات",
    "حرية تأسيس الجمعيات",
    "إعادة الإعمار وحقوق الملكية",
    "العدالة الانتقالية",
    "الوثائق المدنية للنازحين",
    "الجدول الزمني للمشاورات",
    "الورقة الموجزة للمبعوث",
    "the briefing note for the envoy",
    "the timeline of the consultations",
]
TITLE_FORMS = [
    "ملاحظات حول {subject}",
    "مقترح بشأن {subject}",
    "قلق بشأن {subject}",
    "أسئلة مفتوحة عن {subject}",
    "تجارب مقارنة في {subject}",
    "Notes on {subject}",
]

SENTENCES = [
    "أقترح أن نراجع الصياغة الحالية قبل الاجتماع القادم.",
    "هذه النقطة تحتاج إلى أمثلة من تجارب دول أخرى مرت بمرحلة انتقالية.",
    "لا أتفق تماماً، فالنص بصيغته الحالية يترك مجالاً واسعاً للتأويل.",
    "من المهم أن يُذكر حق الضحايا في معرفة الحقيقة صراحةً.",
    "سأرسل ملخصاً بالمراجع التي ذكرتها في الورقة المرفقة.",
    "ما رأيكم في إضافة فقرة عن **ضمانات عدم التكرار**؟",
    "المجالس المحلية في الشمال لها تجربة مختلفة يجب أن تنعكس في الورقة.",
    "نحتاج إلى موقف موحد قبل أن نرفع الملاحظات إلى مكتب المبعوث.",
    "أشكر الزملاء على التعليقات، وسأعدّل المسودة وفقها.",
    "يمكن أن نستفيد من تجربة تونس وجنوب أفريقيا في هذا الجانب.",
    "الدستور يجب أن يكفل *المساواة الكاملة* بين المواطنين والمواطنات.",
    "أخشى أن يؤدي ضيق الوقت إلى تجاوز المشاورات مع المجتمعات المحلية.",
    "I agree with the general direction, but the wording needs to be tighter.",
    "Could we add the comparative examples to the annex rather than the main text?",
    "The envoy's office asked for a one-page summary by the end of the month.",
    "See the second section of the draft for the proposed wording.",
]
LIST_ITEMS = [
    "حق الضحايا في معرفة الحقيقة",
    "المساءلة وعدم الإفلات من العقاب",
    "جبر الضرر",
    "استقلال السلطة القضائية",
    "تمثيل النساء بنسبة لا تقل عن الثلث",
    "مشاركة اللاجئين والنازحين",
    "a clear timeline",
    "independent monitoring",
]
QUOTES = [
    "لا يمكن الحديث عن سلام مستدام من دون عدالة.",
    "المشاركة الحقيقية تبدأ من الاستماع إلى المجتمعات المحلية.",
    "The consultation must be inclusive to be legitimate.",
]
HIDDEN_REASON = "خارج موضوع النقاش؛ يرجى الالتزام بمدونة السلوك."


def person_name(rng):
    return f"{rng.choice(FIRST_NAMES)} {rng.choice(FAMILY_NAMES)}"


def title(rng):
    return rng.choice(TITLE_FORMS).format(subject=rng.choice(SUBJECTS))


def body(rng):
    """A post of one to four sentences; about one in five with a list, one in eight a quote."""
    paragraphs = []
    if rng.random() < 0.125:
        paragraphs.append(f"> {rng.choice(QUOTES)}")
    paragraphs.append(" ".join(rng.sample(SENTENCES, rng.randint(1, 3))))
    if rng.random() < 0.2:
        items = rng.sample(LIST_ITEMS, rng.randint(2, 4))
        if rng.random() < 0.5:
            paragraphs.append("\n".join(f"- {item}" for item in items))
        else:
            paragraphs.append("\n".join(f"{n}. {item}" for n, item in enumerate(items, 1)))
    if rng.random() < 0.3:
        paragraphs.append(rng.choice(SENTENCES))
    return "\n\n".join(paragraphs)
