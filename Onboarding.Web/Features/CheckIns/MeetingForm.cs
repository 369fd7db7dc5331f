using Microsoft.AspNetCore.Mvc.ModelBinding;
using Onboarding.Core.Data;
using Onboarding.Core.Engagements;
using Onboarding.Core.Governance.CheckIns;
using Onboarding.Core.Plans;
using Onboarding.Web.Features.Plan;
using Onboarding.Web.Infrastructure;

namespace Onboarding.Web.Features.CheckIns;

/// <summary>One action item row as typed; a row left wholly blank is no action item.</summary>
public sealed class ActionItemForm
{
    public string? Title { get; set; }
    public int? OwnerId { get; set; }
    public string? Due { get; set; }
    public string? What { get; set; }
    public string? Why { get; set; }

    public bool IsBlank => string.IsNullOrWhiteSpace(Title) && OwnerId is null && string.IsNullOrWhiteSpace(Due)
        && string.IsNullOrWhiteSpace(What) && string.IsNullOrWhiteSpace(Why);
}

/// <summary>
/// A meeting's record as typed: notes, decisions one per line, and action item rows; text throughout, so a mistake
/// in one field never loses another. <see cref="TryRead"/> gives the record or an error per field.
/// </summary>
public sealed class MeetingForm
{
    public const int BlankRows = 3;
    public const int MaxNotes = 20_000;
    public const int MaxDecision = 2_000;
    public const int MaxDecisions = 30;
    public const int MaxActions = 30;

    [MarkdownInput("Notes")]
    public string? Notes { get; set; }

    public string? Decisions { get; set; }
    public List<ActionItemForm> Actions { get; set; } = [];

    /// <summary>The record's version the form was opened on; empty for a meeting not recorded yet.</summary>
    public int? Version { get; set; }

    /// <param name="date">The meeting's day: action items are due on or after it and start then (or on their due day, if earlier is not a working day).</param>
    public CheckInRecord? TryRead(
        IReadOnlyList<PlanPhase> phases, IReadOnlyList<Member> members, BusinessCalendar calendar, DateOnly date, DateOnly today, ModelStateDictionary errors)
    {
        var notes = Notes?.Trim() ?? "";
        if (notes.Length > MaxNotes)
        {
            errors.AddModelError(nameof(Notes), TextLimits.TooLong("The notes", notes.Length, MaxNotes));
        }

        var decisions = (Decisions ?? "").Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0).ToList();
        if (decisions.Count > MaxDecisions)
        {
            errors.AddModelError(nameof(Decisions), $"{decisions.Count} decisions at once is more than a meeting makes; record at most {MaxDecisions} per save.");
        }
        else if (decisions.FirstOrDefault(d => d.Length > MaxDecision) is { } longOne)
        {
            errors.AddModelError(nameof(Decisions), TextLimits.TooLong($"The decision “{TextLimits.Fit(longOne, 40)}”", longOne.Length, MaxDecision));
        }

        var rows = Actions.Select((a, i) => (Row: a, Index: i)).Where(x => !x.Row.IsBlank).ToList();
        if (rows.Count > MaxActions)
        {
            errors.AddModelError(nameof(Actions), $"{rows.Count} action items at once is more than a meeting makes; record at most {MaxActions} per save.");
            rows.Clear();
        }
        var actions = new List<TaskToAdd>();
        foreach (var (row, i) in rows)
        {
            var prefix = $"{nameof(Actions)}[{i}].";
            var label = $"Action item {i + 1}";
            var title = row.Title?.Trim() ?? "";
            if (title.Length == 0) { errors.AddModelError(prefix + nameof(row.Title), $"{label}: say what gets done."); }
            else if (title.Length > TextLimits.Title) { errors.AddModelError(prefix + nameof(row.Title), TextLimits.TooLong($"{label}'s title", title.Length, TextLimits.Title)); }
            var owner = members.FirstOrDefault(m => m.Id == row.OwnerId);
            if (owner is null) { errors.AddModelError(prefix + nameof(row.OwnerId), $"{label}: choose who owns it, one of the engagement's stakeholders."); }
            var due = NewTaskForm.ReadWorkingDay(row.Due, prefix + nameof(row.Due), "due", calendar, today, errors);
            if (due is { } d && d < date) { errors.AddModelError(prefix + nameof(row.Due), $"{label}: the due date ({d:ddd d MMM yyyy}) is before the meeting ({date:ddd d MMM yyyy})."); }
            var what = row.What?.Trim() ?? "";
            var why = row.Why?.Trim() ?? "";
            if (what.Length > 8000) { errors.AddModelError(prefix + nameof(row.What), $"{label}: keep the what under 8,000 characters."); }
            else if (Core.Markdown.MarkdownText.Problem(what) is { } whatProblem) { errors.AddModelError(prefix + nameof(row.What), $"{label}, what: {whatProblem}"); }
            if (why.Length == 0) { errors.AddModelError(prefix + nameof(row.Why), $"{label}: say why it matters, the reason and the benefit. People act on tasks they understand."); }
            else if (why.Length > 8000) { errors.AddModelError(prefix + nameof(row.Why), $"{label}: keep the why under 8,000 characters."); }
            else if (Core.Markdown.MarkdownText.Problem(why) is { } whyProblem) { errors.AddModelError(prefix + nameof(row.Why), $"{label}, why: {whyProblem}"); }
            if (owner is not null && due is { } dueDay && title.Length is > 0 and <= TextLimits.Title && why.Length is > 0 and <= 8000)
            {
                var start = calendar.RollForward(date) is var s && s <= dueDay ? s : dueDay;
                var phase = AddedTasks.PhaseOn(phases, dueDay);
                actions.Add(new TaskToAdd(title, phase.Key, phase.Title, start, dueDay, owner, what, why));
            }
        }
        if (errors.IsValid && notes.Length == 0 && decisions.Count == 0 && actions.Count == 0 && Version is null)
        {
            errors.AddModelError(nameof(Notes), "Write the notes, a decision or an action item: an empty record says nothing.");
        }
        return errors.IsValid ? new CheckInRecord(notes, decisions, actions) : null;
    }

    /// <summary>The form with room for <see cref="BlankRows"/> more action items.</summary>
    public MeetingForm Padded()
    {
        while (Actions.Count(a => a.IsBlank) < BlankRows && Actions.Count < MaxActions)
        {
            Actions.Add(new ActionItemForm());
        }
        return this;
    }
}
