using System.Globalization;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Onboarding.Core.Engagements;
using Onboarding.Core.Templates;
using Onboarding.Core.Time;
using Onboarding.Web.Infrastructure;

namespace Onboarding.Web.Features.Launch;

/// <summary>
/// The launch form as typed. Everything is kept as text so that a mistake in one field never
/// loses what was typed in another; <see cref="TryRead"/> turns it into a request or field errors.
/// </summary>
public sealed class LaunchForm
{
    public const int ContactRows = 8;
    public const int OutcomeRows = 4;

    public string Name { get; set; } = "";
    public string ClientName { get; set; } = "";
    public string Kickoff { get; set; } = "";
    public string GoLive { get; set; } = "";
    public string TimeZone { get; set; } = "Europe/London";
    public List<DayOfWeek> WorkingDays { get; set; } = [DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday];
    public string Holidays { get; set; } = "";
    [MarkdownInput("Shared purpose")]
    public string SharedPurpose { get; set; } = "";
    public List<OutcomeRow> Outcomes { get; set; } = [];
    public List<ContactRow> Contacts { get; set; } = [];
    public List<string> Templates { get; set; } = [];

    /// <summary>"preview" or "launch": which button was pressed.</summary>
    public string Action { get; set; } = "preview";

    public LaunchForm Padded()
    {
        while (Outcomes.Count < OutcomeRows) { Outcomes.Add(new OutcomeRow()); }
        while (Contacts.Count < ContactRows) { Contacts.Add(new ContactRow()); }
        return this;
    }

    public LaunchRequest? TryRead(TemplateCatalog catalog, ModelStateDictionary errors)
    {
        if (string.IsNullOrWhiteSpace(Name)) { errors.AddModelError(nameof(Name), "Name the engagement, e.g. “Acme Robotics RPO launch”."); }
        if (string.IsNullOrWhiteSpace(ClientName)) { errors.AddModelError(nameof(ClientName), "Enter the client organisation's name."); }
        var kickoff = ReadDate(Kickoff, nameof(Kickoff), "kickoff", errors);
        var goLive = ReadDate(GoLive, nameof(GoLive), "go-live", errors);
        if (kickoff is { } k && goLive is { } g && g < k) { errors.AddModelError(nameof(GoLive), $"Go-live ({g:d MMM yyyy}) is before kickoff ({k:d MMM yyyy})."); }
        if (!Zones.IsKnown(TimeZone)) { errors.AddModelError(nameof(TimeZone), $"'{TimeZone}' is not a known IANA time zone; use a name like Europe/London."); }
        if (WorkingDays.Count == 0) { errors.AddModelError(nameof(WorkingDays), "Tick at least one working day."); }
        var holidays = ReadHolidays(errors);

        var outcomes = Outcomes.Where(o => !string.IsNullOrWhiteSpace(o.Title))
            .Select(o => new LaunchOutcome(o.Title.Trim(), o.HowMeasured?.Trim() ?? "")).ToList();
        var contacts = ReadContacts(errors);

        var templates = new List<PlanTemplate>();
        foreach (var key in Templates.Distinct())
        {
            if (catalog.Find(key) is { } template) { templates.Add(template); }
            else { errors.AddModelError(nameof(Templates), $"The template '{key}' is not available (it may have an error; see Templates)."); }
        }
        if (Templates.Count == 0) { errors.AddModelError(nameof(Templates), "Choose at least one template to build the plan from."); }

        if (!errors.IsValid || kickoff is null || goLive is null)
        {
            return null;
        }
        return new LaunchRequest(Name.Trim(), kickoff.Value, goLive.Value, TimeZone, WorkingDaysExtensions.FromDays(WorkingDays),
            holidays, SharedPurpose.Trim(), outcomes, contacts, templates);
    }

    private static DateOnly? ReadDate(string text, string field, string what, ModelStateDictionary errors)
    {
        if (DateOnly.TryParseExact(text?.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return date;
        }
        errors.AddModelError(field, string.IsNullOrWhiteSpace(text) ? $"Enter the {what} date." : $"'{text}' is not a date; use YYYY-MM-DD.");
        return null;
    }

    private List<DateOnly> ReadHolidays(ModelStateDictionary errors)
    {
        var dates = new List<DateOnly>();
        var lines = Holidays.Split(['\n', ','], StringSplitOptions.TrimEntries);
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i].Split(' ', 2)[0];
            if (line.Length == 0) { continue; }
            if (DateOnly.TryParseExact(line, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)) { dates.Add(date); }
            else { errors.AddModelError(nameof(Holidays), $"Entry {i + 1}, '{line}', is not a date; write one YYYY-MM-DD per line."); }
        }
        return dates;
    }

    private List<LaunchContact> ReadContacts(ModelStateDictionary errors)
    {
        var contacts = new List<LaunchContact>();
        var emails = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < Contacts.Count; i++)
        {
            var c = Contacts[i];
            if (string.IsNullOrWhiteSpace(c.Name) && string.IsNullOrWhiteSpace(c.Email)) { continue; }
            var prefix = $"Contacts[{i}]";
            var email = c.Email?.Trim() ?? "";
            if (string.IsNullOrWhiteSpace(c.Name)) { errors.AddModelError($"{prefix}.Name", $"Row {i + 1}: enter the person's name."); }
            if (!System.Net.Mail.MailAddress.TryCreate(email, out _) || !email.Contains('@')) { errors.AddModelError($"{prefix}.Email", $"Row {i + 1}: '{email}' is not an email address."); }
            else if (!emails.Add(email)) { errors.AddModelError($"{prefix}.Email", $"Row {i + 1}: {email} is listed twice."); }
            var zone = string.IsNullOrWhiteSpace(c.TimeZone) ? TimeZone : c.TimeZone.Trim();
            if (!Zones.IsKnown(zone)) { errors.AddModelError($"{prefix}.TimeZone", $"Row {i + 1}: '{zone}' is not a known IANA time zone."); }
            contacts.Add(new LaunchContact(c.Name?.Trim() ?? "", email, c.Role, c.Title?.Trim() ?? "", zone));
        }
        return contacts;
    }
}

public sealed class OutcomeRow
{
    public string Title { get; set; } = "";
    public string? HowMeasured { get; set; }
}

public sealed class ContactRow
{
    public string Name { get; set; } = "";
    public string Email { get; set; } = "";
    public EngagementRole Role { get; set; } = EngagementRole.HiringManager;
    public string? Title { get; set; }
    public string? TimeZone { get; set; }
}
