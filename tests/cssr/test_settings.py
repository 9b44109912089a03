import os
import subprocess
import sys

from django.conf import settings
from wagtail.models import Page, PageViewRestriction

MANAGE = settings.BASE_DIR / "manage.py"


def run_with_production_settings(**environment):
    """`manage.py check` in a fresh interpreter that sees only `environment` and the basics."""
    env = {"PATH": os.environ.get("PATH", ""), **environment}
    return subprocess.run(
        [sys.executable, str(MANAGE), "check", "--settings=cssr.settings.production"],
        cwd=settings.BASE_DIR,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_production_refuses_to_start_without_a_secret_key():
    result = run_with_production_settings()
    assert result.returncode != 0
    assert "ImproperlyConfigured: SECRET_KEY must be set" in result.stderr


def test_production_starts_with_a_secret_key():
    result = run_with_production_settings(SECRET_KEY="a-long-random-production-key")
    assert result.returncode == 0, result.stderr
    assert "System check identified no issues" in result.stdout


def test_restricted_pages_send_visitors_to_the_sign_in_page(client, demo_site):
    assert settings.WAGTAIL_FRONTEND_LOGIN_URL == "/accounts/login/"
    page = Page(title="للأعضاء فقط", slug="members-only")
    demo_site.add_child(instance=page)
    page.save_revision().publish()
    PageViewRestriction.objects.create(page=page, restriction_type=PageViewRestriction.LOGIN)

    response = client.get("/ar/members-only/")
    assert (response.status_code, response["Location"]) == (
        302,
        "/accounts/login/?next=/ar/members-only/",
    )
