"""Admin pieces every app's staff screens share."""


class BulkConfirmationMixin:
    """For a snippet bulk action whose confirmation extends home/admin/confirm_bulk_action.html:
    the listing's title and icon in its header."""

    template_name = "home/admin/confirm_bulk_action.html"
    listing_title = ""
    listing_icon = "list-ul"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(listing_title=self.listing_title, listing_icon=self.listing_icon)
        return context
