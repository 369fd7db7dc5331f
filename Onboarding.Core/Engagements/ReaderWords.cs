using System.Text.RegularExpressions;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;
using Microsoft.EntityFrameworkCore;
using Onboarding.Core.Data;
using Onboarding.Core.Markdown;

namespace Onboarding.Core.Engagements;

/// <summary>
/// The words a reader reads: client stakeholders read the client's own words wherever the glossary maps a
/// provider word to one; provider staff read the texts as written, with the client's word explained by
/// "(we say: …)". Pages, digests and the pack all word their texts through this one class.
/// </summary>
/// <remarks>
/// Replacement is whole-word, ignores case and white space, keeps a capital at the start of a sentence,
/// and takes a plain "s" plural along for one-word client terms (a longer client term has no safe plural,
/// so the provider's plural stays). All provider words are replaced in one pass, so a word that is the
/// client's word in one entry and the provider's in another is never replaced twice. In Markdown, code,
/// links (their text and target) and bare URLs are left as written: a link or a command must keep working.
/// </remarks>
public sealed class ReaderWords
{
    /// <summary>Texts as written: for provider staff, and wherever the reader is not a client stakeholder.</summary>
    public static readonly ReaderWords AsWritten = new(false, new Dictionary<string, string>());

    private readonly Dictionary<string, string> _clientWordByProviderWord;
    private readonly Regex? _providerWords;

    private ReaderWords(bool forClient, Dictionary<string, string> clientWordByProviderWord)
    {
        ForClient = forClient;
        _clientWordByProviderWord = clientWordByProviderWord;
        if (forClient && clientWordByProviderWord.Any(p => p.Key != GlossaryCheck.Normalise(p.Value)))
        {
            var alternatives = clientWordByProviderWord.Keys
                .OrderByDescending(k => k.Length).ThenBy(k => k, StringComparer.Ordinal)
                .Select(k => string.Join(@"\s+", k.Split(' ').Select(Regex.Escape)));
            _providerWords = new Regex(
                $@"(?<!\w)(?<word>{string.Join("|", alternatives)})(?<plural>s)?(?!\w)",
                RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
        }
    }

    /// <summary>True for a client stakeholder: texts use the client's words and carry no "(we say: …)".</summary>
    public bool ForClient { get; }

    /// <summary>
    /// The words for a reader in <paramref name="role"/> (null: not a member, e.g. a provider administrator, who reads
    /// as provider staff). Where two client words share a provider word (a flagged contradiction) the first listed wins.
    /// </summary>
    public static ReaderWords For(IEnumerable<GlossaryEntry> glossary, EngagementRole? role) =>
        role is { } r && r.IsClientRole() ? ForClientReader(glossary) : AsWritten;

    public static ReaderWords For(IEnumerable<GlossaryTerm> glossary, EngagementRole? role) =>
        For(glossary.Select(g => new GlossaryEntry(g.ClientTerm, g.ProviderTerm, g.Definition)), role);

    /// <summary>The words of a reader in <paramref name="role"/> of the engagement; the glossary is read only for a client stakeholder.</summary>
    public static async Task<ReaderWords> LoadAsync(OnboardingDbContext db, int engagementId, EngagementRole? role, CancellationToken cancellationToken = default) =>
        role is { } r && r.IsClientRole()
            ? ForClientReader(await db.GlossaryTerms.AsNoTracking()
                .Where(g => g.EngagementId == engagementId)
                .OrderBy(g => g.Id)
                .Select(g => new GlossaryEntry(g.ClientTerm, g.ProviderTerm, g.Definition))
                .ToListAsync(cancellationToken))
            : AsWritten;

    /// <summary>The client's words, as a document addressed to the client (the plan pack) reads.</summary>
    public static ReaderWords ForClientReader(IEnumerable<GlossaryEntry> glossary)
    {
        var map = new Dictionary<string, string>();
        foreach (var entry in glossary)
        {
            var provider = GlossaryCheck.Normalise(entry.ProviderTerm);
            var client = entry.ClientTerm.Trim();
            // An entry where both sides say the same claims the word too: the client says it as well, so it stays.
            if (provider.Length > 0 && client.Length > 0)
            {
                map.TryAdd(provider, client);
            }
        }
        return new ReaderWords(true, map);
    }

    /// <summary>The provider's word to show beside the client's, "(we say: …)"; null for client readers or when both sides say the same.</summary>
    public string? WeSay(string clientTerm, string? providerTerm) =>
        ForClient || string.IsNullOrWhiteSpace(providerTerm) || GlossaryCheck.SameWord(clientTerm, providerTerm) ? null : providerTerm.Trim();

    /// <summary>A plain text (a title, a name) in the reader's words.</summary>
    public string Text(string text) => _providerWords is null || string.IsNullOrEmpty(text) ? text : _providerWords.Replace(text, Replacement);

    /// <summary>Markdown in the reader's words, before it is rendered; code, links and URLs are kept as written.</summary>
    public string Markdown(string markdown)
    {
        if (_providerWords is null || string.IsNullOrWhiteSpace(markdown) || !_providerWords.IsMatch(markdown))
        {
            return markdown;
        }
        // Text that cannot be parsed is shown as escaped plain text, where nothing is a link or code.
        var kept = MarkdownText.Parse(markdown) is { } document ? KeptAsWritten(document) : [];
        return _providerWords.Replace(markdown, m => kept.Any(k => m.Index <= k.End && m.Index + m.Length - 1 >= k.Start) ? m.Value : Replacement(m));
    }

    private static List<SourceSpan> KeptAsWritten(MarkdownDocument document) => document.Descendants()
        .Where(node => node is CodeInline or LinkInline or AutolinkInline or HtmlInline or CodeBlock or HtmlBlock or LinkReferenceDefinition)
        .Select(node => node.Span)
        .ToList();

    private string Replacement(Match match)
    {
        var written = match.Groups["word"].Value;
        if (!_clientWordByProviderWord.TryGetValue(GlossaryCheck.Normalise(written), out var client))
        {
            return match.Value;
        }
        var plural = match.Groups["plural"].Success;
        if (GlossaryCheck.SameWord(written, client))
        {
            return match.Value;
        }
        if (plural && client.Contains(' '))
        {
            return match.Value;
        }
        return CaseLike(written, client) + (plural ? match.Groups["plural"].Value : "");
    }

    /// <summary>
    /// "JOB ORDER" gives "REQUISITION"; "Job order" a capital first letter; "job order" in mid-sentence a small one,
    /// unless the client's word starts with an acronym or a name ("CV sent …", "ATS").
    /// </summary>
    private static string CaseLike(string written, string client)
    {
        var letters = written.Where(char.IsLetter).ToList();
        if (letters.Count > 1 && letters.All(char.IsUpper))
        {
            return client.ToUpperInvariant();
        }
        if (char.IsUpper(written[0]))
        {
            return char.ToUpperInvariant(client[0]) + client[1..];
        }
        var firstWord = client.Split(' ')[0];
        var capitalisedWord = char.IsUpper(firstWord[0]) && firstWord.Skip(1).All(c => !char.IsLetter(c) || char.IsLower(c));
        return capitalisedWord ? char.ToLowerInvariant(client[0]) + client[1..] : client;
    }
}
