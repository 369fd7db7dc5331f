namespace Onboarding.Core.Templates;

/// <summary>A problem in a template file, located so an editor can jump to it.</summary>
public sealed record TemplateError(string File, int Line, string Message)
{
    public override string ToString() => $"{File}:{Line}: {Message}";
}

/// <summary>A parsed template, or every error found in the file (never both).</summary>
public sealed record TemplateParseResult(PlanTemplate? Template, IReadOnlyList<TemplateError> Errors);
