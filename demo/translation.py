"""Shared plumbing for the demo world: each module of `demo` builds its part with these."""

from django.db import transaction
from wagtail.models import Locale, Page
from wagtail_localize.models import StringSegment, StringTranslation, Translation, TranslationSource


class DemoError(Exception):
    pass


def locale(code):
    return Locale.objects.get_or_create(language_code=code)[0]


@transaction.atomic
def publish_translation(page, language_code, strings):
    """Translate `page` (or a translatable snippet) through wagtail-localize, as an editor would.

    `strings` maps each Arabic source string (as wagtail-localize segments it) to its
    translation. The result is a managed translation, so an editor can later change the source
    and sync it. A source string without a translation is an error, never a silent fallback.
    """
    target = locale(language_code)
    if isinstance(page, Page):
        # Pages keep their (ASCII) slug across languages; the language prefix tells them apart.
        strings = {page.slug: page.slug, **strings}
    source, created = TranslationSource.get_or_create_from_instance(page)
    if not created:
        source.update_from_db()
    translation, _ = Translation.objects.get_or_create(
        source=source, target_locale=target, defaults={"enabled": True}
    )
    segments = StringSegment.objects.filter(source=source).select_related("string", "context")
    missing = [s.string.data for s in segments if s.string.data not in strings]
    if missing:
        raise DemoError(f"No {language_code} text for: {missing!r}")
    for segment in segments:
        StringTranslation.objects.update_or_create(
            translation_of=segment.string,
            locale=target,
            context=segment.context,
            defaults={"data": strings[segment.string.data]},
        )
    if not isinstance(page, Page):
        translation.save_target()
        return page.get_translation(target)
    # wagtail-localize publishes pages on commit; publishing the saved revision here makes the
    # translation live at once, also inside an enclosing transaction (seed_demo, tests).
    translation.save_target(publish=False)
    translated = page.get_translation(target)
    translated.get_latest_revision().publish()
    return translated
