using SkiaSharp;

namespace Onboarding.Core.Documents;

/// <summary>Type sizes, colours and spacing shared by every block of a document.</summary>
public sealed record DocumentTheme
{
    private static readonly SKColor Ink = new(0x1F, 0x29, 0x33);
    private static readonly SKColor Navy = new(0x1F, 0x4E, 0x79);
    private static readonly SKColor Slate = new(0x52, 0x60, 0x6D);

    public static DocumentTheme Default { get; } = new();

    public TextStyle Body { get; init; } = new() { Size = 10, Color = Ink };

    public TextStyle Small { get; init; } = new() { Size = 8, Color = Slate };

    public TextStyle Title { get; init; } = new() { Size = 28, Bold = true, Color = Navy, LineHeight = 1.2f };

    public TextStyle Heading1 { get; init; } = new() { Size = 17, Bold = true, Color = Navy, LineHeight = 1.25f };

    public TextStyle Heading2 { get; init; } = new() { Size = 13, Bold = true, Color = Ink, LineHeight = 1.3f };

    public TextStyle Heading3 { get; init; } = new() { Size = 11, Bold = true, Color = Ink, LineHeight = 1.3f };

    public SKColor Accent { get; init; } = Navy;

    public SKColor Muted { get; init; } = Slate;

    public SKColor Link { get; init; } = new(0x1A, 0x5F, 0xB4);

    /// <summary>Hairlines: table rules, the axis of a timeline.</summary>
    public SKColor Rule { get; init; } = new(0xD3, 0xDC, 0xE6);

    /// <summary>Quiet backgrounds: table headers, key–value panels.</summary>
    public SKColor Fill { get; init; } = new(0xF1, 0xF5, 0xF9);

    /// <summary>Timeline phase bands, used in turn.</summary>
    public IReadOnlyList<SKColor> Bands { get; init; } =
        [new(0xD6, 0xE6, 0xF5), new(0xD5, 0xEE, 0xE6), new(0xE8, 0xE1, 0xF3), new(0xF7, 0xE7, 0xD2)];

    /// <summary>Space after a paragraph, list or table, in points.</summary>
    public float BlockSpacing { get; init; } = 7;

    internal TextStyle Heading(int level) => level switch
    {
        1 => Heading1,
        2 => Heading2,
        _ => Heading3,
    };
}
