using System.Text;
using System.Text.RegularExpressions;
using UglyToad.PdfPig;
using UglyToad.PdfPig.Content;

namespace Onboarding.Tests.Unit.Documents;

/// <summary>Text read back from real PDF bytes, the way a reader's eye takes it in.</summary>
internal static partial class PdfText
{
    /// <summary>The page's words joined into lines by shared baseline, top to bottom.</summary>
    public static List<string> LinesOf(Page page) =>
    [
        .. page.GetWords()
            .GroupBy(w => Math.Round(w.Letters[0].StartBaseLine.Y, 1))
            .OrderByDescending(g => g.Key)
            .Select(g => string.Join(" ", g.OrderBy(w => w.BoundingBox.Left).Select(w => w.Text))),
    ];

    public static string TextOf(Page page) => string.Join("\n", LinesOf(page));

    /// <summary>The pages' text with every run of whitespace as one space, so wrapped lines read as written.</summary>
    public static string Flowing(IEnumerable<Page> pages) => Whitespace().Replace(string.Join(" ", pages.Select(TextOf)), " ");

    public static string Flowing(PdfDocument pdf) => Flowing(pdf.GetPages());

    /// <summary>Where each of <paramref name="expected"/> first occurs in <paramref name="text"/>, each searched after the one before; -1 when missing.</summary>
    public static List<int> PositionsInOrder(string text, IEnumerable<string> expected, int from = 0)
    {
        var positions = new List<int>();
        foreach (var item in expected)
        {
            var at = from < 0 ? -1 : text.IndexOf(item, from, StringComparison.Ordinal);
            positions.Add(at);
            from = at < 0 ? -1 : at + item.Length;
        }

        return positions;
    }

    /// <summary>The file's objects as text: what a PDF reader would parse, for checks PdfPig does not expose.</summary>
    public static IEnumerable<string> Objects(byte[] pdf) => Encoding.Latin1.GetString(pdf).Split("endobj");

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}
