import re

import pytest
from bs4 import BeautifulSoup
from django.contrib.auth import authenticate
from django.core import mail

LOGIN = "/accounts/login/"


def form_of(response):
    return BeautifulSoup(response.content, "html.parser").select_one("main form")


def signed_in_username(client):
    response = client.get("/accounts/profile/")
    return response.context["user"].username if response.status_code == 200 else None


def test_sign_in_form_is_plain_html_without_a_language_prefix(client, db):
    response = client.get(LOGIN)
    assert response.status_code == 200
    form = form_of(response)
    assert (form["method"], form["action"]) == ("post", LOGIN)
    assert form.find("input", attrs={"name": "username"})["type"] == "text"
    assert form.find("input", attrs={"name": "password"})["type"] == "password"


@pytest.mark.parametrize("cookie", ["ar", "en"])
def test_sign_in_post_is_answered_directly_and_honours_next(client, demo_users, cookie):
    client.cookies["cssr_language"] = cookie
    response = client.post(
        LOGIN,
        {"username": "member_legal", "password": "demo-pass", "next": "/en/"},
        headers={"accept-language": "en"},
    )
    assert (response.status_code, response["Location"]) == (302, "/en/")
    assert signed_in_username(client) == "member_legal"


def test_next_from_the_query_string_is_carried_through_the_form(client, demo_users):
    form = form_of(client.get(LOGIN, {"next": "/ar/workspaces/"}))
    assert form.find("input", attrs={"name": "next"})["value"] == "/ar/workspaces/"
    response = client.post(
        LOGIN, {"username": "editor", "password": "demo-pass", "next": "/ar/workspaces/"}
    )
    assert response["Location"] == "/ar/workspaces/"


def test_next_to_another_site_is_ignored(client, demo_users):
    response = client.post(
        LOGIN,
        {"username": "editor", "password": "demo-pass", "next": "https://elsewhere.example/"},
    )
    assert response.status_code == 302
    assert not response["Location"].startswith("https://elsewhere.example")
    assert response["Location"].endswith("/workspaces/start/")


@pytest.mark.parametrize(
    ("language", "error"),
    [
        ("en", "Please enter a correct username and password."),
        ("ar", "الرجاء إدخال اسم المستخدم وكلمة السر الصحيحين."),
    ],
)
def test_wrong_password_shows_an_error_and_keeps_the_username(
    client, demo_users, compiled_catalogues, language, error
):
    client.cookies["cssr_language"] = language
    response = client.post(LOGIN, {"username": "member_legal", "password": "wrong", "next": "/ar/"})
    assert response.status_code == 200
    form = form_of(response)
    assert error in form.select_one("[role=alert]").get_text(" ", strip=True)
    assert form.find("input", attrs={"name": "username"})["value"] == "member_legal"
    assert form.find("input", attrs={"name": "password"}).get("value") is None
    assert form.find("input", attrs={"name": "next"})["value"] == "/ar/"
    assert signed_in_username(client) is None


def test_signed_in_visitor_is_sent_on_from_the_sign_in_page(client, demo_users):
    client.force_login(demo_users["member_legal"])
    response = client.get(LOGIN, {"next": "/en/"})
    assert (response.status_code, response["Location"]) == (302, "/en/")


def test_sign_out_is_a_post_and_ends_the_session(client, demo_users):
    client.force_login(demo_users["member_legal"])
    assert client.get("/accounts/logout/").status_code == 405
    assert signed_in_username(client) == "member_legal"
    response = client.post("/accounts/logout/")
    assert (response.status_code, response["Location"]) == (302, "/")
    assert signed_in_username(client) is None


def test_password_change(client, demo_users):
    client.force_login(demo_users["member_legal"])
    assert client.get("/accounts/password/").status_code == 200

    refused = client.post(
        "/accounts/password/",
        {
            "old_password": "wrong",
            "new_password1": "n3w-Pass-2027",
            "new_password2": "n3w-Pass-2027",
        },
    )
    assert refused.status_code == 200
    assert refused.context["form"].errors["old_password"]

    response = client.post(
        "/accounts/password/",
        {
            "old_password": "demo-pass",
            "new_password1": "n3w-Pass-2027",
            "new_password2": "n3w-Pass-2027",
        },
    )
    assert (response.status_code, response["Location"]) == (302, "/accounts/password/done/")
    # Changing the password keeps this session signed in.
    assert signed_in_username(client) == "member_legal"
    assert authenticate(username="member_legal", password="demo-pass") is None
    assert authenticate(username="member_legal", password="n3w-Pass-2027") is not None


def request_reset(client, email, language):
    client.cookies["cssr_language"] = language
    response = client.post(
        "/accounts/password/reset/", {"email": email}, headers={"accept-language": language}
    )
    assert (response.status_code, response["Location"]) == (302, "/accounts/password/reset/sent/")


@pytest.mark.parametrize(
    ("username", "request_language", "subject", "greeting"),
    [
        (
            "member_legal",
            "en",
            "اختر كلمة مرور جديدة لحسابك في غرفة دعم المجتمع المدني",
            "مرحباً يوسف العلي،",
        ),
        (
            "staff",
            "ar",
            "Choose a new password for the Civil Society Support Room",
            "Hello Daniel Weber,",
        ),
    ],
)
def test_reset_email_is_in_the_users_language(
    client, demo_users, compiled_catalogues, username, request_language, subject, greeting
):
    request_reset(client, f"{username}@example.org", request_language)
    [message] = mail.outbox
    assert message.to == [f"{username}@example.org"]
    assert message.subject == subject
    assert message.body.startswith(greeting)


def test_reset_for_an_unknown_address_looks_the_same_and_sends_nothing(client, demo_users):
    request_reset(client, "nobody@example.org", "en")
    assert mail.outbox == []


def test_reset_link_sets_a_new_password_once(client, demo_users):
    request_reset(client, "member_legal@example.org", "ar")
    [link] = re.findall(r"http://testserver(/accounts/password/reset/\S+/)", mail.outbox[0].body)

    # Django swaps the token for a session value before showing the form.
    response = client.get(link)
    assert response.status_code == 302
    form_url = response["Location"]
    assert form_url.startswith("/accounts/password/reset/")
    assert form_of(client.get(form_url)).find("input", attrs={"name": "new_password1"})

    response = client.post(
        form_url, {"new_password1": "Fresh-pass-991", "new_password2": "Fresh-pass-991"}
    )
    assert (response.status_code, response["Location"]) == (
        302,
        "/accounts/password/reset/complete/",
    )
    assert authenticate(username="member_legal", password="demo-pass") is None
    assert (
        client.post(LOGIN, {"username": "member_legal", "password": "Fresh-pass-991"}).status_code
        == 302
    )

    client.logout()
    used = client.get(link, follow=True)
    assert used.context["validlink"] is False
    assert form_of(used) is None


@pytest.mark.parametrize("url", [LOGIN, "/accounts/password/", "/accounts/password/reset/"])
def test_usernames_passwords_and_addresses_are_typed_left_to_right(client, demo_users, url):
    if url == "/accounts/password/":
        client.force_login(demo_users["editor"])
    inputs = BeautifulSoup(client.get(url).content, "html.parser").select(
        "main input[type=text], main input[type=password], main input[type=email]"
    )
    assert inputs
    assert {field["name"]: field.get("dir") for field in inputs} == dict.fromkeys(
        [field["name"] for field in inputs], "ltr"
    )
