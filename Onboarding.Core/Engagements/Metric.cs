namespace Onboarding.Core.Engagements;

public enum MetricDirection
{
    HigherIsBetter,
    LowerIsBetter,
}

/// <summary>Who commits to a service level: the provider (e.g. first shortlist within 5 working days) or the client (e.g. feedback within 2).</summary>
public enum MetricSide
{
    Provider,
    Client,
}

/// <summary>
/// Early indicators move within days and are watched from the start; lagging ones (time to fill, quality of hire)
/// need requisitions to close first, so they only mean something from <see cref="Metric.MeaningfulFromDay"/>.
/// </summary>
public enum MetricStage
{
    Early,
    Lagging,
}

public sealed class Metric
{
    public int Id { get; set; }
    public int EngagementId { get; set; }
    public required string Name { get; set; }
    public required string Unit { get; set; }
    public MetricDirection Direction { get; set; }
    public decimal? Baseline { get; set; }
    public decimal? Target { get; set; }
    public string HowMeasured { get; set; } = "";

    /// <summary>The target in the template's words ("2 or fewer", "10% below the baseline by day 90"); <see cref="Target"/> is its number, when it starts with one.</summary>
    public string TargetText { get; set; } = "";

    /// <summary>Set for a service level: the side that commits to it. Null for a measure both sides simply watch.</summary>
    public MetricSide? Side { get; set; }

    public MetricStage Stage { get; set; }

    /// <summary>For a lagging metric, the engagement day from which its values mean something.</summary>
    public int? MeaningfulFromDay { get; set; }

    public List<Measurement> Measurements { get; set; } = [];

    public bool IsMet(decimal value) => Target is { } target &&
        (Direction == MetricDirection.HigherIsBetter ? value >= target : value <= target);

    /// <summary>Where the metric stands: the value measured last (by measured-on date, then by when it was recorded).</summary>
    public Measurement? Latest => Measurements.OrderBy(m => m.MeasuredOn).ThenBy(m => m.RecordedAt).ThenBy(m => m.Id).LastOrDefault();

    /// <summary>
    /// Adds a value; true when it hits the target: it is now the latest value, it meets the target, and the
    /// latest value before it did not. A back-dated value never hits the target, whatever it is, because the
    /// metric stands where its newest value is.
    /// </summary>
    public bool Record(Measurement measurement)
    {
        var before = Latest;
        Measurements.Add(measurement);
        var isLatest = before is null || (measurement.MeasuredOn, measurement.RecordedAt).CompareTo((before.MeasuredOn, before.RecordedAt)) >= 0;
        return isLatest && IsMet(measurement.Value) && (before is null || !IsMet(before.Value));
    }
}

public sealed class Measurement
{
    public int Id { get; set; }
    public int MetricId { get; set; }
    public DateOnly MeasuredOn { get; set; }
    public decimal Value { get; set; }
    public string? Note { get; set; }
    public string? RecordedByUserId { get; set; }
    public DateTimeOffset RecordedAt { get; set; }

    /// <summary>The month's average of pulse answers, kept up to date as answers arrive; one per metric and month.</summary>
    public bool FromPulses { get; set; }
}
