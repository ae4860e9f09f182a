from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError
from django.utils import translation as django_translation
from wagtail.models import Page

from calls.models import CallPage
from demo import calls as calls_demo
from demo import events as events_demo
from demo import home_sections, pages, translation
from demo import juries as juries_demo
from demo import media as media_demo
from demo import news as news_demo
from demo import newsletter as newsletter_demo
from demo import partners as partners_demo
from demo import prizes as prizes_demo
from demo import publications as publications_demo
from demo.clock import DemoClock
from events.models import EventPage
from home.indexing import indexed_once_each
from home.models import HomePage
from stocktaking.management.commands import generate_stocktaking as stocktaking_pages


class Command(BaseCommand):
    help = (
        "Builds the demo site from the WSIS newsletters' facts: the English tree, then its "
        "translations into the five other languages through wagtail-localize. Safe to run again."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--if-empty",
            action="store_true",
            help="Do nothing when the site already has a home page (what `make run` uses).",
        )
        parser.add_argument(
            "--shift-to-today",
            action="store_true",
            help="Move every demo date by the same number of weeks, so that the March 2017 "
            "newsletter's 'now' is today: events are upcoming and deadlines open.",
        )
        parser.add_argument(
            "--write-catalogues",
            action="store_true",
            help="Build the English pages, then add their new strings to demo/translations/"
            "*.po for translators, instead of translating.",
        )

    def handle(
        self, *args, if_empty=False, write_catalogues=False, shift_to_today=False, **options
    ):
        if if_empty and HomePage.objects.exists():
            self.stdout.write("Demo content already loaded; nothing to do.")
            return
        # Build in the source language whatever language the shell runs in; each object's
        # search- and reference-index update enqueued once, at the end (each page is saved
        # again by each of its translations and publishes).
        with django_translation.override("en"), indexed_once_each():
            clock = DemoClock(shift_to_today=shift_to_today)
            partners = partners_demo.build_partners()
            home_pages = pages.build(partners)
            event_pages, events = events_demo.build(home_pages[0], clock)
            calls_index, enquiry, registrations = calls_demo.build(home_pages[0], events, clock)
            team_registration = registrations["hackathon"]
            programme = partners_demo.build_programme(event_pages[-1], partners, enquiry)
            contest = media_demo.build(home_pages[0], events, clock)
            # The Stocktaking database page (in English; its translations follow the
            # Stocktaking page's, below), then the home page's actions that lead to it, to the
            # hackathon's team registration and to the photo contest.
            database = stocktaking_pages.ensure_pages()
            home_sections.link_actions(home_pages[0], database, team_registration, contest)
            events_demo.link_contest(events["forum_2017"], contest)
            # The WSIS Prizes 2014 and 2017 (their nominees come once Stocktaking has entries).
            prize_contests = prizes_demo.build_contests(
                home_pages[0], event_pages[-1], events["forum_2017"], clock
            )
            # The 2014 newsletter's Global Repository, and news from both newsletters.
            publications = publications_demo.build(home_pages[0], event_pages[-1])
            news = news_demo.build(home_pages[0], clock)
            # WSIS Flash: the seeds' two issues, made of cards of the pages built above.
            flash = newsletter_demo.build(home_pages[0], event_pages[-1], events, clock)
            # Parents before children, and partners before the pages that show them.
            source_pages = [
                *partners.values(),
                *home_pages,
                calls_index,
                enquiry,
                *event_pages,
                programme,
                contest,
                *prize_contests,
                *publications,
                *news,
                *flash,
            ]
            # Every other event and call (registrations, consultations, pre-events…): the
            # whole demo site in six languages. Parents first (tree order).
            source_pages += [
                page
                for page in Page.objects.filter(locale__language_code="en")
                .type(EventPage, CallPage)
                .order_by("path")
                .specific()
                if page not in source_pages
            ]
            if write_catalogues:
                translation.write_catalogue_templates(source_pages)
                self.stdout.write(f"Catalogues updated in {translation.CATALOGUE_DIR}.")
                return
            try:
                translation.translate_all(source_pages)
            except translation.MissingDemoTranslation as error:
                raise CommandError(
                    f"{error}. Run with --write-catalogues and translate."
                ) from error
            # The Stocktaking database page in every language, and sample entries: a few
            # hundred, so that `make run` stays fast (bench/stocktaking.py makes 10,000).
            call_command("generate_stocktaking", count=300, seed=1, pages=True, verbosity=0)
            # The WSIS Prizes' nominees, drawn from those entries, and their votes and results.
            prizes_demo.add_nominees(prize_contests)
            # A small jury for the Prizes 2017 and the photo contest 2017.
            juries_demo.build()
        self.stdout.write(
            self.style.SUCCESS(
                f"Demo content loaded: {len(source_pages)} pages and snippets in "
                f"{1 + len(translation.target_languages())} languages."
            )
        )
