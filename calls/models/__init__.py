from calls.models.pages import CALL_KINDS, CallFull, CallIndexPage, CallPage, DeadlineFormPage
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
