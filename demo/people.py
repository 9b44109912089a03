"""The demo people. Every name is invented.

Each user created here is marked `is_demo`; only marked users ever get the demo's password, so a
real account that happens to share a demo username is never taken over.
"""

from django.contrib.auth.models import Group

from accounts.models import User

# username: (display name, title, preferred language, Wagtail group or None)
DEMO_USERS = {
    "admin": ("مدير المنصة", "مسؤول تقني، فريق الغرفة", "ar", None),
    "editor": ("سلمى الخطيب", "محررة المحتوى العام، فريق الغرفة", "ar", "Editors"),
    "staff": ("Daniel Weber", "Platform officer, Office of the Special Envoy", "en", None),
    "officer_legal": ("رامي الحسن", "المسؤول التقني لمجموعة العمل القانونية", "ar", None),
    "focal_legal": ("Anna Lindqvist", "Political officer, Office of the Special Envoy", "en", None),
    "rapporteur_legal": ("هالة منصور", "محامية ومقررة المجموعة", "ar", None),
    "member_legal": ("يوسف العلي", "باحث في القانون الدستوري", "ar", None),
    "member_new": ("نور الدين قاسم", "ناشط في منظمة مجتمع مدني محلية", "ar", None),
    "member_electoral": ("ريم الشامي", "خبيرة في نظم الانتخابات", "ar", None),
    "wab_member": ("لمى العبدالله", "عضو المجلس الاستشاري النسائي", "ar", None),
}


# The demo's women: Arabic pages call them عضوة, مقرّرة … (`User.gender`); the men say so too.
WOMEN = {"editor", "focal_legal", "rapporteur_legal", "member_electoral", "wab_member"}


class DemoUsernameTaken(Exception):
    """Real users hold demo usernames; the demo must not touch them."""

    def __init__(self, usernames):
        self.usernames = usernames
        super().__init__(", ".join(usernames))


def users_not_created_here():
    return User.objects.filter(is_demo=False)


def taken_demo_usernames():
    """Demo usernames held by users this module did not create."""
    taken = users_not_created_here().filter(username__in=DEMO_USERS)
    return sorted(taken.values_list("username", flat=True))


def create_users(password):
    """Create the demo users once; later runs only reset their passwords.

    Raises `DemoUsernameTaken`, before changing anything, when a user it did not create holds
    one of the demo usernames.
    """
    taken = taken_demo_usernames()
    if taken:
        raise DemoUsernameTaken(taken)
    users = {}
    for username, (display_name, title, language, group_name) in DEMO_USERS.items():
        user, created = User.objects.get_or_create(
            username=username,
            defaults={
                "display_name": display_name,
                "title": title,
                "preferred_language": language,
                "email": f"{username}@example.org",
                "is_superuser": username == "admin",
                "is_staff": username == "admin",
                "is_demo": True,
                "gender": User.Gender.WOMAN if username in WOMEN else User.Gender.MAN,
            },
        )
        user.set_password(password)
        user.save(update_fields=["password"])
        if created and group_name:
            user.groups.add(Group.objects.get(name=group_name))
        users[username] = user
    return users
