"""following/bench.py at a small size: its followers load, the digest task runs over them
and is rolled back, and a second run uses the same followers."""

from challenges import bench as challenge_bench
from following import bench
from following.models import Digest, Follower, Subscription
from portal.models import OutgoingEmail
from solutions import bench as solution_bench


def test_the_bench_followers_load_and_the_digest_task_runs_over_them(db, capsys):
    challenge_bench.populate(40)
    solution_bench.populate(40)
    assert bench.populate(50) > 100
    assert Follower.objects.count() == 50
    assert Subscription.objects.count() >= 50
    printed = capsys.readouterr().out
    assert "following: digest task for 50 followers:" in printed
    assert " 0 digests" not in printed  # the recent items reach some followers
    assert not Digest.objects.exists() and not OutgoingEmail.objects.exists()  # rolled back
    assert bench.populate(50) == 0
    assert bench.pages() == []
