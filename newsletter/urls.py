from django.urls import path

from newsletter import views

# Mounted under each language prefix (wsis_site.urls): /es/newsletter/…
urlpatterns = [
    path("newsletter/subscribe/", views.subscribe, name="newsletter_subscribe"),
    path("newsletter/confirm/<str:token>/", views.confirm, name="newsletter_confirm"),
    path("newsletter/preferences/<str:token>/", views.preferences, name="newsletter_preferences"),
    path("newsletter/unsubscribe/<str:token>/", views.unsubscribe, name="newsletter_unsubscribe"),
]
