from argparse import RawDescriptionHelpFormatter
from pathlib import Path

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError, DjangoHelpFormatter
from django.db import transaction
from wagtail.coreutils import find_available_slug
from wagtail.models import Locale, Page, Site

from faq.importer import MAX_HEADING_WORDS, FAQFormatError, parse
from faq.models import FAQPage

RULES = f"""

Format of FILE (UTF-8 plain text):
  - every non-empty line is one paragraph; blank lines only separate;
  - the first non-empty line is the page title;
  - a line ending in ? or ؟ is a question;
  - a line starting with "- " or "•" is a list item; neighbouring items form one bulleted list;
  - a heading is a line of at most {MAX_HEADING_WORDS} words, not a question or list item, not
    ending in punctuation (. , : ; ! ? … ، ؛ ؟), whose next non-empty line is a question; it
    starts a new section;
  - the lines after a question, up to the next question or heading, are its answer; inside an
    answer, a line that would pass as a heading but is followed by more answer text becomes a
    bold paragraph;
  - lines between the title and the first question or heading are the introduction; questions
    before the first heading form a first section without a heading.
The file is refused, and nothing is created, when it is not UTF-8, is empty, has no question,
or has a question without an answer.
"""


class HelpFormatter(DjangoHelpFormatter, RawDescriptionHelpFormatter):
    """Django's option order, with the line breaks of the format rules kept."""


class Command(BaseCommand):
    help = (
        "Turn a plain-text FAQ document into a draft FAQ page (saved as a revision, not "
        "published) under the home page of the given locale." + RULES
    )

    def create_parser(self, prog_name, subcommand, **kwargs):
        kwargs.setdefault("formatter_class", HelpFormatter)
        return super().create_parser(prog_name, subcommand, **kwargs)

    def add_arguments(self, parser):
        parser.add_argument("file", type=Path, help="The FAQ document, UTF-8 plain text.")
        parser.add_argument(
            "--locale", required=True, help="Language code of the page, for example ar or en."
        )
        parser.add_argument(
            "--parent",
            metavar="SLUG",
            help="Slug of the parent page in that locale (default: the locale's home page).",
        )
        parser.add_argument(
            "--slug", default="faq", help="Slug of the new page (default: faq, made unique)."
        )
        parser.add_argument(
            "--dry-run",
            action="store_true",
            help="Only print what was recognised; create nothing.",
        )

    def handle(self, *args, file, locale, parent, slug, dry_run, **options):
        faq = parse_file(file)
        self.report(faq)
        locale = get_locale(locale)
        parent_page = get_parent(locale, parent)
        if not FAQPage.can_create_at(parent_page):
            raise CommandError(
                f"An FAQ page cannot be created under “{parent_page.title}”: it must go under a "
                "home page, and each home page holds at most one FAQ page."
            )
        if dry_run:
            self.stdout.write("Dry run: nothing created.")
            return
        with transaction.atomic():
            page = create_draft(faq, parent_page, slug)
        self.stdout.write(
            self.style.SUCCESS(
                f"Draft FAQ page “{page.title}” created under “{parent_page.title}” "
                f"(id {page.pk}, not published). Review and publish it at "
                f"/admin/pages/{page.pk}/edit/"
            )
        )

    def report(self, faq):
        sections, questions = len(faq.sections), len(faq.questions)
        self.stdout.write(f"Title: {faq.title}")
        if faq.intro:
            self.stdout.write(f"Introduction: {len(faq.intro)} paragraph(s) or list(s)")
        self.stdout.write(f"Recognised {sections} section(s) and {questions} question(s):")
        for number, section in enumerate(faq.sections, start=1):
            self.stdout.write(f"  {number}. {section.heading or '(no heading)'}")
            for question in section.questions:
                self.stdout.write(f"     - {question.text}")


def parse_file(path):
    try:
        raw = path.read_bytes()
    except OSError as error:
        raise CommandError(f"Cannot read {path}: {error.strerror}") from error
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise CommandError(
            f"{path} is not UTF-8 text (byte {error.start} cannot be read); "
            "save it as UTF-8 and try again."
        ) from error
    try:
        return parse(text)
    except FAQFormatError as error:
        raise CommandError(f"{path} cannot be imported: {error}") from error


def get_locale(language_code):
    try:
        return Locale.objects.get(language_code=language_code)
    except Locale.DoesNotExist:
        codes = ", ".join(Locale.objects.values_list("language_code", flat=True))
        raise CommandError(f"No locale “{language_code}”; the site has: {codes}.") from None


def get_parent(locale, slug):
    if slug:
        candidates = list(Page.objects.filter(locale=locale, slug=slug)[:2])
        if len(candidates) != 1:
            problem = "No page" if not candidates else "More than one page"
            raise CommandError(f"{problem} with the slug “{slug}” in {locale.language_code}.")
        return candidates[0].specific
    site = Site.objects.filter(is_default_site=True).select_related("root_page").first()
    home = site.root_page.get_translation_or_none(locale) if site else None
    if home is None:
        raise CommandError(
            f"The site has no home page in {locale.language_code}; name one with --parent."
        )
    return home.specific


def create_draft(faq, parent, slug):
    page = FAQPage(
        title=faq.title,
        slug=find_available_slug(parent, slug),
        intro=faq.intro_html(),
        body=faq.body_data(),
        locale=parent.locale,
        live=False,
    )
    try:
        page.body = FAQPage._meta.get_field("body").stream_block.clean(page.body)
        parent.add_child(instance=page)
    except ValidationError as error:
        raise CommandError(f"The page would not be valid: {error}") from error
    page.save_revision()
    return page
