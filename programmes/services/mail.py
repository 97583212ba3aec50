"""The programmes app's email, through the communications app (comms.services.sending, its public
module). Every message here is transactional: a reply to an application, an offer, a
follow-up the participant agreed to when they took their place, or a note to a safeguarding
lead. None is marketing, so none waits on a mailing-list preference."""

from comms.services import sending


def send(recipients: list[str], subject: str, template: str, context: dict, kind: str) -> None:
    sending.send_template(
        list(recipients), subject, f"programmes/email/{template}", context,
        mail_class=sending.TRANSACTIONAL, kind=f"programmes.{kind}",
    )  # fmt: skip
