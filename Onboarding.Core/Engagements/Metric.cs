namespace Onboarding.Core.Engagements;

public enum MetricDirection
{
    HigherIsBetter,
    LowerIsBetter,
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
    public List<Measurement> Measurements { get; set; } = [];

    public bool IsMet(decimal value) => Target is { } target &&
        (Direction == MetricDirection.HigherIsBetter ? value >= target : value <= target);
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
}
