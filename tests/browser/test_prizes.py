"""The WSIS Prizes in a real browser: a visitor votes in Arabic from a nominee's page and
confirms by the e-mailed link; a second vote in that category is refused; staff publish the
winner and the results page names it."""

import json
import re
import time

from playwright.sync_api import expect

from tests.browser.conftest import ADMIN_PASSWORD, run_on_site

CONTEST = "/ar/prizes/wsis-prizes-2017/"

# Today is in the 2017 contest's voting phase; the E-health nominees and their result reset.
OPEN_VOTING = """
import datetime, json
from prizes.models import PrizesContestPage, PrizeSubmission, Vote
today = datetime.date.today()
day = datetime.timedelta(days=1)
contest = PrizesContestPage.objects.get(locale__language_code="en", slug="wsis-prizes-2017")
contest.submission_opens_on = today - 60 * day
contest.submission_closes_on = today - 40 * day
contest.nominees_published_on = today - day
contest.voting_opens_on = today - day
contest.voting_closes_on = today + 10 * day
contest.results_announced_on = today + 20 * day
contest.save_revision().publish()
health = next(c for c in contest.categories.all() if c.name.startswith("C7.4"))
nominees = PrizeSubmission.objects.filter(
    contest_key=contest.translation_key, category_key=health.translation_key, nominated=True
).select_related("entry").order_by("entry__title", "pk")
nominees.update(result="")
Vote.objects.filter(voter_email__startswith="layla.browser").delete()
print(json.dumps({"category": str(health.translation_key),
                  "nominees": [[n.pk, n.entry.title] for n in nominees]}))
"""

ANNOUNCE = """
import datetime
from prizes.models import PrizesContestPage
today = datetime.date.today()
day = datetime.timedelta(days=1)
contest = PrizesContestPage.objects.get(locale__language_code="en", slug="wsis-prizes-2017")
contest.nominees_published_on = today - 10 * day
contest.voting_opens_on = today - 10 * day
contest.voting_closes_on = today - day
contest.results_announced_on = today
contest.save_revision().publish()
"""


def last_link(address, path):
    """The link of the latest e-mail to `address` whose path contains `path`."""
    code = (
        "from outbox.models import OutboxMessage\n"
        f"m = OutboxMessage.objects.filter(to__icontains={address!r}).order_by('-pk').first()\n"
        "print(m.body if m else '')\n"
    )
    for _attempt in range(20):
        body = run_on_site(code)
        found = re.search(rf"https?://\S*{re.escape(path)}\S*", body)
        if found:
            return found.group(0)
        time.sleep(0.5)
    raise AssertionError(f"no e-mail to {address} with {path}")


def ask_and_confirm(page, site_url, nominee_id, category, address):
    page.goto(f"{site_url}{CONTEST}nominees/{nominee_id}/")
    page.locator(f'a[href$="vote/{category}/?nominee={nominee_id}"]').click()
    expect(page.locator(f'input[name=nominee][value="{nominee_id}"]')).to_be_checked()
    shown = time.monotonic()
    page.locator("input[name=email]").fill(address)
    page.wait_for_timeout(max(0, 3.3 - (time.monotonic() - shown)) * 1000)
    page.locator("form.call-form button[type=submit]").click()
    expect(page.locator("main [role=status]")).to_contain_text(address)
    link = last_link(address.split("+")[0].lower(), "/vote/confirm/")
    page.goto(site_url + "/" + link.split("://", 1)[1].split("/", 1)[1])  # the site's own host
    page.locator("main form button[type=submit]").click()


def test_a_visitor_votes_in_arabic_once_per_category_and_staff_publish_the_winner(page, site_url):
    data = json.loads(run_on_site(OPEN_VOTING))
    category = data["category"]
    (nominee_id, title), (other_id, _other_title) = data["nominees"][:2]

    page.goto(f"{site_url}{CONTEST}")
    expect(page.locator("html")).to_have_attribute("dir", "rtl")
    page.locator(f'a[href="{CONTEST}nominees/{nominee_id}/"]').click()
    expect(page.get_by_role("heading", level=1)).to_have_text(title)
    expect(page.locator("#campaign-kit")).to_have_text("حقيبة الحملة")
    assert page.locator("#share-link").input_value().endswith(f"nominees/{nominee_id}/")

    ask_and_confirm(page, site_url, nominee_id, category, "layla.browser@example.org")
    expect(page.locator("main [role=status]")).to_contain_text(title)
    counted = run_on_site(
        "from prizes.models import Vote\n"
        "print(list(Vote.objects.filter(voter_email='layla.browser@example.org')"
        ".values_list('nominee_id', 'status')))"
    )
    assert counted.strip() == f"[({nominee_id}, 'counted')]"

    # The same person, another spelling, another nominee of the same category: refused.
    ask_and_confirm(page, site_url, other_id, category, "Layla.Browser+again@Example.org")
    expect(page.locator("main [role=alert]")).to_be_visible()
    expect(page.locator("main [role=status]")).to_have_count(0)
    again = run_on_site(
        "from prizes.models import Vote\n"
        "print(Vote.objects.filter(voter_email='layla.browser@example.org').count())"
    )
    assert again.strip() == "1"

    # Staff publish the winner; the Arabic results page names it.
    run_on_site(ANNOUNCE)
    page.goto(f"{site_url}/admin/login/")
    page.get_by_label(re.compile("Username", re.I)).fill("admin")
    page.get_by_label(re.compile("Password", re.I)).fill(ADMIN_PASSWORD)
    page.get_by_role("button", name=re.compile("Sign in", re.I)).click()
    page.goto(f"{site_url}/admin/snippets/prizes/prizesubmission/edit/{nominee_id}/")
    page.locator("select[name=result]").select_option("winner")
    page.get_by_role("button", name=re.compile("^Save")).first.click()
    expect(page.get_by_text(re.compile("updated", re.I)).first).to_be_visible()
    page.goto(f"{site_url}{CONTEST}results/")
    expect(page.locator("html")).to_have_attribute("lang", "ar")
    expect(page.get_by_role("heading", level=1)).to_contain_text("النتائج")
    expect(page.locator(".prizes__winner").filter(has_text=title)).to_be_visible()
