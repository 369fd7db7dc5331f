using Onboarding.Core.Markdown;

namespace Onboarding.Core.Documents;

/// <summary>Builds the runs of one paragraph: <c>t.Text("Owner: ").Bold("TA lead")</c>.</summary>
public sealed class TextBuilder
{
    internal List<TextSpan> Spans { get; } = [];

    public TextBuilder Text(string text) => Add(new TextSpan(text));

    public TextBuilder Bold(string text) => Add(new TextSpan(text, Bold: true));

    public TextBuilder Italic(string text) => Add(new TextSpan(text, Italic: true));

    /// <summary>A clickable link; a URL outside http, https and mailto stays plain text.</summary>
    public TextBuilder Link(string text, string url) =>
        Add(new TextSpan(text, Link: SafeUrl.IsAllowed(url) ? url : null));

    private TextBuilder Add(TextSpan span)
    {
        Spans.Add(span);
        return this;
    }
}
