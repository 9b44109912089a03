import os
from io import StringIO

import polib
import pytest
from django.core.management import CommandError, call_command
from django.test import override_settings

from core.management.commands.check_catalogues import catalogue_problems

HEADER = {
    "Language": "ar",
    "MIME-Version": "1.0",
    "Content-Type": "text/plain; charset=UTF-8",
    "Content-Transfer-Encoding": "8bit",
}


def compile_catalogues():
    out = StringIO()
    call_command("compile_catalogues", stdout=out)
    return out.getvalue()


def write_catalogue(locale_dir, language, entries, fuzzy_header=False):
    """A .po file of `entries` (msgid, msgstr, flags) under `locale_dir`, as makemessages lays out."""
    catalogue = polib.POFile()
    catalogue.metadata = {**HEADER, "Language": language}
    catalogue.metadata_is_fuzzy = fuzzy_header
    for msgid, msgstr, flags in entries:
        catalogue.append(polib.POEntry(msgid=msgid, msgstr=msgstr, flags=list(flags)))
    path = locale_dir / language / "LC_MESSAGES" / "django.po"
    path.parent.mkdir(parents=True, exist_ok=True)
    catalogue.save(str(path))
    return path


def test_the_committed_arabic_catalogue_is_complete(capsys):
    call_command("check_catalogues")
    assert capsys.readouterr().out.strip() == "The ar catalogue is complete."


def test_untranslated_and_fuzzy_strings_are_reported(tmp_path):
    write_catalogue(
        tmp_path,
        "ar",
        [
            ("Sign in", "تسجيل الدخول", []),
            ("Sign out", "", []),
            ("My profile", "ملفي الشخصي القديم", ["fuzzy"]),
        ],
    )
    with override_settings(LOCALE_PATHS=[tmp_path]):
        problems = catalogue_problems("ar")
        with pytest.raises(CommandError) as failure:
            call_command("check_catalogues")

    assert len(problems) == 2
    assert "untranslated: 'Sign out'" in problems[0]
    assert "fuzzy: 'My profile'" in problems[1]
    assert not any("Sign in" in problem for problem in problems)
    message = str(failure.value)
    assert "2 ar string(s) need a translation" in message
    assert "'Sign out'" in message and "'My profile'" in message


def test_a_fuzzy_header_is_reported(tmp_path):
    # gettext then ignores the whole file, so every string would show in English.
    write_catalogue(tmp_path, "ar", [("Sign in", "تسجيل الدخول", [])], fuzzy_header=True)
    with override_settings(LOCALE_PATHS=[tmp_path]):
        assert [
            problem.endswith("the header is marked fuzzy") for problem in catalogue_problems()
        ] == [True]


def test_only_the_checked_language_counts(tmp_path):
    write_catalogue(tmp_path, "ar", [("Sign in", "تسجيل الدخول", [])])
    write_catalogue(tmp_path, "en", [("Sign in", "", [])])
    with override_settings(LOCALE_PATHS=[tmp_path]):
        assert catalogue_problems("ar") == []
        assert catalogue_problems("fr") == ["no catalogue for 'fr' in LOCALE_PATHS"]


def test_compiled_catalogue_is_what_the_pages_show(client, db, tmp_path):
    write_catalogue(tmp_path, "ar", [("Forgotten your password?", "أنسيت كلمة السر؟", [])])
    client.cookies["cssr_language"] = "ar"
    with override_settings(LOCALE_PATHS=[tmp_path]):
        call_command("compile_catalogues", verbosity=0)
        assert "أنسيت كلمة السر؟" in client.get("/accounts/login/").content.decode()


def test_only_changed_catalogues_are_compiled_again(tmp_path):
    po_path = write_catalogue(tmp_path, "ar", [("Sign in", "تسجيل الدخول", [])])
    mo_path = po_path.with_suffix(".mo")
    with override_settings(LOCALE_PATHS=[tmp_path]):
        assert compile_catalogues() == f"compiled {po_path}\n"
        assert compile_catalogues() == ""

        catalogue = polib.pofile(str(po_path))
        catalogue.find("Sign in").msgstr = "الدخول"
        catalogue.save()
        later = mo_path.stat().st_mtime + 1
        os.utime(po_path, (later, later))
        assert compile_catalogues() == f"compiled {po_path}\n"
    assert polib.mofile(str(mo_path)).find("Sign in").msgstr == "الدخول"
