using System.Globalization;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Onboarding.Core.Data;
using Onboarding.Core.Engagements;
using Onboarding.Core.Plans;
using Onboarding.Web.Infrastructure;

namespace Onboarding.Web.Features.Plan;

/// <summary>A task added by hand, checked and ready to save.</summary>
public sealed record NewTask(string Title, PhaseOption Phase, DateOnly Start, DateOnly Due, Member Owner, string What, string Why, bool IsMilestone);

/// <summary>
/// A phase of the plan, beginning on <paramref name="Begins"/> (its first task's start). Templates may share a key with
/// different titles, so the form names a phase by both.
/// </summary>
public sealed record PhaseOption(string Key, string Title, DateOnly Begins)
{
    public string Value => $"{Key}|{Title}";

    /// <summary>
    /// The phase a task starting on <paramref name="start"/> falls in when nobody chose one: the last phase to begin
    /// on or before it, so a task on day 34 lands in "Days 31–60"; before every phase, the first.
    /// </summary>
    public static PhaseOption Of(IReadOnlyList<PhaseOption> phasesInOrder, DateOnly start) =>
        phasesInOrder.LastOrDefault(p => p.Begins <= start) ?? phasesInOrder[0];
}

/// <summary>
/// The add-a-task form as typed: text throughout, so a mistake in one field never loses another;
/// <see cref="TryRead"/> gives the task or an error per field.
/// </summary>
public sealed class NewTaskForm
{
    public string Title { get; set; } = "";
    public string Phase { get; set; } = "";
    public string Start { get; set; } = "";
    public string Due { get; set; } = "";
    public int? OwnerId { get; set; }
    [MarkdownInput("What")]
    public string What { get; set; } = "";
    [MarkdownInput("Why")]
    public string Why { get; set; } = "";
    public bool IsMilestone { get; set; }

    /// <param name="today">Task dates must lie within <see cref="PlanDates"/>' range of it.</param>
    public NewTask? TryRead(IReadOnlyList<PhaseOption> phases, IReadOnlyList<Member> members, BusinessCalendar calendar, DateOnly today, ModelStateDictionary errors)
    {
        var title = Title?.Trim() ?? "";
        if (title.Length == 0) { errors.AddModelError(nameof(Title), "Give the task a title that says what gets done."); }
        else if (title.Length > TextLimits.Title) { errors.AddModelError(nameof(Title), TextLimits.TooLong("The title", title.Length, TextLimits.Title)); }
        var start = ReadWorkingDay(Start, nameof(Start), "start", calendar, today, errors);
        // An empty choice is "from the dates"; a phase named that no longer exists is an error, not a guess.
        var phase = string.IsNullOrEmpty(Phase)
            ? start is { } begins && phases.Count > 0 ? PhaseOption.Of(phases, begins) : null
            : phases.FirstOrDefault(p => p.Value == Phase);
        if (phase is null && (start is not null || !string.IsNullOrEmpty(Phase))) { errors.AddModelError(nameof(Phase), "Choose the phase the task belongs to."); }
        var due = ReadWorkingDay(Due, nameof(Due), "due", calendar, today, errors);
        if (start is { } s && due is { } d && d < s) { errors.AddModelError(nameof(Due), $"The due date ({d:ddd d MMM yyyy}) is before the start ({s:ddd d MMM yyyy})."); }
        var owner = members.FirstOrDefault(m => m.Id == OwnerId);
        if (owner is null) { errors.AddModelError(nameof(OwnerId), "Choose who owns the task: one of the engagement's stakeholders."); }
        if ((What?.Length ?? 0) > 8000) { errors.AddModelError(nameof(What), "Keep the what under 8,000 characters."); }
        if (string.IsNullOrWhiteSpace(Why)) { errors.AddModelError(nameof(Why), "Say why the task matters: the reason and the benefit to the partnership. People act on tasks they understand."); }
        else if (Why.Length > 8000) { errors.AddModelError(nameof(Why), "Keep the why under 8,000 characters."); }

        return errors.IsValid
            ? new NewTask(title, phase!, start!.Value, due!.Value, owner!, What?.Trim() ?? "", Why.Trim(), IsMilestone)
            : null;
    }

    /// <summary>A date the task can sit on: written YYYY-MM-DD, within <see cref="PlanDates"/>' range and a working day in the engagement's calendar.</summary>
    internal static DateOnly? ReadWorkingDay(string? text, string field, string what, BusinessCalendar calendar, DateOnly today, ModelStateDictionary errors)
    {
        if (!DateOnly.TryParseExact(text?.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            errors.AddModelError(field, string.IsNullOrWhiteSpace(text) ? $"Enter the {what} date." : $"'{TextLimits.Fit(text, 80)}' is not a date; use YYYY-MM-DD.");
            return null;
        }
        if (PlanDates.Check(date, today, what) is { } error)
        {
            errors.AddModelError(field, error);
            return null;
        }
        if (!calendar.IsWorkingDay(date))
        {
            var reason = calendar.Holidays.Contains(date) ? "a holiday" : $"not a working day ({date:dddd}s are off)";
            errors.AddModelError(field, $"{date:ddd d MMM yyyy} is {reason} in this engagement's calendar; the next working day is {calendar.NextWorkingDay(date):ddd d MMM yyyy}.");
            return null;
        }
        return date;
    }
}
