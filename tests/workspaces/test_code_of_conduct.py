"""Nobody enters a workspace before accepting the current code of conduct."""

import datetime
import json
from urllib.parse import parse_qs, urlencode, urlsplit

import pytest
from django.utils import timezone

from workspaces.models import CodeOfConduct, CodeOfConductAcceptance

from .discovery import addresses

CODE = "/ar/workspaces/code-of-conduct/"
WORKSPACE = "/ar/workspaces/legal-constitutional/"
MEMBERS = "/ar/workspaces/legal-constitutional/members/"


def accept(client, next_url=None, ticked=True):
    data = {"accept": "yes"} if ticked else {}
    if next_url is not None:
        data["next"] = next_url
    return client.post(CODE, data)


def sent_to_code(response, url):
    location = urlsplit(response.get("Location", ""))
    return (
        response.status_code == 302
        and location.path == CODE.replace("/ar/", f"/{url.split('/')[1]}/")
        and parse_qs(location.query).get("next") == [url]
    )


@pytest.mark.parametrize("language", ["ar", "en"])
def test_a_newcomer_is_sent_to_the_code_from_every_workspace_address(world, language):
    client = world.client("member_new")
    wrong = []
    for slug in ("legal-constitutional", "women-advisory-board-shared"):
        found, problems = addresses(world.workspaces[slug], language)
        assert not problems
        for address in found:
            if not address.workspace:
                continue
            for method in ("GET", "HEAD", "POST"):
                response = getattr(client, method.lower())(address.url)
                if not sent_to_code(response, address.url):
                    wrong.append(f"{method} {address}: {response.status_code}")
    assert not wrong, "\n".join(wrong)
    # The code itself, and their (still empty-handed) list of workspaces, open.
    assert client.get(CODE).status_code == 200
    assert client.get("/ar/workspaces/").status_code == 200


def test_the_code_page_shows_the_text_and_the_version(world):
    page = world.client("member_new").get(CODE).content.decode()
    assert "نحترم بعضنا بعضاً" in page
    assert 'name="accept"' in page


def test_accepting_is_stored_with_its_time_and_version(world):
    user = world.users["member_new"]
    before = timezone.now()
    response = accept(world.client("member_new"))
    acceptance = CodeOfConductAcceptance.objects.get(user=user)
    assert acceptance.code == CodeOfConduct.current()
    assert acceptance.code.version == 1
    assert before <= acceptance.accepted_at <= timezone.now()
    # A newcomer is welcomed first; without a `next`, the welcome leads to their workspaces.
    assert response["Location"] == "/ar/workspaces/welcome/"


def test_without_the_box_ticked_nothing_is_stored_and_the_door_stays_shut(world):
    client = world.client("member_new")
    response = accept(client, next_url=WORKSPACE, ticked=False)
    assert response.status_code == 200
    assert not CodeOfConductAcceptance.objects.filter(user=world.users["member_new"]).exists()
    assert sent_to_code(client.get(WORKSPACE), WORKSPACE)


def test_next_brings_the_newcomer_back_to_where_they_were_going(world):
    client = world.client("member_new")
    redirect = client.get(MEMBERS)
    next_url = parse_qs(urlsplit(redirect["Location"]).query)["next"][0]
    # The form carries `next` along from the address it was reached by.
    form = client.get(redirect["Location"]).content.decode()
    assert f'name="next" value="{MEMBERS}"' in form
    response = accept(client, next_url=next_url)
    # By way of the welcome page, whose "Continue" leads on.
    assert response["Location"] == f"/ar/workspaces/welcome/?{urlencode({'next': MEMBERS})}"
    assert f'href="{MEMBERS}"' in client.get(response["Location"]).content.decode()
    assert client.get(MEMBERS).status_code == 200
    assert client.get(WORKSPACE).status_code == 200


@pytest.mark.parametrize(
    "next_url",
    [
        "https://phishing.example/ar/workspaces/",
        "//phishing.example/ar/workspaces/",
        "javascript:alert(1)",
        "http://testserver.phishing.example/",
    ],
)
def test_an_off_site_next_is_ignored(world, next_url):
    client = world.client("member_new")
    form = client.get(f"{CODE}?{urlencode({'next': next_url})}").content.decode()
    assert 'name="next" value=""' in form
    response = accept(client, next_url=next_url)
    assert response["Location"] == "/ar/workspaces/welcome/"
    # Nor does the welcome page lead there, whatever its own address says.
    welcome = client.get(f"/ar/workspaces/welcome/?{urlencode({'next': next_url})}")
    assert next_url not in welcome.content.decode()


def test_a_new_version_published_by_staff_must_be_accepted_again_by_everyone(world):
    staff = world.client("staff")
    text = json.dumps(
        {
            "blocks": [
                {
                    "key": "v2a",
                    "type": "unstyled",
                    "depth": 0,
                    "text": "نلتزم أيضاً بعدم مشاركة لقطات الشاشة خارج المجموعة.",
                    "inlineStyleRanges": [],
                    "entityRanges": [],
                }
            ],
            "entityMap": {},
        }
    )
    published = timezone.localtime() - datetime.timedelta(minutes=1)
    response = staff.post(
        "/admin/snippets/workspaces/codeofconduct/add/",
        {"text": text, "published_at": published.strftime("%Y-%m-%d %H:%M")},
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    current = CodeOfConduct.current()
    assert current.version == 2

    for username in ("member_legal", "rapporteur_legal", "officer_legal", "focal_legal"):
        client = world.client(username)
        assert sent_to_code(client.get(WORKSPACE), WORKSPACE), username
        assert "لقطات الشاشة" in client.get(CODE).content.decode()
        accept(client, next_url=WORKSPACE)
        assert client.get(WORKSPACE).status_code == 200, username
        assert CodeOfConductAcceptance.objects.filter(
            user=world.users[username], code=current
        ).exists()
    # Staff run the workspaces; they are not asked.
    assert staff.get(WORKSPACE).status_code == 200


def test_a_version_published_for_later_asks_nobody_yet(world):
    CodeOfConduct.objects.create(
        text="<p>نسخة قادمة</p>", published_at=timezone.now() + datetime.timedelta(days=7)
    )
    assert world.client("member_legal").get(WORKSPACE).status_code == 200
    assert "نسخة قادمة" not in world.client("member_new").get(CODE).content.decode()
