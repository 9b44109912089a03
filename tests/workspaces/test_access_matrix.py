"""Who gets what from every workspace address (security invariants 1 and 2).

Addresses are discovered (tests/workspaces/discovery.py), not listed here: every route of the
workspaces URLconf and every live page of the tree. Each needs a row in EXPECTATIONS below, so a
new address fails these tests until someone decides who may use it.
"""

from dataclasses import dataclass, field
from urllib.parse import parse_qs, urlsplit

import pytest

from .conftest import without_csrf_tokens
from .discovery import addresses, objects_of

# Hundreds of requests per person: `make test-fast` leaves the matrix to `make test`.
pytestmark = pytest.mark.slow

ANONYMOUS = "anonymous"
OUTSIDER = "outsider"
MEMBER = "member"
RAPPORTEUR = "rapporteur"
OFFICER = "officer"
FOCAL_POINT = "focal_point"
STAFF = "staff"
INSIDE = (MEMBER, RAPPORTEUR, OFFICER, FOCAL_POINT, STAFF)
METHODS = ("GET", "HEAD", "OPTIONS", "POST")
# The interface language changes nothing of who may enter: every method in Arabic, GET in English.
LANGUAGES = {"ar": METHODS, "en": ("GET",)}

# Who plays which part in each demo workspace: (username, role the table knows them by).
CASTS = {
    "legal-constitutional": {
        "anonymous": (None, ANONYMOUS),
        "outsider": ("outsider", OUTSIDER),
        "editor": ("editor", OUTSIDER),
        "member of another group": ("member_electoral", OUTSIDER),
        "member of a shared space only": ("wab_member", OUTSIDER),
        "member": ("member_legal", MEMBER),
        "rapporteur": ("rapporteur_legal", RAPPORTEUR),
        "technical officer": ("officer_legal", OFFICER),
        "focal point": ("focal_legal", FOCAL_POINT),
        "staff": ("staff", STAFF),
        "superuser": ("admin", STAFF),
    },
    "electoral": {
        "anonymous": (None, ANONYMOUS),
        "outsider": ("outsider", OUTSIDER),
        "member of another group": ("member_legal", OUTSIDER),
        "technical officer of another group": ("officer_legal", OUTSIDER),
        "member": ("member_electoral", MEMBER),
        "staff": ("staff", STAFF),
    },
    "women-advisory-board-shared": {
        "anonymous": (None, ANONYMOUS),
        "outsider": ("outsider", OUTSIDER),
        "editor": ("editor", OUTSIDER),
        "member": ("wab_member", MEMBER),
        "member through an admitted group": ("member_legal", MEMBER),
        # A rapporteur of one group is an ordinary member of a shared space.
        "rapporteur through an admitted group": ("rapporteur_legal", MEMBER),
        "technical officer through an admitted group": ("officer_legal", OFFICER),
        "focal point through an admitted group": ("focal_legal", FOCAL_POINT),
        "member of the other admitted group": ("member_electoral", MEMBER),
        "staff": ("staff", STAFF),
    },
}


def everyone(status):
    return dict.fromkeys(INSIDE, status)


def only(roles, status, otherwise):
    """`status` for `roles`, `otherwise` for every other role inside."""
    return {role: status if role in roles else otherwise for role in INSIDE}


# An empty POST to a form: the form again with its errors, as a page or as a bad request.
INVALID = frozenset({200, 400})
POSTING = {MEMBER, RAPPORTEUR}  # members, and rapporteurs with exactly their rights
MODERATING = {OFFICER, STAFF}
REPORTING = {MEMBER, RAPPORTEUR, FOCAL_POINT}  # everyone with a role but the officer


@dataclass(frozen=True)
class Inside:
    """An address inside one workspace. Anonymous visitors are sent to sign in and everyone
    else who is not inside gets 404, whatever the method; insiders get, by role and method,
    the status below (OPTIONS is answered 405 unless said otherwise). POSTs carry no data."""

    get: dict
    post: dict
    options: dict = field(default_factory=lambda: everyone(405))

    def status(self, role, method):
        if role == OUTSIDER:
            return 404
        return {"GET": self.get, "HEAD": self.get, "POST": self.post, "OPTIONS": self.options}[
            method
        ][role]


@dataclass(frozen=True)
class Personal:
    """An address of one's own (not of a workspace): the same for everyone signed in."""

    get: int
    post: int
    options: int = 405

    def status(self, role, method):
        return {"GET": self.get, "HEAD": self.get, "POST": self.post, "OPTIONS": self.options}[
            method
        ]


def needing(roles, get, post):
    """An address only `roles` may use. The others are refused (403) whatever the method,
    OPTIONS included: the right is checked before the method."""
    return Inside(
        get=only(roles, get, 403), post=only(roles, post, 403), options=only(roles, 405, 403)
    )


READ = Inside(get=everyone(200), post=everyone(405))
# Edit screens are their author's; the demo's first posts are nobody's in these casts.
AUTHOR_ONLY = Inside(get=everyone(403), post=everyone(403))

EXPECTATIONS = {
    # Routes of the URLconf, by name.
    "workspaces:index": Personal(get=200, post=405),
    # Where signing in leads: into one's only workspace, or to the list of them.
    "workspaces:start": Personal(get=302, post=405),
    # A newcomer's start page, after the code of conduct; about oneself only.
    "workspaces:welcome": Personal(get=200, post=405),
    # A POST without the box ticked shows the code again with an error.
    "workspaces:code_of_conduct": Personal(get=200, post=200),
    "workspaces:members": READ,
    "workspaces:workspace": Inside(get=everyone(200), post=everyone(200)),
    # The page tree's catch-all, filled with a path that leads to no page.
    "workspaces:subpage": Inside(get=everyone(404), post=everyone(404)),
    "workspaces:discussions:list": READ,
    "workspaces:search:list": READ,
    "workspaces:discussions:new": needing(POSTING, get=200, post=INVALID),
    "workspaces:discussions:edit": AUTHOR_ONLY,
    # Replying takes a POST only.
    "workspaces:discussions:reply_new": Inside(get=everyone(405), post=only(POSTING, INVALID, 403)),
    # A reply's permalink leads to its place in the discussion.
    "workspaces:discussions:reply": Inside(get=everyone(302), post=everyone(405)),
    "workspaces:discussions:reply_edit": AUTHOR_ONLY,
    "workspaces:discussions:report_discussion": needing(REPORTING, get=200, post=INVALID),
    "workspaces:discussions:report_reply": needing(REPORTING, get=200, post=INVALID),
    "workspaces:discussions:hide_discussion": needing(MODERATING, get=200, post=INVALID),
    "workspaces:discussions:restore_discussion": needing(MODERATING, get=200, post=INVALID),
    "workspaces:discussions:hide_reply": needing(MODERATING, get=200, post=INVALID),
    "workspaces:discussions:restore_reply": needing(MODERATING, get=200, post=INVALID),
    "workspaces:moderation:list": needing(MODERATING, get=200, post=405),
    "workspaces:moderation:log": needing(MODERATING, get=200, post=405),
    # Dismissing names a report; without one there is nothing to find.
    "workspaces:moderation:dismiss": needing(MODERATING, get=405, post=404),
    "workspaces:files:list": READ,
    "workspaces:files:new": needing(POSTING, get=200, post=INVALID),
    "workspaces:files:detail": READ,
    "workspaces:files:new_version": needing(POSTING, get=405, post=INVALID),
    "workspaces:files:thumbnail": READ,
    "workspaces:files:download": READ,
    "workspaces:files:preview": READ,
    "workspaces:files:rendition": READ,
    "workspaces:events:list": READ,
    "workspaces:events:month": READ,
    "workspaces:events:ics": READ,
    "workspaces:events:new": needing(POSTING, get=200, post=INVALID),
    # Events are changed by their organiser; the demo's event is organised by staff.
    "workspaces:events:edit": Inside(get=only({STAFF}, 200, 403), post=only({STAFF}, 200, 403)),
    "workspaces:events:cancel": Inside(get=everyone(405), post=only({STAFF}, 302, 403)),
    # Answering an invitation (even without a choice) leads back to the event.
    "workspaces:events:answer": Inside(get=everyone(405), post=everyone(302)),
    "workspaces:drafts:list": READ,
    "workspaces:drafts:history": READ,
    "workspaces:drafts:compare": READ,
    # Staff post a reason to export a note that names people; a clean note needs none.
    "workspaces:drafts:export_pdf": Inside(get=everyone(200), post=only({STAFF}, 200, 403)),
    "workspaces:drafts:export_docx": Inside(get=everyone(200), post=only({STAFF}, 200, 403)),
    "workspaces:drafts:new": needing(POSTING, get=200, post=INVALID),
    "workspaces:drafts:edit": needing(POSTING, get=200, post=INVALID),
    "workspaces:drafts:restore": needing(POSTING, get=405, post=INVALID),
    "workspaces:drafts:comment": needing(POSTING, get=405, post=INVALID),
    "workspaces:drafts:resolve": needing(POSTING, get=405, post=INVALID),
    # Publishing a draft as the group's paper is for staff.
    "workspaces:drafts:publish": needing({STAFF}, get=200, post=200),
    # Chat: the list and the room are everyone's inside; members and rapporteurs write in the
    # room (officers read and moderate it). The room is the conversation the matrix reaches.
    "workspaces:chat:list": READ,
    "workspaces:chat:new": Inside(get=everyone(200), post=everyone(200)),
    "workspaces:chat:conversation": READ,
    "workspaces:chat:messages": READ,
    "workspaces:chat:search": READ,
    # Sending a library file here is for those who may post files.
    "workspaces:chat:library": needing(POSTING, get=200, post=405),
    # Changing or deleting a message is its author's, for a while; the demo's are older.
    "workspaces:chat:edit": AUTHOR_ONLY,
    "workspaces:chat:delete": Inside(get=everyone(405), post=everyone(403)),
    "workspaces:chat:send": Inside(get=everyone(405), post=only(POSTING, 400, 403)),
    "workspaces:chat:report_message": needing(REPORTING, get=200, post=INVALID),
    "workspaces:chat:hide_message": needing(MODERATING, get=200, post=INVALID),
    "workspaces:chat:restore_message": needing(MODERATING, get=200, post=INVALID),
    # Pages of the tree, by type.
    "page:workspaces.workspacepage": Inside(get=everyone(200), post=everyone(200)),
    "page:discussions.discussionpage": Inside(get=everyone(200), post=everyone(200)),
    "page:events.eventpage": Inside(get=everyone(200), post=everyone(200)),
    "page:drafts.draftpage": Inside(get=everyone(200), post=everyone(200)),
}


def _request(client, method, url):
    return getattr(client, method.lower())(url)


def body(response):
    if response.streaming:
        return b"".join(response.streaming_content)
    return response.content


def _check(address, method, role, response, expected, title):
    """What is wrong with `response`, as sentences; empty when it is right."""
    wrong = []
    got = response.status_code
    content = body(response)
    if role == ANONYMOUS:
        location = response.get("Location", "")
        target = urlsplit(location)
        if got != 302 or target.path != "/accounts/login/":
            wrong.append(f"expected a redirect to sign in, got {got} {location}")
        elif parse_qs(target.query).get("next") != [address.url]:
            wrong.append(f"sign-in does not lead back: {location}")
        return wrong
    if got not in (expected if isinstance(expected, frozenset) else {expected}):
        detail = f" to {response['Location']}" if got in (301, 302) else ""
        wanted = (
            " or ".join(map(str, sorted(expected))) if isinstance(expected, frozenset) else expected
        )
        wrong.append(f"expected {wanted}, got {got}{detail}")
    cache_control = response.get("Cache-Control", "")
    if not {"private", "no-store"} <= {part.strip() for part in cache_control.split(",")}:
        wrong.append(f"Cache-Control is {cache_control!r}, not private and no-store")
    if method == "HEAD" and content:
        wrong.append("HEAD answered with a body")
    if role == OUTSIDER and title.encode() in content:
        wrong.append("the workspace title shows")
    return wrong


_found = {}


def workspace_addresses(world, slug, language):
    """The addresses of a workspace, each route filled with objects staff can open.

    The seeded world is the same in every test, so the search runs once per seeding.
    """
    key = (world.generation, slug, language)
    if key not in _found:
        staff = world.client("staff")
        _found[key] = addresses(
            world.workspaces[slug], language, works=lambda url: staff.get(url).status_code != 404
        )
    return _found[key]


def _cases():
    for slug, cast in CASTS.items():
        for person in cast:
            yield pytest.param(slug, person, id=f"{slug}-{person.replace(' ', '_')}")


@pytest.mark.parametrize(("slug", "person"), list(_cases()))
def test_every_workspace_address_answers_each_person_as_documented(world, slug, person):
    username, role = CASTS[slug][person]
    workspace = world.workspaces[slug]
    client = world.client(username)
    failures = []
    for language, methods in LANGUAGES.items():
        found, problems = workspace_addresses(world, slug, language)
        failures += problems
        assert any(address.kind.startswith("page:") for address in found)
        for address in found:
            rule = EXPECTATIONS.get(address.kind)
            if rule is None:
                failures.append(f"{address}: not in EXPECTATIONS; say who may use it")
                continue
            for method in methods:
                response = _request(client, method, address.url)
                expected = rule.status(role, method) if role != ANONYMOUS else None
                for wrong in _check(address, method, role, response, expected, workspace.title):
                    failures.append(f"{method} {address} as {person}: {wrong}")
    assert not failures, "\n".join(failures)


@pytest.mark.parametrize("method", METHODS)
def test_outsiders_cannot_tell_a_workspace_from_one_that_does_not_exist(world, method):
    client = world.client("member_electoral")
    real_path, made_up_path = (
        "workspaces/legal-constitutional/",
        "workspaces/legal-constitutionnal/",
    )
    real = _request(client, method, f"/ar/{real_path}")
    made_up = _request(client, method, f"/ar/{made_up_path}")
    assert real.status_code == made_up.status_code == 404
    # Both pages carry their own address (sign-in and language links); nothing else differs.
    assert without_csrf_tokens(real.content).replace(real_path.encode(), b"ADDRESS") == (
        without_csrf_tokens(made_up.content).replace(made_up_path.encode(), b"ADDRESS")
    )
    assert _headers(real) == _headers(made_up)


def _headers(response):
    # Expires carries the second of the answer; the length follows the address in the body.
    ignored = {"Expires", "Set-Cookie", "Content-Length"}
    return {name: value for name, value in response.items() if name not in ignored}


@pytest.mark.parametrize("username", ["member_legal", "officer_legal", "staff"])
def test_an_object_of_one_workspace_is_not_found_under_another(world, username):
    """Objects are looked up inside the workspace of the address, never by id alone: another
    workspace's discussion, reply or file under this workspace's address is not found (or
    refused before anything is looked up), even for staff who may see both."""
    legal, electoral = world.workspaces["legal-constitutional"], world.workspaces["electoral"]
    own = {address.kind: address.url for address in workspace_addresses(world, legal.slug, "ar")[0]}
    mixed, problems = addresses(legal, objects=objects_of(electoral))
    assert not problems
    crossed = [
        address
        for address in mixed
        if not address.kind.startswith("page:") and own.get(address.kind) not in (None, address.url)
    ]
    assert crossed, "no workspace address takes an object other than the workspace"
    client = world.client(username)
    failures = [
        f"{method} {address}: {status}"
        for address in crossed
        for method in ("GET", "POST")
        if (status := _request(client, method, address.url).status_code) not in (403, 404, 405)
    ]
    assert not failures, "\n".join(failures)
