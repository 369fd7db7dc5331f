namespace Onboarding.Tests.Support;

/// <summary>Distinct ids for records built in memory, as the database would hand them out.</summary>
internal static class TestIds
{
    private static int last;

    public static int Next() => Interlocked.Increment(ref last);

    public static string NextRecipient() => $"person-{Next()}@example.test";
}
