"""Demo calls from the WSIS Flash newsletters: consultations, calls for contributions,
speaking-slot requests, nominations, registrations and the partnership enquiry form."""

import datetime

from calls.models import CallFormField, CallIndexPage, CallPage
from demo.helpers import publish, stream
from demo.pages import PRIVACY_SLUG, upsert_page
from home.models import SiteSettings, StandardPage

CONTACT_FIELDS = [
    ("Full name", "singleline", True),
    ("E-mail", "email", True),
    ("Organisation", "singleline", True),
    ("Country", "country", True),
    ("Stakeholder type", "stakeholder_type", True),
]
CONSENT = ("I agree that ITU keeps these answers to handle my submission", "consent", True)


def privacy_notice():
    return StandardPage.objects.filter(slug=PRIVACY_SLUG, locale__language_code="en").first()


def call(parent, slug, fields, **values):
    values.setdefault("privacy_page", privacy_notice())
    page = upsert_page(parent, CallPage, slug, **values)
    if not page.form_fields.exists():
        for order, (label, field_type, required, *extra) in enumerate(fields):
            CallFormField.objects.create(
                page=page,
                locale=page.locale,
                sort_order=order,
                label=label,
                field_type=field_type,
                required=required,
                **(extra[0] if extra else {}),
            )
        publish(page)
    return page


def build(home, events, clock):
    """Returns the pages to translate: the calls index and the partnership enquiry form."""
    d = clock.date
    index = upsert_page(
        home,
        CallIndexPage,
        "calls",
        title="Calls and consultations",
        introduction="Contribute, register, request a speaking slot or nominate: every open "
        "call of the WSIS process, with its deadline.",
        listing_summary="Open calls for contributions, consultations and registrations.",
    )
    enquiry = call(
        index,
        "partnership-enquiry",
        [*CONTACT_FIELDS, ("Partnership category of interest", "multiline", True), CONSENT],
        title="Partnership enquiry",
        kind="partnership_enquiry",
        introduction="<p>Tell us which event and which partnership category interest you, "
        "and the WSIS Secretariat will send you the details.</p>",
        listing_summary="Ask about an available partnership category of a WSIS event.",
        to_address="wsis-info@itu.int",
    )
    call(
        index,
        "hlt-speaking-slots-2014",
        [*CONTACT_FIELDS, ("Name and title of the speaker", "singleline", True), CONSENT],
        title="Requests for a High-Level Track speaking slot (WSIS+10)",
        kind="speaking_slots",
        unique_per="organisation",
        introduction="<p>Governments, the private sector, civil society and international "
        "organisations may request a slot to deliver a policy statement of at most three "
        "minutes during the High-Level Track, 10-11 June 2014.</p>",
        listing_summary="Policy statements at the WSIS+10 High-Level Event.",
        closes_on=d(2014, 5, 10),
        non_extendable=True,
    )
    call(
        index,
        "itu-strategic-plan-2016-2019",
        [*CONTACT_FIELDS, ("Your input on the draft text", "multiline", True), CONSENT],
        title="Public consultation on the draft ITU Strategic Plan 2016-2019",
        kind="consultation",
        introduction="<p>After two earlier rounds, this consultation asks for your input on "
        "the proposed draft text of the plan, whose elaboration began in June 2013.</p>",
        listing_summary="Inputs towards finalising the draft Strategic Plan.",
        closes_on=d(2014, 4, 25),
    )
    call(
        index,
        "cwg-internet-consultation-2014",
        [*CONTACT_FIELDS, ("Your position", "multiline", True), CONSENT],
        title="Open consultation of the Council Working Group on Internet-related public "
        "policy issues",
        kind="consultation",
        who_may_respond="All stakeholders.",
        questions="<p>Q1. What actions are to be undertaken by governments in relation to "
        "each of the international Internet-related public policy issues identified in Annex 1 "
        "to Resolution 1305 (Council 2009)?</p>",
        listing_summary="A new round after the Group's fourth meeting, 3-4 March 2014.",
        closes_on=d(2014, 4, 26),
    )
    call(
        index,
        "ehealth-projects-repository",
        [
            *CONTACT_FIELDS,
            ("Project description", "multiline", True),
            ("Evaluation report", "file", False, {"allowed_file_types": "pdf,docx,odt"}),
            CONSENT,
        ],
        title="Call for eHealth projects for the WHO-ITU repository",
        kind="contributions",
        introduction="<p>Submit validated, operational eHealth projects supported by "
        "government, in particular for women's and children's health.</p>",
        listing_summary="Share successful eHealth projects with a global audience.",
    )
    call(
        index,
        "fund-in-trust-2014",
        [*CONTACT_FIELDS, ("Intended contribution", "multiline", True), CONSENT],
        title="WSIS Fund in Trust: call for contributions 2014",
        kind="contributions",
        listing_summary="Support the WSIS process through the Fund in Trust.",
        closes_on=d(2014, 12, 31),
    )
    call(
        index,
        "hltf-nominations-2017",
        [*CONTACT_FIELDS, ("Nominee and stakeholder community", "multiline", True), CONSENT],
        title="Nominations of High-Level Track Facilitators, WSIS Forum 2017",
        kind="nominations",
        listing_summary="Stakeholder coordination mechanisms nominate the facilitators.",
        closes_on=d(2017, 4, 30),
    )
    call(
        index,
        "telecom-world-2017-speakers",
        [*CONTACT_FIELDS, ("Speaker and topic", "multiline", True), CONSENT],
        title="ITU Telecom World 2017: nominate a speaker",
        kind="nominations",
        listing_summary="Expert speakers and international insights on tech trends.",
        closes_on=d(2017, 7, 31),
    )
    briefing, forum = events["final_briefing"], events["forum_2017"]
    phase_five = events["ocp_phase_v"]
    call(
        index,
        "wsis-forum-2017-open-consultation",
        [*CONTACT_FIELDS, ("Your proposal on themes and format", "multiline", True), CONSENT],
        title="WSIS Forum 2017: open consultation process",
        kind="consultation",
        introduction="<p>The agenda and programme of the WSIS Forum 2017 are designed with "
        "all stakeholders, from the official submissions received on its themes and format. "
        "The secretariat has received more than 160 submissions, including requests for "
        "partnerships, workshops and exhibition spaces.</p>",
        listing_summary="Shape the themes and format of the WSIS Forum 2017.",
        closes_on=phase_five.start_date,
        phases=stream(
            (
                "phase",
                {
                    "name": "Phases I to IV: online submissions and physical meetings",
                    "description": "The process began in September 2016.",
                    "starts": None,
                    "ends": None,
                    "meeting": None,
                },
            ),
            (
                "phase",
                {
                    "name": "Phase V: final review meeting",
                    "description": "With remote participation.",
                    "starts": phase_five.start_date.isoformat(),
                    "ends": phase_five.start_date.isoformat(),
                    "meeting": phase_five.pk,
                },
            ),
        ),
    )
    hackathon = events["hackathon"]
    team_registration = call(
        hackathon,
        "register-your-team",
        [
            ("E-mail of the team's contact", "email", True),
            ("University", "singleline", True),
            ("Team", "team", True),
            CONSENT,
        ],
        title="Hack for Health: register your team",
        kind="registration",
        unique_per="email",
        introduction="<p>Open to undergraduate and postgraduate students in health, science, "
        "computer science, design, engineering, ICT and related fields. Teams of three to "
        "seven people aged 18 to 35, with women and men, bringing technical and functional "
        "skills together.</p>",
        closes_on=hackathon.start_date - datetime.timedelta(days=14),
    )
    briefing_registration = call(
        briefing,
        "register",
        [*CONTACT_FIELDS, CONSENT],
        title="Register for the Final Briefing",
        kind="registration",
        unique_per="email",
        closes_on=briefing.start_date - datetime.timedelta(days=1),
        capacity=120,
    )
    forum_registration = call(
        forum,
        "register",
        [*CONTACT_FIELDS, CONSENT],
        title="Register for the WSIS Forum 2017",
        kind="registration",
        unique_per="email",
        closes_on=forum.start_date - datetime.timedelta(days=7),
    )
    # The events' "Register" buttons lead to these forms while registration is open.
    for event, registration in [
        (briefing, briefing_registration),
        (forum, forum_registration),
        (hackathon, team_registration),
    ]:
        if event.registration_page_id != registration.pk:
            event.registration_page = registration
            publish(event)
    settings = SiteSettings.objects.get(site__root_page=home)
    linked = {block.value["page"].pk for block in settings.navigation if block.value["page"]}
    if index.pk not in linked:
        settings.navigation.append(("link", {"page": index, "url": "", "label": ""}))
        settings.save()
    return index, enquiry, {"forum": forum_registration, "hackathon": team_registration}
