namespace Onboarding.Core.Text;

/// <summary>How the app writes counts and lists in English sentences, on pages, in mails and in digests alike.</summary>
public static class Words
{
    /// <summary>"1 day", "3 days", "0 days"; <paramref name="plural"/> for nouns that do not just take an s.</summary>
    public static string Count(int count, string noun, string? plural = null) =>
        $"{count} {(count is 1 or -1 ? noun : plural ?? noun + "s")}";

    /// <summary>Items separated as a reader expects: "Mon, Tue, Wed".</summary>
    public static string List(IEnumerable<string> items) => string.Join(", ", items);

    /// <summary>
    /// A display name inside a sentence: "Account leader" becomes "account leader", but a name that starts with an
    /// abbreviation ("TA lead") keeps it.
    /// </summary>
    public static string InSentence(string displayName) =>
        displayName.Length > 1 && char.IsUpper(displayName[1]) ? displayName : displayName.ToLowerInvariant();
}
