using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace Onboarding.Core.Documents;

internal sealed record OutlineEntry(string Title, int Level, string Destination);

/// <summary>
/// Adds a bookmark outline to a PDF written by Skia. SkiaSharp 3.119 exposes named
/// destinations and links to them but no /Outlines, so this appends an incremental update
/// (ISO 32000-1 §7.5.6): the outline items pointing at Skia's named destinations, a new
/// revision of the catalog that references them, and an xref section chained with /Prev.
/// The bytes Skia wrote stay untouched.
/// </summary>
internal static partial class PdfOutline
{
    /// <returns>A new array: <paramref name="pdf"/> followed by the update.</returns>
    public static byte[] Append(ReadOnlySpan<byte> pdf, IReadOnlyList<OutlineEntry> entries)
    {
        if (entries.Count == 0)
        {
            return pdf.ToArray();
        }

        // Only the tail (trailer) and the catalog object are read, through the xref table:
        // decoding the whole file would cost more than the rest of this method.
        var tail = Encoding.Latin1.GetString(pdf[Math.Max(0, pdf.Length - 1024)..]);
        var startXref = int.Parse(StartXref().Matches(tail)[^1].Groups[1].Value, CultureInfo.InvariantCulture);
        var trailer = Trailer().Matches(tail)[^1].Groups[1].Value;
        var size = int.Parse(SizeEntry().Match(trailer).Groups[1].Value, CultureInfo.InvariantCulture);
        var root = int.Parse(RootEntry().Match(trailer).Groups[1].Value, CultureInfo.InvariantCulture);
        var offset = ObjectOffset(pdf, startXref, root);
        var catalog = CatalogObject().Match(Encoding.Latin1.GetString(pdf.Slice(offset, Math.Min(4096, pdf.Length - offset))));
        if (!catalog.Success || catalog.Groups[1].Value != root.ToString(CultureInfo.InvariantCulture))
        {
            throw new InvalidOperationException("the PDF's catalog could not be found to attach the outline");
        }

        var nodes = Tree(entries);
        var outlinesNumber = size;
        var numbers = nodes.Select((_, i) => size + 1 + i).ToArray();
        var objects = new List<(int Number, string Body)>
        {
            (root, catalog.Groups[2].Value[..^2] + $"\n/Outlines {outlinesNumber} 0 R\n/PageMode /UseOutlines>>"),
        };

        // Children in order per parent (-1: the top level), found in one pass: plans have thousands of entries.
        var childrenOf = new Dictionary<int, List<int>>();
        for (var i = 0; i < nodes.Count; i++)
        {
            if (!childrenOf.TryGetValue(nodes[i].Parent, out var list))
            {
                childrenOf[nodes[i].Parent] = list = [];
            }

            list.Add(i);
        }

        var topLevel = childrenOf[-1];
        objects.Add((outlinesNumber, $"<</Type /Outlines\n/First {numbers[topLevel[0]]} 0 R\n/Last {numbers[topLevel[^1]]} 0 R\n/Count {topLevel.Count}>>"));
        foreach (var siblings in childrenOf.Values)
        {
            for (var position = 0; position < siblings.Count; position++)
            {
                var i = siblings[position];
                var node = nodes[i];
                var body = new StringBuilder("<<");
                body.Append(CultureInfo.InvariantCulture, $"/Title {PdfString(node.Entry.Title)}\n");
                body.Append(CultureInfo.InvariantCulture, $"/Parent {(node.Parent < 0 ? outlinesNumber : numbers[node.Parent])} 0 R\n");
                if (position > 0)
                {
                    body.Append(CultureInfo.InvariantCulture, $"/Prev {numbers[siblings[position - 1]]} 0 R\n");
                }

                if (position < siblings.Count - 1)
                {
                    body.Append(CultureInfo.InvariantCulture, $"/Next {numbers[siblings[position + 1]]} 0 R\n");
                }

                if (childrenOf.TryGetValue(i, out var children))
                {
                    // Negative: closed, so a long plan opens as a short list of sections.
                    body.Append(CultureInfo.InvariantCulture, $"/First {numbers[children[0]]} 0 R\n/Last {numbers[children[^1]]} 0 R\n/Count -{children.Count}\n");
                }

                body.Append(CultureInfo.InvariantCulture, $"/Dest /{node.Entry.Destination}>>");
                objects.Add((numbers[i], body.ToString()));
            }
        }

        var update = new StringBuilder("\n");
        var offsets = new Dictionary<int, int>();
        foreach (var (number, objectBody) in objects)
        {
            offsets[number] = pdf.Length + update.Length;
            update.Append(CultureInfo.InvariantCulture, $"{number} 0 obj\n{objectBody}\nendobj\n");
        }

        var xref = pdf.Length + update.Length;
        update.Append("xref\n0 1\n0000000000 65535 f \n");
        update.Append(CultureInfo.InvariantCulture, $"{root} 1\n{offsets[root]:D10} 00000 n \n");
        update.Append(CultureInfo.InvariantCulture, $"{outlinesNumber} {objects.Count - 1}\n");
        // One subsection in object number order; the objects were written parent by parent.
        foreach (var number in Enumerable.Range(outlinesNumber, objects.Count - 1))
        {
            update.Append(CultureInfo.InvariantCulture, $"{offsets[number]:D10} 00000 n \n");
        }

        var newTrailer = SizeEntry().Replace(trailer, $"/Size {size + objects.Count - 1}", 1)[..^2] + $"\n/Prev {startXref}>>";
        update.Append(CultureInfo.InvariantCulture, $"trailer\n{newTrailer}\nstartxref\n{xref}\n%%EOF\n");

        var result = new byte[pdf.Length + update.Length];
        pdf.CopyTo(result);
        Encoding.Latin1.GetBytes(update.ToString(), result.AsSpan(pdf.Length));
        return result;
    }

    // Skia writes one classic xref section "xref\n0 N\n" followed by 20-byte entries.
    private static int ObjectOffset(ReadOnlySpan<byte> pdf, int startXref, int number)
    {
        var header = Encoding.Latin1.GetString(pdf.Slice(startXref, 64));
        var entries = header.IndexOf('\n', header.IndexOf('\n') + 1) + 1;
        var entry = Encoding.Latin1.GetString(pdf.Slice(startXref + entries + (number * 20), 10));
        return int.Parse(entry, CultureInfo.InvariantCulture);
    }

    private sealed record Node(OutlineEntry Entry, int Parent);

    // Each entry's parent is the nearest earlier entry of a lower level.
    private static List<Node> Tree(IReadOnlyList<OutlineEntry> entries)
    {
        var nodes = new List<Node>();
        var open = new Stack<int>();
        foreach (var entry in entries)
        {
            while (open.Count > 0 && nodes[open.Peek()].Entry.Level >= entry.Level)
            {
                open.Pop();
            }

            nodes.Add(new Node(entry, open.Count > 0 ? open.Peek() : -1));
            open.Push(nodes.Count - 1);
        }

        return nodes;
    }

    // A text string in UTF-16BE with a byte-order mark, as hex so no escaping rules apply.
    private static string PdfString(string value) =>
        "<FEFF" + Convert.ToHexString(Encoding.BigEndianUnicode.GetBytes(value)) + ">";

    [GeneratedRegex(@"startxref\s+(\d+)")]
    private static partial Regex StartXref();

    [GeneratedRegex(@"trailer\s*(<<.*?>>)\s*startxref", RegexOptions.Singleline)]
    private static partial Regex Trailer();

    [GeneratedRegex(@"^(\d+) 0 obj\s*(<<.*?>>)\s*endobj", RegexOptions.Singleline)]
    private static partial Regex CatalogObject();

    [GeneratedRegex(@"/Size (\d+)")]
    private static partial Regex SizeEntry();

    [GeneratedRegex(@"/Root (\d+) 0 R")]
    private static partial Regex RootEntry();
}
