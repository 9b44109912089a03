"""The demo home pages: Arabic source, English through wagtail-localize."""

from wagtail.models import Page, Site

from home.models import HomePage, SiteSettings

from .translation import locale, publish_translation

TITLE = "غرفة دعم المجتمع المدني"
INTRO = (
    "<p>غرفة دعم المجتمع المدني مساحة يلتقي فيها فاعلون من المجتمع المدني السوري مع مكتب "
    "المبعوث الخاص للأمم المتحدة إلى سوريا، ليقدّموا خبرتهم ويتبادلوا الرأي حول العملية السياسية.</p>"
    "<p>تعمل مجموعات العمل التخصصية على موضوعات محددة لفترة من ثلاثة إلى أربعة أشهر، "
    "وتخرج بأوراق إحاطة لا تُنسب فيها الآراء إلى أصحابها.</p>"
)
ENGLISH = {
    TITLE: "Civil Society Support Room",
    "غرفة دعم المجتمع المدني مساحة يلتقي فيها فاعلون من المجتمع المدني السوري مع مكتب "
    "المبعوث الخاص للأمم المتحدة إلى سوريا، ليقدّموا خبرتهم ويتبادلوا الرأي حول العملية السياسية.": (
        "The Civil Society Support Room is where Syrian civil society actors meet the office of "
        "the UN Special Envoy for Syria to bring their expertise and exchange views on the "
        "political process."
    ),
    "تعمل مجموعات العمل التخصصية على موضوعات محددة لفترة من ثلاثة إلى أربعة أشهر، "
    "وتخرج بأوراق إحاطة لا تُنسب فيها الآراء إلى أصحابها.": (
        "Thematic working groups each take up one subject for three to four months and produce "
        "briefing papers in which no view is attributed to the person who voiced it."
    ),
}
CONTACT_EMAIL = "contact@example.org"


def create_home_pages():
    """The Arabic home page as the site root, and its English translation."""
    home = HomePage.objects.filter(locale=locale("ar")).first()
    if home is None:
        root = Page.get_first_root_node()
        home = HomePage(title=TITLE, slug="cssr", intro=INTRO, locale=locale("ar"))
        root.add_child(instance=home)
        home.save_revision().publish()
        site = Site.objects.filter(is_default_site=True).first()
        if site is None:
            site = Site.objects.create(hostname="localhost", is_default_site=True, root_page=home)
        else:
            # The empty welcome page that Wagtail's migrations create; nothing links to it.
            previous_root = site.root_page
            site.root_page = home
            site.site_name = "CSSR"
            site.save()
            if previous_root.specific_class is Page and previous_root.depth == 2:
                previous_root.delete()
    if not home.has_translation(locale("en")):
        publish_translation(home, "en", ENGLISH)
    settings = SiteSettings.for_site(home.get_site())
    if not settings.contact_email:
        settings.contact_email = CONTACT_EMAIL
        settings.save()
    return home
