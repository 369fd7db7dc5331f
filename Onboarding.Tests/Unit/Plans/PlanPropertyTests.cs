using FsCheck.Xunit;
using Onboarding.Core.Plans;
using Onboarding.Core.Templates;

namespace Onboarding.Tests.Unit.Plans;

[Properties(Arbitrary = new[] { typeof(PlanArbitraries) }, MaxTest = 200)]
public class PlanPropertyTests
{
    [Property]
    public void Adding_working_days_lands_on_a_working_day_and_counting_gives_the_steps_back(CalendarStep step)
    {
        var calendar = step.Calendar.Build();

        var landed = calendar.AddWorkingDays(step.Date, step.Count);

        if (step.Count != 0)
        {
            Assert.True(calendar.IsWorkingDay(landed));
            Assert.Equal(step.Count, calendar.WorkingDaysBetween(step.Date, landed));
        }
        var workingDay = calendar.RollForward(step.Date);
        Assert.Equal(workingDay, calendar.AddWorkingDays(calendar.AddWorkingDays(workingDay, step.Count), -step.Count));
    }

    [Property]
    public void Next_and_previous_working_days_skip_only_non_working_days(CalendarStep step)
    {
        var calendar = step.Calendar.Build();

        var next = calendar.NextWorkingDay(step.Date);
        var previous = calendar.PreviousWorkingDay(step.Date);

        Assert.True(calendar.IsWorkingDay(next) && calendar.IsWorkingDay(previous));
        Assert.True(previous < step.Date && step.Date < next);
        for (var d = previous.AddDays(1); d < next; d = d.AddDays(1))
        {
            Assert.True(d == step.Date || !calendar.IsWorkingDay(d), $"{d} is a working day between {previous} and {next}");
        }
    }

    [Property]
    public void Generated_tasks_start_and_end_on_working_days_and_last_their_duration(PlanScenario scenario)
    {
        var calendar = scenario.Calendar.Build();

        var plan = scenario.Generate(calendar);

        Assert.Equal(scenario.Starts.Length, plan.Tasks.Count);
        Assert.All(plan.Tasks, t =>
        {
            Assert.True(calendar.IsWorkingDay(t.Start), $"{t.Key} starts on {t.Start}");
            Assert.True(calendar.IsWorkingDay(t.Due), $"{t.Key} is due on {t.Due}");
            Assert.Equal(t.DurationDays - 1, calendar.WorkingDaysBetween(t.Start, t.Due));
        });
    }

    [Property]
    public void Generated_tasks_start_after_their_dependencies_are_due_and_warn_when_that_is_late(PlanScenario scenario)
    {
        var calendar = scenario.Calendar.Build();
        var dayOne = calendar.RollForward(scenario.Kickoff);

        var tasks = scenario.Generate(calendar).Tasks.ToDictionary(t => t.Key);

        Assert.All(tasks.Values, t =>
        {
            Assert.All(t.DependsOn, d => Assert.True(t.Start > tasks[d].Due, $"{t.Key} starts {t.Start}, {d} is due {tasks[d].Due}"));
            var planned = calendar.AddWorkingDays(dayOne, t.PlannedStartDay - 1);
            Assert.True(t.Start >= planned);
            Assert.Equal(t.Start > planned, t.Warning is not null);
        });
    }

    [Property]
    public void Moving_kickoff_by_n_working_days_and_back_restores_every_date(PlanScenario scenario)
    {
        var calendar = scenario.Calendar.Build();
        var states = scenario.States(calendar);
        var moved = calendar.AddWorkingDays(calendar.RollForward(scenario.Kickoff), scenario.Shift);

        var there = PlanRescheduler.MoveAnchor(states, DayAnchor.Kickoff, scenario.Kickoff, moved, calendar);
        var back = PlanRescheduler.MoveAnchor(there, DayAnchor.Kickoff, moved, scenario.Kickoff, calendar);

        Assert.Equal(states, back);
        Assert.All(there.Zip(states), p =>
        {
            var (after, before) = p;
            Assert.Equal(before.IsDone ? 0 : scenario.Shift, calendar.WorkingDaysBetween(before.Start, after.Start));
        });
    }

    [Property]
    public void Done_tasks_never_move(PlanScenario scenario)
    {
        var calendar = scenario.Calendar.Build();
        var states = scenario.States(calendar);
        var done = states.Where(s => s.IsDone).ToList();
        var target = states.First(s => s.Key == $"tpl/t{scenario.MovedTask}");

        var afterAnchor = PlanRescheduler.MoveAnchor(states, DayAnchor.Kickoff, scenario.Kickoff, scenario.Kickoff.AddDays(scenario.Shift), calendar);
        var afterMove = target.IsDone ? states : PlanRescheduler.MoveTask(states, target.Key, target.Start.AddDays(scenario.MoveOffset), calendar);

        Assert.All(done, d => Assert.Contains(d, afterAnchor));
        Assert.All(done, d => Assert.Contains(d, afterMove));
    }

    [Property]
    public void Moving_a_task_keeps_every_unfinished_dependency_respected(PlanScenario scenario)
    {
        var calendar = scenario.Calendar.Build();
        var states = scenario.States(calendar);
        var target = states.First(s => s.Key == $"tpl/t{scenario.MovedTask}");
        if (target.IsDone)
        {
            return;
        }

        var moved = PlanRescheduler.MoveTask(states, target.Key, target.Start.AddDays(scenario.MoveOffset), calendar).ToDictionary(t => t.Key);

        Assert.All(moved.Values.Where(t => !t.IsDone), t =>
        {
            Assert.True(calendar.IsWorkingDay(t.Start) && calendar.IsWorkingDay(t.Due));
            Assert.All(t.DependsOn.Select(d => moved[d]).Where(d => !d.IsDone), d => Assert.True(t.Start > d.Due, $"{t.Key} starts {t.Start}, {d.Key} is due {d.Due}"));
        });
    }
}
