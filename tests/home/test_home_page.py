import pytest


@pytest.mark.parametrize(
    ("language", "direction", "heading"),
    [("ar", "rtl", "غرفة دعم المجتمع المدني"), ("en", "ltr", "Civil Society Support Room")],
)
def test_home_page_per_language(client, demo_site, language, direction, heading):
    response = client.get(f"/{language}/")
    html = response.content.decode()
    assert response.status_code == 200
    assert f'<html lang="{language}" dir="{direction}">' in html
    assert heading in html
