"""Background work: sending one outbox message right after the event's commit."""

from django_tasks import task

from .sending import send_message


@task()
def send_message_task(message_id):
    message = send_message(message_id)
    return message.status if message else None
