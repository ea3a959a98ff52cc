from portal import hooks
from solutions.models import Status
from tests.solutions.conftest import make_solution


def test_the_export_holds_the_solutions_a_user_wrote_and_changed(entrepreneur, colleague):
    solution = make_solution(entrepreneur, status=Status.DRAFT)
    make_solution(colleague, title="Kollegaens løsning")
    export = hooks.collect_dict("export_user_data", entrepreneur)
    assert [s["title"] for s in export["solutions_written"]] == [solution.title]
    assert [e["kind"] for e in export["solution_changes"]] == ["created"]
