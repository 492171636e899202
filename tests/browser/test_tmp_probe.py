import pytest

from .test_public_pages import assert_accessible

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


def test_probe_axe_message(desktop_page):
    desktop_page.goto("/")
    desktop_page.evaluate("document.querySelector('h1').insertAdjacentHTML('afterend', '<button></button><img src=x>')")
    assert_accessible(desktop_page)
