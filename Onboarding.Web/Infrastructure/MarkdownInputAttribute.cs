using System.ComponentModel.DataAnnotations;
using System.Reflection;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Onboarding.Core.Markdown;

namespace Onboarding.Web.Infrastructure;

/// <summary>
/// A form field that takes Markdown: text that could not be shown formatted (nested too deep,
/// too long; see <see cref="MarkdownText.Problem"/>) is refused with a message naming the field,
/// instead of being saved and shown as plain text everywhere.
/// </summary>
/// <param name="field">How messages name the field; by default its [Display] name, else the property's.</param>
[AttributeUsage(AttributeTargets.Property)]
public sealed class MarkdownInputAttribute(string? field = null) : ValidationAttribute
{
    /// <summary>
    /// Runs the rule on every [MarkdownInput] property of <paramref name="form"/>, for forms whose
    /// controller clears the binder's model state to read the form itself.
    /// </summary>
    public static void Validate(object form, ModelStateDictionary modelState)
    {
        foreach (var property in form.GetType().GetProperties())
        {
            if (property.GetCustomAttribute<MarkdownInputAttribute>() is { } attribute
                && attribute.GetValidationResult(property.GetValue(form), new ValidationContext(form) { MemberName = property.Name, DisplayName = DisplayName(property) }) is { ErrorMessage: { } message })
            {
                modelState.AddModelError(property.Name, message);
            }
        }
    }

    protected override ValidationResult? IsValid(object? value, ValidationContext validationContext) =>
        value is string text && MarkdownText.Problem(text) is { } problem
            ? new ValidationResult($"{field ?? validationContext.DisplayName}: {problem}", validationContext.MemberName is { } member ? [member] : null)
            : ValidationResult.Success;

    private static string DisplayName(PropertyInfo property) =>
        property.GetCustomAttribute<DisplayAttribute>()?.GetName() ?? property.Name;
}
