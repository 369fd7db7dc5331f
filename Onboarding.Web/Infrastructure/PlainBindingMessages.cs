using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.ModelBinding.Metadata;

namespace Onboarding.Web.Infrastructure;

/// <summary>
/// What a form says when a field's text cannot become its type ("forty" in a number field): the framework's
/// "The value 'forty' is not valid for Value." names no kind of value and reads like a program talking. Each field
/// gets messages for its own type, so the person learns what to type instead.
/// </summary>
public sealed class PlainBindingMessages : IBindingMetadataProvider
{
    public void CreateBindingMetadata(BindingMetadataProviderContext context)
    {
        var type = Nullable.GetUnderlyingType(context.Key.ModelType) ?? context.Key.ModelType;
        var expected = Expected(type);
        var messages = context.BindingMetadata.ModelBindingMessageProvider is DefaultModelBindingMessageProvider framework
            ? new DefaultModelBindingMessageProvider(framework)
            : new DefaultModelBindingMessageProvider();
        messages.SetAttemptedValueIsInvalidAccessor((value, field) => $"{field}: “{value}” is not {expected}.");
        messages.SetNonPropertyAttemptedValueIsInvalidAccessor(value => $"“{value}” is not {expected}.");
        messages.SetValueIsInvalidAccessor(value => $"“{value}” is not {expected}.");
        messages.SetUnknownValueIsInvalidAccessor(field => $"{field} must be {expected}.");
        messages.SetNonPropertyUnknownValueIsInvalidAccessor(() => $"This must be {expected}.");
        messages.SetValueMustNotBeNullAccessor(_ => "Fill this in: it cannot be empty.");
        messages.SetMissingBindRequiredValueAccessor(field => $"Fill in {field}.");
        messages.SetMissingKeyOrValueAccessor(() => "Fill this in: it cannot be empty.");
        messages.SetMissingRequestBodyRequiredValueAccessor(() => "The form arrived empty: fill it in and send it again.");
        messages.SetValueMustBeANumberAccessor(field => $"{field} must be a number, like 40.");
        context.BindingMetadata.ModelBindingMessageProvider = messages;
    }

    private static string Expected(Type type) => type switch
    {
        _ when type == typeof(int) || type == typeof(long) || type == typeof(short) => "a whole number, like 40",
        _ when type == typeof(decimal) || type == typeof(double) || type == typeof(float) => "a number, like 40 or 12.5",
        _ when type == typeof(DateOnly) || type == typeof(DateTime) || type == typeof(DateTimeOffset) => "a date, like 2026-12-01",
        _ when type == typeof(TimeOnly) => "a time, like 08:00",
        _ when type == typeof(bool) => "yes or no",
        _ when type.IsEnum => "one of the choices offered",
        _ => "a value this field accepts",
    };
}
