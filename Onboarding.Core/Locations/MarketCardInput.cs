using System.Globalization;
using Onboarding.Core.Data;
using Onboarding.Core.Markdown;

namespace Onboarding.Core.Locations;

/// <summary>A salary row as typed, every field kept as text so a mistake in one loses nothing in another.</summary>
public sealed record SalaryRangeInput(string? RoleFamily, string? Min, string? Max, string? Currency, string? Period, string? Source, string? AsOf)
{
    public bool IsBlank => new[] { RoleFamily, Min, Max, Currency, Source, AsOf }.All(string.IsNullOrWhiteSpace);
}

public sealed record NoticePeriodInput(string? Tenure, string? Notice)
{
    public bool IsBlank => string.IsNullOrWhiteSpace(Tenure) && string.IsNullOrWhiteSpace(Notice);
}

/// <summary>A market card as typed on its form, before it is checked.</summary>
public sealed record MarketCardInput(
    IReadOnlyList<SalaryRangeInput> SalaryRanges,
    IReadOnlyList<NoticePeriodInput> NoticePeriods,
    string? HiringSteps,
    string? PayTransparency,
    string? DataProtection,
    string? Notes);

/// <summary>A checked market card: every row complete and sensible, every text within its limit and renderable.</summary>
public sealed record MarketCardDetails(
    IReadOnlyList<SalaryRange> SalaryRanges,
    IReadOnlyList<NoticePeriod> NoticePeriods,
    string HiringSteps,
    string PayTransparency,
    string DataProtection,
    string Notes)
{
    public const int MaxSalaryRows = 50;
    public const int MaxNoticeRows = 20;

    /// <summary>Each Markdown section's limit: a card is read in one sitting, and printed in the pack.</summary>
    public const int MaxSectionLength = 4000;

    /// <summary>Above any real salary, and far inside what a decimal and both databases hold.</summary>
    public const decimal MaxAmount = 1_000_000_000m;

    /// <summary>One field's problem, keyed as the form names the field (e.g. "SalaryRanges[2].Max").</summary>
    public sealed record Problem(string Field, string Message);

    /// <summary>
    /// Reads the form. Rows left entirely blank are the form's spare rows and are skipped; a row partly filled is
    /// checked, and each problem names its row as the person counts them (from 1) and its field.
    /// </summary>
    public static MarketCardDetails? TryRead(MarketCardInput input, DateOnly today, List<Problem> problems)
    {
        var before = problems.Count;
        var salaries = new List<SalaryRange>();
        var filled = input.SalaryRanges.Select((row, index) => (row, index)).Where(r => !r.row.IsBlank).ToList();
        if (filled.Count > MaxSalaryRows)
        {
            problems.Add(new("SalaryRanges", $"Salary ranges: {filled.Count} rows were filled; keep it to {MaxSalaryRows}."));
        }
        foreach (var (row, index) in filled.Take(MaxSalaryRows))
        {
            if (ReadSalary(row, index, today, problems) is { } range)
            {
                salaries.Add(range);
            }
        }

        var notices = new List<NoticePeriod>();
        var noticeRows = input.NoticePeriods.Select((row, index) => (row, index)).Where(r => !r.row.IsBlank).ToList();
        if (noticeRows.Count > MaxNoticeRows)
        {
            problems.Add(new("NoticePeriods", $"Notice periods: {noticeRows.Count} rows were filled; keep it to {MaxNoticeRows}."));
        }
        foreach (var (row, index) in noticeRows.Take(MaxNoticeRows))
        {
            var where = $"Notice period, row {index + 1}";
            var tenure = Text(row.Tenure, $"NoticePeriods[{index}].Tenure", $"{where}: the tenure", "e.g. “under 1 year” or “all employees”", problems);
            var notice = Text(row.Notice, $"NoticePeriods[{index}].Notice", $"{where}: the notice", "e.g. “1 month”", problems);
            if (tenure is not null && notice is not null)
            {
                notices.Add(new(tenure, notice));
            }
        }

        var steps = Section(input.HiringSteps, nameof(input.HiringSteps), "Hiring steps and levels", problems);
        var transparency = Section(input.PayTransparency, nameof(input.PayTransparency), "Pay transparency in job ads", problems);
        var protection = Section(input.DataProtection, nameof(input.DataProtection), "Data protection when sourcing", problems);
        var notes = Section(input.Notes, nameof(input.Notes), "Notes", problems);
        return problems.Count > before ? null : new(salaries, notices, steps, transparency, protection, notes);
    }

    private static SalaryRange? ReadSalary(SalaryRangeInput row, int index, DateOnly today, List<Problem> problems)
    {
        var before = problems.Count;
        var where = $"Salary range, row {index + 1}";
        string Key(string field) => $"SalaryRanges[{index}].{field}";

        var family = Text(row.RoleFamily, Key("RoleFamily"), $"{where}: the role family", "e.g. “Software engineering”", problems);
        var min = Amount(row.Min, Key("Min"), $"{where}: the minimum", problems);
        var max = Amount(row.Max, Key("Max"), $"{where}: the maximum", problems);
        if (min is { } low && max is { } high && low > high)
        {
            problems.Add(new(Key("Max"), $"{where}: the minimum ({Invariant(low)}) is above the maximum ({Invariant(high)}); swap them or correct one."));
        }

        var currency = Currencies.Normalise(row.Currency);
        if (string.IsNullOrWhiteSpace(row.Currency))
        {
            problems.Add(new(Key("Currency"), $"{where}: enter the currency, an ISO 4217 code such as INR, PLN, MXN or CAD."));
        }
        else if (currency is null)
        {
            problems.Add(new(Key("Currency"), $"{where}: '{TextLimits.Fit(row.Currency.Trim(), 20)}' is not the ISO 4217 code of a currency in use; use three letters such as INR, PLN, MXN or CAD."));
        }

        PayPeriod? period = Enum.TryParse<PayPeriod>(row.Period?.Trim(), ignoreCase: true, out var p) && Enum.IsDefined(p) && !int.TryParse(row.Period, out _) ? p : null;
        if (period is null)
        {
            problems.Add(new(Key("Period"), $"{where}: choose whether the range is per year, month or hour."));
        }

        var source = Text(row.Source, Key("Source"), $"{where}: the source", "e.g. “Client pay bands 2026” or a salary survey", problems);

        DateOnly? asOf = null;
        if (string.IsNullOrWhiteSpace(row.AsOf))
        {
            problems.Add(new(Key("AsOf"), $"{where}: enter the date the figures are as of (YYYY-MM-DD)."));
        }
        else if (!DateOnly.TryParseExact(row.AsOf.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            problems.Add(new(Key("AsOf"), $"{where}: '{TextLimits.Fit(row.AsOf.Trim(), 20)}' is not a date; write it as YYYY-MM-DD, e.g. 2026-10-01."));
        }
        else if (date > today)
        {
            problems.Add(new(Key("AsOf"), $"{where}: the figures cannot be as of {date:yyyy-MM-dd}, a date still to come."));
        }
        else if (date.Year < 2000)
        {
            problems.Add(new(Key("AsOf"), $"{where}: {date:yyyy-MM-dd} is too old to guide pay today; enter the date of a current source."));
        }
        else
        {
            asOf = date;
        }

        return problems.Count > before ? null : new(family!, min!.Value, max!.Value, currency!, period!.Value, source!, asOf!.Value);
    }

    private static string? Text(string? value, string key, string what, string example, List<Problem> problems)
    {
        var text = value?.Trim() ?? "";
        if (text.Length == 0)
        {
            problems.Add(new(key, $"{what} is empty; enter it ({example}), or clear the whole row."));
            return null;
        }
        if (text.Length > TextLimits.Name)
        {
            problems.Add(new(key, TextLimits.TooLong(What(what), text.Length, TextLimits.Name)));
            return null;
        }
        return text;
    }

    private static decimal? Amount(string? value, string key, string what, List<Problem> problems)
    {
        var text = value?.Trim().Replace(",", "", StringComparison.Ordinal).Replace(" ", "", StringComparison.Ordinal) ?? "";
        if (text.Length == 0)
        {
            problems.Add(new(key, $"{what} is empty; enter an amount such as 1200000."));
            return null;
        }
        if (!decimal.TryParse(text, NumberStyles.AllowDecimalPoint | NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var amount))
        {
            problems.Add(new(key, $"{what}: '{TextLimits.Fit(value!.Trim(), 30)}' is not an amount; write digits, e.g. 1200000 or 85.50."));
            return null;
        }
        if (amount < 0)
        {
            problems.Add(new(key, $"{what} is negative ({Invariant(amount)}); pay cannot be below zero."));
            return null;
        }
        if (amount > MaxAmount)
        {
            problems.Add(new(key, $"{what} ({Invariant(amount)}) is above {Invariant(MaxAmount)}; check the digits."));
            return null;
        }
        return decimal.Round(amount, 2);
    }

    private static string Section(string? value, string key, string field, List<Problem> problems)
    {
        var text = value?.Trim() ?? "";
        if (MarkdownText.Problem(text, MaxSectionLength) is { } problem)
        {
            problems.Add(new(key, $"{field}: {problem}"));
        }
        return text;
    }

    private static string What(string what) => char.ToUpperInvariant(what[0]) + what[1..];

    private static string Invariant(decimal amount) => amount.ToString("#,0.##", CultureInfo.InvariantCulture);

    public void ApplyTo(MarketCard card)
    {
        card.SalaryRanges = [.. SalaryRanges];
        card.NoticePeriods = [.. NoticePeriods];
        card.HiringSteps = HiringSteps;
        card.PayTransparency = PayTransparency;
        card.DataProtection = DataProtection;
        card.Notes = Notes;
    }
}
