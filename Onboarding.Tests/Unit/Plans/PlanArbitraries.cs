using FsCheck;
using FsCheck.Fluent;
using Onboarding.Core.Plans;
using Onboarding.Core.Templates;

namespace Onboarding.Tests.Unit.Plans;

/// <summary>A working week (never empty) and holidays as day offsets from <see cref="Origin"/>.</summary>
public sealed record CalendarSpec(DayOfWeek[] WorkingDays, int[] HolidayOffsets)
{
    public static readonly DateOnly Origin = new(2026, 1, 1);

    public BusinessCalendar Build() => new(WorkingDays, HolidayOffsets.Select(o => Origin.AddDays(o)));

    public override string ToString() => $"working [{string.Join(",", WorkingDays)}], holidays +[{string.Join(",", HolidayOffsets)}]";
}

public sealed record CalendarStep(CalendarSpec Calendar, int DateOffset, int Count)
{
    public DateOnly Date => CalendarSpec.Origin.AddDays(DateOffset);
}

/// <summary>Tasks depend only on earlier ones, so every scenario is acyclic; <see cref="Done"/> marks tasks already completed.</summary>
public sealed record PlanScenario(CalendarSpec Calendar, int KickoffOffset, int[] Starts, int[] Durations, int[][] DependsOn, bool[] Done, int Shift, int MovedTask, int MoveOffset)
{
    public DateOnly Kickoff => CalendarSpec.Origin.AddDays(KickoffOffset);

    public PlanTemplate Template() => TestTemplates.Template(Starts
        .Select((start, i) => TestTemplates.Task($"t{i}", start, Durations[i], DependsOn[i].Select(d => $"t{d}").ToArray()))
        .ToArray());

    public GeneratedPlan Generate(BusinessCalendar calendar) =>
        PlanGenerator.Generate(Kickoff, Kickoff, calendar, [new TemplateApplication(Template(), "", TestTemplates.EveryRole)]);

    /// <summary>The generated plan as running state, with the <see cref="Done"/> tasks completed.</summary>
    public List<PlanTaskState> States(BusinessCalendar calendar) => Generate(calendar).Tasks
        .Select(t => t.ToState() with { CompletedOn = Done[int.Parse(t.TaskKey[1..])] ? t.Due : null })
        .ToList();

    public override string ToString() =>
        $"{Calendar}, kickoff +{KickoffOffset}, starts [{string.Join(",", Starts)}], durations [{string.Join(",", Durations)}], " +
        $"deps [{string.Join(" ", DependsOn.Select(d => "(" + string.Join(",", d) + ")"))}], done [{string.Join(",", Done.Select(d => d ? 1 : 0))}], " +
        $"shift {Shift}, move t{MovedTask} by {MoveOffset}";
}

public static class PlanArbitraries
{
    private static Gen<CalendarSpec> Calendars =>
        from days in Gen.SubListOf(Enum.GetValues<DayOfWeek>()).Where(d => d.Count > 0)
        from holidayCount in Gen.Choose(0, 60)
        from holidays in Gen.ArrayOf(Gen.Choose(0, 700), holidayCount)
        select new CalendarSpec(days.ToArray(), holidays);

    public static Arbitrary<CalendarStep> Steps() => Arb.From(
        from calendar in Calendars
        from offset in Gen.Choose(0, 400)
        from count in Gen.Choose(-150, 150)
        select new CalendarStep(calendar, offset, count));

    public static Arbitrary<PlanScenario> Scenarios() => Arb.From(
        from calendar in Calendars
        from kickoff in Gen.Choose(0, 100)
        from count in Gen.Choose(1, 30)
        from starts in Gen.ArrayOf(Gen.Choose(1, 60), count)
        from durations in Gen.ArrayOf(Gen.Choose(1, 10), count)
        from picks in Gen.ArrayOf(Gen.Choose(0, 3).SelectMany(k => Gen.ArrayOf(Gen.Choose(0, 10_000), k)), count)
        from done in Gen.ArrayOf(Gen.Elements(true, false, false), count)
        from shift in Gen.Choose(-40, 40)
        from moved in Gen.Choose(0, count - 1)
        from moveOffset in Gen.Choose(-30, 30)
        select new PlanScenario(
            calendar, kickoff, starts, durations,
            picks.Select((p, i) => i == 0 ? [] : p.Select(r => r % i).Distinct().ToArray()).ToArray(),
            done, shift, moved, moveOffset));
}
