"""Every answer of an account address is kept out of every cache, errors and redirects included.

The profile shows the secret address of the person's calendar feed; sign-in, password and
calendar pages carry personal data or one-time links. A browser, a proxy or the public page cache
must never keep any of them.
"""

import pytest
from django.contrib.auth.tokens import default_token_generator
from django.test import Client
from django.urls import URLPattern, get_resolver, reverse
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode

from accounts.models import User

PASSWORD = "pw-12345-long"
# The calendar address is reset or revoked from the profile: an account action too.
CALENDAR_ACTIONS = {"calendar_feed:regenerate", "calendar_feed:revoke"}


def account_url_names():
    """Every named address of the account URL module, and the profile's calendar actions."""
    namespace = get_resolver().namespace_dict["accounts"][1]
    names = {
        f"accounts:{pattern.name}"
        for pattern in namespace.url_patterns
        if isinstance(pattern, URLPattern)
    }
    return names | CALENDAR_ACTIONS


@pytest.fixture
def user(db):
    return User.objects.create_user(
        "reader", email="reader@example.org", password=PASSWORD, display_name="قارئ"
    )


def reset_link(user):
    uid = urlsafe_base64_encode(force_bytes(user.pk))
    return reverse(
        "accounts:password_reset_confirm", args=[uid, default_token_generator.make_token(user)]
    )


def bad_reset_link(user):
    return reverse("accounts:password_reset_confirm", args=["MQ", "bad-token"])


def signed_in(client, user):
    client.force_login(user)
    return client


# (url name, signed in, method, address or a function of the user, form data, status)
CASES = [
    ("accounts:login", False, "get", None, None, 200),
    ("accounts:login", False, "post", None, {"username": "reader", "password": "wrong"}, 200),
    ("accounts:login", False, "post", None, {"username": "reader", "password": PASSWORD}, 302),
    ("accounts:login", True, "get", None, None, 302),
    ("accounts:logout", True, "post", None, None, 302),
    ("accounts:logout", True, "get", None, None, 405),
    ("accounts:profile", False, "get", None, None, 302),
    ("accounts:profile", True, "get", None, None, 200),
    (
        "accounts:profile",
        True,
        "post",
        None,
        {
            "display_name": "قارئ",
            "title": "",
            "email": "reader@example.org",
            "preferred_language": "ar",
            "time_zone": "UTC",
            "month_names": "levant",
            "clock": "24",
        },
        302,
    ),
    ("accounts:password_change", False, "get", None, None, 302),
    ("accounts:password_change", True, "get", None, None, 200),
    ("accounts:password_change", True, "post", None, {"old_password": "wrong"}, 200),
    ("accounts:password_change_done", False, "get", None, None, 302),
    ("accounts:password_change_done", True, "get", None, None, 200),
    ("accounts:password_reset", False, "get", None, None, 200),
    ("accounts:password_reset", False, "post", None, {"email": "reader@example.org"}, 302),
    ("accounts:password_reset_done", False, "get", None, None, 200),
    ("accounts:password_reset_confirm", False, "get", bad_reset_link, None, 200),
    ("accounts:password_reset_confirm", False, "get", reset_link, None, 302),
    ("accounts:password_reset_complete", False, "get", None, None, 200),
    ("calendar_feed:regenerate", False, "post", None, None, 302),
    ("calendar_feed:regenerate", True, "post", None, None, 302),
    ("calendar_feed:regenerate", True, "get", None, None, 405),
    ("calendar_feed:revoke", True, "post", None, None, 302),
    ("calendar_feed:revoke", True, "get", None, None, 405),
]


def assert_never_stored(response):
    directives = {part.strip() for part in response.get("Cache-Control", "").split(",")}
    assert {"private", "no-store", "no-cache", "must-revalidate", "max-age=0"} <= directives
    assert "Expires" in response


def test_every_account_address_is_checked():
    assert {case[0] for case in CASES} == account_url_names()


@pytest.mark.parametrize(
    ("name", "signed", "method", "address", "data", "status"),
    CASES,
    ids=[f"{case[0]}-{case[2]}-{case[5]}-{number}" for number, case in enumerate(CASES)],
)
def test_account_answers_are_never_stored(
    client, user, name, signed, method, address, data, status
):
    if signed:
        signed_in(client, user)
    url = address(user) if address else reverse(name)
    response = getattr(client, method)(url, data)
    assert response.status_code == status
    assert_never_stored(response)


def test_the_set_password_form_of_a_reset_link_is_never_stored(client, user):
    set_password = client.get(reset_link(user))["Location"]
    response = client.get(set_password)
    assert response.status_code == 200
    assert "new_password1" in response.content.decode()
    assert_never_stored(response)


def test_a_refused_sign_in_is_never_stored(user):
    client = Client(enforce_csrf_checks=True)
    response = client.post(reverse("accounts:login"), {"username": "reader", "password": PASSWORD})
    assert response.status_code == 403
    assert_never_stored(response)
