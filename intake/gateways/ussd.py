"""The USSD menu: report a problem or check a case from any phone.

Africa's Talking posts the whole session's input so far (``text``, inputs joined by ``*``)
on every step. The session's position is kept server-side in ``UssdSession``: a stack of
screens, the report being drafted and how many ``*``-separated parts have been used, so
that the description (which may contain ``*``) is simply everything after them.

Screens: language → main menu → 1 report: sector → county (paged, or by first letters) →
description → confirm → END with the reference; 2 check: reference → END with the status,
or, for a responded case, the status with "1 Solved, 2 Not solved" → END confirming the
citizen's answer (``intake.answers``, as on the tracking page).
``0`` goes back one screen, ``00`` to the main menu; a wrong input repeats the screen with a
short hint.
"""

from django.db import IntegrityError, transaction
from django.utils.translation import override

from cases.actions import create_case
from cases.limits import MAX_DESCRIPTION_LENGTH
from cases.models import Case, CaseState, Channel
from cases.rules import Actor
from refdata.models import County, Sector

from ..answers import AnswerOutcome, record_citizen_answer
from ..guessing import counties_starting_with
from ..models import UssdSession
from . import texts
from .references import own_case, parse_reference, status_text
from .screens import MAX_SCREEN_CHARS, con, end, numbered, paginate, with_hint

BACK = "0"
MAIN_MENU = "00"
MORE = "99"
COUNTIES_PER_PAGE = 7
SECTORS_PER_PAGE = 9

LANGUAGE = "language"
MAIN = "main"
SECTOR = "sector"
COUNTY = "county"
DESCRIPTION = "description"
CONFIRM = "confirm"
REFERENCE = "reference"
ANSWER = "answer"

# The hints each screen may show before itself when an answer is wrong.
SCREEN_HINTS = {
    LANGUAGE: [texts.USSD_INVALID],
    MAIN: [texts.USSD_INVALID],
    SECTOR: [texts.USSD_INVALID],
    COUNTY: [texts.USSD_INVALID, texts.USSD_NO_COUNTY_FOUND],
    DESCRIPTION: [texts.USSD_EMPTY_DESCRIPTION],
    CONFIRM: [texts.USSD_INVALID],
    REFERENCE: [texts.USSD_BAD_REFERENCE],
    ANSWER: [texts.USSD_INVALID],
}

# On these screens the whole rest of the input is one answer, "*" included.
FREE_TEXT_SCREENS = {DESCRIPTION, REFERENCE}

USSD_ACTOR = Actor.citizen(label="Citizen (USSD)")

# The END screen confirming each outcome of the citizen's answer.
ANSWER_CONFIRMATIONS = {
    AnswerOutcome.RESOLVED: texts.USSD_ANSWER_SOLVED,
    AnswerOutcome.ESCALATION_REQUESTED: texts.USSD_ANSWER_NOT_SOLVED,
    AnswerOutcome.ALREADY_REQUESTED: texts.USSD_ANSWER_NOT_SOLVED,
    AnswerOutcome.CLOSED: texts.ANSWER_CLOSED,
    AnswerOutcome.NOT_RESPONDED: texts.ANSWER_NOT_YET,
    AnswerOutcome.CHANGED: texts.ANSWER_CHANGED,
}


def handle_request(*, session_id, phone, service_code, network_code, text):
    """The full response ("CON …" or "END …") to one gateway request."""
    with transaction.atomic():
        session = _locked_session(session_id, phone, service_code, network_code)
        if session.phone_number != phone:
            # A session id reused by another phone: answer, but touch nothing of the session.
            with override(session.language or "en"):
                return end(str(texts.USSD_WRONG_PHONE))
        if session.last_response and (session.is_finished or text == session.last_text):
            # The gateway repeated its request (or wrote after the end): same answer, no work.
            return session.last_response
        response = Menu(session).advance(text)
        session.last_text = text
        session.last_response = response
        session.save()
    return response


def _locked_session(session_id, phone, service_code, network_code):
    session = UssdSession.objects.select_for_update().filter(session_id=session_id).first()
    if session is not None:
        return session
    try:
        with transaction.atomic():
            return UssdSession.objects.create(
                session_id=session_id,
                phone_number=phone,
                service_code=service_code,
                network_code=network_code,
            )
    except IntegrityError:
        # The same first request arrived twice at once: use the row the other one made.
        return UssdSession.objects.select_for_update().get(session_id=session_id)


def split_inputs(text):
    return text.split("*") if text else []


class Menu:
    def __init__(self, session):
        self.session = session
        state = session.state or {}
        self.stack = state.get("stack") or [{"screen": LANGUAGE}]
        self.draft = state.get("draft") or {}
        self.hint = None
        self.ended = None

    @property
    def language(self):
        return self.session.language or "en"

    @property
    def frame(self):
        return self.stack[-1]

    # --- Reading input -------------------------------------------------------------------

    def advance(self, text):
        parts = split_inputs(text)
        pending = parts[self.session.consumed :]
        # Dialling *384*1*2# sends "1*2" at once: each part answers the screen it reaches.
        while pending and self.ended is None:
            if self.frame["screen"] in FREE_TEXT_SCREENS:
                value, pending = "*".join(pending), []
            else:
                value, pending = pending[0], pending[1:]
            self.hint = None
            with override(self.language):
                self.answer(value.strip())
        self.session.consumed = max(self.session.consumed, len(parts))
        self.session.state = {"stack": self.stack, "draft": self.draft}
        with override(self.language):
            if self.ended is not None:
                self.session.is_finished = True
                return end(self.ended)
            return con(self.render())

    def answer(self, value):
        if value == MAIN_MENU and self.session.language:
            self.stack = [{"screen": LANGUAGE}, {"screen": MAIN}]
            self.draft = {}
            return
        if value == BACK and len(self.stack) > 1:
            self.stack.pop()
            return
        getattr(self, f"answer_{self.frame['screen']}")(value)

    def go(self, screen, **params):
        self.stack.append({"screen": screen, **params})

    def invalid(self, hint=texts.USSD_INVALID):
        self.hint = hint

    def answer_language(self, value):
        languages = {"1": "en", "2": "sw"}
        if value not in languages:
            return self.invalid()
        self.session.language = languages[value]
        self.go(MAIN)

    def answer_main(self, value):
        if value == "1":
            self.draft = {}
            self.go(SECTOR, page=0)
        elif value == "2":
            self.go(REFERENCE)
        else:
            self.invalid()

    def answer_sector(self, value):
        chosen = self.choose_from_page(self.sector_pages(), value)
        if chosen is not None:
            self.draft["sector"] = chosen
            self.go(COUNTY, page=0)

    def answer_county(self, value):
        if value.isdigit():
            chosen = self.choose_from_page(self.county_pages(), value)
            if chosen is not None:
                self.choose_county(chosen)
            return
        matches = counties_starting_with(value, County.objects.all())
        if len(matches) == 1:
            self.choose_county(matches[0].pk)
        elif matches:
            self.go(COUNTY, page=0, letters=value[:20])
        else:
            self.invalid(texts.USSD_NO_COUNTY_FOUND)

    def choose_county(self, pk):
        self.draft["county"] = pk
        self.go(DESCRIPTION)

    def answer_description(self, value):
        if not value:
            return self.invalid(texts.USSD_EMPTY_DESCRIPTION)
        self.draft["description"] = value[:MAX_DESCRIPTION_LENGTH]
        self.go(CONFIRM)

    def answer_confirm(self, value):
        if value == "1":
            case = self.create_case_once()
            self.ended = str(texts.USSD_CREATED) % {
                "reference": case.reference,
                "code": self.session.service_code or "",
            }
        elif value == "2":
            self.ended = str(texts.USSD_CANCELLED)
        else:
            self.invalid()

    def answer_reference(self, value):
        reference = parse_reference(value)
        if reference is None:
            return self.invalid(texts.USSD_BAD_REFERENCE)
        case = own_case(reference, self.session.phone_number)
        if case is None:
            self.ended = str(texts.NOT_FOUND)
        elif case.state == CaseState.RESPONDED:
            # The citizen may say here whether the response solved the problem.
            self.go(ANSWER, case=case.pk)
        else:
            self.ended = status_text(case, max_length=MAX_SCREEN_CHARS)

    def answer_answer(self, value):
        choices = {"1": True, "2": False}
        if value not in choices:
            return self.invalid()
        case = self.answered_case()
        if case is None:  # its number was corrected or erased meanwhile
            self.ended = str(texts.NOT_FOUND)
            return
        result = record_citizen_answer(case=case, solved=choices[value], actor=USSD_ACTOR)
        self.ended = str(ANSWER_CONFIRMATIONS[result.outcome]) % {
            "reference": result.case.reference
        }

    def answered_case(self):
        """The case on the answer screen, still only if it belongs to this phone."""
        return Case.objects.filter(
            pk=self.frame["case"], complainant_phone=self.session.phone_number
        ).first()

    def choose_from_page(self, pages, value):
        """The pk picked on the current page; "99" opens the next page. None otherwise."""
        items, has_more = pages.page(self.frame.get("page", 0))
        if value == MORE and has_more:
            # The next page is a screen of its own, so "0" comes back to this one.
            self.stack.append({**self.frame, "page": self.frame.get("page", 0) + 1})
            return None
        if value.isdigit() and 1 <= int(value) <= len(items):
            return items[int(value) - 1][0]
        self.invalid()
        return None

    # --- Creating the case ---------------------------------------------------------------

    def create_case_once(self):
        """The session's case, made on the first "Send" only: the session row is locked."""
        if self.session.case_id is not None:
            return self.session.case
        sector = Sector.objects.active().filter(pk=self.draft.get("sector")).first()
        county = County.objects.filter(pk=self.draft.get("county")).first()
        case = create_case(
            by=USSD_ACTOR,
            channel=Channel.USSD,
            description=self.draft["description"],
            sector=sector,
            county=county,
            complainant_phone=self.session.phone_number,
            # They asked us for a reference by phone; updates go back to the same phone.
            consent_to_contact=True,
            language=self.language,
        )
        self.session.case = case
        return case

    # --- Showing screens -----------------------------------------------------------------

    def render(self):
        screen = self.frame["screen"]
        body = getattr(self, f"render_{screen}")()
        if not self.hint:
            return body
        if screen == LANGUAGE:
            # No language chosen yet: the hint comes in both.
            return with_hint(texts.in_both_languages(self.hint), body)
        return with_hint(str(self.hint), body)

    def render_language(self):
        return "\n".join([texts.USSD_TITLE, numbered(texts.USSD_LANGUAGES)])

    def render_main(self):
        return "\n".join(
            [
                str(texts.USSD_MAIN_TITLE),
                numbered([texts.USSD_REPORT, texts.USSD_CHECK]),
                str(texts.USSD_NAV_HELP),
            ]
        )

    def render_sector(self):
        return self.render_page(self.sector_pages())

    def render_county(self):
        return self.render_page(self.county_pages())

    def render_description(self):
        return f"{texts.USSD_DESCRIBE}\n{BACK} {texts.USSD_BACK}"

    def render_confirm(self):
        sector = Sector.objects.filter(pk=self.draft.get("sector")).first()
        county = County.objects.filter(pk=self.draft.get("county")).first()
        where = ", ".join(
            [
                sector.name if sector else str(texts.USSD_NO_SECTOR),
                county.name if county else str(texts.USSD_NO_COUNTY),
            ]
        )
        footer = numbered([texts.USSD_SEND, texts.USSD_CANCEL]) + f"\n{BACK} {texts.USSD_BACK}"
        head = f"{texts.USSD_CONFIRM_TITLE}\n{where}\n"
        room = MAX_SCREEN_CHARS - hint_reserve(SCREEN_HINTS[CONFIRM]) - len(head) - len(footer) - 3
        description = " ".join(self.draft.get("description", "").split())
        if len(description) > room:
            description = description[: max(room - 3, 0)].rstrip() + "..."
        return f'{head}"{description}"\n{footer}'

    def render_reference(self):
        prompt = str(texts.USSD_REFERENCE_PROMPT) % {
            "example": texts.example_reference(),
            "short": texts.short_example_reference(),
        }
        return f"{prompt}\n{BACK} {texts.USSD_BACK}"

    def render_answer(self):
        footer = "\n".join(
            [
                str(texts.USSD_ANSWER_QUESTION),
                numbered([texts.USSD_SOLVED, texts.USSD_NOT_SOLVED]),
                f"{BACK} {texts.USSD_BACK}",
            ]
        )
        case = self.answered_case()
        if case is None:
            return footer
        room = MAX_SCREEN_CHARS - hint_reserve(SCREEN_HINTS[ANSWER]) - len(footer) - 1
        return f"{response_excerpt(case, room)}\n{footer}"

    # --- Paged lists -------------------------------------------------------------------

    def sector_pages(self):
        sectors = Sector.objects.active()
        return PagedList(
            [(sector.pk, sector.name) for sector in sectors],
            str(texts.USSD_SECTOR_TITLE),
            SECTORS_PER_PAGE,
            hints=SCREEN_HINTS[SECTOR],
        )

    def county_pages(self):
        counties = County.objects.all()
        letters = self.frame.get("letters")
        if letters:
            counties = counties_starting_with(letters, counties)
            title = str(texts.USSD_COUNTY_MATCHES_TITLE)
        else:
            title = str(texts.USSD_COUNTY_TITLE)
        items = [(county.pk, county.name) for county in counties]
        return PagedList(items, title, COUNTIES_PER_PAGE, hints=SCREEN_HINTS[COUNTY])

    def render_page(self, pages):
        items, has_more = pages.page(self.frame.get("page", 0))
        return pages.compose([label for _, label in items], has_more)


class PagedList:
    """A titled, numbered list split into screens, each ending with "99 More" and "0 Back"."""

    def __init__(self, items, title, per_page, *, hints):
        self.items = items  # (pk, label) pairs
        self.title = title
        self.slices = paginate(
            [label for _, label in items],
            self.compose,
            per_page=per_page,
            reserve=hint_reserve(hints),
        )

    def compose(self, labels, has_more):
        lines = [self.title, numbered(labels)] if labels else [self.title]
        if has_more:
            lines.append(f"{MORE} {texts.USSD_MORE}")
        lines.append(f"{BACK} {texts.USSD_BACK}")
        return "\n".join(lines)

    def page(self, number):
        """The (pk, label) pairs on that page and whether more pages follow."""
        if not self.slices:
            return [], False
        start, stop = self.slices[min(number, len(self.slices) - 1)]
        return self.items[start:stop], stop < len(self.items)


def response_excerpt(case, room):
    """ "HUD-2026-000123: Responded. "<the response, cut to fit>"" within ``room``."""
    head = str(texts.STATUS_LINE) % {
        "reference": case.reference,
        "status": case.get_state_display(),
    }
    body = " ".join(case.response.split())
    space = room - len(head) - 3  # the space and the quotes
    if space < 10 or not body:
        return head
    if len(body) > space:
        body = body[: space - 3].rstrip() + "..."
    return f'{head} "{body}"'


def hint_reserve(hints):
    """Room kept on a screen for the longest hint it may show and the space after it."""
    return max(len(str(hint)) for hint in hints) + 1
