from calls.models.call import CallIndexPage, CallPage
from calls.models.pages import CALL_KINDS, CallFull, DeadlineFormPage
from calls.models.submissions import (
    CallFormField,
    CallSubmission,
    ReviewStatus,
    SubmissionCounter,
    SubmissionFile,
)

__all__ = [
    "CALL_KINDS",
    "CallFormField",
    "CallFull",
    "CallIndexPage",
    "CallPage",
    "CallSubmission",
    "DeadlineFormPage",
    "ReviewStatus",
    "SubmissionCounter",
    "SubmissionFile",
]
