"""The demo FAQ: Arabic source under the Arabic home, English through wagtail-localize.

Each text is written once as an (Arabic, English) pair; the Arabic page and the translation
table for `publish_translation` are both built from the pairs, so they cannot drift apart.
"""

from django.utils.html import escape

from faq.blocks import section_data
from faq.models import FAQPage

from .home import ENGLISH as HOME_ENGLISH
from .translation import locale, publish_translation

SLUG = "faq"
TITLE = (
    "الأسئلة الشائعة حول مجموعات العمل التخصصية",
    "Questions and answers about the thematic working groups",
)
INTRO = [
    (
        "p",
        "تجمع هذه الصفحة إجابات موجزة عن مجموعات العمل التخصصية في غرفة دعم المجتمع المدني: "
        "من يشارك فيها، وكيف تعمل، وما الذي تخرج به، وكيف تُستخدم مساحة العمل الإلكترونية.",
        "Short answers about the thematic working groups of the Civil Society Support Room: "
        "who takes part, how the groups work, what they produce and how the online workspace "
        "is used.",
    ),
]


def p(arabic, english):
    return ("p", arabic, english)


def ul(*items):
    return ("ul", items)


SECTIONS = [
    (
        ("ما هي مجموعات العمل", "What the working groups are"),
        [
            (
                ("ما هي مجموعات العمل التخصصية؟", "What are the thematic working groups?"),
                [
                    p(
                        "غرفة دعم المجتمع المدني آلية أطلقها مكتب المبعوث الخاص للأمم المتحدة "
                        "إلى سوريا مطلع عام 2016، يلتقي من خلالها السوريون العاملون في الشأن "
                        "المدني بالمبعوث وفريقه وبجهات أممية ودولية، ويتحاورون حول العملية "
                        "السياسية وقرار مجلس الأمن 2254 (2015).",
                        "The Civil Society Support Room is a mechanism that the Office of the UN "
                        "Special Envoy for Syria set up early in 2016. Through it, Syrians active "
                        "in civic life meet the Envoy, the Envoy's team and UN and international "
                        "actors, and discuss the political process and Security Council "
                        "resolution 2254 (2015).",
                    ),
                    p(
                        "مجموعات العمل التخصصية جزء من الغرفة، نشأت بطلب من مشاركين أرادوا أن "
                        "يضعوا خبرتهم في مجالات بعينها في خدمة عملية سياسية يملكها السوريون "
                        "ويقودونها. وتتناول كل مجموعة موضوعاً واحداً.",
                        "The thematic working groups are part of the Room. They were set up at "
                        "the request of participants who wanted to put their expertise in "
                        "particular fields at the service of a Syrian-owned, Syrian-led political "
                        "process. Each group takes up one theme.",
                    ),
                ],
            ),
            (
                ("ما الغاية منها؟", "What are they for?"),
                [
                    p("للمجموعات أربع غايات:", "The groups have four aims:"),
                    ul(
                        (
                            "الاستفادة من خبرات المجتمع المدني السوري على تنوعها؛",
                            "to draw on the full range of Syrian civil society expertise;",
                        ),
                        (
                            "تعزيز ملكية السوريين للغرفة؛",
                            "to strengthen Syrian ownership of the Room;",
                        ),
                        (
                            "تعميق الحوار بين السوريين أنفسهم حول القضايا الجوهرية؛",
                            "to deepen dialogue among Syrians themselves on substantive issues;",
                        ),
                        (
                            "إتاحة نقاش أغنى مع المبعوث الخاص وفريقه السياسي، وفرص أوسع للمناصرة.",
                            "to make room for a richer exchange with the Special Envoy and the "
                            "political team, and for wider advocacy.",
                        ),
                    ),
                ],
            ),
            (
                ("ما الموضوعات التي تتناولها المجموعات؟", "Which themes do the groups cover?"),
                [
                    p(
                        "اقترح مكتب المبعوث الخاص الموضوعات الأولى، ويمكن للمشاركين اقتراح "
                        "مجموعات أخرى:",
                        "The Office of the Special Envoy proposed the first themes, and "
                        "participants may suggest further groups:",
                    ),
                    ul(
                        ("القضايا القانونية والدستورية", "legal and constitutional issues"),
                        ("القضايا الانتخابية", "electoral issues"),
                        ("الفضاء المدني والقيم المدنية", "civic space and civic values"),
                        (
                            "أولويات الحماية من منظور إنساني",
                            "protection priorities, from a humanitarian angle",
                        ),
                        (
                            "التعافي الاقتصادي وآفاق التنمية",
                            "economic recovery and development prospects",
                        ),
                        (
                            "الحوكمة والعلاقة بين المواطن والدولة",
                            "governance and the relationship between citizens and the state",
                        ),
                        (
                            "معالجة انتهاكات حقوق الإنسان المرتكبة خلال النزاع",
                            "addressing human-rights violations committed during the conflict",
                        ),
                    ),
                ],
            ),
        ],
    ),
    (
        ("من يمكنه المشاركة", "Who may take part"),
        [
            (
                ("من يمكنه الانضمام إلى مجموعة عمل؟", "Who can join a working group?"),
                [
                    p(
                        "المشاركة تطوعية، وهي مفتوحة للسوريات والسوريين المنخرطين في العمل "
                        "المدني، أفراداً أو من خلال منظمة أو مبادرة مدنية، ممن يملكون خبرة "
                        "متخصصة أو اهتماماً وثيق الصلة بالعملية السياسية.",
                        "Taking part is voluntary. It is open to Syrian women and men engaged in "
                        "civic work, on their own or through an organisation or civic "
                        "initiative, who bring specialist expertise in, or a close interest in, "
                        "the political process.",
                    ),
                    p(
                        "لا يجوز أن يكون المشارك عضواً في وفد رسمي أو حزب سياسي أو تشكيل عسكري.",
                        "Participants may not belong to an official delegation, a political "
                        "party or a military formation.",
                    ),
                ],
            ),
            (
                ("كيف يُختار المشاركون؟", "How are participants chosen?"),
                [
                    p(
                        "يعبّر المهتمون من المشاركين في الغرفة عن رغبتهم، ويستند الاختيار كذلك "
                        "إلى استبيان أرسله مكتب المبعوث الخاص إلى جميع المشاركين. ويحرص المكتب "
                        "على توازن كل مجموعة من حيث الجنس والعمر والاختصاص والتوزع الجغرافي.",
                        "Room participants who are interested say so, and the choice also draws "
                        "on a questionnaire that the Office of the Special Envoy sent to all "
                        "participants. The Office keeps each group balanced in gender, age, "
                        "field of expertise and geography.",
                    ),
                ],
            ),
            (
                ("ما الذي يُنتظر من المشاركين؟", "What is expected of participants?"),
                [
                    p(
                        "أن يسهموا إسهاماً بنّاءً في البحث عن حل سياسي دائم، وأن يلتزموا بمدونة "
                        "قواعد السلوك:",
                        "To contribute constructively to the search for a lasting political "
                        "solution, and to keep to the code of conduct:",
                    ),
                    ul(
                        ("الاحترام المتبادل والحوار المدني؛", "mutual respect and civil dialogue;"),
                        ("عدم التمييز؛", "no discrimination;"),
                        (
                            "عدم نسب أي مساهمة إلى صاحبها خارج المجموعة.",
                            "no contribution attributed to its author outside the group.",
                        ),
                    ),
                ],
            ),
        ],
    ),
    (
        ("كيف تعمل المجموعات", "How the groups work"),
        [
            (
                ("كم من الوقت تتطلب المشاركة؟", "How much time does taking part need?"),
                [
                    p(
                        "بضع ساعات في الأسبوع، تشمل اجتماعات عبر الإنترنت ونقاشات ومهام مشتركة. "
                        "وتعمل المجموعات عن بُعد وبالتوازي.",
                        "A few hours a week, including online meetings, discussions and shared "
                        "tasks. The groups work remotely and side by side.",
                    ),
                ],
            ),
            (
                ("من يضع جدول أعمال المجموعة؟", "Who sets a group's agenda?"),
                [
                    p(
                        "أعضاء المجموعة أنفسهم، ضمن موضوعها. ويختار الأعضاء مقررَين اثنين "
                        "يتابعان الالتزام بجدول الأعمال، وينسقان المساهمات، ويتواصلان مع "
                        "المجموعات الأخرى ومع مكتب المبعوث الخاص عند الحاجة.",
                        "The members themselves, within the group's theme. The members choose "
                        "two rapporteurs, who keep the work to the agenda, coordinate "
                        "contributions, and liaise with other groups and with the Office of the "
                        "Special Envoy when needed.",
                    ),
                ],
            ),
            (
                (
                    "هل للمقررين صلاحيات أوسع من بقية الأعضاء؟",
                    "Do rapporteurs have more rights than other members?",
                ),
                [
                    p(
                        "لا. يخصص المقرران وقتاً أطول للتنسيق، لكن صلاحياتهما على المنصة مماثلة "
                        "تماماً لصلاحيات أي عضو آخر.",
                        "No. The rapporteurs give more time to coordination, but on the platform "
                        "they have exactly the same rights as any other member.",
                    ),
                ],
            ),
            (
                ("هل يجب أن تتوصل المجموعة إلى توافق؟", "Must a group reach consensus?"),
                [
                    p(
                        "لا. لا يطلب مكتب المبعوث الخاص توافقاً، ويقبل الاتفاق والاختلاف على حد "
                        "سواء. وينقل المقرران الآراء المختلفة داخل المجموعة حين يعرضان نتائجها.",
                        "No. The Office of the Special Envoy does not ask for consensus and "
                        "accepts agreement and disagreement alike. The rapporteurs convey the "
                        "different views within the group when they present its results.",
                    ),
                ],
            ),
        ],
    ),
    (
        ("المدة والتناوب", "Terms and rotation"),
        [
            (
                ("كم تستمر دورة عمل المجموعة؟", "How long does a group's term last?"),
                [
                    p(
                        "من ثلاثة إلى أربعة أشهر، تُسلَّم في نهايتها مخرجات المجموعة إلى مكتب "
                        "المبعوث الخاص.",
                        "Three to four months. At the end of the term the group's outputs go to "
                        "the Office of the Special Envoy.",
                    ),
                ],
            ),
            (
                ("ماذا يحدث بعد انتهاء الدورة؟", "What happens when a term ends?"),
                [
                    p(
                        "لا تنتهي المجموعة بالضرورة: قد تتشكل دفعة جديدة من المشاركين حول "
                        "الموضوع نفسه، تضم عدداً قليلاً من أعضاء الدفعة السابقة حفاظاً على "
                        "الاستمرارية.",
                        "The group does not necessarily end: a new cohort may form on the same "
                        "theme, keeping a few members of the previous one for continuity.",
                    ),
                    p(
                        "ويمكن تعديل المدة والتناوب بالتشاور بين الأعضاء ومكتب المبعوث الخاص "
                        "متى كان ذلك في مصلحة العمل.",
                        "Terms and rotation can be changed in consultation between the members "
                        "and the Office of the Special Envoy whenever that helps the work.",
                    ),
                ],
            ),
            (
                ("ماذا لو لم أعد قادراً على المشاركة؟", "What if I can no longer take part?"),
                [
                    p(
                        "راسل فريق الدعم في أقرب وقت على عنوان البريد الإلكتروني المذكور أسفل "
                        "الصفحة، لنبحث معاً عن أفضل حل لك وللمجموعة.",
                        "Write to the support team as early as you can, at the email address at "
                        "the foot of this page, so that together we find the best option for you "
                        "and for the group.",
                    ),
                    p(
                        "ومن ينقطع عن النقاشات مدة طويلة يُحجب دخوله إلى مساحة المجموعة، بعد "
                        "تنبيهه مسبقاً.",
                        "A member who stays silent in the discussions for a long time loses "
                        "access to the group's workspace, after a warning.",
                    ),
                ],
            ),
        ],
    ),
    (
        ("اللغة", "Language"),
        [
            (
                ("ما لغة العمل في المجموعات؟", "What is the working language?"),
                [
                    p(
                        "العربية هي لغة النقاش والتواصل وتبادل الوثائق في المجموعات، أما "
                        "المنصة نفسها فتعمل بالعربية والإنجليزية.",
                        "Arabic is the language of discussion, communication and shared "
                        "documents in the groups. The platform itself works in Arabic and "
                        "English.",
                    ),
                ],
            ),
            (
                ("هل تتوفر الترجمة؟", "Is translation available?"),
                [
                    p(
                        "نعم، تتوفر ترجمة تحريرية وشفوية احترافية عند الحاجة.",
                        "Yes: professional translation and interpretation are provided when "
                        "needed.",
                    ),
                ],
            ),
        ],
    ),
    (
        ("الدعم الفني ودعم الخبراء", "Expert support"),
        [
            (
                (
                    "من يرافق المجموعة من مكتب المبعوث الخاص؟",
                    "Who from the Office of the Special Envoy works with a group?",
                ),
                [
                    p(
                        "يعيّن المكتب لكل مجموعة مسؤولاً سياسياً بصفة جهة اتصال، يتابع بانتظام "
                        "القضايا التي تناقشها المجموعة ويتفاعل مع أعضائها.",
                        "The Office gives each group a political officer as its focal point, "
                        "who follows the issues the group discusses and engages with its members "
                        "regularly.",
                    ),
                ],
            ),
            (
                ("هل يمكن دعوة خبراء؟", "Can experts be invited?"),
                [
                    p(
                        "نعم. إذا طلب الأعضاء ذلك، يمكن لمكتب المبعوث الخاص دعوة خبراء مختصين "
                        "إلى اجتماعات المجموعة، للمساعدة في المضمون وفي بناء النصوص المكتوبة "
                        "وصياغتها.",
                        "Yes. At the members' request, the Office of the Special Envoy can invite "
                        "specialist experts to the group's meetings to help with substance and "
                        "with the structure and wording of written texts.",
                    ),
                ],
            ),
            (
                ("من يدعم تنفيذ عمل المجموعات؟", "Who supports the running of the groups?"),
                [
                    p(
                        "يتولى مكتب المبعوث الخاص الإشراف العام، وتقدّم منظمتان دوليتان غير "
                        "حكوميتين متخصصتان في بناء السلام، هما سويس بيس والمركز النرويجي لحل "
                        "النزاعات (نوريف)، الخبرة المنهجية والدعم الفني والتشغيلي بالتنسيق "
                        "الوثيق مع المكتب.",
                        "The Office of the Special Envoy has overall oversight. Two international "
                        "non-governmental peacebuilding organisations, swisspeace and the "
                        "Norwegian Centre for Conflict Resolution (NOREF), provide methodological "
                        "expertise and technical and operational support in close coordination "
                        "with the Office.",
                    ),
                ],
            ),
        ],
    ),
    (
        ("المخرجات", "Outputs"),
        [
            (
                ("ماذا تنتج المجموعات؟", "What do the groups produce?"),
                [
                    p(
                        "أوراق إحاطة وخيارات سياسات مرتبطة بالقرار 2254، يتحمل المشاركون وحدهم "
                        "مسؤولية شكلها ومضمونها، ولا يُذكر فيها اسم أي كاتب أو مشارك.",
                        "Briefing papers and policy options related to resolution 2254. The "
                        "participants alone answer for their form and content, and they name no "
                        "author or participant.",
                    ),
                ],
            ),
            (
                ("ماذا لو لم يتفق الأعضاء على النص؟", "What if members do not agree on a text?"),
                [
                    p(
                        "لا يبحث مكتب المبعوث الخاص عن أرضية مشتركة بين مواقف فردية، بل يعرض "
                        "المقرران باسم المجموعة، في مذكرة الإحاطة، نقاط الاتفاق ووجهات النظر "
                        "الرئيسية المختلفة.",
                        "The Office of the Special Envoy does not look for common ground between "
                        "individual positions. Instead the rapporteurs set out, on the group's "
                        "behalf, the points of agreement and the main differing views in the "
                        "briefing note.",
                    ),
                ],
            ),
            (
                (
                    "كيف تصل المخرجات إلى العملية السياسية؟",
                    "How do the outputs reach the political process?",
                ),
                [
                    p(
                        "يُحاط المبعوث الخاص ونائبه بانتظام بتقدم عمل المجموعات، وتُشارَك "
                        "وثائقها مع الفريق السياسي في المكتب لتغذية جهود الوساطة.",
                        "The Special Envoy and the Deputy Special Envoy are briefed regularly on "
                        "the groups' progress, and their documents are shared with the Office's "
                        "political team to inform its mediation.",
                    ),
                    p(
                        "ويقرر المبعوث الخاص وحده ما يشاركه من هذه المخرجات مع أطراف العملية "
                        "السياسية، ومتى وكيف.",
                        "The Special Envoy alone decides which outputs to share with the parties "
                        "to the political process, and when and how.",
                    ),
                ],
            ),
        ],
    ),
    (
        ("مساحة العمل الإلكترونية", "The online workspace"),
        [
            (
                (
                    "من يستطيع الدخول إلى مساحة عمل المجموعة؟",
                    "Who can enter a group's workspace?",
                ),
                [
                    p(
                        "لكل مجموعة مساحة عمل خاصة على المنصة لا يدخلها إلا أعضاؤها المعتمدون، "
                        "ومعهم المسؤول الفني للمجموعة وجهة الاتصال في مكتب المبعوث الخاص. ولا "
                        "يطّلع عليها أحد من خارجها.",
                        "Each group has a private workspace on the platform that only its "
                        "approved members can enter, together with the group's technical officer "
                        "and its focal point in the Office of the Special Envoy. Nobody outside "
                        "the group can see it.",
                    ),
                    p(
                        "لا يستطيع الأعضاء إضافة مشاركين أو حذفهم؛ يتولى ذلك فريق المنصة.",
                        "Members cannot add or remove participants; the platform team does that.",
                    ),
                ],
            ),
            (
                ("كيف أدخل إلى المنصة؟", "How do I sign in?"),
                [
                    p(
                        "لكل مشارك حساب شخصي باسم مستخدم وكلمة مرور لا يشاركهما مع أحد. ويظهر "
                        "الأعضاء داخل المجموعة بأسمائهم وصفاتهم.",
                        "Every participant has a personal account with a username and password "
                        "that they share with no one. Inside the group, members appear with "
                        "their names and titles.",
                    ),
                ],
            ),
            (
                ("ماذا يمكنني أن أفعل في مساحة العمل؟", "What can I do in the workspace?"),
                [
                    ul(
                        (
                            "بدء نقاش حول موضوع والرد على نقاشات الآخرين؛",
                            "start a discussion on a topic and reply to others;",
                        ),
                        ("طرح مخاوف أو قضايا ومناقشتها؛", "raise concerns and discuss them;"),
                        (
                            "مشاركة الوثائق والصور والمرفقات؛",
                            "share documents, images and attachments;",
                        ),
                        (
                            "صياغة النصوص بشكل مشترك مع بقية الأعضاء؛",
                            "draft texts together with the other members;",
                        ),
                        (
                            "الدردشة مع عضو واحد أو مع عدة أعضاء؛",
                            "chat with one member or with several;",
                        ),
                        (
                            "تخطيط الفعاليات التي تظهر في تقويمك الشخصي؛",
                            "plan events that appear in your own calendar;",
                        ),
                        (
                            "الانضمام إلى غرفة الاجتماعات المرئية الخاصة بالمجموعة.",
                            "join the group's video meeting room.",
                        ),
                    ),
                ],
            ),
            (
                (
                    "كيف أتابع عمل المجموعة دون فتح المنصة كل يوم؟",
                    "How do I keep up without opening the platform every day?",
                ),
                [
                    p(
                        "تصلك رسائل بالبريد الإلكتروني تنبهك إلى الردود الجديدة والفعاليات "
                        "القادمة. والصفحات خفيفة ومصممة للهاتف، فتعمل جيداً على الاتصالات "
                        "البطيئة.",
                        "Email notifications tell you about new replies and upcoming events. "
                        "Pages are light and designed for phones, so they work well on slow "
                        "connections.",
                    ),
                ],
            ),
            (
                (
                    "من يقدم المساعدة التقنية داخل المساحة؟",
                    "Who gives technical help inside the workspace?",
                ),
                [
                    p(
                        "لكل مجموعة مسؤول فني من فريق الغرفة، يساعد في المسائل التقنية ويحرص "
                        "على احترام مدونة قواعد السلوك، ولا يشارك في النقاشات.",
                        "Each group has a technical officer from the Room's team who helps with "
                        "technical matters and sees that the code of conduct is respected, but "
                        "does not take part in the discussions.",
                    ),
                ],
            ),
            (
                (
                    "هل توجد مساحة مشتركة مع المجلس الاستشاري النسائي؟",
                    "Is there a shared space with the Women's Advisory Board?",
                ),
                [
                    p(
                        "نعم. يضم المجلس الاستشاري النسائي سبع عشرة امرأة سورية من خلفيات "
                        "متنوعة، وقد يرتب مكتب المبعوث الخاص لقاءات بينه وبين مجموعات العمل. "
                        "ولهذا الغرض توجد على المنصة مساحة مشتركة تجمع المجموعات المعنية "
                        "بعضوات المجلس.",
                        "Yes. The Women's Advisory Board brings together seventeen Syrian women "
                        "from varied backgrounds, and the Office of the Special Envoy may arrange "
                        "exchanges between the Board and the working groups. A shared space on "
                        "the platform joins the groups concerned with the Board's members.",
                    ),
                ],
            ),
        ],
    ),
]


def _html(parts, language):
    """Rich text in one language (0: Arabic, 1: English) from (kind, ...) parts."""
    html = []
    for kind, *content in parts:
        if kind == "ul":
            items = "".join(f"<li>{escape(item[language])}</li>" for item in content[0])
            html.append(f"<ul>{items}</ul>")
        else:
            html.append(f"<p>{escape(content[language])}</p>")
    return "".join(html)


def _part_pairs(parts):
    for kind, *content in parts:
        if kind == "ul":
            yield from content[0]
        else:
            yield tuple(content)


def _pairs():
    """Every (Arabic, English) pair: the strings wagtail-localize finds in the Arabic page."""
    yield TITLE
    yield from _part_pairs(INTRO)
    for heading, questions in SECTIONS:
        yield heading
        for question, answer in questions:
            yield question
            yield from _part_pairs(answer)


def body_data():
    return [
        section_data(
            heading[0], [(question[0], _html(answer, 0)) for question, answer in questions]
        )
        for heading, questions in SECTIONS
    ]


ENGLISH = dict(_pairs())


def create_faq(home):
    """The Arabic FAQ under `home`, its English translation, and the home page's link to it."""
    arabic = locale("ar")
    faq = FAQPage.objects.child_of(home).filter(locale=arabic).first()
    if faq is None:
        faq = FAQPage(
            title=TITLE[0], slug=SLUG, intro=_html(INTRO, 0), body=body_data(), locale=arabic
        )
        home.add_child(instance=faq)
        faq.save_revision().publish()
    if not faq.has_translation(locale("en")):
        publish_translation(faq, "en", ENGLISH)
    if home.faq_page_id != faq.pk:
        home.faq_page = faq
        home.save_revision().publish()
    english_home = home.get_translation_or_none(locale("en"))
    if english_home is not None and english_home.specific.faq_page_id is None:
        # A sync carries the link over, pointed at the English FAQ.
        publish_translation(home, "en", HOME_ENGLISH)
    return faq
