namespace Onboarding.Core.Engagements;

/// <summary>A set of weekdays, stored as flags so a calendar fits in one column.</summary>
[Flags]
public enum WorkingDays
{
    None = 0,
    Sunday = 1 << DayOfWeek.Sunday,
    Monday = 1 << DayOfWeek.Monday,
    Tuesday = 1 << DayOfWeek.Tuesday,
    Wednesday = 1 << DayOfWeek.Wednesday,
    Thursday = 1 << DayOfWeek.Thursday,
    Friday = 1 << DayOfWeek.Friday,
    Saturday = 1 << DayOfWeek.Saturday,
    MondayToFriday = Monday | Tuesday | Wednesday | Thursday | Friday,
    SundayToThursday = Sunday | Monday | Tuesday | Wednesday | Thursday,
}

public static class WorkingDaysExtensions
{
    public static bool Includes(this WorkingDays days, DayOfWeek day) => ((int)days & (1 << (int)day)) != 0;

    public static IReadOnlySet<DayOfWeek> ToSet(this WorkingDays days) =>
        Enum.GetValues<DayOfWeek>().Where(d => days.Includes(d)).ToHashSet();

    public static WorkingDays FromDays(IEnumerable<DayOfWeek> days) =>
        days.Aggregate(WorkingDays.None, (all, d) => all | (WorkingDays)(1 << (int)d));

    /// <summary>"Mon, Tue, Wed" for people to read.</summary>
    public static string ToDisplayList(this WorkingDays days) =>
        Text.Words.List(Enum.GetValues<DayOfWeek>().Where(d => days.Includes(d)).Select(d => d.ToString()[..3]));

    /// <summary>"Mon,Tue,Wed" style, the format forms and the command line use.</summary>
    public static string ToShortList(this WorkingDays days) =>
        string.Join(",", Enum.GetValues<DayOfWeek>().Where(d => days.Includes(d)).Select(d => d.ToString()[..3]));

    /// <summary>Reads <see cref="ToShortList"/>'s format back; null for anything else, or for no day at all.</summary>
    public static WorkingDays? FromShortList(string? text)
    {
        var days = WorkingDays.None;
        foreach (var part in (text ?? "").Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            var day = Enum.GetValues<DayOfWeek>().Where(d => d.ToString()[..3].Equals(part, StringComparison.OrdinalIgnoreCase)).Cast<DayOfWeek?>().FirstOrDefault();
            if (day is null)
            {
                return null;
            }
            days |= (WorkingDays)(1 << (int)day.Value);
        }
        return days == WorkingDays.None ? null : days;
    }
}
