namespace Onboarding.Core.Data;

/// <summary>
/// The longest text each column holds. PostgreSQL refuses longer text and SQLite silently keeps it, so
/// the EF configurations and every form's validation read the limits from here, and text copied into a
/// shorter column is fitted with <see cref="Fit"/>.
/// </summary>
public static class TextLimits
{
    /// <summary>People, organisations, engagements, metrics, glossary terms, job titles, phase and template titles.</summary>
    public const int Name = 200;
    public const int Email = 256;
    public const int TimeZone = 64;

    /// <summary>A BCP 47 language tag, as long as the culture data's longest.</summary>
    public const int LanguageTag = 35;

    /// <summary>Task, milestone, win and outcome titles.</summary>
    public const int Title = 300;

    /// <summary>Why a task is blocked or skipped, and the plan engine's warning on it.</summary>
    public const int Reason = 1000;

    /// <summary>An activity-log entry.</summary>
    public const int Description = 1000;
    public const int ChecklistItem = 500;
    public const int Unit = 50;

    /// <summary>A metric value's note.</summary>
    public const int Note = 500;

    /// <summary>Template, instance and phase keys.</summary>
    public const int Key = 100;
    public const int TaskKey = 300;
    public const int Colour = 9;
    public const int Token = 64;
    public const int Subject = 500;
    public const int MessageId = 300;
    public const int Error = 2000;

    /// <summary>A job id of the job storage: Hangfire's are numbers (PostgreSQL) or GUIDs (in memory).</summary>
    public const int JobId = 64;

    /// <summary>The message for text longer than its field holds, naming the field.</summary>
    public static string TooLong(string field, int length, int limit) =>
        $"{field} is {length:N0} characters long; keep it to {limit:N0} or fewer.";

    /// <summary>Text for a column of <paramref name="limit"/> characters: as it is when it fits, else cut with an ellipsis.</summary>
    public static string Fit(string text, int limit)
    {
        if (text.Length <= limit)
        {
            return text;
        }
        var cut = limit - 1;
        // Never split a surrogate pair: half a character is not text.
        if (char.IsHighSurrogate(text[cut - 1]))
        {
            cut--;
        }
        return text[..cut].TrimEnd() + "…";
    }
}
