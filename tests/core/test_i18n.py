import pytest
from bs4 import BeautifulSoup
from django.conf import settings
from wagtail.models import Locale

from workinggroups.models import WorkingGroupsPage

COOKIE = settings.LANGUAGE_COOKIE_NAME


def html_element(response):
    return BeautifulSoup(response.content, "html.parser").html


def language_switch(response):
    return BeautifulSoup(response.content, "html.parser").select_one("nav.language-switch")


def publish_untranslated_page(home, slug):
    """A page in the home page's language only, until an editor translates it."""
    page = WorkingGroupsPage(title=f"{slug} page", slug=slug, locale=home.locale)
    home.add_child(instance=page)
    page.save_revision().publish()
    return page


@pytest.mark.parametrize(
    ("cookie", "accept", "language", "direction"),
    [
        (None, None, "ar", "rtl"),
        (None, "en-GB,en;q=0.9", "en", "ltr"),
        ("ar", "en-GB,en;q=0.9", "ar", "rtl"),
        ("en", "ar", "en", "ltr"),
    ],
)
def test_sign_in_page_follows_the_cookie_then_the_browser(
    client, db, compiled_catalogues, cookie, accept, language, direction
):
    if cookie:
        client.cookies[COOKIE] = cookie
    headers = {"accept-language": accept} if accept else {}
    response = client.get("/accounts/login/", headers=headers)
    html = html_element(response)
    assert (html["lang"], html["dir"]) == (language, direction)
    heading = {"ar": "تسجيل الدخول", "en": "Sign in"}[language]
    assert html.find("h1").get_text(strip=True) == heading


@pytest.mark.parametrize(
    ("path", "target", "label"), [("/ar/", "/en/", "English"), ("/en/", "/ar/", "العربيّة")]
)
def test_language_switch_links_to_the_translated_page(client, demo_site, path, target, label):
    switch = language_switch(client.get(path))
    links = switch.find_all("a")
    assert [(a["href"], a["lang"], a.get_text(strip=True)) for a in links] == [
        (target, target.strip("/"), label)
    ]
    assert "not been translated" not in switch.get_text()
    assert switch.find("form") is None


def test_language_switch_follows_a_translated_subpage(client, demo_site):
    page = publish_untranslated_page(demo_site, "charter")
    english = page.copy_for_translation(Locale.objects.get(language_code="en"))
    english.save_revision().publish()

    switch = language_switch(client.get("/ar/charter/"))
    assert switch.find("a")["href"] == "/en/charter/"
    switch = language_switch(client.get("/en/charter/"))
    assert switch.find("a")["href"] == "/ar/charter/"


@pytest.mark.parametrize(
    ("source", "target", "note"),
    [
        ("ar", "en", "This page has not been translated yet."),
        ("en", "ar", "لم تُترجم هذه الصفحة بعد."),
    ],
)
def test_untranslated_page_says_so_in_the_other_language_and_offers_its_home(
    client, demo_site, compiled_catalogues, source, target, note
):
    home = demo_site.get_translation(Locale.objects.get(language_code=source))
    publish_untranslated_page(home, "only-here")

    response = client.get(f"/{source}/only-here/")
    assert response.status_code == 200
    switch = language_switch(response)
    link = switch.find("a")
    assert (link["href"], link["lang"]) == (f"/{target}/", target)
    remark = switch.select_one(".language-switch__note")
    assert (remark.get_text(strip=True), remark["lang"]) == (note, target)
    # The home page it offers really is there in that language.
    assert client.get(link["href"]).status_code == 200


def test_language_switch_on_sign_in_posts_to_set_language(client, db, compiled_catalogues):
    client.cookies[COOKIE] = "ar"
    switch = language_switch(client.get("/accounts/login/?next=/ar/"))
    form = switch.find("form")
    assert form["method"] == "post"
    assert form["action"] == "/i18n/setlang/"
    fields = {field["name"]: field.get("value") for field in form.find_all("input")}
    assert fields["language"] == "en"
    assert fields["next"] == "/accounts/login/?next=/ar/"
    assert "csrfmiddlewaretoken" in fields
    assert switch.find("a") is None

    response = client.post(form["action"], {"language": "en", "next": fields["next"]})
    assert (response.status_code, response["Location"]) == (302, "/accounts/login/?next=/ar/")
    assert response.cookies[COOKIE].value == "en"
    html = html_element(client.get(response["Location"]))
    assert html["lang"] == "en"
    assert html.find("h1").get_text(strip=True) == "Sign in"


@pytest.mark.parametrize(
    ("accept", "target"), [(None, "/ar/"), ("ar,en;q=0.5", "/ar/"), ("en-US,en;q=0.8", "/en/")]
)
def test_root_redirects_by_the_browser_language(client, demo_site, accept, target):
    headers = {"accept-language": accept} if accept else {}
    response = client.get("/", headers=headers)
    assert (response.status_code, response["Location"]) == (302, target)


@pytest.mark.parametrize(("cookie", "accept"), [("ar", "en"), ("en", "ar")])
def test_language_cookie_wins_over_the_browser(client, demo_site, cookie, accept):
    client.cookies[COOKIE] = cookie
    response = client.get("/", headers={"accept-language": accept})
    assert response["Location"] == f"/{cookie}/"


def test_visiting_a_language_remembers_it(client, demo_site):
    response = client.get("/en/", headers={"accept-language": "ar"})
    assert response.cookies[COOKIE].value == "en"
    assert response.cookies[COOKIE]["max-age"] == settings.LANGUAGE_COOKIE_AGE
    # Served from the public cache the second time, it still remembers the language.
    client.cookies[COOKIE] = "ar"
    again = client.get("/en/")
    assert again["X-Cache"] == "hit"
    assert again.cookies[COOKIE].value == "en"
    assert client.get("/", headers={"accept-language": "ar"})["Location"] == "/en/"


def test_a_missing_page_does_not_change_the_remembered_language(client, demo_site):
    client.cookies[COOKIE] = "ar"
    response = client.get("/en/no-such-page/")
    assert response.status_code == 404
    assert COOKIE not in response.cookies
