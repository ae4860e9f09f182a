"""A photo contest from entry to prize, in a real browser."""

import io
import re

from PIL import Image
from playwright.sync_api import expect

from tests.browser.conftest import ADMIN_PASSWORD, run_on_site, serious_violations

CONTEST = "/photo-contest-2017/"

REOPEN = """
import datetime
from media.models import PhotoContestPage, PhotoEntry
today = datetime.date.today()
for contest in PhotoContestPage.objects.all():
    contest.opens_on = today - datetime.timedelta(days=3)
    contest.closes_on = today + datetime.timedelta(days=10)
    contest.winners_announced_on = None
    contest.save_revision().publish()
PhotoEntry.objects.update(winner_rank=None)
"""

ANNOUNCE = """
import datetime
from media.models import PhotoContestPage
today = datetime.date.today()
for contest in PhotoContestPage.objects.all():
    contest.opens_on = today - datetime.timedelta(days=20)
    contest.closes_on = today - datetime.timedelta(days=1)
    contest.winners_announced_on = today
    contest.save_revision().publish()
"""


def test_a_photo_entered_in_chinese_wins_first_prize(page, site_url, tmp_path):
    run_on_site(REOPEN)  # a new edition of the contest, open today
    photo = tmp_path / "clinic.jpg"
    buffer = io.BytesIO()
    Image.new("RGB", (2000, 1300), (20, 120, 90)).save(buffer, "JPEG")
    photo.write_bytes(buffer.getvalue())

    page.goto(f"{site_url}/zh-hans{CONTEST}enter/")
    expect(page.locator("html")).to_have_attribute("lang", "zh-Hans")
    page.locator("input[name=original]").set_input_files(str(photo))
    page.locator("input[name=title]").fill("远程医疗诊所")
    page.locator("textarea[name=caption]").fill("护士通过视频向医生咨询。")
    page.locator("input[name=taken_where]").fill("昆明")
    page.locator("input[name=photographer]").fill("李伟")
    page.locator("input[name=email]").fill("liwei@example.org")
    page.locator("select[name=country]").select_option("CN")
    page.locator("select[name=licence]").select_option("cc-by-4.0")
    page.locator("input[name=people_consented]").check()
    page.wait_for_timeout(3200)  # people take more than three seconds; the spam guard knows it
    page.locator("form.call-form button[type=submit]").click()
    expect(page.get_by_role("heading", level=1)).not_to_have_text(re.compile("Enter"))
    expect(page.locator("main")).to_contain_text("远程医疗诊所")

    page.goto(f"{site_url}/admin/login/")
    page.get_by_label(re.compile("Username", re.I)).fill("admin")
    page.get_by_label(re.compile("Password", re.I)).fill(ADMIN_PASSWORD)
    page.get_by_role("button", name=re.compile("Sign in", re.I)).click()
    page.goto(f"{site_url}/admin/snippets/media/photoentry/?status=pending")
    page.get_by_role("link", name=re.compile("远程医疗诊所")).first.click()
    page.locator("select[name=status]").select_option("approved")
    page.locator("input[name=winner_rank]").fill("1")
    page.get_by_role("button", name=re.compile("^Save")).first.click()
    expect(page.get_by_text(re.compile("updated", re.I)).first).to_be_visible()

    run_on_site(ANNOUNCE)
    page.goto(f"{site_url}/zh-hans{CONTEST}")
    first = page.locator(".gallery__item").first
    expect(first).to_contain_text("远程医疗诊所")
    expect(first.locator(".gallery__rank")).to_be_visible()


def test_gallery_and_photo_pages_are_accessible(page, site_url, axe_script):
    for language in ("en", "ar"):
        page.goto(f"{site_url}/{language}{CONTEST}")
        assert serious_violations(page, axe_script) == [], f"gallery {language}"
        page.locator(".gallery__item a").first.click()
        expect(page.locator("article.photo")).to_be_visible()
        assert serious_violations(page, axe_script) == [], f"photo {language}"
