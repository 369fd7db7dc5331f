using Onboarding.Core.Plans;
using Onboarding.Core.Templates;

namespace Onboarding.Tests.Unit.Plans;

public class PlanReschedulerTests
{
    private static readonly BusinessCalendar Calendar = BusinessCalendar.MondayToFriday;

    // Week of Monday 2026-01-05: a (Mon–Tue) → b (Wed–Thu) → c (Fri); d counts from go-live.
    private static readonly PlanTaskState A = State("a", 5, 6, []);
    private static readonly PlanTaskState B = State("b", 7, 8, ["a"]);
    private static readonly PlanTaskState C = State("c", 9, 9, ["b"]);
    private static readonly PlanTaskState D = State("d", 5, 5, [], DayAnchor.GoLive);

    [Fact]
    public void Moving_kickoff_moves_unfinished_kickoff_tasks_only()
    {
        var doneA = A with { CompletedOn = new(2026, 1, 6) };

        var moved = PlanRescheduler.MoveAnchor([doneA, B, C, D], DayAnchor.Kickoff, new(2026, 1, 5), new(2026, 1, 12), Calendar);

        Assert.Equal(
            [doneA, B with { Start = new(2026, 1, 14), Due = new(2026, 1, 15) }, C with { Start = new(2026, 1, 16), Due = new(2026, 1, 16) }, D],
            moved);
    }

    [Fact]
    public void Moving_a_task_later_pushes_its_dependents_transitively_and_says_why()
    {
        var moved = PlanRescheduler.MoveTask([A, B, C, D], "a", new(2026, 1, 8), Calendar).ToDictionary(t => t.Key);

        Assert.Equal((new DateOnly(2026, 1, 8), new DateOnly(2026, 1, 9), null), (moved["a"].Start, moved["a"].Due, moved["a"].Warning));
        Assert.Equal((new DateOnly(2026, 1, 12), new DateOnly(2026, 1, 13)), (moved["b"].Start, moved["b"].Due));
        Assert.Equal("moved 3 working days later because 'a' is now due on 2026-01-09", moved["b"].Warning);
        Assert.Equal((new DateOnly(2026, 1, 14), new DateOnly(2026, 1, 14)), (moved["c"].Start, moved["c"].Due));
        Assert.Equal(D, moved["d"]);
    }

    [Fact]
    public void Moving_a_task_before_its_dependency_is_due_starts_it_after_with_a_warning()
    {
        var moved = PlanRescheduler.MoveTask([A, B, C], "b", new(2026, 1, 3), Calendar).Single(t => t.Key == "b");

        Assert.Equal((new DateOnly(2026, 1, 7), new DateOnly(2026, 1, 8)), (moved.Start, moved.Due));
        Assert.Equal("starts on 2026-01-07, not 2026-01-05 as asked, because 'a' is due on 2026-01-06", moved.Warning);
    }

    [Fact]
    public void A_done_dependency_no_longer_holds_a_task_back()
    {
        var doneA = A with { CompletedOn = new(2026, 1, 6) };

        var moved = PlanRescheduler.MoveTask([doneA, B], "b", new(2026, 1, 5), Calendar).Single(t => t.Key == "b");

        Assert.Equal((new DateOnly(2026, 1, 5), null), (moved.Start, moved.Warning));
    }

    [Fact]
    public void Done_or_unknown_tasks_cannot_be_moved()
    {
        Assert.Throws<InvalidOperationException>(() => PlanRescheduler.MoveTask([A with { CompletedOn = new(2026, 1, 6) }], "a", new(2026, 1, 8), Calendar));
        Assert.Throws<ArgumentException>(() => PlanRescheduler.MoveTask([A], "zzz", new(2026, 1, 8), Calendar));
    }

    [Fact]
    public void Upgrading_keeps_progress_of_kept_keys_adds_new_ones_and_returns_removed_ones_whole()
    {
        var doneA = A with { CompletedOn = new(2026, 1, 6) };
        var movedB = B with { Start = new(2026, 1, 12), Due = new(2026, 1, 13), Warning = "moved by hand" };
        // Version 2 drops c, adds e, and makes a depend on the new e.
        var regenerated = new[] { State("a", 5, 6, ["e"]), State("b", 7, 8, ["a"]), State("e", 5, 5, []), State("f", 8, 8, ["b"]) };

        var upgrade = PlanRescheduler.Upgrade([doneA, movedB, C], regenerated, Calendar);

        var tasks = upgrade.Tasks.ToDictionary(t => t.Key);
        Assert.Equal(["a", "b", "e", "f"], upgrade.Tasks.Select(t => t.Key));
        Assert.Equal((doneA.Start, doneA.CompletedOn), (tasks["a"].Start, tasks["a"].CompletedOn));
        Assert.Equal(["e"], tasks["a"].DependsOn);
        Assert.Equal((movedB.Start, "moved by hand"), (tasks["b"].Start, tasks["b"].Warning));
        Assert.Equal((new DateOnly(2026, 1, 14), "moved 4 working days later because 'b' is now due on 2026-01-13"), (tasks["f"].Start, tasks["f"].Warning));
        Assert.Equal(["e", "f"], upgrade.AddedKeys);
        Assert.Equal([C], upgrade.Removed);
    }

    private static PlanTaskState State(string key, int startDay, int dueDay, string[] dependsOn, DayAnchor anchor = DayAnchor.Kickoff) =>
        new(key, anchor, new(2026, 1, startDay), new(2026, 1, dueDay), dependsOn, CompletedOn: null, Warning: null);
}
