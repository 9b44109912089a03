from io import StringIO

import pytest
from django.apps import apps
from django.contrib.auth import authenticate
from django.core.management import CommandError, call_command

from accounts.models import User

# The demo users of DESIGN.md's stable contract.
DEMO_USERNAMES = {
    "admin",
    "editor",
    "staff",
    "officer_legal",
    "focal_legal",
    "rapporteur_legal",
    "member_legal",
    "member_new",
    "member_electoral",
    "wab_member",
}


def seed(*args):
    out = StringIO()
    call_command("seed_demo", *args, stdout=out)
    return out.getvalue()


def row_counts():
    """Rows of every table, so a rerun that adds or removes anything anywhere shows."""
    return {model._meta.label: model._default_manager.count() for model in apps.get_models()}


def test_refuses_with_debug_off(db, settings):
    settings.DEBUG = False
    with pytest.raises(CommandError, match="--force"):
        seed("--password", "first-pass")
    assert not User.objects.exists()


def test_seeds_an_empty_database_with_debug_on(db, settings):
    settings.DEBUG = True
    output = seed("--if-empty", "--password", "first-pass")
    assert "first-pass" in output
    assert set(User.objects.values_list("username", flat=True)) == DEMO_USERNAMES
    for username in DEMO_USERNAMES:
        assert authenticate(username=username, password="first-pass") is not None, username
    assert list(User.objects.filter(is_superuser=True).values_list("username", flat=True)) == [
        "admin"
    ]
    assert User.objects.get(username="editor").groups.filter(name="Editors").exists()


def test_second_run_changes_only_the_passwords(db, client):
    seed("--force", "--password", "first-pass")
    member = User.objects.get(username="member_legal")
    member.display_name = "اسم اختاره العضو"
    member.save(update_fields=["display_name"])
    before = row_counts()

    seed("--force", "--password", "second-pass")

    assert row_counts() == before
    assert User.objects.get(username="member_legal").display_name == "اسم اختاره العضو"
    for username in DEMO_USERNAMES:
        assert authenticate(username=username, password="first-pass") is None, username
        assert authenticate(username=username, password="second-pass") is not None, username
    assert client.get("/ar/").status_code == 200
    assert client.get("/en/").status_code == 200

    # `make run` seeds only an empty database; here it leaves everything, passwords included.
    output = seed("--force", "--if-empty", "--password", "third-pass")
    assert "already has users" in output
    assert row_counts() == before
    assert authenticate(username="member_legal", password="second-pass") is not None
    assert authenticate(username="member_legal", password="third-pass") is None
