import polib
from django.core.management.base import BaseCommand, CommandError

from .compile_catalogues import catalogue_paths, shown_path


def catalogue_problems(language_code="ar"):
    """Untranslated or fuzzy entries of one language's catalogues, as readable lines."""
    paths = [p for p in catalogue_paths() if p.parent.parent.name == language_code]
    if not paths:
        return [f"no catalogue for {language_code!r} in LOCALE_PATHS"]
    problems = []
    for po_path in paths:
        catalogue = polib.pofile(str(po_path))
        where = shown_path(po_path)
        if catalogue.metadata_is_fuzzy:
            # gettext ignores a catalogue whose header is fuzzy, translations and all.
            problems.append(f"{where}: the header is marked fuzzy")
        for entry in catalogue:
            if entry.obsolete:
                continue
            if entry.fuzzy:
                problems.append(f"{where}: fuzzy: {entry.msgid!r}")
            elif not entry.translated():
                problems.append(f"{where}: untranslated: {entry.msgid!r}")
    return problems


class Command(BaseCommand):
    help = "Fail when a string of the Arabic catalogue is missing or fuzzy."

    def add_arguments(self, parser):
        parser.add_argument("--language", default="ar")

    def handle(self, *args, language, **options):
        problems = catalogue_problems(language)
        if problems:
            raise CommandError(
                f"{len(problems)} {language} string(s) need a translation:\n" + "\n".join(problems)
            )
        self.stdout.write(f"The {language} catalogue is complete.")
