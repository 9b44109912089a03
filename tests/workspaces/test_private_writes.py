"""What members, officers and staff do inside workspaces never empties the public page cache.

Discussions and events are Wagtail pages published in the workspace tree, and memberships re-sync
its view restrictions; none of that is public, so anonymous readers keep their cached pages.
"""

import io

from django.urls import reverse
from PIL import Image

from core.cache import current_generation
from home.models import HomePage
from tests.workspaces.drafts.conftest import BASE_REVISION
from workspaces.discussions.models import DiscussionPage
from workspaces.drafts.models import DraftPage
from workspaces.events.models import EventPage
from workspaces.models import Membership, Role

SLUG = "legal-constitutional"


def png(name="chart.png"):
    out = io.BytesIO()
    Image.new("RGB", (8, 8), "teal").save(out, format="PNG")
    out.seek(0)
    out.name = name
    return out


def event_data(**overrides):
    return {
        "title": "لقاء المجموعة الشهري",
        "description": "نراجع المسودة الثانية.",
        "time_zone": "Asia/Damascus",
        "start": "2031-06-10T14:00",
        "end": "2031-06-10T16:00",
        "online": "on",
        "location": "",
        **overrides,
    }


def base_revision(client, draft_url):
    return BASE_REVISION.search(client.get(draft_url).content.decode()).group(1)


def test_no_workspace_action_empties_the_public_page_cache(world):
    member = world.client("member_legal")
    officer = world.client("officer_legal")
    staff = world.client("staff")
    anonymous = world.client()
    assert anonymous.get("/ar/")["X-Cache"] == "miss"
    workspace = world.workspaces[SLUG]
    url = f"/ar/workspaces/{SLUG}"
    changed = {}

    def act(name, client, address, data=None):
        before = current_generation()
        response = client.post(address, data or {})
        assert response.status_code == 302, (name, response.status_code)
        changed[name] = current_generation() != before
        return response

    act(
        "start a discussion",
        member,
        f"{url}/discussions/new/",
        {"kind": "discussion", "title": "نقاش خاص بالمجموعة", "body": "نص أول", "tags": ""},
    )
    discussion = DiscussionPage.objects.get(title="نقاش خاص بالمجموعة")
    act("reply", member, f"{url}/discussions/{discussion.pk}/reply/", {"body": "رد أول"})
    reply = discussion.replies.get(body="رد أول")
    act(
        "edit a discussion",
        member,
        f"{url}/discussions/{discussion.pk}/edit/",
        {"kind": "discussion", "title": "نقاش خاص معدل", "body": "نص معدل", "tags": "دستور"},
    )
    act(
        "edit a reply",
        member,
        f"{url}/discussions/replies/{reply.pk}/edit/",
        {"body": "رد معدل"},
    )
    act("upload a file", member, f"{url}/library/upload/", {"files": [png()]})

    act("plan an event", member, f"{url}/calendar/new/", event_data())
    event = EventPage.objects.get(title="لقاء المجموعة الشهري")
    act(
        "answer an event",
        world.client("rapporteur_legal"),
        f"{url}/calendar/{event.pk}/answer/",
        {"answer": "going"},
    )
    act(
        "edit an event",
        member,
        f"{url}/calendar/{event.pk}/edit/",
        event_data(title="لقاء المجموعة الشهري المؤجل"),
    )

    act("start a draft", member, f"{url}/drafts/new/", {"title": "مسودة خاصة", "kind": "text"})
    draft = DraftPage.objects.get(title="مسودة خاصة")
    edit_url = reverse("workspaces:drafts:edit", args=[SLUG, draft.pk])
    act(
        "save a draft",
        member,
        edit_url,
        {
            "base_revision": base_revision(member, edit_url),
            "title": "مسودة خاصة",
            "body": "فقرة أولى من المسودة.",
        },
    )
    act(
        "comment on a draft",
        world.client("rapporteur_legal"),
        reverse("workspaces:drafts:comment", args=[SLUG, draft.pk]),
        {"passage": "فقرة أولى", "body": "نقترح صياغة أوضح."},
    )

    for post, key in ((reply, "reply"), (discussion, "discussion")):
        for action in ("hide", "restore"):
            act(
                f"{action} a {key} (officer)",
                officer,
                reverse(
                    f"workspaces:discussions:{action}_{key}",
                    kwargs={"slug": SLUG, f"{key}_id": post.pk},
                ),
                {"reason": "مراجعة"},
            )

    outsider = world.users["outsider"]
    act(
        "add a member (staff)",
        staff,
        "/admin/memberships/new/",
        {"user": outsider.pk, "workspace": workspace.pk, "role": Role.MEMBER, "state": "active"},
    )
    membership = Membership.objects.get(user=outsider, workspace=workspace)
    act("remove a member (staff)", staff, f"/admin/memberships/delete/{membership.pk}/")

    assert changed == dict.fromkeys(changed, False)
    assert anonymous.get("/ar/")["X-Cache"] == "hit"

    # What the cache is for still works: a publication on the public site empties it.
    home = HomePage.objects.get(locale__language_code="ar")
    home.save_revision().publish()
    assert anonymous.get("/ar/")["X-Cache"] == "miss"
