using System.Globalization;
using System.Text.RegularExpressions;
using Onboarding.Core.Templates;

namespace Onboarding.Core.Engagements;

/// <summary>
/// Turns the templates' suggested metrics into the engagement's metrics when they are applied, so the Metrics
/// page starts with what the plan means to measure. One metric per name: several templates suggesting "Hiring
/// manager satisfaction" give one metric, the first template's (in the order they are applied), and a name the
/// engagement already measures is left as it is, with whatever values and target people gave it.
/// </summary>
public static partial class TemplateMetrics
{
    /// <summary>Adds the metrics of <paramref name="templates"/> that <paramref name="engagement"/> (its metrics loaded) does not have yet.</summary>
    public static void Add(Engagement engagement, IEnumerable<PlanTemplate> templates)
    {
        var names = new HashSet<string>(engagement.Metrics.Select(m => Key(m.Name)), StringComparer.OrdinalIgnoreCase);
        foreach (var suggested in templates.SelectMany(t => t.Metrics))
        {
            if (names.Add(Key(suggested.Name)))
            {
                engagement.Metrics.Add(From(suggested));
            }
        }
    }

    public static Metric From(SuggestedMetric suggested) => new()
    {
        Name = suggested.Name,
        Unit = suggested.Unit,
        Direction = suggested.Direction,
        Target = TargetNumber(suggested.SuggestedTarget),
        TargetText = suggested.SuggestedTarget,
        HowMeasured = suggested.HowMeasured,
        Side = suggested.Side,
        Stage = suggested.Stage,
        MeaningfulFromDay = suggested.MeaningfulFromDay,
    };

    /// <summary>
    /// The number a target starts with ("2 or fewer" is 2, "85% or more" 85); null for a target relative to
    /// something not yet known ("10% below the baseline"), which people set once the baseline is measured.
    /// </summary>
    public static decimal? TargetNumber(string target)
    {
        if (target.Contains("baseline", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }
        var match = LeadingNumber().Match(target);
        return match.Success ? decimal.Parse(match.Groups["n"].Value, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture) : null;
    }

    private static string Key(string name) => string.Join(' ', name.Split(' ', StringSplitOptions.RemoveEmptyEntries));

    [GeneratedRegex(@"^\s*(?<n>\d{1,9}(?:\.\d{1,6})?)")]
    private static partial Regex LeadingNumber();
}
