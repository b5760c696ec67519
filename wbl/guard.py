"""Running code wbl does not control (rules and their hooks, plugins being imported) so that it
cannot hang a run, end it, or write into its output.

`guarded(seconds, what)` is a context manager around such code. Inside it:

- **Time.** The code gets `seconds` of wall-clock time. Python cannot kill a function from
  outside, so the limit is enforced in three ways, from the most to the least polite:

  1. the engine calls `Guard.check()` between the violations a rule yields and stops the rule
     there (a rule that yields often is stopped within one violation of its limit);
  2. on the main thread (the CLI, each `--jobs` worker), a ``SIGALRM`` timer raises
     `TimeLimit` inside the code when its time is up, and again every `RETRY` seconds if the
     code swallows it. A signal is handled between two bytecodes of Python code, and also
     interrupts a regular expression that backtracks (``re`` checks for signals while it
     matches), ``time.sleep`` and blocking reads;
  3. on any other thread (the language server lints on a worker thread), a watchdog thread
     raises `TimeLimit` in the code's thread (``PyThreadState_SetAsyncExc``) when its time is
     up, and again every `RETRY` seconds. That takes effect at the next bytecode of Python
     code: a C function that never returns to Python (a regular expression that backtracks, a
     call into an extension module) is not interrupted until it returns.

  Code stuck in C without checking for signals (and, on a thread other than the main one, any
  C call) is therefore the one thing a limit cannot stop; wbl's own regular expressions from
  configuration are checked for backtracking before they run (`wbl.saferegex`) for that reason.
  Where ``SIGALRM`` is missing (Windows) or already in use by the program that embeds wbl,
  the watchdog is used on the main thread too.

- **Exits.** ``SystemExit`` (``sys.exit()``, ``exit()``) raised by the code, and a
  ``KeyboardInterrupt`` that the code raised itself, become `GuardError`, naming what happened;
  a ``KeyboardInterrupt`` from the user (Ctrl-C, a ``SIGINT``) still stops the run. ``os._exit``
  cannot be caught.

- **Output.** ``sys.stdout`` is standard error, so that a stray ``print`` cannot corrupt
  machine-readable output or the language server's protocol stream.

A `TimeLimit` or `GuardError` leaves the context as `GuardError`; the caller names the rule.

Two raisers of `TimeLimit` (the engine's check and the alarm or watchdog) aim at the same deadline,
so the second would often arrive while the block is being left, after the first was caught, and
escape as a bare `TimeLimit`. Each guard therefore raises at most one `TimeLimit` per `RETRY`
seconds whoever raises it, and none once the block is being left (`Guard.closed`).
"""

from __future__ import annotations

import heapq
import itertools
import sys
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager

DEFAULT_TIME_LIMIT = 20.0  # seconds per rule per file (and per plugin import); --rule-time-limit
RETRY = 0.25  # seconds between two raises of TimeLimit in code that swallowed the first


class TimeLimit(BaseException):
    """Raised inside guarded code whose time is up (a BaseException, so that a rule's
    ``except Exception`` does not swallow it)."""


class GuardError(Exception):
    """Guarded code ran over its time or tried to end the process; the message says which."""


class Guard:
    """The state of one guarded block: its deadline, when it last raised `TimeLimit`, and
    whether it is being left (then nothing raises `TimeLimit` into it any more)."""

    __slots__ = ("closed", "deadline", "last_raise", "root", "seconds")

    def __init__(self, seconds: float | None, root: Guard | None = None) -> None:
        self.seconds = seconds
        self.deadline = time.monotonic() + seconds if seconds else float("inf")
        if root is not None:  # a nested block ends no later than the one around it
            self.deadline = min(self.deadline, root.deadline)
        self.root = root if root is not None else self  # the block whose alarm and handlers apply
        self.last_raise = float("-inf")
        self.closed = False

    def expired(self) -> bool:
        return time.monotonic() >= self.deadline

    def check(self) -> None:
        """Raise `TimeLimit` if the block's time is up (for callers that can stop politely)."""
        if self.expired():
            self.root.last_raise = time.monotonic()
            raise TimeLimit

    def due(self) -> bool:
        """Whether the alarm or the watchdog is to raise `TimeLimit` now (and note that it does):
        not while the block is being left, nor within `RETRY` seconds of the last raise."""
        root = self.root
        now = time.monotonic()
        if root.closed or now - root.last_raise < RETRY / 2:
            return False
        root.last_raise = now
        return True


_LOCAL = threading.local()
_USER_INTERRUPT = threading.Event()
_ALARMED: list[Guard] = []  # the guard the main thread's alarm is for (none, or one)


@contextmanager
def guarded(seconds: float | None) -> Iterator[Guard]:
    """Run the block under a time limit (None or 0: none), with its exits contained."""
    outer: Guard | None = getattr(_LOCAL, "guard", None)
    if outer is not None:  # inside another guard: its alarm and its handlers apply
        yield Guard(seconds, root=outer)
        return
    guard = Guard(seconds)
    token = restore_alarm = restore_interrupt = None
    stdout = sys.stdout
    # Everything from here is undone in the `finally`, whatever arrives while it is being set up.
    _LOCAL.guard = guard
    try:
        main = threading.current_thread() is threading.main_thread()
        if seconds and main:
            restore_alarm = _arm_alarm(seconds, guard)
        if seconds and restore_alarm is None:
            token = _WATCHDOG.arm(guard)
        if main:
            restore_interrupt = _watch_interrupts()
        sys.stdout = sys.stderr
        try:
            yield guard
            guard.closed = True
        # Each handler first closes the guard (an attribute store, where no signal handler runs),
        # so that no second TimeLimit can interrupt it.
        except TimeLimit:
            guard.closed = True
            raise GuardError(f"ran over its time limit of {seconds:g} s (rule-time-limit)") from None
        except SystemExit as exc:
            guard.closed = True
            raise GuardError(f"tried to end the process (SystemExit: {exc.code!r})") from None
        except KeyboardInterrupt:
            guard.closed = True
            if _USER_INTERRUPT.is_set():
                raise
            raise GuardError("raised KeyboardInterrupt itself") from None
        except BaseException:
            guard.closed = True
            raise
    finally:
        guard.closed = True
        # A TimeLimit the watchdog raised but that was not yet delivered is dropped by `disarm`;
        # each step is repeated until it is done without one all the same.
        if token is not None:
            _undisturbed(lambda: _WATCHDOG.disarm(token))
        if restore_alarm is not None:
            _undisturbed(restore_alarm)
        if restore_interrupt is not None:
            _undisturbed(restore_interrupt)
        sys.stdout = stdout
        _LOCAL.guard = None


def _undisturbed(step: Callable[[], object]) -> None:
    while True:
        try:
            step()
            return
        except TimeLimit:
            continue


def user_interrupted() -> bool:
    """Whether the user pressed Ctrl-C while guarded code ran (on the main thread)."""
    return _USER_INTERRUPT.is_set()


# --- the alarm (main thread) -------------------------------------------------------------------


def _on_alarm(signum: int, frame: object) -> None:
    if _ALARMED and _ALARMED[-1].due():
        raise TimeLimit


def _arm_alarm(seconds: float, guard: Guard):  # type: ignore[no-untyped-def]
    """Start the SIGALRM timer for `guard`; returns what undoes it, or None when the alarm is
    not free."""
    import signal  # here: a run served from the result cache guards nothing (its enums cost ~1 ms)

    if not hasattr(signal, "setitimer"):
        return None
    try:
        previous = signal.getsignal(signal.SIGALRM)
        if previous not in (signal.SIG_DFL, signal.SIG_IGN, None, _on_alarm):
            return None  # the embedding program uses SIGALRM itself
        if signal.getitimer(signal.ITIMER_REAL)[0]:
            return None  # a timer of the program is running
        _ALARMED[:] = [guard]
        signal.signal(signal.SIGALRM, _on_alarm)
        signal.setitimer(signal.ITIMER_REAL, seconds, RETRY)
    except (ValueError, OSError):
        _ALARMED.clear()
        return None

    def restore() -> None:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous if previous not in (None, _on_alarm) else signal.SIG_DFL)
        _ALARMED.clear()

    return restore


def _on_interrupt(signum: int, frame: object) -> None:
    _USER_INTERRUPT.set()
    raise KeyboardInterrupt


def _watch_interrupts():  # type: ignore[no-untyped-def]
    """Mark a Ctrl-C as the user's while guarded code runs (when Python's own handler is set)."""
    import signal

    try:
        if signal.getsignal(signal.SIGINT) is not signal.default_int_handler:
            return None
        signal.signal(signal.SIGINT, _on_interrupt)
    except (ValueError, OSError):
        return None
    return lambda: signal.signal(signal.SIGINT, signal.default_int_handler)


# --- the watchdog (other threads) --------------------------------------------------------------


class _Watchdog:
    """One daemon thread that raises `TimeLimit` in threads whose guarded code ran out of time."""

    def __init__(self) -> None:
        self._condition = threading.Condition()
        self._armed: dict[int, tuple[int, Guard]] = {}  # token -> (thread id, guard)
        self._queue: list[tuple[float, int]] = []  # (when, token)
        self._tokens = itertools.count()
        self._thread: threading.Thread | None = None

    def arm(self, guard: Guard) -> int:
        # Imported here, before the thread can be targeted, not at the top: a run served from
        # the result cache never needs it (and `_raise_in` then finds it imported).
        import ctypes  # noqa: F401

        with self._condition:
            token = next(self._tokens)
            self._armed[token] = (threading.get_ident(), guard)
            # The watchdog sleeps until the earliest queued deadline (disarmed ones included), so
            # it needs waking only for an earlier one: a lint arms a guard for every rule, and
            # waking the thread each time costs a thread switch each.
            earliest = self._queue[0][0] if self._queue else None
            heapq.heappush(self._queue, (guard.deadline, token))
            if self._thread is None:
                self._thread = threading.Thread(target=self._run, name="wbl-watchdog", daemon=True)
                self._thread.start()
            if earliest is None or guard.deadline < earliest:
                self._condition.notify()
            return token

    def disarm(self, token: int) -> None:
        with self._condition:
            armed = self._armed.pop(token, None)
        if armed is not None:
            _raise_in(armed[0], None)  # drop a TimeLimit that was raised but not yet delivered

    def _run(self) -> None:
        while True:
            with self._condition:
                while not self._queue or self._queue[0][1] not in self._armed:
                    if self._queue:
                        heapq.heappop(self._queue)  # disarmed
                        continue
                    self._condition.wait()
                when, token = self._queue[0]
                delay = when - time.monotonic()
                if delay > 0:
                    self._condition.wait(delay)
                    continue
                heapq.heappop(self._queue)
                thread, guard = self._armed[token]
                if guard.due():
                    _raise_in(thread, TimeLimit)
                heapq.heappush(self._queue, (time.monotonic() + RETRY, token))


def _raise_in(thread: int, exception: type[BaseException] | None) -> None:
    import ctypes  # imported already by `_Watchdog.arm`

    ctypes.pythonapi.PyThreadState_SetAsyncExc(
        ctypes.c_ulong(thread), ctypes.py_object(exception) if exception else None
    )


_WATCHDOG = _Watchdog()


__all__ = ["DEFAULT_TIME_LIMIT", "RETRY", "Guard", "GuardError", "TimeLimit", "guarded", "user_interrupted"]
