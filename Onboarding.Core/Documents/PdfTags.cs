using System.Globalization;
using System.Text.RegularExpressions;
using System.Text.Unicode;

namespace Onboarding.Core.Documents;

/// <summary>
/// Makes a PDF written by Skia a tagged PDF (ISO 32000-1 §14.7–14.8): SkiaSharp does not bind
/// Skia's own tagging, so each page's content stream is rewritten with the markers that
/// <see cref="DrawContext"/> drew replaced by marked-content operators (BDC with an MCID, or
/// BMC for artifacts, closed by EMC), and the structure tree, its parent tree, the document
/// language and the tagged-PDF flags are added.
/// </summary>
internal static partial class PdfTags
{
    // How Skia writes DrawContext's marker rectangle, state changes before it left alone.
    private static ReadOnlySpan<byte> Marker => ".25 .25 .125 .125 re\nf\n"u8;

    /// <param name="pageMarks">Per page, the element of each marker in the order drawn.</param>
    /// <exception cref="InvalidOperationException">The markers found in a page differ from those drawn on it.</exception>
    /// <exception cref="ArgumentException"><paramref name="language"/> is not a language tag.</exception>
    public static void Add(PdfFile file, StructNode document, IReadOnlyList<List<StructNode>> pageMarks, string language)
    {
        if (!LanguageTag().IsMatch(language))
        {
            throw new ArgumentException($"'{language}' is not a language tag such as en or en-GB", nameof(language));
        }

        var pages = file.Pages();
        if (pages.Count != pageMarks.Count)
        {
            throw new InvalidOperationException($"the PDF has {pages.Count} pages but {pageMarks.Count} were drawn");
        }

        var parentTree = new List<(int Key, List<StructNode> ByMcid)>();
        for (var page = 0; page < pages.Count; page++)
        {
            var dictionary = file.Dictionary(pages[page]);
            var contents = int.Parse(ContentsEntry().Match(dictionary).Groups[1].Value, CultureInfo.InvariantCulture);
            var byMcid = new List<StructNode>();
            var content = file.Inflated(contents);
            file.ReplaceStream(contents, output => Mark(content.Span, pageMarks[page], page, byMcid, output));

            var key = StructParentsEntry().Match(dictionary) is { Success: true } existing
                ? int.Parse(existing.Groups[1].Value, CultureInfo.InvariantCulture)
                : -1;
            if (key < 0)
            {
                key = page;
                dictionary = dictionary[..^2] + $"\n/StructParents {key}>>";
            }

            // Tab order follows the structure, as PDF/UA asks of pages with annotations.
            file.Replace(pages[page], dictionary[..^2] + "\n/Tabs /S>>");
            parentTree.Add((key, byMcid));
        }

        var elements = new List<StructNode>();
        Collect(document, elements);
        var treeRoot = file.NextNumber;
        var numbers = new Dictionary<StructNode, int>(elements.Count, ReferenceEqualityComparer.Instance);
        for (var i = 0; i < elements.Count; i++)
        {
            numbers[elements[i]] = treeRoot + 1 + i;
        }

        var parentTreeNumber = treeRoot + 1 + elements.Count;
        file.Add().Write("<</Type /StructTreeRoot\n/K "u8).Reference(numbers[document]).Write("\n/ParentTree "u8).Reference(parentTreeNumber)
            .Write("\n/ParentTreeNextKey "u8).Write(parentTree.Max(p => p.Key) + 1).Write(">>"u8);
        foreach (var element in elements)
        {
            Element(file.Add(), element, element == document ? treeRoot : numbers[element.Parent!], numbers, pages);
        }

        var nums = file.Add().Write("<</Nums ["u8);
        foreach (var (key, byMcid) in parentTree.Where(p => p.ByMcid.Count > 0).OrderBy(p => p.Key))
        {
            nums.Write(key).Write(" ["u8);
            for (var mcid = 0; mcid < byMcid.Count; mcid++)
            {
                if (mcid > 0)
                {
                    nums.Write(" "u8);
                }

                nums.Reference(numbers[byMcid[mcid]]);
            }

            nums.Write("]\n"u8);
        }

        nums.Write("]>>"u8);
        file.AddToCatalog(
            $"/StructTreeRoot {treeRoot} 0 R\n/MarkInfo <</Marked true>>\n/Lang ({language})\n/ViewerPreferences <</DisplayDocTitle true>>");
    }

    private static void Mark(ReadOnlySpan<byte> content, List<StructNode> marks, int page, List<StructNode> byMcid, Stream output)
    {
        Span<byte> operators = stackalloc byte[128];
        var rest = content;
        var found = 0;
        for (var at = rest.IndexOf(Marker); at >= 0; at = rest.IndexOf(Marker))
        {
            if (found == marks.Count)
            {
                throw new InvalidOperationException($"page {page + 1} has more structure markers than were drawn");
            }

            output.Write(rest[..at]);
            rest = rest[(at + Marker.Length)..];
            var node = marks[found++];
            if (found > 1)
            {
                output.Write("EMC\n"u8);
            }

            if (node == StructNode.Artifact)
            {
                output.Write("/Artifact BMC\n"u8);
            }
            else
            {
                node.Marks.Add((page, byMcid.Count));
                Utf8.TryWrite(operators, CultureInfo.InvariantCulture, $"/{node.Role} <</MCID {byMcid.Count}>> BDC\n", out var written);
                output.Write(operators[..written]);
                byMcid.Add(node);
            }
        }

        if (found != marks.Count)
        {
            throw new InvalidOperationException($"page {page + 1} has {found} structure markers but {marks.Count} were drawn");
        }

        output.Write(rest);
        if (found > 0)
        {
            output.Write("EMC\n"u8);
        }
    }

    private static void Element(PdfBytes body, StructNode element, int parent, Dictionary<StructNode, int> numbers, List<int> pages)
    {
        body.Write("<</Type /StructElem\n/S /"u8).Write(element.Role).Write("\n/P "u8).Reference(parent);
        if (element.Alt is { } alt)
        {
            body.Write("\n/Alt "u8).TextString(alt);
        }

        if (element.Attributes is { } attributes)
        {
            body.Write("\n/A "u8).Write(attributes);
        }

        body.Write("\n/K ["u8);
        foreach (var child in element.Children)
        {
            if (numbers.TryGetValue(child, out var number))
            {
                body.Reference(number).Write(" "u8);
            }
        }

        // Content on the element's own page (/Pg) is referred to by its MCID alone; only content that runs on to
        // another page needs a marked-content reference naming that page (§14.7.4.2).
        var ownPage = element.Marks.Count > 0 ? element.Marks[0].Page : -1;
        foreach (var (page, mcid) in element.Marks)
        {
            if (page == ownPage)
            {
                body.Write(mcid).Write(" "u8);
            }
            else
            {
                body.Write("<</Type /MCR /Pg "u8).Reference(pages[page]).Write(" /MCID "u8).Write(mcid).Write(">> "u8);
            }
        }

        body.Write("]"u8);
        if (ownPage >= 0)
        {
            body.Write("\n/Pg "u8).Reference(pages[ownPage]);
        }

        body.Write(">>"u8);
    }

    // Depth first, the order the elements are written in; elements without content are left out.
    private static void Collect(StructNode node, List<StructNode> elements)
    {
        if (!node.HasContent())
        {
            return;
        }

        elements.Add(node);
        foreach (var child in node.Children)
        {
            Collect(child, elements);
        }
    }

    [GeneratedRegex("^[A-Za-z]{1,8}(-[A-Za-z0-9]{1,8})*$")]
    private static partial Regex LanguageTag();

    [GeneratedRegex(@"/Contents (\d+) 0 R")]
    private static partial Regex ContentsEntry();

    [GeneratedRegex(@"/StructParents (\d+)")]
    private static partial Regex StructParentsEntry();
}
