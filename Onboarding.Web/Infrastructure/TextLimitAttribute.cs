using System.ComponentModel.DataAnnotations;
using Onboarding.Core.Data;

namespace Onboarding.Web.Infrastructure;

/// <summary>
/// A form field that is saved to a column of <see cref="TextLimits"/>: longer text is refused with a
/// message naming the field and its length, instead of the database refusing it (PostgreSQL) or keeping it (SQLite).
/// </summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class TextLimitAttribute(int limit, string field) : StringLengthAttribute(limit)
{
    public string Field { get; } = field;

    protected override ValidationResult? IsValid(object? value, ValidationContext validationContext) =>
        value is string text && text.Length > MaximumLength
            ? new ValidationResult(TextLimits.TooLong(Field, text.Length, MaximumLength), validationContext.MemberName is { } member ? [member] : null)
            : ValidationResult.Success;
}
