namespace Onboarding.Core.Documents;

/// <summary>
/// An element of the PDF structure tree (ISO 32000-1 §14.7): what a piece of drawn content is
/// (a heading, a paragraph, a table cell), so assistive technology reads the PDF in order and
/// knows its headings, lists and tables. Blocks create elements while laying out; drawing
/// records which page content belongs to which (<see cref="Marks"/>).
/// </summary>
/// <remarks>
/// An element either holds content or holds child elements: content drawn for a container
/// (a table row's rules, a list item's box) is decoration and drawn as an artifact instead.
/// </remarks>
internal sealed class StructNode
{
    private StructNode(string role, StructNode? parent, string? alt, string? attributes)
    {
        Role = role;
        Parent = parent;
        Alt = alt;
        Attributes = attributes;
    }

    /// <summary>Content that is not part of the document's text: page headers and footers, repeated table headers, rules.</summary>
    public static StructNode Artifact { get; } = new("Artifact", null, null, null);

    /// <summary>The standard structure type (Table 333 and on): Document, H1, P, L, LI, Table, TH, Figure…</summary>
    public string Role { get; }

    public StructNode? Parent { get; }

    /// <summary>Alternative text, for figures.</summary>
    public string? Alt { get; }

    /// <summary>An attribute dictionary in PDF syntax, such as a header cell's scope.</summary>
    public string? Attributes { get; }

    public List<StructNode> Children { get; } = [];

    /// <summary>Marked content drawn for this element, as page index and MCID, in drawing order.</summary>
    public List<(int Page, int Mcid)> Marks { get; } = [];

    /// <summary>The root of a document's tree.</summary>
    public static StructNode Document() => new("Document", null, null, null);

    /// <summary>A tree for content laid out only to be drawn as an artifact (page header and footer bands), kept out of the document's tree.</summary>
    public static StructNode Detached() => new("Div", null, null, null);

    public StructNode Add(string role, string? alt = null, string? attributes = null)
    {
        var child = new StructNode(role, this, alt, attributes);
        Children.Add(child);
        return child;
    }

    /// <summary>Whether this element or one below it holds content; empty elements are left out of the PDF.</summary>
    public bool HasContent() => Marks.Count > 0 || Children.Exists(c => c.HasContent());
}
