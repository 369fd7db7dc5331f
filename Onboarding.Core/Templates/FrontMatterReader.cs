using System.Globalization;
using System.Text.RegularExpressions;
using Onboarding.Core.Digests;
using Onboarding.Core.Engagements;
using Onboarding.Core.Governance;
using Onboarding.Core.Markdown;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;
using YamlDotNet.RepresentationModel;

namespace Onboarding.Core.Templates;

/// <summary>The template-level fields of the YAML front matter; null where missing or invalid (an error says why).</summary>
internal sealed record TemplateHeader(
    string? Key,
    int KeyLine,
    string? Title,
    int? Version,
    TemplateAudience? Audience,
    DayAnchor? Anchor,
    IReadOnlyList<TemplatePhase> Phases,
    IReadOnlyList<StarterTerm> Glossary,
    IReadOnlyList<SuggestedMetric> Metrics,
    DigestCadence Cadence)
{
    /// <summary>The per-person roles with the line each is named on, for checks against the tasks.</summary>
    public IReadOnlyList<(EngagementRole Role, int Line)> PerPerson { get; init; } = [];

    /// <summary>The per-person field has an error already: checks that depend on it would only repeat it.</summary>
    public bool PerPersonUnreadable { get; init; }

    public IReadOnlyList<EngagementRole>? Escalation { get; init; }

    public int? EscalateAfterWorkingDays { get; init; }
}

/// <summary>
/// Reads the front matter through YamlDotNet's node model rather than a deserializer: the nodes keep
/// their line numbers, and walking them lets one pass report every problem instead of the first.
/// </summary>
internal sealed partial class FrontMatterReader(string file, int firstLine, List<TemplateError> errors)
{
    private static readonly string[] TopFields =
        ["key", "title", "version", "audience", "days-count-from", "per-person", "phases", "glossary", "metrics", "digest-cadence", "escalation", "escalate-after-working-days"];

    private static readonly Dictionary<string, TemplateAudience> Audiences = new()
    {
        ["account-leader"] = TemplateAudience.AccountLeader,
        ["client"] = TemplateAudience.Client,
        ["recruiter"] = TemplateAudience.Recruiter,
    };

    private static readonly Dictionary<string, DayAnchor> Anchors = new()
    {
        ["kickoff"] = DayAnchor.Kickoff,
        ["go-live"] = DayAnchor.GoLive,
    };

    private static readonly Dictionary<string, MetricDirection> Directions = new()
    {
        ["higher-is-better"] = MetricDirection.HigherIsBetter,
        ["lower-is-better"] = MetricDirection.LowerIsBetter,
    };

    private static readonly Dictionary<string, MetricSide> Sides = new()
    {
        ["provider"] = MetricSide.Provider,
        ["client"] = MetricSide.Client,
    };

    private static readonly Dictionary<string, MetricStage> Stages = new()
    {
        ["early"] = MetricStage.Early,
        ["lagging"] = MetricStage.Lagging,
    };

    private static readonly Dictionary<string, CadenceFrequency> Frequencies = new()
    {
        ["every-working-day"] = CadenceFrequency.EveryWorkingDay,
        ["twice-a-week"] = CadenceFrequency.TwiceAWeek,
        ["weekly"] = CadenceFrequency.Weekly,
        ["fortnightly"] = CadenceFrequency.Fortnightly,
    };

    /// <param name="yaml">The text between the two <c>---</c> lines.</param>
    /// <param name="firstLine">The file line the YAML text starts on, so node lines become file lines.</param>
    public static TemplateHeader Read(string file, string yaml, int firstLine, List<TemplateError> errors) =>
        new FrontMatterReader(file, firstLine, errors).Read(yaml);

    private TemplateHeader Read(string yaml)
    {
        if (!TryLoad(yaml, out var root))
        {
            // Without readable YAML every field would also be reported missing: one error is clearer.
            return new TemplateHeader(null, firstLine, null, null, null, null, PlanTemplate.DefaultPhases, [], [], DigestCadence.Default);
        }
        var fields = root is null ? [] : Fields(root, "the front matter", TopFields) ?? [];
        var line = root is null ? firstLine : LineOf(root);

        var key = Text(fields, line, "key", "the front matter");
        if (key is not null && !TemplateKeys.IsValid(key))
        {
            Error(fields["key"], $"template key '{key}' {TemplateKeys.Rule}");
            key = null;
        }

        var audience = Choice(fields, line, "audience", Audiences);
        var errorsBefore = errors.Count;
        var perPerson = fields.TryGetValue("per-person", out var perPersonNode) ? PerPerson(perPersonNode, audience) : [];
        var perPersonUnreadable = errors.Count > errorsBefore;
        return new TemplateHeader(
            key,
            fields.TryGetValue("key", out var keyNode) ? LineOf(keyNode) : line,
            Text(fields, line, "title", "the front matter"),
            Version(fields, line),
            audience,
            Choice(fields, line, "days-count-from", Anchors),
            fields.TryGetValue("phases", out var phases) ? Phases(phases) : PlanTemplate.DefaultPhases,
            fields.TryGetValue("glossary", out var glossary) ? Items(glossary, "glossary", Term) : [],
            fields.TryGetValue("metrics", out var metrics) ? Items(metrics, "metrics", Metric) : [],
            fields.TryGetValue("digest-cadence", out var cadence) ? new DigestCadence(Items(cadence, "digest-cadence", Stage)) : DigestCadence.Default)
        {
            PerPerson = perPerson,
            PerPersonUnreadable = perPersonUnreadable,
            Escalation = fields.TryGetValue("escalation", out var escalation) ? EscalationRoles(escalation) : null,
            EscalateAfterWorkingDays = fields.TryGetValue("escalate-after-working-days", out var after) ? WorkingDayCount(after) : null,
        };
    }

    /// <summary><c>escalation: [recruiter, account-leader, ta-lead, executive-sponsor]</c>: a list of distinct roles, lowest rung first.</summary>
    private List<EngagementRole>? EscalationRoles(YamlNode node)
    {
        if (node is not YamlSequenceNode { Children.Count: > 0 } sequence)
        {
            Error(node, $"escalation must be a list of roles, lowest rung first, e.g. [recruiter, account-leader, ta-lead, executive-sponsor]; roles are {string.Join(", ", EngagementRoles.Keys)}");
            return null;
        }
        var roles = new List<EngagementRole>();
        foreach (var child in sequence.Children)
        {
            if (child is not YamlScalarNode { Value: { } text } || !EngagementRoles.TryParse(text.Trim(), out var role))
            {
                Error(child, $"escalation: '{(child as YamlScalarNode)?.Value}' is not a role; roles are {string.Join(", ", EngagementRoles.Keys)}");
                return null;
            }
            if (roles.Contains(role))
            {
                Error(child, $"escalation: {role.ToKey()} is named twice; each role is one rung");
                return null;
            }
            roles.Add(role);
        }
        return roles;
    }

    /// <summary><c>escalate-after-working-days: 3</c>: a whole number of working days from 1 to 30.</summary>
    private int? WorkingDayCount(YamlNode node)
    {
        if (node is YamlScalarNode { Value: { } text } && int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var days) && days is >= 1 and <= EscalationLadder.MaxWorkingDays)
        {
            return days;
        }
        Error(node, $"escalate-after-working-days must be a whole number of working days from 1 to {EscalationLadder.MaxWorkingDays}");
        return null;
    }

    /// <summary><c>per-person: hiring-manager</c> or a list of roles; the recruiter role of a recruiter template is already per person.</summary>
    private List<(EngagementRole, int)> PerPerson(YamlNode node, TemplateAudience? audience)
    {
        var values = node switch
        {
            YamlScalarNode scalar => [scalar],
            YamlSequenceNode sequence => sequence.Children.ToList(),
            _ => null,
        };
        if (values is null)
        {
            Error(node, "'per-person' must be a role or a list of roles, like 'per-person: [hiring-manager]'");
            return [];
        }
        var roles = new List<(EngagementRole, int)>();
        foreach (var value in values)
        {
            var text = (value as YamlScalarNode)?.Value?.Trim() ?? "";
            if (!EngagementRoles.TryParse(text, out var role))
            {
                Error(value, $"unknown role '{text}' in 'per-person' (expected one of {string.Join(", ", EngagementRoles.Keys)})");
            }
            else if (role == EngagementRole.Recruiter && audience == TemplateAudience.Recruiter)
            {
                Error(value, "a recruiter template is already applied once per recruiter: leave 'recruiter' out of 'per-person'");
            }
            else if (roles.Any(r => r.Item1 == role))
            {
                Error(value, $"role '{text}' is listed twice in 'per-person'");
            }
            else
            {
                roles.Add((role, LineOf(value)));
            }
        }
        return roles;
    }

    private bool TryLoad(string yaml, out YamlNode? root)
    {
        root = null;
        var parser = new LineTrackingParser(new Parser(new StringReader(yaml)));
        try
        {
            var stream = new YamlStream();
            stream.Load(parser);
            root = stream.Documents.Count == 0 ? null : stream.Documents[0].RootNode;
            return true;
        }
        catch (YamlException e)
        {
            errors.Add(new(file, (int)e.Start.Line + firstLine - 1, $"bad YAML: {e.Message}"));
        }
        catch (InvalidOperationException)
        {
            // YamlDotNet 18 throws this, without a position, on some unclosed brackets.
            errors.Add(new(file, (int)parser.LastLine + firstLine - 1, "bad YAML: an opening bracket or quote is never closed"));
        }
        return false;
    }

    private int? Version(Dictionary<string, YamlNode> fields, int line)
    {
        var text = Text(fields, line, "version", "the front matter");
        if (text is null)
        {
            return null;
        }
        if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var version) && version >= 1)
        {
            return version;
        }
        Error(fields["version"], $"version '{text}' must be a whole number of 1 or more");
        return null;
    }

    private T? Choice<T>(Dictionary<string, YamlNode> fields, int line, string name, Dictionary<string, T> choices)
        where T : struct
    {
        var text = Text(fields, line, name, "the front matter");
        if (text is null)
        {
            return null;
        }
        if (choices.TryGetValue(text, out var value))
        {
            return value;
        }
        Error(fields[name], $"unknown {name} '{text}' (expected {string.Join(", ", choices.Keys)})");
        return null;
    }

    private IReadOnlyList<TemplatePhase> Phases(YamlNode node)
    {
        var phases = Items(node, "phases", Phase);
        if (node is YamlSequenceNode { Children.Count: 0 })
        {
            Error(node, "'phases' needs at least one phase; leave it out to use days 1–30, 31–60 and 61–90");
        }
        return phases;
    }

    private TemplatePhase? Phase(YamlNode node)
    {
        var fields = Fields(node, "a phase", "key", "title", "days");
        if (fields is null)
        {
            return null;
        }
        var key = Text(fields, LineOf(node), "key", "a phase");
        var title = Text(fields, LineOf(node), "title", "a phase");
        var days = Range(fields, LineOf(node), "a phase", openEnded: false);
        if (key is not null && !TemplateKeys.IsValid(key))
        {
            Error(fields["key"], $"phase key '{key}' {TemplateKeys.Rule}");
            return null;
        }
        return key is null || title is null || days is null ? null : new TemplatePhase(key, title, days.Value.From, days.Value.To!.Value);
    }

    private StarterTerm? Term(YamlNode node)
    {
        var fields = Fields(node, "a glossary term", "client-term", "provider-term", "definition");
        if (fields is null)
        {
            return null;
        }
        var client = Text(fields, LineOf(node), "client-term", "a glossary term");
        var provider = Text(fields, LineOf(node), "provider-term", "a glossary term");
        var definition = Text(fields, LineOf(node), "definition", "a glossary term");
        if (definition is not null && MarkdownText.Problem(definition) is { } problem)
        {
            Error(fields["definition"], $"the definition of '{client}': {problem}");
            definition = null;
        }
        return client is null || provider is null || definition is null ? null : new StarterTerm(client, provider, definition);
    }

    private SuggestedMetric? Metric(YamlNode node)
    {
        var fields = Fields(node, "a metric", "name", "unit", "direction", "target", "how-measured", "side", "stage", "meaningful-from-day");
        if (fields is null)
        {
            return null;
        }
        var line = LineOf(node);
        var name = Text(fields, line, "name", "a metric");
        var unit = Text(fields, line, "unit", "a metric");
        var direction = MetricChoice(fields, line, "direction", Directions, required: true);
        var target = Text(fields, line, "target", "a metric");
        var measured = Text(fields, line, "how-measured", "a metric");
        // The metric is saved at launch: a field longer than its column would fail there, so it fails here, with its line.
        name = Within(fields, "name", name, Data.TextLimits.Name);
        unit = Within(fields, "unit", unit, Data.TextLimits.Unit);
        target = Within(fields, "target", target, Data.TextLimits.Name);
        var side = MetricChoice(fields, line, "side", Sides, required: false);
        var stage = MetricChoice(fields, line, "stage", Stages, required: false);
        var (fromDay, fromDayOk) = MeaningfulFromDay(fields, line, name, stage);
        return name is null || unit is null || direction is null || target is null || measured is null || !fromDayOk
            || (fields.ContainsKey("side") && side is null) || (fields.ContainsKey("stage") && stage is null)
            ? null
            : new SuggestedMetric(name, unit, direction.Value, target, measured, side, stage ?? MetricStage.Early, fromDay);
    }

    private string? Within(Dictionary<string, YamlNode> fields, string field, string? text, int limit)
    {
        if (text is null || text.Length <= limit)
        {
            return text;
        }
        Error(fields[field], $"the metric's '{field}' is {text.Length} characters long; at most {limit} fit");
        return null;
    }

    private T? MetricChoice<T>(Dictionary<string, YamlNode> fields, int line, string field, Dictionary<string, T> choices, bool required)
        where T : struct
    {
        if (!required && !fields.ContainsKey(field))
        {
            return null;
        }
        var text = Text(fields, line, field, "a metric");
        if (text is null)
        {
            return null;
        }
        if (choices.TryGetValue(text, out var value))
        {
            return value;
        }
        Error(fields[field], $"unknown {field} '{text}' (expected {string.Join(", ", choices.Keys)})");
        return null;
    }

    /// <summary>
    /// A lagging metric says from which day it means something; an early one is watched from day 1, so the
    /// field would be misleading there. Returns the day and whether the field is right for the stage.
    /// </summary>
    private (int? Day, bool Ok) MeaningfulFromDay(Dictionary<string, YamlNode> fields, int line, string? name, MetricStage? stage)
    {
        var lagging = stage == MetricStage.Lagging;
        if (!fields.TryGetValue("meaningful-from-day", out var node))
        {
            if (lagging)
            {
                errors.Add(new(file, line, $"the lagging metric '{name}' has no 'meaningful-from-day' (the engagement day from which its values mean something, like 'meaningful-from-day: 90')"));
                return (null, false);
            }
            return (null, true);
        }
        var text = Text(fields, line, "meaningful-from-day", "a metric");
        if (text is null)
        {
            return (null, false);
        }
        if (!int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var day) || day < 1 || day > 9999)
        {
            Error(node, $"meaningful-from-day '{text}' must be a day number from 1 up, like 'meaningful-from-day: 90'");
            return (null, false);
        }
        if (!lagging && fields.ContainsKey("stage") && stage is null)
        {
            // The stage itself is wrong and already reported.
            return (null, false);
        }
        if (!lagging)
        {
            Error(node, $"'meaningful-from-day' is for lagging metrics: add 'stage: lagging' to '{name}', or leave the day out of an early indicator");
            return (null, false);
        }
        return (day, true);
    }

    private CadenceStage? Stage(YamlNode node)
    {
        var fields = Fields(node, "a digest cadence stage", "days", "frequency");
        if (fields is null)
        {
            return null;
        }
        var days = Range(fields, LineOf(node), "a digest cadence stage", openEnded: true);
        var frequencyText = Text(fields, LineOf(node), "frequency", "a digest cadence stage");
        CadenceFrequency? frequency = null;
        if (frequencyText is not null)
        {
            if (Frequencies.TryGetValue(frequencyText, out var f))
            {
                frequency = f;
            }
            else
            {
                Error(fields["frequency"], $"unknown frequency '{frequencyText}' (expected {string.Join(", ", Frequencies.Keys)})");
            }
        }
        return days is null || frequency is null ? null : new CadenceStage(days.Value.From, days.Value.To, frequency.Value);
    }

    /// <summary>Reads <c>days: 1-30</c> (an en dash works too), or <c>days: 91+</c> where open-ended ranges are allowed.</summary>
    private (int From, int? To)? Range(Dictionary<string, YamlNode> fields, int line, string what, bool openEnded)
    {
        var text = Text(fields, line, "days", what);
        if (text is null)
        {
            return null;
        }
        var match = DayRange().Match(text);
        if (match.Success)
        {
            var from = int.Parse(match.Groups["from"].Value, CultureInfo.InvariantCulture);
            int? to = match.Groups["to"].Success ? int.Parse(match.Groups["to"].Value, CultureInfo.InvariantCulture) : null;
            if (from >= 1 && (to is null ? openEnded : to >= from))
            {
                return (from, to);
            }
        }
        var expected = openEnded ? "'FROM-TO' or 'FROM+'" : "'FROM-TO'";
        Error(fields["days"], $"days '{text}' must be a range of day numbers from 1 up, written {expected}");
        return null;
    }

    private IReadOnlyList<T> Items<T>(YamlNode node, string name, Func<YamlNode, T?> read)
        where T : class
    {
        if (node is not YamlSequenceNode sequence)
        {
            Error(node, $"'{name}' must be a list of items, each starting with '- '");
            return [];
        }
        return sequence.Children.Select(read).OfType<T>().ToList();
    }

    private Dictionary<string, YamlNode>? Fields(YamlNode node, string what, params string[] known)
    {
        if (node is not YamlMappingNode mapping)
        {
            Error(node, $"{what} must be written as 'name: value' lines");
            return null;
        }
        var fields = new Dictionary<string, YamlNode>();
        foreach (var (keyNode, value) in mapping.Children)
        {
            var name = (keyNode as YamlScalarNode)?.Value ?? "";
            if (known.Contains(name))
            {
                fields[name] = value;
            }
            else
            {
                Error(keyNode, $"unknown field '{name}' in {what} (expected {string.Join(", ", known)})");
            }
        }
        return fields;
    }

    private string? Text(Dictionary<string, YamlNode> fields, int ownerLine, string name, string what)
    {
        if (!fields.TryGetValue(name, out var node))
        {
            errors.Add(new(file, ownerLine, $"{what} has no '{name}'"));
            return null;
        }
        if (node is not YamlScalarNode { Value: { } value } || string.IsNullOrWhiteSpace(value))
        {
            Error(node, $"'{name}' must be a single, non-empty value");
            return null;
        }
        return value.Trim();
    }

    private int LineOf(YamlNode node) => (int)node.Start.Line + firstLine - 1;

    private void Error(YamlNode node, string message) => errors.Add(new(file, LineOf(node), message));

    [GeneratedRegex(@"^(?<from>\d{1,5})\s*(?:[-–]\s*(?<to>\d{1,5})|\+)$")]
    private static partial Regex DayRange();

    /// <summary>Remembers where the parser got to, for the one YamlDotNet failure that carries no position.</summary>
    private sealed class LineTrackingParser(IParser inner) : IParser
    {
        public long LastLine { get; private set; } = 1;

        public ParsingEvent? Current => inner.Current;

        public bool MoveNext()
        {
            var moved = inner.MoveNext();
            if (inner.Current is { } current)
            {
                LastLine = current.End.Line;
            }
            return moved;
        }
    }
}
