using System.Buffers;
using System.Globalization;
using System.IO.Compression;
using System.Text;
using System.Text.RegularExpressions;

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
            var content = Mark(PdfFile.Inflate(file.StreamData(contents)), pageMarks[page], page, byMcid);
            file.Replace(contents, PdfFile.Stream("/Filter /FlateDecode", PdfFile.Deflate(content)));

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
        var numbers = new Dictionary<StructNode, int>(ReferenceEqualityComparer.Instance);
        for (var i = 0; i < elements.Count; i++)
        {
            numbers[elements[i]] = treeRoot + 1 + i;
        }

        var parentTreeNumber = treeRoot + 1 + elements.Count;
        file.Add($"<</Type /StructTreeRoot\n/K {numbers[document]} 0 R\n/ParentTree {parentTreeNumber} 0 R\n/ParentTreeNextKey {parentTree.Max(p => p.Key) + 1}>>");
        foreach (var element in elements)
        {
            file.Add(Element(element, element == document ? treeRoot : numbers[element.Parent!], numbers, pages));
        }

        var nums = new StringBuilder("<</Nums [");
        foreach (var (key, byMcid) in parentTree.Where(p => p.ByMcid.Count > 0).OrderBy(p => p.Key))
        {
            nums.Append(CultureInfo.InvariantCulture, $"{key} [");
            nums.AppendJoin(' ', byMcid.Select(n => $"{numbers[n].ToString(CultureInfo.InvariantCulture)} 0 R"));
            nums.Append("]\n");
        }

        file.Add(nums.Append("]>>").ToString());
        file.AddToCatalog(
            $"/StructTreeRoot {treeRoot} 0 R\n/MarkInfo <</Marked true>>\n/Lang ({language})\n/ViewerPreferences <</DisplayDocTitle true>>");
    }

    private static byte[] Mark(byte[] content, List<StructNode> marks, int page, List<StructNode> byMcid)
    {
        // Blank pages have no content at all, and a writer needs some capacity.
        var output = new ArrayBufferWriter<byte>(content.Length + (marks.Count * 32) + 16);
        var rest = content.AsSpan();
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
            var operators = found > 1 ? "EMC\n" : "";
            if (node == StructNode.Artifact)
            {
                operators += "/Artifact BMC\n";
            }
            else
            {
                node.Marks.Add((page, byMcid.Count));
                operators += $"/{node.Role} <</MCID {byMcid.Count.ToString(CultureInfo.InvariantCulture)}>> BDC\n";
                byMcid.Add(node);
            }

            output.Write(Encoding.ASCII.GetBytes(operators));
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

        return output.WrittenSpan.ToArray();
    }

    private static string Element(StructNode element, int parent, Dictionary<StructNode, int> numbers, List<int> pages)
    {
        var body = new StringBuilder("<</Type /StructElem\n/S /").Append(element.Role);
        body.Append(CultureInfo.InvariantCulture, $"\n/P {parent} 0 R");
        if (element.Alt is { } alt)
        {
            body.Append("\n/Alt ").Append(PdfFile.TextString(alt));
        }

        if (element.Attributes is { } attributes)
        {
            body.Append("\n/A ").Append(attributes);
        }

        body.Append("\n/K [");
        foreach (var child in element.Children.Where(numbers.ContainsKey))
        {
            body.Append(CultureInfo.InvariantCulture, $"{numbers[child]} 0 R ");
        }

        // Content on the element's own page (/Pg) is referred to by its MCID alone; only content that runs on to
        // another page needs a marked-content reference naming that page (§14.7.4.2).
        var ownPage = element.Marks.Count > 0 ? element.Marks[0].Page : -1;
        foreach (var (page, mcid) in element.Marks)
        {
            if (page == ownPage)
            {
                body.Append(CultureInfo.InvariantCulture, $"{mcid} ");
            }
            else
            {
                body.Append(CultureInfo.InvariantCulture, $"<</Type /MCR /Pg {pages[page]} 0 R /MCID {mcid}>> ");
            }
        }

        body.Append(']');
        if (ownPage >= 0)
        {
            body.Append(CultureInfo.InvariantCulture, $"\n/Pg {pages[ownPage]} 0 R");
        }

        return body.Append(">>").ToString();
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
