"""The page frame's shared parts (the `shared_fragment` tag: header and footer for visitors
who are not logged in), the `icon` and `page_links` tags and the per-process cache they use:
shared only where they are the same."""

import re

import pytest
from django.core.paginator import Paginator
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


def test_page_links_keep_the_other_parameters_and_leave_out_the_middle():
    from portal.templatetags.portal_tags import page_links

    paginator = Paginator(range(500), 20)
    assert page_links(Paginator(range(5), 20).page(1)) is None

    first = page_links(paginator.page(1), "q=ost&")
    assert (first.first, first.previous) == ("", "")
    assert (first.next, first.last) == ("?q=ost&page=2", "?q=ost&page=25")
    assert [item.number for item in first.items] == [1, 2, "…", 25]
    assert [item.current for item in first.items] == [True, False, False, False]
    assert first.items[1].label == "Side 2"
    assert first.items[2].url == ""  # the gap is no link
    assert first.position == "Side 1 af 25"

    middle = page_links(paginator.page(12))
    assert [item.number for item in middle.items] == [1, "…", 11, 12, 13, "…", 25]
    assert (middle.first, middle.previous, middle.next) == ("?page=1", "?page=11", "?page=13")

    last = page_links(paginator.page(25))
    assert (last.next, last.last) == ("", "")


def test_the_page_cache_keeps_strings_as_they_are_and_copies_everything_else(page_cache):
    from django.utils.safestring import SafeString, mark_safe

    page_cache.set("html", mark_safe("<li>x</li>"))
    assert isinstance(page_cache.get("html"), SafeString)
    page_cache.set("choices", ["a", "b"])
    page_cache.get("choices").append("changed by one request")
    assert page_cache.get("choices") == ["a", "b"]
    page_cache.set("count", 1)
    assert page_cache.incr("count") == 2
    assert page_cache.get_many(["html", "count", "missing"]) == {"html": "<li>x</li>", "count": 2}
    assert page_cache.add("count", 5) is False
