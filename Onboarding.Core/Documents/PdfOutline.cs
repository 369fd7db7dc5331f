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

        // Children in order per parent (-1: the top level), and each node's place among its siblings,
        // found in one pass: plans have thousands of entries.
        var childrenOf = new Dictionary<int, List<int>>();
        var positions = new int[nodes.Count];
        for (var i = 0; i < nodes.Count; i++)
        {
            if (!childrenOf.TryGetValue(nodes[i].Parent, out var list))
            {
                childrenOf[nodes[i].Parent] = list = [];
            }

            positions[i] = list.Count;
            list.Add(i);
        }

        var topLevel = childrenOf[-1];
        file.Add().Write("<</Type /Outlines\n/First "u8).Reference(numbers[topLevel[0]]).Write("\n/Last "u8).Reference(numbers[topLevel[^1]])
            .Write("\n/Count "u8).Write(topLevel.Count).Write(">>"u8);
        for (var i = 0; i < nodes.Count; i++)
        {
            var node = nodes[i];
            var siblings = childrenOf[node.Parent];
            var position = positions[i];
            var body = file.Add().Write("<</Title "u8).TextString(node.Entry.Title)
                .Write("\n/Parent "u8).Reference(node.Parent < 0 ? outlinesNumber : numbers[node.Parent]).Write("\n"u8);
            if (position > 0)
            {
                body.Write("/Prev "u8).Reference(numbers[siblings[position - 1]]).Write("\n"u8);
            }

            if (position < siblings.Count - 1)
            {
                body.Write("/Next "u8).Reference(numbers[siblings[position + 1]]).Write("\n"u8);
            }

            if (childrenOf.TryGetValue(i, out var children))
            {
                // Negative: closed, so a long plan opens as a short list of sections.
                body.Write("/First "u8).Reference(numbers[children[0]]).Write("\n/Last "u8).Reference(numbers[children[^1]])
                    .Write("\n/Count -"u8).Write(children.Count).Write("\n"u8);
            }

            body.Write("/Dest /"u8).Write(node.Entry.Destination).Write(">>"u8);
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
