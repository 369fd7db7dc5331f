using UglyToad.PdfPig;
using UglyToad.PdfPig.Content;
using UglyToad.PdfPig.Core;
using UglyToad.PdfPig.Tokens;

namespace Onboarding.Tests.Unit.Documents;

/// <summary>An element of a tagged PDF's structure tree, read back from the PDF's own objects.</summary>
internal sealed record StructElement(string Role, string? Alt, DictionaryToken? Attributes, IReadOnlyList<StructElement> Kids, IReadOnlyList<(int Page, int Mcid)> Content)
{
    /// <summary>This element and every element below it, depth first.</summary>
    public IEnumerable<StructElement> DescendantsAndSelf() => Kids.SelectMany(k => k.DescendantsAndSelf()).Prepend(this);

    /// <summary>The text of this element and the elements below it, in tree order.</summary>
    public string Text(PdfStructure structure) =>
        string.Concat(DescendantsAndSelf().SelectMany(e => e.Content).Select(c => structure.TextOf(c.Page, c.Mcid)));
}

/// <summary>
/// The structure tree and marked content of a PDF, through PdfPig's tokens (PdfPig reads marked
/// content but not the structure tree): what a screen reader walks.
/// </summary>
internal sealed class PdfStructure
{
    private readonly PdfDocument _pdf;
    private readonly Dictionary<IndirectReference, int> _pageNumbers = [];
    private readonly Dictionary<int, IReadOnlyList<MarkedContentElement>> _marked = [];

    public PdfStructure(PdfDocument pdf)
    {
        _pdf = pdf;
        var catalog = pdf.Structure.Catalog.CatalogDictionary;
        CollectPages((IndirectReferenceToken)catalog.Data["Pages"]);
        Catalog = catalog;
        Root = catalog.Data.TryGetValue("StructTreeRoot", out var root)
            ? Element(Resolve<DictionaryToken>(Resolve<DictionaryToken>(root).Data["K"]))
            : null;
    }

    public DictionaryToken Catalog { get; }

    /// <summary>The top element (Document), or null for an untagged PDF.</summary>
    public StructElement? Root { get; }

    /// <summary>A page's marked-content sequences in content-stream order.</summary>
    public IReadOnlyList<MarkedContentElement> MarkedContent(int page)
    {
        if (!_marked.TryGetValue(page, out var marked))
        {
            _marked[page] = marked = _pdf.GetPage(page).GetMarkedContents();
        }

        return marked;
    }

    public string TextOf(int page, int mcid) =>
        string.Concat(MarkedContent(page).Where(m => m.MarkedContentIdentifier == mcid && !m.IsArtifact).SelectMany(m => m.Letters).Select(l => l.Value));

    public T Resolve<T>(IToken token)
        where T : IToken =>
        token is IndirectReferenceToken reference ? (T)_pdf.Structure.GetObject(reference.Data).Data : (T)token;

    private void CollectPages(IndirectReferenceToken node)
    {
        var dictionary = Resolve<DictionaryToken>(node);
        if (dictionary.Data.TryGetValue("Kids", out var kids))
        {
            foreach (var kid in Resolve<ArrayToken>(kids).Data.Cast<IndirectReferenceToken>())
            {
                CollectPages(kid);
            }
        }
        else
        {
            _pageNumbers[node.Data] = _pageNumbers.Count + 1;
        }
    }

    private StructElement Element(DictionaryToken dictionary)
    {
        var kids = new List<StructElement>();
        var content = new List<(int, int)>();
        var kidTokens = dictionary.Data.TryGetValue("K", out var k)
            ? Resolve<IToken>(k) is ArrayToken array ? array.Data : [k]
            : [];
        foreach (var kid in kidTokens)
        {
            var resolved = Resolve<IToken>(kid);
            if (resolved is DictionaryToken kidDictionary && kidDictionary.Data.TryGetValue("Type", out var type) && type is NameToken { Data: "MCR" })
            {
                content.Add((_pageNumbers[((IndirectReferenceToken)kidDictionary.Data["Pg"]).Data], ((NumericToken)kidDictionary.Data["MCID"]).Int));
            }
            else if (resolved is NumericToken mcid)
            {
                // A bare MCID is content on the element's own page.
                content.Add((_pageNumbers[((IndirectReferenceToken)dictionary.Data["Pg"]).Data], mcid.Int));
            }
            else if (resolved is DictionaryToken element)
            {
                kids.Add(Element(element));
            }
        }

        var alt = dictionary.Data.TryGetValue("Alt", out var altToken) ? ((IDataToken<string>)Resolve<IToken>(altToken)).Data : null;
        var attributes = dictionary.Data.TryGetValue("A", out var a) ? Resolve<DictionaryToken>(a) : null;
        return new StructElement(((NameToken)dictionary.Data["S"]).Data, alt, attributes, kids, content);
    }
}
