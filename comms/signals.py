"""Bounces and complaints reported by the mail provider, through anymail's tracking webhooks.

The webhook views are anymail's own (mounted at /email/anymail/ when ANYMAIL_WEBHOOK_SECRET
is set): they check the provider's signature or the shared basic-auth secret and refuse
anything else before this code runs. This receiver turns each event into what it means here.
"""

from anymail.signals import tracking
from django.dispatch import receiver

from comms.services import bounces


@receiver(tracking, dispatch_uid="comms.tracking")
def on_tracking_event(sender, event, esp_name, **kwargs):
    bounces.handle(event, esp_name)
