"""The site as production serves it: DEBUG off, gunicorn, production settings."""

from playwright.sync_api import expect


def test_with_debug_off_the_home_page_images_load(page, production_url):
    failed = []
    page.on(
        "response",
        lambda response: (
            failed.append((response.status, response.url)) if response.status >= 400 else None
        ),
    )
    page.goto(f"{production_url}/en/")
    expect(page.get_by_role("heading", level=1)).to_be_visible()
    images = page.locator("main img")
    assert images.count() > 0
    for index in range(images.count()):
        image = images.nth(index)
        image.scroll_into_view_if_needed()
        # Decoded by the browser: a 404 or a broken file has no natural width.
        page.wait_for_function(
            "(img) => img.complete && img.naturalWidth > 0", arg=image.element_handle()
        )
    media = page.evaluate("[...document.querySelectorAll('main img')].map((img) => img.currentSrc)")
    assert all("/media/" in url for url in media), media
    assert failed == []
