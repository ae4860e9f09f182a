from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.db import models


class SubmissionReceipt(models.Model):
    """The first result of a form shown once: a POST sent again with the same one-time token
    (a lost response, a double click, the back button) gets this result, not a second record.
    Stored in the transaction that stores the result."""

    token = models.UUIDField(unique=True)
    # The form it was shown for (a call, a contest): a token is worth nothing elsewhere.
    scope = models.CharField(max_length=100)
    content_type = models.ForeignKey(ContentType, null=True, on_delete=models.CASCADE)
    object_id = models.PositiveBigIntegerField(null=True)
    result = GenericForeignKey("content_type", "object_id")
    created_at = models.DateTimeField(auto_now_add=True, db_index=True)

    def __str__(self):
        return f"{self.scope}: {self.token}"
