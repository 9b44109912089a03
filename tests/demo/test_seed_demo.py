from io import StringIO

import pytest
from django.apps import apps
from django.contrib.auth import authenticate
from django.core.management import CommandError, call_command

from accounts.models import User
from tests.world import DEMO_PASSWORD

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


@pytest.mark.slow
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


def test_second_run_changes_only_the_passwords(seeded_world, db, client):
    # The first run is the session's world, seeded with DEMO_PASSWORD (tests/world.py).
    member = User.objects.get(username="member_legal")
    member.display_name = "اسم اختاره العضو"
    member.save(update_fields=["display_name"])
    before = row_counts()

    seed("--force", "--password", "second-pass")

    assert row_counts() == before
    assert User.objects.get(username="member_legal").display_name == "اسم اختاره العضو"
    for username in DEMO_USERNAMES:
        assert authenticate(username=username, password=DEMO_PASSWORD) is None, username
        assert authenticate(username=username, password="second-pass") is not None, username
    assert client.get("/ar/").status_code == 200
    assert client.get("/en/").status_code == 200

    # `make run` seeds only an empty database; here it leaves everything, passwords included.
    output = seed("--force", "--if-empty", "--password", "third-pass")
    assert "already has users" in output
    assert row_counts() == before
    assert authenticate(username="member_legal", password="second-pass") is not None
    assert authenticate(username="member_legal", password="third-pass") is None


def test_refuses_a_database_with_users_it_did_not_create(db, settings):
    # `manage.py` defaults to development settings: DEBUG alone does not say "demo database".
    settings.DEBUG = True
    real = User.objects.create_user("amira", password="her-own-pass-1")
    before = row_counts()

    with pytest.raises(CommandError, match="did not create") as refused:
        seed("--password", "demo-pass")

    assert "amira" in str(refused.value)
    assert "--force" in str(refused.value)
    assert row_counts() == before
    assert authenticate(username="amira", password="her-own-pass-1") == real


def test_never_takes_over_a_real_user_with_a_demo_name_even_when_forced(db, settings):
    settings.DEBUG = True
    real_admin = User.objects.create_superuser("admin", password="the-real-admin-pass")
    before = row_counts()

    for args in (("--password", "demo-pass"), ("--force", "--password", "demo-pass")):
        with pytest.raises(CommandError, match="admin") as refused:
            seed(*args)
        assert row_counts() == before
    assert "password" in str(refused.value)
    assert authenticate(username="admin", password="the-real-admin-pass") == real_admin
    assert authenticate(username="admin", password="demo-pass") is None


@pytest.mark.slow
def test_forced_seeding_beside_real_users_leaves_them_alone(db, settings):
    real = User.objects.create_user("amira", password="her-own-pass-1")
    seed("--force", "--password", "demo-pass")
    seed("--force", "--password", "demo-pass-2")
    assert authenticate(username="amira", password="her-own-pass-1") == real
    assert authenticate(username="member_legal", password="demo-pass-2") is not None


@pytest.mark.slow
def test_a_rerun_on_a_demo_only_database_only_resets_the_passwords(db, settings):
    settings.DEBUG = True
    seed("--password", "first-pass")
    before = row_counts()

    seed("--password", "second-pass")

    assert row_counts() == before
    for username in DEMO_USERNAMES:
        assert authenticate(username=username, password="second-pass") is not None, username
