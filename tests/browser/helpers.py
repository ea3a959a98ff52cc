"""Steps shared by the browser journeys (no test module imports from another one)."""

from django.urls import reverse

from tests.factories import PASSWORD


def log_in(page, email, password=PASSWORD, *, code=None):
    """Sign in through the login form; with `code`, answer the two-factor step too."""
    page.goto(reverse("account_login"))
    page.locator("#id_login").fill(email)
    page.locator("#id_password").fill(password)
    page.locator("main button[type=submit]").first.click()
    page.wait_for_load_state()
    if code:
        page.locator("#id_code").fill(code)
        page.locator("main button.button-primary[type=submit]").click()
        page.wait_for_load_state()


def log_out(page):
    page.locator("header form[action*='logout'] button").first.click()
    page.wait_for_load_state()
