"""The demo updates: an Arabic index with two updates, English through wagtail-localize.

Their facts come from the room's year-end letter of December 2022 (shared/seeds/002_*); the
wording is new.
"""

import datetime

from updates.models import UpdateIndexPage, UpdatePage

from .translation import locale, publish_translation

INDEX_TITLE = "التحديثات"
INDEX_ENGLISH = {INDEX_TITLE: "Updates"}

TAG_WORKING_GROUPS = "مجموعات العمل"
TAG_OUTREACH = "زيارات التواصل"
TAG_PLATFORM = "المنصة الإلكترونية"
TAG_PROTECTION = "الحماية"
TAG_NAMES = {
    TAG_WORKING_GROUPS: "working groups",
    TAG_OUTREACH: "outreach visits",
    TAG_PLATFORM: "online platform",
    TAG_PROTECTION: "protection",
}


def _paragraph(text):
    return ("paragraph", f"<p>{text}</p>")


# Each update: slug, date, tags, and (Arabic, English) pairs for the title, the summary and every
# piece of body text, in the order the body shows them.
YEAR_END_LETTER = {
    "slug": "year-end-letter-2022",
    "date": datetime.date(2022, 12, 20),
    "tags": [TAG_WORKING_GROUPS, TAG_OUTREACH, TAG_PLATFORM],
    "title": ("رسالة نهاية العام إلى المشاركين والمشاركات", "Year-end letter to participants"),
    "summary": (
        "ما جرى في الغرفة منذ تحديث أيلول/سبتمبر: مجموعة عمل جديدة حول الحماية، وزيارة إلى عمّان "
        "وأخرى مقررة إلى أربيل، وإغلاق المنصة الإلكترونية السابقة بعد عام من التجربة.",
        "What happened in the room since the September update: a new working group on "
        "protection, a visit to Amman with another planned for Erbil, and the closure of the "
        "former online platform after a year's trial.",
    ),
    "body": [
        (
            "paragraph",
            "إلى المشاركين والمشاركات في غرفة دعم المجتمع المدني: نعرض هنا ما أنجزته الغرفة منذ "
            "آخر تحديث أرسلناه إليكم في نهاية أيلول/سبتمبر 2022.",
            "To the participants of the Civil Society Support Room: here is what the room has "
            "done since the last update we sent you at the end of September 2022.",
        ),
        ("heading", "مجموعات العمل التخصصية", "Thematic working groups"),
        (
            "paragraph",
            "ما زالت مجموعة العمل المعنية بالحوكمة المحلية واللامركزية، التي بدأت في أيلول/سبتمبر، "
            "تلتقي لمناقشة موضوعات فرعية اختارها أعضاؤها. ويرافقها مكتب المبعوث الخاص بانتظام، "
            "ويفتح لأعضائها أبواب المناصرة حين تدعو الحاجة.",
            "The working group on local governance and decentralisation, which began in "
            "September, keeps meeting on sub-topics its members chose. The Special Envoy's office "
            "follows its work regularly and opens advocacy opportunities to its members when "
            "needed.",
        ),
        (
            "paragraph",
            "وبدأت مجموعة عمل جديدة حول أولويات الحماية للسوريين والسوريات، تنظر في الحماية من "
            "زاويتين: الإنسانية والحقوقية. وننتظر أن تُتمّ المجموعتان عملهما خلال بضعة أشهر، وأن "
            "تعرضا نتائجه في لقاء حضوري في جنيف خلال عام 2023.",
            "A new working group on protection priorities for Syrians has started; it looks at "
            "protection from two angles, humanitarian and human rights. We expect both groups to "
            "finish within a few months and to present their results at an in-person meeting in "
            "Geneva in 2023.",
        ),
        ("heading", "زيارات التواصل في المنطقة", "Outreach visits in the region"),
        (
            "paragraph",
            "زار فريق الغرفة عمّان من 6 إلى 8 تشرين الثاني/نوفمبر، بقيادة نائبة المبعوث الخاص "
            "نجاة رشدي، والتقى فاعلين وفاعلات من المجتمع المدني السوري في مجالات حقوق الإنسان "
            "وحقوق المرأة والتنمية. والزيارة التالية مقررة إلى أربيل في العراق في شباط/فبراير 2023.",
            "From 6 to 8 November the room's team, led by Deputy Special Envoy Najat Rochdi, "
            "visited Amman and met Syrian civil society actors working on human rights, women's "
            "rights and development. The next visit is planned for Erbil, Iraq, in February 2023.",
        ),
        ("heading", "مشاورات عبر الإنترنت", "Online consultations"),
        (
            "paragraph",
            "تتواصل اللقاءات الافتراضية مع منظمات وأفراد من المجتمع المدني داخل سوريا وخارجها، "
            "وهي توصلنا بفاعلين جدد وتحمل إلينا أفكاراً جديدة حول ما يشغل المجتمع المدني.",
            "Online meetings with civil society organisations and people inside and outside "
            "Syria go on; they bring us new actors and new ideas about what matters to civil "
            "society.",
        ),
        ("heading", "إغلاق المنصة الإلكترونية السابقة", "The former online platform is closed"),
        (
            "paragraph",
            "بعد عام من التجربة، تبيّن أن المشاركين قلّما استخدموا المنصة التشاركية، وأنهم فضّلوا "
            "تطبيقات المراسلة الشائعة. لذلك أوقفنا المنصة، وسنوفّر وسائل أخرى للمشاركة عن بُعد "
            "عند الحاجة. وقد كانت المنصة مساحة عمل لا غنى عنها أثناء جائحة كوفيد-19.",
            "After a year's trial, participants had seldom used the collaborative platform and "
            "preferred common messaging apps. We have therefore switched it off and will offer "
            "other ways to take part remotely when needed. During the COVID-19 pandemic the "
            "platform was a workspace the room could not have done without.",
        ),
        (
            "paragraph",
            "حُذفت حسابات المشاركين وبياناتهم من المنصة حذفاً تاماً، ولا يحتفظ بها مقدّم الخدمة. "
            "نشكر كل من جرّبها واستخدمها، وسنستخلص من التجربة دروساً حول الأدوات الرقمية في بناء "
            "السلام.",
            "All participant accounts and data on the platform have been erased completely; the "
            "service provider keeps none of them. Thank you to everyone who tried and used it; "
            "we will draw lessons from it about digital tools in peacebuilding.",
        ),
        ("heading", "ختاماً", "In closing"),
        (
            "quote",
            "لم يتحقق تقدم ملموس نحو الحل السياسي الذي دعا إليه قرار مجلس الأمن 2254، لكن المجتمع "
            "المدني السوري بقي سنداً لمجتمعاته وصانعاً للسلام فيها، ودوره اليوم أهم من أي وقت مضى.",
            "There has been no real progress towards the political solution called for by "
            "Security Council resolution 2254, yet Syrian civil society has stood by its "
            "communities and kept building peace in them; its role matters more than ever.",
        ),
        (
            "paragraph",
            "نرى في منح المجتمع المدني السوري مساحة آمنة ليقدّم توصياته حول مستقبل البلاد أمراً "
            "بالغ الأهمية، وسنواصل مع شركائنا في سويس بيس ونوريف دعم مشاركته البنّاءة في العملية "
            "السياسية. ونتمنى لجميع السوريين والسوريات عاماً جديداً يعمّه السلام.",
            "Giving Syrian civil society a safe space to make its recommendations on the "
            "country's future is vital, and with our partners at swisspeace and NOREF we will "
            "keep supporting its constructive part in the political process. We wish all Syrians "
            "a new year of peace.",
        ),
    ],
}

AMMAN_VISIT = {
    "slug": "outreach-visit-amman",
    "date": datetime.date(2022, 11, 10),
    "tags": [TAG_OUTREACH],
    "title": ("زيارة تواصل إلى عمّان", "Outreach visit to Amman"),
    "summary": (
        "التقى فريق الغرفة في عمّان فاعلين وفاعلات من المجتمع المدني السوري، والزيارة التالية "
        "مقررة إلى أربيل.",
        "The room's team met Syrian civil society actors in Amman; the next visit is planned "
        "for Erbil.",
    ),
    "body": [
        (
            "paragraph",
            "من 6 إلى 8 تشرين الثاني/نوفمبر 2022 كان فريق الغرفة في عمّان، بقيادة نائبة المبعوث "
            "الخاص نجاة رشدي. وجاءت الزيارة بعد جولات تواصل في المنطقة بدأت في حزيران/يونيو.",
            "From 6 to 8 November 2022 the room's team was in Amman, led by Deputy Special Envoy "
            "Najat Rochdi. The visit followed outreach trips in the region that began in June.",
        ),
        (
            "paragraph",
            "التقى الفريق فاعلين وفاعلات من المجتمع المدني السوري يعملون في حقوق الإنسان وحقوق "
            "المرأة والتنمية.",
            "The team met Syrian civil society actors working on human rights, women's rights "
            "and development.",
        ),
        ("heading", "الزيارة التالية", "The next visit"),
        (
            "paragraph",
            "يستعد الفريق لزيارة مماثلة إلى أربيل في العراق في شباط/فبراير 2023.",
            "The team is preparing a similar visit to Erbil, Iraq, in February 2023.",
        ),
    ],
}

UPDATES = [AMMAN_VISIT, YEAR_END_LETTER]


def _body(blocks):
    stream = []
    for kind, arabic, _english in blocks:
        if kind == "paragraph":
            stream.append(_paragraph(arabic))
        elif kind == "quote":
            stream.append(("quote", {"text": arabic, "attribution": ""}))
        else:
            stream.append((kind, arabic))
    return stream


def _english(update):
    pairs = [update["title"], update["summary"], *((ar, en) for _k, ar, en in update["body"])]
    return {**dict(pairs), **{tag: TAG_NAMES[tag] for tag in update["tags"]}}


def _create_update(index, update):
    title, _ = update["title"]
    summary, _ = update["summary"]
    page = UpdatePage(
        title=title,
        slug=update["slug"],
        date=update["date"],
        summary=summary,
        body=_body(update["body"]),
        locale=index.locale,
    )
    page.tags.set(update["tags"])
    index.add_child(instance=page)
    page.save_revision().publish()
    return page


def create_updates(home):
    """The Arabic update index under `home` with two updates, and their English translations."""
    index = UpdateIndexPage.objects.child_of(home).first()
    if index is None:
        index = UpdateIndexPage(title=INDEX_TITLE, slug="updates", locale=home.locale)
        home.add_child(instance=index)
        index.save_revision().publish()
    # The English updates need their English parent first.
    if not index.has_translation(locale("en")):
        publish_translation(index, "en", INDEX_ENGLISH)
    for update in UPDATES:
        page = UpdatePage.objects.child_of(index).filter(slug=update["slug"]).first()
        if page is None:
            page = _create_update(index, update)
        if not page.has_translation(locale("en")):
            publish_translation(page, "en", _english(update))
    return index
