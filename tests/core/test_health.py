import pytest


@pytest.mark.django_db
def test_healthz_answers_ok_when_the_database_answers(client):
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.content == b"ok\n"
    assert response["Content-Type"].startswith("text/plain")
    # A cached answer would hide an outage from the load balancer.
    assert "no-store" in response["Cache-Control"]


@pytest.mark.django_db
def test_healthz_answers_head(client):
    response = client.head("/healthz")
    assert response.status_code == 200
    assert response.content == b""


@pytest.mark.django_db
@pytest.mark.parametrize("method", ["post", "put", "delete"])
def test_healthz_refuses_changes(client, method):
    response = getattr(client, method)("/healthz")
    assert response.status_code == 405
    assert sorted(response["Allow"].split(", ")) == ["GET", "HEAD"]


@pytest.mark.django_db
def test_robots_txt_keeps_crawlers_out_of_private_areas(client):
    response = client.get("/robots.txt")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/plain")
    lines = response.content.decode().splitlines()
    assert "User-agent: *" in lines
    assert "Disallow: /admin/" in lines
    assert "Disallow: /accounts/" in lines
    assert "Sitemap: http://testserver/sitemap.xml" in lines
    assert not any(line.startswith("<") for line in lines)
