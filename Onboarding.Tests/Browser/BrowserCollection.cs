namespace Onboarding.Tests.Browser;

/// <summary>
/// The browser tests share one app on a real port and one Chromium; xunit runs the classes of a
/// collection one after another, so flows never race each other on the shared database.
/// </summary>
[CollectionDefinition(Name)]
public sealed class BrowserCollection : ICollectionFixture<LiveApp>, ICollectionFixture<Chromium>
{
    public const string Name = "Browser";
}
