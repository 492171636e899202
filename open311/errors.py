"""The errors of the GeoReport v2 specification: an HTTP status and a list of
``{code, description}``. 404 for what does not exist, 403 for a missing or wrong api_key,
400 for anything else the server cannot do as asked, 429 for too many requests in a while."""


class Open311Error(Exception):
    status = 400

    def __init__(self, description):
        super().__init__(description)
        self.description = description

    def as_data(self):
        return [{"code": self.status, "description": self.description}]


class BadRequest(Open311Error):
    status = 400


class Forbidden(Open311Error):
    status = 403


class NotFound(Open311Error):
    status = 404


class TooManyRequests(Open311Error):
    status = 429

    def __init__(self, description, *, retry_after):
        super().__init__(description)
        self.retry_after = retry_after
