"""The throttle between a run and a live frontend (nbstate.frontends.stream.Pusher), with plain
Python callables for the frontend: nothing for a fast run, then at most one push per interval,
the latest tree each time, and a push for what was kept even while the run's thread waits."""

from __future__ import annotations

import threading
import time

from nbstate.frontends.stream import Pusher


def recorder():
    shown: list[tuple[float, object]] = []
    return shown, (lambda tree: shown.append((time.perf_counter(), tree)))


def offer_for(p: Pusher, seconds: float, pause: float) -> int:
    """A run that emits an element every ``pause`` seconds for ``seconds``: how many."""
    start = time.perf_counter()
    n = 0
    while time.perf_counter() - start < seconds:
        n += 1
        p.offer(n)
        time.sleep(pause)  # the run's own work between two elements
    return n


def test_a_fast_run_pushes_nothing():
    shown, push = recorder()
    # (a first push half a second away: a busy machine may pause this thread for longer
    # than the 50 offers take, but not for that long)
    p = Pusher(push, first=0.5, every=0.5)
    p.start()
    for i in range(50):
        p.offer(i)
    p.stop()
    time.sleep(0.6)  # the timer's due time passes: it finds the run over
    assert shown == []


def test_a_slow_run_shows_what_it_kept_while_its_thread_waits():
    shown, push = recorder()
    p = Pusher(push, first=0.05, every=0.05)
    p.start()
    start = time.perf_counter()
    p.offer("title")
    p.offer("title + first chunk")
    time.sleep(0.15)  # the run's thread is blocked (a network read): the timer pushes
    assert [t for _, t in shown] == ["title + first chunk"]
    assert 0.04 <= shown[0][0] - start < 0.5  # (a busy machine may delay the timer)
    p.stop()


def test_at_most_one_push_per_interval_and_always_the_latest():
    shown, push = recorder()
    p = Pusher(push, first=0.0, every=0.05)
    p.start()
    n = offer_for(p, 0.5, 0.001)
    time.sleep(0.1)
    p.stop()
    times = [t for t, _ in shown]
    assert n > 20 and 3 <= len(shown) <= 0.5 / 0.05 + 2
    assert all(b - a >= 0.045 for a, b in zip(times, times[1:], strict=False))
    assert shown[-1][1] == n  # what the run ended with was shown


def test_pushes_slower_than_the_interval_take_at_most_half_of_the_run():
    # (a big app's tree takes long to push: a push due at once after each would spend the
    # run on pushes, one per element, each longer than the last: a run of seconds took
    # minutes)
    spent = [0.0]

    def slow_push(tree):
        began = time.perf_counter()
        time.sleep(0.02 + 0.0002 * tree)  # longer as the tree grows
        spent[0] += time.perf_counter() - began

    p = Pusher(slow_push, first=0.0, every=0.01)
    p.start()
    start = time.perf_counter()
    n = offer_for(p, 1.5, 0.002)
    p.stop()
    elapsed = time.perf_counter() - start
    assert 3 <= p.pushes and p.pushes * 5 < n, (p.pushes, n)  # not one push per element
    assert spent[0] <= 0.7 * elapsed, (spent[0], elapsed)


def test_urgent_skips_the_first_wait_only():
    shown, push = recorder()
    p = Pusher(push, first=10.0, every=10.0)
    p.start()
    p.offer("rows")
    p.offer("first chunk", urgent=True)
    p.offer("second chunk", urgent=True)  # within `every` of the last push: kept
    assert [t for _, t in shown] == ["first chunk"]
    p.stop()


def test_stop_waits_for_a_push_under_way():
    entered, release = threading.Event(), threading.Event()
    done = []

    def slow_push(tree):
        entered.set()
        release.wait(2)
        done.append(tree)

    p = Pusher(slow_push, first=0.0, every=0.0)
    p.start()
    t = threading.Thread(target=p.offer, args=("tree",))
    t.start()
    entered.wait(2)
    stopped = []
    s = threading.Thread(target=lambda: (p.stop(), stopped.append(time.perf_counter())))
    s.start()
    time.sleep(0.05)
    assert stopped == []  # the final update must not overtake the push under way
    release.set()
    s.join(2)
    t.join(2)
    assert done == ["tree"] and stopped


def test_a_declined_push_is_offered_again_while_the_run_adds_nothing():
    # the frontend declines (nothing new to show yet) until the tree is offered the third
    # time: the timer offers the kept tree again even though the run's thread adds nothing
    tries: list[tuple[float, object]] = []

    def push(tree):
        tries.append((time.perf_counter(), tree))
        return False if len(tries) < 3 else None

    p = Pusher(push, first=0.0, every=0.03)
    p.start()
    start = time.perf_counter()
    p.offer("same as shown")
    time.sleep(0.3)  # the run's thread is blocked
    p.stop()
    assert [t for _, t in tries[:3]] == ["same as shown"] * 3
    assert len(tries) == 3  # (shown on the third: nothing is offered after it)
    assert p.pushes == 1
    assert tries[1][0] - start >= 0.03 - 0.005
    assert p.age() == 0.0  # (between runs)
