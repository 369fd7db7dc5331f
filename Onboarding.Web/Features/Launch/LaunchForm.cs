using System.Globalization;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Onboarding.Core.Accounts;
using Onboarding.Core.Data;
using Onboarding.Core.Engagements;
using Onboarding.Core.Locations;
using Onboarding.Core.Plans;
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
    public const int LocationRows = 4;

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
    public List<LocationRow> Locations { get; set; } = [];
    public List<string> Templates { get; set; } = [];

    /// <summary>"preview" or "launch": which button was pressed.</summary>
    public string Action { get; set; } = "preview";

    public LaunchForm Padded()
    {
        WorkingDays ??= [];
        Templates ??= [];
        Outcomes = (Outcomes ?? []).Select(o => o ?? new OutcomeRow()).ToList();
        Contacts = (Contacts ?? []).Select(c => c ?? new ContactRow()).ToList();
        Locations = (Locations ?? []).Select(l => l ?? new LocationRow()).ToList();
        while (Outcomes.Count < OutcomeRows) { Outcomes.Add(new OutcomeRow()); }
        while (Locations.Count < LocationRows) { Locations.Add(new LocationRow()); }
        while (Contacts.Count < ContactRows) { Contacts.Add(new ContactRow()); }
        return this;
    }

    /// <param name="today">Kickoff, go-live and holidays must lie within <see cref="PlanDates"/>' range of it.</param>
    /// <param name="zones">Which zones each country uses, for the locations' zones.</param>
    public LaunchRequest? TryRead(TemplateCatalog catalog, DateOnly today, ZoneCountries zones, ModelStateDictionary errors)
    {
        // A field posted empty binds as null, whatever its declared type says.
        var name = Name?.Trim() ?? "";
        var clientName = ClientName?.Trim() ?? "";
        var sharedPurpose = SharedPurpose?.Trim() ?? "";
        var timeZone = TimeZone?.Trim() ?? "";
        if (name.Length == 0) { errors.AddModelError(nameof(Name), "Name the engagement, e.g. “Acme Robotics RPO launch”."); }
        CheckLength(name, nameof(Name), "The engagement name", TextLimits.Name, errors);
        if (clientName.Length == 0) { errors.AddModelError(nameof(ClientName), "Enter the client organisation's name."); }
        CheckLength(clientName, nameof(ClientName), "The client's name", TextLimits.Name, errors);
        CheckLength(sharedPurpose, nameof(SharedPurpose), "The shared purpose", MarkdownLimit, errors);
        var kickoff = ReadDate(Kickoff, nameof(Kickoff), "kickoff", today, errors);
        var goLive = ReadDate(GoLive, nameof(GoLive), "go-live", today, errors);
        if (kickoff is { } k && goLive is { } g && g < k) { errors.AddModelError(nameof(GoLive), $"Go-live ({g:d MMM yyyy}) is before kickoff ({k:d MMM yyyy})."); }
        if (!Zones.IsKnown(timeZone)) { errors.AddModelError(nameof(TimeZone), $"'{Shown(timeZone)}' is not a known IANA time zone; use a name like Europe/London."); }
        var workingDays = WorkingDays ?? [];
        if (workingDays.Count == 0) { errors.AddModelError(nameof(WorkingDays), "Tick at least one working day."); }
        else if (workingDays.Any(d => !Enum.IsDefined(d))) { errors.AddModelError(nameof(WorkingDays), "Tick working days from Monday to Sunday."); }
        var holidays = ReadHolidays(today, errors);

        var outcomes = ReadOutcomes(errors);
        var (locations, locationOfRow) = ReadLocations(zones, errors);
        var contacts = ReadContacts(timeZone, locationOfRow, errors);

        var templates = new List<PlanTemplate>();
        var keys = (Templates ?? []).Where(k => !string.IsNullOrWhiteSpace(k)).Distinct().ToList();
        foreach (var key in keys)
        {
            if (catalog.Find(key) is { } template) { templates.Add(template); }
            else { errors.AddModelError(nameof(Templates), $"The template '{Shown(key)}' is not available (it may have an error; see Templates)."); }
        }
        if (keys.Count == 0) { errors.AddModelError(nameof(Templates), "Choose at least one template to build the plan from."); }

        if (!errors.IsValid || kickoff is null || goLive is null)
        {
            return null;
        }
        return new LaunchRequest(name, kickoff.Value, goLive.Value, timeZone, WorkingDaysExtensions.FromDays(workingDays),
            holidays, sharedPurpose, outcomes, contacts, templates, locations);
    }

    /// <summary>The longest Markdown text (shared purpose) and outcome measure the form takes.</summary>
    public const int MarkdownLimit = 8000;

    /// <summary>Text quoted back in a message, cut so that a pasted essay does not become the message.</summary>
    private static string Shown(string text) => TextLimits.Fit(text, 80);

    private static void CheckLength(string text, string field, string what, int limit, ModelStateDictionary errors)
    {
        if (text.Length > limit) { errors.AddModelError(field, TextLimits.TooLong(what, text.Length, limit)); }
    }

    private static DateOnly? ReadDate(string? text, string field, string what, DateOnly today, ModelStateDictionary errors)
    {
        if (!DateOnly.TryParseExact(text?.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            errors.AddModelError(field, string.IsNullOrWhiteSpace(text) ? $"Enter the {what} date." : $"'{Shown(text)}' is not a date; use YYYY-MM-DD.");
            return null;
        }
        if (PlanDates.Check(date, today, what) is { } error)
        {
            errors.AddModelError(field, error);
            return null;
        }
        return date;
    }

    private List<DateOnly> ReadHolidays(DateOnly today, ModelStateDictionary errors)
    {
        var dates = new List<DateOnly>();
        var lines = (Holidays ?? "").Split(['\n', ','], StringSplitOptions.TrimEntries);
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i].Split(' ', 2)[0];
            if (line.Length == 0) { continue; }
            if (!DateOnly.TryParseExact(line, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
            {
                errors.AddModelError(nameof(Holidays), $"Public holidays, entry {i + 1}: '{Shown(line)}' is not a date; write one YYYY-MM-DD per line.");
            }
            else if (PlanDates.Check(date, today, $"public holiday (entry {i + 1})") is { } error)
            {
                errors.AddModelError(nameof(Holidays), error);
            }
            else
            {
                dates.Add(date);
            }
        }
        return dates;
    }

    private List<LaunchOutcome> ReadOutcomes(ModelStateDictionary errors)
    {
        var outcomes = new List<LaunchOutcome>();
        var rows = Outcomes ?? [];
        for (var i = 0; i < rows.Count; i++)
        {
            var title = rows[i]?.Title?.Trim() ?? "";
            var howMeasured = rows[i]?.HowMeasured?.Trim() ?? "";
            if (title.Length == 0) { continue; }
            CheckLength(title, $"Outcomes[{i}].Title", $"Outcome {i + 1}", TextLimits.Title, errors);
            CheckLength(howMeasured, $"Outcomes[{i}].HowMeasured", $"How outcome {i + 1} is measured", MarkdownLimit, errors);
            outcomes.Add(new LaunchOutcome(title, howMeasured));
        }
        return outcomes;
    }

    /// <summary>The filled location rows, and for each row number (1-based, as the contacts' picker shows) its index among them.</summary>
    private (List<LocationDetails> Locations, Dictionary<int, int> IndexOfRow) ReadLocations(ZoneCountries zones, ModelStateDictionary errors)
    {
        var locations = new List<LocationDetails>();
        var indexOfRow = new Dictionary<int, int>();
        var rows = Locations ?? [];
        for (var i = 0; i < rows.Count; i++)
        {
            var row = rows[i];
            if (row is null || new[] { row.Country, row.Region, row.City, row.TimeZone, row.Language }.All(string.IsNullOrWhiteSpace)) { continue; }
            var problems = new List<LocationDetails.Problem>();
            var week = WorkingDaysExtensions.FromShortList(row.WorkingWeek) ?? Core.Engagements.WorkingDays.None;
            var details = LocationDetails.TryRead(new LocationInput(row.Country, row.Region, row.City, row.TimeZone, week, row.Language), $"Location {i + 1}", zones, problems);
            foreach (var problem in problems) { errors.AddModelError($"Locations[{i}].{problem.Field}", problem.Message); }
            if (details is not null)
            {
                indexOfRow[i + 1] = locations.Count;
                locations.Add(details);
            }
        }
        return (locations, indexOfRow);
    }

    private List<LaunchContact> ReadContacts(string engagementZone, Dictionary<int, int> locationOfRow, ModelStateDictionary errors)
    {
        var contacts = new List<LaunchContact>();
        var emails = new HashSet<string>();
        var rows = Contacts ?? [];
        for (var i = 0; i < rows.Count; i++)
        {
            var c = rows[i];
            var name = c?.Name?.Trim() ?? "";
            var email = c?.Email?.Trim() ?? "";
            if (c is null || (name.Length == 0 && email.Length == 0)) { continue; }
            var prefix = $"Contacts[{i}]";
            if (name.Length == 0) { errors.AddModelError($"{prefix}.Name", $"Row {i + 1}: enter the person's name."); }
            CheckLength(name, $"{prefix}.Name", $"Row {i + 1}: the name", TextLimits.Name, errors);
            if (email.Length > TextLimits.Email) { errors.AddModelError($"{prefix}.Email", TextLimits.TooLong($"Row {i + 1}: the email address", email.Length, TextLimits.Email)); }
            else if (!System.Net.Mail.MailAddress.TryCreate(email, out _) || !email.Contains('@')) { errors.AddModelError($"{prefix}.Email", $"Row {i + 1}: '{Shown(email)}' is not an email address."); }
            else if (!emails.Add(AccountRules.NormaliseEmail(email))) { errors.AddModelError($"{prefix}.Email", $"Row {i + 1}: {email} is listed twice."); }
            var title = c.Title?.Trim() ?? "";
            CheckLength(title, $"{prefix}.Title", $"Row {i + 1}: the job title", TextLimits.Name, errors);
            if (!Enum.IsDefined(c.Role)) { errors.AddModelError($"{prefix}.Role", $"Row {i + 1}: choose one of the roles."); }
            var zone = string.IsNullOrWhiteSpace(c.TimeZone) ? engagementZone : c.TimeZone.Trim();
            if (!Zones.IsKnown(zone)) { errors.AddModelError($"{prefix}.TimeZone", $"Row {i + 1}: '{Shown(zone)}' is not a known IANA time zone."); }
            int? location = null;
            if (c.Location is { } row)
            {
                if (locationOfRow.TryGetValue(row, out var index)) { location = index; }
                else { errors.AddModelError($"{prefix}.Location", $"Row {i + 1}: location {row} is not filled in above; fill it in or choose another."); }
            }
            contacts.Add(new LaunchContact(name, email, c.Role, title, zone, location));
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

    /// <summary>The row number (1-based) of the location they hire in or work from.</summary>
    public int? Location { get; set; }
}

public sealed class LocationRow
{
    public string? Country { get; set; }
    public string? Region { get; set; }
    public string? City { get; set; }
    public string? TimeZone { get; set; }

    /// <summary>One of <see cref="WorkingWeeks"/>, in <see cref="WorkingDaysExtensions.ToShortList"/>'s format.</summary>
    public string WorkingWeek { get; set; } = WorkingDays.MondayToFriday.ToShortList();
    public string? Language { get; set; }

    /// <summary>The weeks the launch form offers; the Locations page takes any.</summary>
    public static IReadOnlyList<WorkingDays> WorkingWeeks { get; } =
        [WorkingDays.MondayToFriday, WorkingDays.MondayToFriday | WorkingDays.Saturday, WorkingDays.SundayToThursday];
}
