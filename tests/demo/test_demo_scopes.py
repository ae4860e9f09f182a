"""The demo site's variants and the xdist scopes that keep each one's classes in one worker."""

import pytest

from tests.demo_site import CLASSES, load_demo_site, scope_of


def test_the_classes_of_a_variant_share_one_scope():
    for variant, classes in CLASSES.items():
        assert {scope_of(f"{name}::test_something") for name in classes} == {f"demo-site-{variant}"}
    assert scope_of("tests/demo/test_demo_site.py::test_a_function") is None
    # A class whose name begins like a listed one's is another class.
    assert scope_of("tests/demo/test_demo_site.py::DemoSiteTestMore::test_it") is None


def test_a_class_not_listed_is_refused_before_anything_is_built():
    class UnlistedDemoTest:
        pass

    with pytest.raises(AssertionError, match="add it to CLASSES"):
        load_demo_site(UnlistedDemoTest)
