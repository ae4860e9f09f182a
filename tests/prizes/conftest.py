import time

import pytest

from public_forms import receipts
from public_forms.forms import signed_start
from stocktaking.models.page import OWNER_SESSION_KEY
from tests.factories.stocktaking import StocktakingPageFactory


def guards():
    """The hidden fields of a form shown a minute ago."""
    token = receipts.new_token()
    return {"submission_token": token, "form_started": signed_start(token, time.time() - 60)}


def sign_in_owner(client, email):
    session = client.session
    session[OWNER_SESSION_KEY] = email
    session.save()


@pytest.fixture
def stocktaking_page(english_home):
    return StocktakingPageFactory(parent=english_home)
