"""The page frame's shared parts (the `shared_fragment` tag: header and footer for visitors
who are not logged in) and the `icon` tag: shared only where they are the same."""

import re

import pytest
from django.template import Context, Template, TemplateSyntaxError
from django.urls import reverse
from django.utils import translation


def _current_nav(html: str) -> list[str]:
    return re.findall(r'aria-current="page"><span>([^<]+)</span>', html)


def test_the_header_kept_for_visitors_never_reaches_a_logged_in_user(
    client, entrepreneur, page_cache
):
    anonymous = client.get(reverse("challenges:list")).content.decode()
    assert "Log ind" in anonymous
    assert entrepreneur.email not in anonymous
    assert any(key.startswith(":1:shared:header:") for key in page_cache._cache)

    client.force_login(entrepreneur)
    logged_in = client.get(reverse("challenges:list")).content.decode()
    assert "Log ud" in logged_in
    assert "Log ind" not in logged_in
    # The logout form carries this session's CSRF token and works.
    response = client.post(reverse("account_logout"))
    assert response.status_code == 302
    assert "_auth_user_id" not in client.session

    again = client.get(reverse("challenges:list")).content.decode()
    assert "Log ind" in again
    assert "Log ud" not in again


def test_the_kept_header_follows_the_section_and_the_language(client, db, page_cache):
    challenges = client.get(reverse("challenges:list")).content.decode()
    solutions = client.get(reverse("solutions:list")).content.decode()
    assert _current_nav(challenges) == ["Udfordringer", "Udfordringer"]  # desktop and mobile
    assert _current_nav(solutions) == ["Løsninger", "Løsninger"]
    # The language links point at this page, query string included.
    filtered = client.get(reverse("solutions:list"), {"q": "cykel"}).content.decode()
    assert "/en/solutions/?q=cykel" in filtered

    with translation.override("en"):
        english = client.get(reverse("solutions:list")).content.decode()
    assert "Log in" in english
    assert _current_nav(english) == ["Solutions", "Solutions"]
    assert "Privacy and cookies" in english  # the footer, in English too


def test_the_csp_nonce_is_fresh_on_every_page(client, db, page_cache):
    first = client.get(reverse("solutions:list")).content.decode()
    second = client.get(reverse("solutions:list")).content.decode()
    nonces = [re.findall(r'<script[^>]*nonce="([^"]+)"', html) for html in (first, second)]
    assert nonces[0] and nonces[1]
    assert set(nonces[0]).isdisjoint(nonces[1])


def test_a_shared_fragment_needs_a_name_and_one_condition():
    with pytest.raises(TemplateSyntaxError):
        Template("{% shared_fragment %}x{% endshared_fragment %}")
    with pytest.raises(TemplateSyntaxError):
        Template('{% shared_fragment "x" unless a b %}x{% endshared_fragment %}')


def test_an_icon_is_decorative_unless_it_has_a_label():
    decorative = Template('{% icon "close" %}').render(Context())
    assert decorative.startswith('<svg class="icon-svg" focusable="false" aria-hidden="true">')
    assert 'icons.svg#close"></use>' in decorative

    labelled = Template('{% icon "error" css_class="alert-icon" label=text %}').render(
        Context({"text": 'Fejl "1" <b>'})
    )
    assert 'class="icon-svg alert-icon"' in labelled
    assert 'role="img" aria-label="Fejl &quot;1&quot; &lt;b&gt;"' in labelled
    assert "aria-hidden" not in labelled
