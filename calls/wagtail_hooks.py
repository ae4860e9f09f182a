from django.urls import path
from wagtail import hooks

from calls import views


@hooks.register("register_admin_urls")
def register_submission_urls():
    return [
        path(
            "calls/submissions/<int:submission_id>/",
            views.review_submission,
            name="calls_review_submission",
        ),
    ]
