"""Gateway callbacks, under /channels/ (portal/urls.py)."""

from django.urls import path

from . import views

urlpatterns = [
    path(
        "africastalking/sms/<str:secret>/",
        views.inbound_sms,
        name="africastalking_sms",
    ),
    path(
        "africastalking/delivery/<str:secret>/",
        views.delivery_report,
        name="africastalking_delivery",
    ),
    path(
        "africastalking/ussd/<str:secret>/",
        views.ussd_session,
        name="africastalking_ussd",
    ),
    path(
        "africastalking/voice/<str:secret>/",
        views.voice_call,
        name="africastalking_voice",
    ),
    # The answer to one step of a call (voice_steps): GetDigits names it as its callbackUrl.
    path(
        "africastalking/voice-step/<str:token>/<int:step>/",
        views.voice_step,
        name="africastalking_voice_step",
    ),
    # Fetched by the gateway during calls: public, like the words they speak.
    path(
        "voice-prompts/<str:language>/<slug:key>.mp3",
        views.voice_prompt,
        name="voice_prompt",
    ),
]
