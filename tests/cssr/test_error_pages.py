import pytest
from bs4 import BeautifulSoup
from django.urls import path


def broken(request):
    raise RuntimeError("a view that fails")


# The URLconf of test_server_error_page_is_bilingual_and_needs_no_database: Django's own
# handler500 answers, as it does for the real URLconf.
urlpatterns = [path("broken/", broken)]


@pytest.mark.parametrize(
    ("language", "direction", "heading", "text"),
    [
        ("ar", "rtl", "الصفحة غير موجودة", "الصفحة التي طلبتها غير موجودة، أو غير متاحة لك."),
        (
            "en",
            "ltr",
            "Page not found",
            "The page you asked for does not exist, or is not available to you.",
        ),
    ],
)
def test_page_not_found_in_the_visitors_language(
    client, demo_site, compiled_catalogues, language, direction, heading, text
):
    response = client.get(f"/{language}/nope/")
    assert response.status_code == 404
    soup = BeautifulSoup(response.content, "html.parser")
    assert (soup.html["lang"], soup.html["dir"]) == (language, direction)
    assert soup.find("h1").get_text(strip=True) == heading
    assert text in soup.get_text()
    assert soup.find("a", href=f"/{language}/") is not None


def test_unprefixed_missing_page_goes_to_the_prefixed_404(client, demo_site):
    response = client.get("/nope/", headers={"accept-language": "en"})
    assert (response.status_code, response["Location"]) == (302, "/en/nope/")
    assert client.get(response["Location"]).status_code == 404


@pytest.mark.urls(__name__)
def test_server_error_page_is_bilingual_and_needs_no_database(client, caplog):
    client.raise_request_exception = False
    response = client.get("/broken/")
    assert response.status_code == 500
    soup = BeautifulSoup(response.content, "html.parser")
    assert (soup.html["lang"], soup.html["dir"]) == ("ar", "rtl")
    assert "حدث خطأ في الخادم" in soup.get_text()
    english = soup.find(lang="en")
    assert english["dir"] == "ltr"
    assert english.find("h1").get_text(strip=True) == "Server error"
    assert {a["href"] for a in soup.find_all("a")} == {"/ar/", "/en/"}
    # The failure itself is logged for the team, not shown to the visitor.
    assert "a view that fails" not in response.content.decode()
    assert [r.getMessage() for r in caplog.records if r.name == "django.request"] == [
        "Internal Server Error: /broken/"
    ]
