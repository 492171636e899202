import os
import signal

import pytest

from .stack import Stack, missing_service

# One case worker per test that signs in: an authenticator code is accepted once.
STAFF = ("wanjiru", "otieno")


@pytest.fixture(scope="session")
def stack():
    """The prepared production stack, shared by the smoke and two-process tests (one migrate,
    one collectstatic). Skipped, saying why, where PostgreSQL or Redis is missing; .ci/run
    sets HUDUMA_REQUIRE_STACK=1 so that there it fails instead."""
    reason = missing_service()
    if reason:
        if os.environ.get("HUDUMA_REQUIRE_STACK") == "1":
            pytest.fail(f"{reason}, and HUDUMA_REQUIRE_STACK=1")
        pytest.skip(f"{reason}: the deployed-stack tests need it")
    prepared = Stack()
    try:
        prepared.prepare(staff=STAFF)
        yield prepared
    finally:
        prepared.close()


@pytest.fixture
def fresh_stack(stack):
    """The stack with empty Redis counters and caches, and no process left running."""
    stack.flush_redis()
    yield stack
    for process in list(stack.processes):
        stack.stop(process, how=signal.SIGINT)
