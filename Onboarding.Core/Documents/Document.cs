namespace Onboarding.Core.Documents;

/// <summary>PDF document information. <see cref="Created"/> is passed in so output depends only on input.</summary>
/// <param name="Language">The language of the text (BCP 47), for screen readers' pronunciation.</param>
public sealed record DocumentMetadata(string Title, string Author, string Subject, DateTimeOffset Created, string Language = "en");

/// <summary>Page size and margins in points (1/72 inch). Header and footer sit inside the margins.</summary>
public sealed record PageSetup(float Width, float Height, Margins Margins)
{
    public static PageSetup A4 { get; } = new(595.28f, 841.89f, new Margins(50));
}

public sealed record Margins(float Top, float Right, float Bottom, float Left)
{
    public Margins(float all)
        : this(all, all, all, all)
    {
    }
}

/// <summary>The page being drawn: for "Page 3 of 12" and for leaving the cover plain.</summary>
public readonly record struct PageContext(int Number, int Total);

/// <summary>
/// What to render: metadata, page setup, a body column and optional running header and footer.
/// Immutable once rendering starts; one document may be rendered on several threads.
/// </summary>
public sealed class Document(DocumentMetadata metadata)
{
    public DocumentMetadata Metadata { get; } = metadata;

    public PageSetup Page { get; init; } = PageSetup.A4;

    public DocumentTheme Theme { get; init; } = DocumentTheme.Default;

    internal Column Body { get; } = new();

    internal Action<Column, PageContext>? HeaderComposer { get; private set; }

    internal Action<Column, PageContext>? FooterComposer { get; private set; }

    public Document Content(Action<Column> compose)
    {
        compose(Body);
        return this;
    }

    /// <summary>Composed for every page; an empty column leaves that page without a header.</summary>
    public Document Header(Action<Column, PageContext> compose)
    {
        HeaderComposer = compose;
        return this;
    }

    public Document Footer(Action<Column, PageContext> compose)
    {
        FooterComposer = compose;
        return this;
    }
}
