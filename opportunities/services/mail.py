"""How the board sends email: through the communications app's public module
(comms.services.sending), so suppression, unsubscribe headers and delivery records work as for every
other email. Decisions and confirmations someone asked for are transactional; alerts are
marketing mail on their own list, which a person can leave from any alert's footer."""

from comms.services import sending

ALERT_LIST = (
    "opportunity-alerts",
    "Opportunity alerts",
    "New listings on the opportunities board that match a person's saved filters.",
)


def send_transactional(recipients: list[str], subject: str, template: str, context: dict, kind):
    sending.send_template(
        recipients, subject, template, context, mail_class=sending.TRANSACTIONAL, kind=kind
    )


def send_alert(recipients: list[str], subject: str, template: str, context: dict):
    sending.send_template(
        recipients,
        subject,
        template,
        context,
        mail_class=sending.MARKETING,
        kind="opportunities.alert",
        mailing_list=sending.system_list(*ALERT_LIST),
    )
