using System.Diagnostics.Metrics;
using Onboarding.Core.Digests;

namespace Onboarding.Core.Telemetry;

/// <summary>
/// The app's own instruments, on one meter named <see cref="MeterName"/> that the metrics endpoint exports. Static, as
/// the points that count them (the digest outbox, the PDF renderer) are plain classes used from the web app, the
/// worker and the command line alike; a process without a listener pays nothing.
/// </summary>
public static class OnboardingMetrics
{
    public const string MeterName = "Onboarding";

    private static readonly Meter Meter = new(MeterName);

    private static readonly Counter<long> Recorded = Meter.CreateCounter<long>(
        "onboarding.digests.recorded", "{digest}", "Digests recorded in the outbox, due to be sent.");

    private static readonly Counter<long> Sent = Meter.CreateCounter<long>(
        "onboarding.digests.sent", "{digest}", "Digests the mail relay accepted.");

    private static readonly Counter<long> Failed = Meter.CreateCounter<long>(
        "onboarding.digests.failed", "{digest}", "Digests given up on: refused for good, or still failing after the last attempt.");

    private static readonly Histogram<double> PdfRenders = Meter.CreateHistogram<double>(
        "onboarding.pdf.render.duration", "s", "PDF documents rendered (plan packs, personal plans, steering reports) and how long each took.");

    public static void DigestsRecorded(int count) => Recorded.Add(count);

    /// <summary>Counts the outcomes written to the outbox; a digest left pending for a retry is neither sent nor failed.</summary>
    public static void DigestsMarked(IEnumerable<DigestStatus> statuses)
    {
        foreach (var status in statuses)
        {
            switch (status)
            {
                case DigestStatus.Sent: Sent.Add(1); break;
                case DigestStatus.Failed: Failed.Add(1); break;
            }
        }
    }

    public static void PdfRendered(TimeSpan duration) => PdfRenders.Record(duration.TotalSeconds);
}
