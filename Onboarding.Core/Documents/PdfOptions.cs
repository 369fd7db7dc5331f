namespace Onboarding.Core.Documents;

/// <summary>Settings for PDF output, bound from the "Pdf" configuration section.</summary>
public sealed class PdfOptions
{
    public const string SectionName = "Pdf";

    /// <summary>A font family known to fontconfig (<c>fc-list : family</c>).</summary>
    public string FontFamily { get; set; } = "DejaVu Sans";
}
