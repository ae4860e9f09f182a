import pytest
from wagtail.models import Locale

from tests.conftest import translate
from tests.factories.publications import PublicationIndexPageFactory, PublicationPageFactory


@pytest.fixture
def repository(english_home):
    return PublicationIndexPageFactory(parent=english_home)


@pytest.fixture
def french_repository(english_home, repository):
    translate(english_home, "fr", slug="accueil")
    return translate(repository, "fr", title="Répertoire mondial", slug="publications")


@pytest.fixture
def make_publication(repository):
    def make(**fields):
        return PublicationPageFactory(parent=repository, **fields)

    return make


def locale(code):
    return Locale.objects.get(language_code=code)
