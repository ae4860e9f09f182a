"""Phones: every page type, 320 to 414 px wide, in the six languages: nothing wider than the
screen (no sideways scrolling, nothing cut off on the side a right-to-left page cannot scroll
to), nothing covering the header's language bar, brand, search or menu; and no serious axe
violation at a phone's width."""

import pytest

from tests.browser.conftest import serious_violations

LANGUAGES = ["ar", "en", "es", "fr", "ru", "zh-Hans"]
WIDTHS = [320, 390, 414]
# One page of each type of the demo site, by its English address; the other languages are
# reached through the language bar (their translation, or their home page).
PAGE_TYPES = {
    "home": "/en/",
    "standard": "/en/about-wsis/",
    "section with subpages": "/en/prizes/",
    "events calendar": "/en/events/",
    "event with programme": "/en/events/wsis-10-high-level-event/",
    "event with registration": "/en/events/wsis-forum-2017/",
    "partnership": "/en/events/wsis-10-high-level-event/partners/",
    "calls index": "/en/calls/",
    "call with form": "/en/calls/partnership-enquiry/",
    "registration": "/en/events/wsis-forum-2017/register/",
    "photo contest": "/en/photo-contest-2017/",
    "stocktaking database": "/en/stocktaking/database/",
    "prizes contest": "/en/prizes/wsis-prizes-2017/",
    "search": "/en/search/?q=WSIS",
}

# What sticks out of the screen, ignoring what a clipping ancestor hides (the honeypot, the
# visually hidden texts) and what the reader scrolls inside a region of its own.
OVERFLOW_SCRIPT = """() => {
    const width = document.documentElement.clientWidth;
    const clipped = (element) => {
        let node = element.parentElement;
        for (; node && node !== document.body; node = node.parentElement) {
            const style = getComputedStyle(node);
            if (style.overflowX !== 'visible' || style.clipPath !== 'none') return true;
        }
        return false;
    };
    const out = [];
    for (const element of document.body.querySelectorAll('*')) {
        const box = element.getBoundingClientRect();
        if (box.width === 0 || box.height === 0) continue;
        if ((box.right > width + 1 || box.left < -1) && !clipped(element)) {
            const name = `${element.tagName.toLowerCase()}.${element.className}`;
            out.push(`${name} ${Math.round(box.left)}..${Math.round(box.right)}`);
        }
    }
    return {scrollWidth: document.documentElement.scrollWidth, width, out: out.slice(0, 5)};
}"""

# The header's controls, each found where it is drawn (not under something else).
COVERED_SCRIPT = """() => {
    const covered = [];
    const controls = document.querySelectorAll(
        '.language-bar a, .site-brand, .site-search input, .site-search button, .main-nav a');
    for (const control of controls) {
        control.scrollIntoView({block: 'nearest', inline: 'nearest'});
        // The first line box: a link that wraps has a bounding box wider than its words.
        const box = control.getClientRects()[0] || control.getBoundingClientRect();
        const hit = document.elementFromPoint(box.left + box.width / 2, box.top + box.height / 2);
        if (!hit || !(control === hit || control.contains(hit))) {
            const under = hit ? `${hit.tagName.toLowerCase()}.${hit.className}` : 'nothing';
            const words = control.textContent.trim().slice(0, 30);
            covered.push(`${control.tagName.toLowerCase()} "${words}" under ${under}`);
        }
    }
    return {count: controls.length, covered};
}"""


def addresses(page, site_url):
    """{(page type, language): path}, following each English page's language bar."""
    found = {}
    for kind, path in PAGE_TYPES.items():
        if kind == "search":
            for language in LANGUAGES:
                found[kind, language] = path.replace("/en/", f"/{language.lower()}/")
            continue
        page.goto(f"{site_url}{path}")
        for language in LANGUAGES:
            link = page.locator(f'.language-bar a[hreflang="{language}"]')
            found[kind, language] = link.get_attribute("href")
    return found


@pytest.fixture(scope="module")
def phone_addresses(browser, site_url):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    try:
        yield addresses(page, site_url)
    finally:
        context.close()


@pytest.mark.parametrize("width", WIDTHS)
def test_no_page_is_wider_than_a_phone_nor_covers_the_header(
    browser, site_url, phone_addresses, width
):
    context = browser.new_context(
        viewport={"width": width, "height": 800},
        device_scale_factor=2,
        is_mobile=True,
        has_touch=True,
    )
    page = context.new_page()
    problems = []
    try:
        for (kind, language), path in phone_addresses.items():
            response = page.goto(f"{site_url}{path}")
            if response.status != 200:
                problems.append(f"{kind} {language} {path}: HTTP {response.status}")
                continue
            overflow = page.evaluate(OVERFLOW_SCRIPT)
            if overflow["scrollWidth"] > width or overflow["out"]:
                problems.append(f"{kind} {language} {path}: {overflow}")
            header = page.evaluate(COVERED_SCRIPT)
            if header["count"] < 8 or header["covered"]:
                problems.append(f"{kind} {language} {path}: header {header}")
    finally:
        context.close()
    assert problems == [], "\n".join(problems)


@pytest.mark.parametrize("language", LANGUAGES)
def test_no_serious_accessibility_violation_on_a_phone(
    browser, site_url, axe_script, phone_addresses, language
):
    context = browser.new_context(
        viewport={"width": 360, "height": 780}, is_mobile=True, bypass_csp=True
    )
    page = context.new_page()
    found = {}
    try:
        for kind in ("home", "event with programme", "call with form", "events calendar"):
            page.goto(f"{site_url}{phone_addresses[kind, language]}")
            violations = serious_violations(page, axe_script)
            if violations:
                found[kind] = violations
    finally:
        context.close()
    assert found == {}
