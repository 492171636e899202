"""The contract every SMS backend keeps."""


class SMSSendError(Exception):
    """The gateway did not take the message: it is safe to try again later.

    ``permanent`` says that trying again cannot help (an invalid number, a blacklisted one).
    """

    def __init__(self, message, *, permanent=False):
        super().__init__(message)
        self.permanent = permanent


class SMSOutcomeUnknown(Exception):
    """The request may have reached the gateway (a timeout while waiting for its answer):
    the message is not sent again automatically, so that nobody gets it twice."""


class BaseSMSBackend:
    def __init__(self, **options):
        self.options = options

    def send(self, recipient, text):
        """Send one SMS to an E.164 number; return the gateway's message id.

        Raise ``SMSSendError`` when the gateway refused or could not be reached, and
        ``SMSOutcomeUnknown`` when it cannot be known whether it took the message.
        """
        raise NotImplementedError
