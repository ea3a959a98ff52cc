"""A double-submitted enquiry form (a double click, a proxy that retries) makes one
enquiry, also when both posts arrive at once; each shown form is a new submission."""

import importlib
import re
import threading

import pytest
from django.apps import apps
from django.db import connection
from django.test import Client
from django.urls import reverse

from enquiries.models import Enquiry, Topic
from portal.models import OutgoingEmail


def _form_data(client) -> dict:
    page = client.get(reverse("enquiries:create")).content.decode()
    submission = re.search(r'name="submission" value="([^"]+)"', page).group(1)
    return {
        "name": "Anna Jensen",
        "email": "anna@example.org",
        "topic": Topic.objects.get(slug="premises").pk,
        "message": "Vi søger et køkken på Nørrebro.",
        "consent": "on",
        "submission": submission,
    }


def test_the_same_form_posted_twice_makes_one_enquiry(client, db):
    data = _form_data(client)
    first = client.post(reverse("enquiries:create"), data)
    second = client.post(reverse("enquiries:create"), data)
    assert first.status_code == second.status_code == 302
    assert second["Location"] == first["Location"]
    assert Enquiry.objects.count() == 1
    assert OutgoingEmail.objects.count() == 1


def test_a_newly_shown_form_is_a_new_enquiry(client, db):
    client.post(reverse("enquiries:create"), _form_data(client))
    client.post(reverse("enquiries:create"), _form_data(client))
    assert Enquiry.objects.count() == 2


def _load_reference_data():
    for migration in ("portal.migrations.0002_reference_data", "enquiries.migrations.0002_topics"):
        importlib.import_module(migration).load(apps, None)


@pytest.fixture
def reference_data(transactional_db):
    """Transactional tests truncate the tables afterwards: put the reference data back."""
    _load_reference_data()


def test_two_posts_of_the_same_form_at_once_make_one_enquiry(reference_data):
    data = _form_data(Client())
    barrier = threading.Barrier(4)
    answers = []

    def post():
        barrier.wait()
        try:
            answers.append(Client().post(reverse("enquiries:create"), data)["Location"])
        finally:
            connection.close()

    threads = [threading.Thread(target=post) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert len(answers) == 4
    assert len(set(answers)) == 1
    assert Enquiry.objects.count() == 1
