using SkiaSharp;

namespace Onboarding.Core.Documents;

public enum TextAlign
{
    Left,
    Center,
    Right,
}

/// <summary>How a paragraph looks. Spans inside it can add bold, italic or a link.</summary>
public sealed record TextStyle
{
    public float Size { get; init; } = 10;

    public bool Bold { get; init; }

    public bool Italic { get; init; }

    public SKColor Color { get; init; } = new(0x1F, 0x29, 0x33);

    public TextAlign Align { get; init; }

    /// <summary>Line pitch as a multiple of <see cref="Size"/>.</summary>
    public float LineHeight { get; init; } = 1.4f;
}

/// <summary>A run of text within a paragraph. <see cref="Link"/> is an external URL already checked by <see cref="Markdown.SafeUrl"/>.</summary>
internal sealed record TextSpan(string Text, bool Bold = false, bool Italic = false, string? Link = null);
