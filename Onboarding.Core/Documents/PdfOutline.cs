using System.Globalization;
using System.Text;

namespace Onboarding.Core.Documents;

internal sealed record OutlineEntry(string Title, int Level, string Destination);

/// <summary>
/// Adds a bookmark outline to a PDF written by Skia. SkiaSharp 3.119 exposes named
/// destinations and links to them but no /Outlines, so the outline items point at Skia's
/// named destinations and the catalog gets an /Outlines entry.
/// </summary>
internal static class PdfOutline
{
    public static void Add(PdfFile file, IReadOnlyList<OutlineEntry> entries)
    {
        if (entries.Count == 0)
        {
            return;
        }

        var nodes = Tree(entries);
        var outlinesNumber = file.NextNumber;
        var numbers = nodes.Select((_, i) => outlinesNumber + 1 + i).ToArray();

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
        file.Add($"<</Type /Outlines\n/First {numbers[topLevel[0]]} 0 R\n/Last {numbers[topLevel[^1]]} 0 R\n/Count {topLevel.Count}>>");
        var bodies = new string[nodes.Count];
        foreach (var siblings in childrenOf.Values)
        {
            for (var position = 0; position < siblings.Count; position++)
            {
                var i = siblings[position];
                var node = nodes[i];
                var body = new StringBuilder("<<");
                body.Append(CultureInfo.InvariantCulture, $"/Title {PdfFile.TextString(node.Entry.Title)}\n");
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
                bodies[i] = body.ToString();
            }
        }

        foreach (var body in bodies)
        {
            file.Add(body);
        }

        file.AddToCatalog($"/Outlines {outlinesNumber} 0 R\n/PageMode /UseOutlines");
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
}
