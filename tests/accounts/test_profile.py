from bs4 import BeautifulSoup

from accounts.models import User

PROFILE = "/accounts/profile/"


def field_values(response):
    """What the profile form shows in each field, as the browser would submit it."""
    form = BeautifulSoup(response.content, "html.parser").select_one("main form")
    values = {}
    for field in form.find_all(["input", "select"]):
        if field.name == "select":
            selected = field.find("option", selected=True)
            values[field["name"]] = selected["value"] if selected else None
        elif field["type"] == "radio":
            if field.has_attr("checked"):
                values[field["name"]] = field["value"]
        elif field["type"] != "hidden":
            values[field["name"]] = field.get("value", "")
    return values


def test_anonymous_visitors_are_sent_to_sign_in(client, db):
    response = client.get(PROFILE)
    assert (response.status_code, response["Location"]) == (
        302,
        "/accounts/login/?next=/accounts/profile/",
    )


def test_profile_shows_the_users_details(client, demo_users):
    client.force_login(demo_users["member_legal"])
    response = client.get(PROFILE)
    assert response.status_code == 200
    assert field_values(response) == {
        "display_name": "يوسف العلي",
        "title": "باحث في القانون الدستوري",
        "email": "member_legal@example.org",
        "preferred_language": "ar",
        "time_zone": "Asia/Damascus",
        "gender": "m",
        "month_names": "levant",
        "clock": "24",
    }


def test_saving_the_profile_keeps_every_field_and_switches_the_language(
    client, demo_users, compiled_catalogues
):
    client.force_login(demo_users["member_legal"])
    client.cookies["cssr_language"] = "ar"
    changes = {
        "display_name": "Youssef Al-Ali",
        "title": "Constitutional law researcher",
        "email": "youssef@example.org",
        "preferred_language": "en",
        "time_zone": "Europe/Zurich",
        "gender": "",
        "month_names": "cairo",
        "clock": "12",
    }
    response = client.post(PROFILE, changes)
    assert (response.status_code, response["Location"]) == (302, PROFILE)
    assert response.cookies["cssr_language"].value == "en"

    page = client.get(PROFILE)
    soup = BeautifulSoup(page.content, "html.parser")
    assert soup.html["lang"] == "en"
    assert soup.select_one(".messages").get_text(strip=True) == "Your profile has been saved."
    assert field_values(page) == changes
    user = User.objects.get(username="member_legal")
    assert (user.get_display_name(), user.time_zone) == ("Youssef Al-Ali", "Europe/Zurich")


def test_saving_in_arabic_confirms_in_arabic(client, demo_users, compiled_catalogues):
    client.force_login(demo_users["staff"])
    client.cookies["cssr_language"] = "en"
    values = {**field_values(client.get(PROFILE)), "preferred_language": "ar"}
    client.post(PROFILE, values)
    page = client.get(PROFILE)
    soup = BeautifulSoup(page.content, "html.parser")
    assert (soup.html["lang"], soup.html["dir"]) == ("ar", "rtl")
    assert soup.select_one(".messages").get_text(strip=True) == "تم حفظ ملفك الشخصي."


def test_invalid_profile_changes_nothing(client, demo_users):
    client.force_login(demo_users["member_legal"])
    client.cookies["cssr_language"] = "ar"
    values = field_values(client.get(PROFILE))
    response = client.post(
        PROFILE,
        {**values, "display_name": "Changed", "email": "not-an-address", "time_zone": "Mars/Base"},
    )
    assert response.status_code == 200
    assert set(response.context["form"].errors) == {"email", "time_zone"}
    assert "cssr_language" not in response.cookies
    assert User.objects.get(username="member_legal").display_name == "يوسف العلي"


def test_profile_fields_show_user_text_in_its_own_direction(client, demo_users):
    client.force_login(demo_users["member_legal"])
    form = BeautifulSoup(client.get(PROFILE).content, "html.parser").select_one("main form")
    assert form.find("input", attrs={"name": "display_name"})["dir"] == "auto"
    assert form.find("input", attrs={"name": "title"})["dir"] == "auto"
    assert form.find("input", attrs={"name": "email"})["dir"] == "ltr"


def test_the_time_zone_list_starts_with_the_cities_people_know_by_name(
    client, demo_users, compiled_catalogues
):
    client.force_login(demo_users["member_legal"])
    client.cookies["cssr_language"] = "ar"
    html = client.get("/accounts/profile/").content.decode()
    select = BeautifulSoup(html, "html.parser").select_one("select[name=time_zone]")
    first = select.select_one("optgroup")
    names = [option.text for option in first.select("option")]
    assert names[:3] == ["دمشق", "بيروت", "عمّان"]
    assert "إسطنبول، غازي عنتاب" in names
    # Then every zone by its IANA name.
    assert select.select_one("option[value='America/Toronto']").text == "America/Toronto"
