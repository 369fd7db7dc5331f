using System.Net;
using System.Text.RegularExpressions;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Controllers;
using Microsoft.AspNetCore.Mvc.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Onboarding.Core.Accounts;
using Onboarding.Core.Data;
using Onboarding.Core.Engagements;
using Onboarding.Tests.Browser;
using Onboarding.Tests.Support;

namespace Onboarding.Tests.Integration;

/// <summary>
/// Script-injection payloads written into every field people type that the app shows (the
/// Markdown ones: shared purpose, what and why, glossary definitions, kudos; and the plain
/// ones beside them), then every page of the engagement read twice: its HTML parsed for live
/// script, handlers and unsafe URLs, and the page loaded in Chromium, where no dialog may open
/// and no payload may run. Runs in the browser collection to share its app and browser; its own
/// engagement and user keep the demo pages (and their screenshots) clean.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class MarkdownInjectionTests(LiveApp app, Chromium chromium)
{
    private const string Admin = "admin@northstar.example";
    private const string Victim = "ivy.injection@acme.example";
    private const string EngagementName = "Injection drill <img src=x onerror=alert('pwned')>";

    /// <summary>Every payload names "pwned", so script or a handler born from one is recognisable.</summary>
    private const string Marker = "pwned";

    internal static readonly string[] Payloads =
    [
        "<script>window.pwned = 'script'; alert('pwned')</script>",
        "<img src=x onerror=\"window.pwned = 'img'; alert('pwned')\">",
        "<svg onload=\"alert('pwned')\"><circle r=5 /></svg>",
        "<svg><script>alert('pwned')</script></svg>",
        "<details open ontoggle=\"alert('pwned')\">x</details>",
        "<iframe src=\"javascript:alert('pwned')\"></iframe>",
        "<object data=\"javascript:alert('pwned')\"></object>",
        "<form action=\"javascript:alert('pwned')\"><button>go</button></form>",
        "<meta http-equiv=\"refresh\" content=\"0;url=javascript:alert('pwned')\">",
        "<base href=\"javascript:alert('pwned')//\">",
        "<a href=\"javascript:alert('pwned')\">raw html link</a>",
        "<a href=\"&#x6A;avascript:alert('pwned')\">entity raw link</a>",
        "<math><mtext><table><mglyph><style><img src=x onerror=alert('pwned')>",
        "<<script>script>alert('pwned')<</script>/script>",
        "&lt;script&gt;alert('pwned')&lt;/script&gt;",
        "`<script>alert('pwned')</script>`",
        "[plain link](javascript:alert('pwned'))",
        "[mixed case link](JaVaScRiPt:alert('pwned'))",
        "[entity colon link](javascript&#58;alert('pwned'))",
        "[entity letter link](&#106;avascript:alert('pwned'))",
        "[hex entity link](&#x6a;&#x61;vascript:alert('pwned'))",
        "[tab entity link](<java&#9;script:alert('pwned')>)",
        "[newline entity link](java&#10;script:alert('pwned'))",
        "[slashes link](javascript://example.com/%0Aalert('pwned'))",
        "[vbscript link](vbscript:msgbox('pwned'))",
        "[data link](data:text/html;base64,PHNjcmlwdD5hbGVydCgncHduZWQnKTwvc2NyaXB0Pg==) pwned",
        "[reference link][evil] pwned\n\n[evil]: javascript:alert('pwned')",
        "[title breakout](https://example.com \"x\\\" onmouseover=\\\"alert('pwned')\")",
        "[quote in url](https://example.com/\"onmouseover=\"alert('pwned'))",
        "![image js](javascript:alert('pwned'))",
        "![image vbscript](vbscript:alert('pwned'))",
        "![image data](data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoJ3B3bmVkJyk+) pwned",
        "<javascript:alert('pwned')>",
        "<vbscript:msgbox('pwned')>",
        "<data:text/html,alert('pwned')>",
        "www.example.com/\"><script>alert('pwned')</script>",
        "https://example.com/<img src=x onerror=alert('pwned')>",
    ];

    private static readonly string Markdown = string.Join("\n\n", Payloads);

    /// <summary>For fields too short for the whole set.</summary>
    private const string Short = "<img src=x onerror=alert('pwned')>";

    private static readonly string[] AllowedSchemes = ["http", "https", "mailto", "webcal"];
    private static readonly string[] UrlAttributes = ["href", "src", "action", "formaction", "xlink:href", "data", "poster", "srcset", "background", "ping", "cite"];
    private static readonly string[] EmbeddingElements = ["iframe", "frame", "object", "embed", "base", "applet"];

    /// <summary>Pages whose text must show the payloads, so the test cannot pass on pages that never had them.</summary>
    private static readonly string[] PagesShowingPayloads = ["", "/plan", "/tasks/{taskId}", "/glossary", "/metrics", "/wins", "/activity", "/stakeholders"];

    [Fact]
    public async Task No_payload_reaches_the_html_as_script_a_handler_or_an_unsafe_url()
    {
        var drill = await SeedAsync();
        var checkedPages = 0;
        foreach (var email in new[] { Admin, Victim })
        {
            foreach (var (path, html) in await HtmlPagesAsync(drill, email))
            {
                var problems = ActiveContent(await new HtmlParser().ParseDocumentAsync(html)).ToList();
                Assert.True(problems.Count == 0, $"GET {path} as {email} carries active content:\n{string.Join("\n", problems)}");
                checkedPages++;
            }
        }
        Assert.True(checkedPages >= 20, $"only {checkedPages} pages checked");

        var victim = await app.SignedInHttpClientAsync(Victim);
        foreach (var page in PagesShowingPayloads.Select(p => $"/engagements/{drill.EngagementId}{p.Replace("{taskId}", drill.TaskId.ToString())}").Concat(["/my/checklist", "/my/onboarding"]))
        {
            var text = (await new HtmlParser().ParseDocumentAsync(await victim.GetStringAsync(page))).Body!.TextContent;
            Assert.True(text.Contains(Marker), $"{page} does not show the payloads at all");
        }
        // The Markdown was rendered, not dropped: the words of the refused links stay readable.
        var task = await victim.GetStringAsync($"/engagements/{drill.EngagementId}/tasks/{drill.TaskId}");
        Assert.Contains("plain link", task);
        Assert.Contains("reference link", task);
    }

    [Fact]
    public async Task No_payload_runs_in_the_browser()
    {
        var drill = await SeedAsync();
        foreach (var email in new[] { Admin, Victim })
        {
            var pages = await HtmlPagesAsync(drill, email);
            await using var tab = await BrowserPage.OpenAsync(chromium, app);
            await tab.SignInAsync(email);
            foreach (var (path, _) in pages)
            {
                await tab.GoToAsync(path);
                Assert.Null(await tab.Page.EvaluateAsync<string?>("() => window.pwned ?? null"));
                // The browser's own URL parser has the last word on what a link would run.
                var unsafeUrls = await tab.Page.EvaluateAsync<string[]>(
                    """
                    allowed => [...document.querySelectorAll('[href],[src],[action],[formaction]')]
                        .flatMap(e => ['href', 'src', 'action', 'formaction'].filter(a => e.hasAttribute(a)).map(a => [e, a]))
                        .filter(([e, a]) => !allowed.includes(new URL(e.getAttribute(a), document.baseURI).protocol.slice(0, -1)))
                        .map(([e, a]) => e.outerHTML.slice(0, 200))
                    """, AllowedSchemes);
                Assert.True(unsafeUrls.Length == 0, $"{path} as {email} links to unsafe URLs:\n{string.Join("\n", unsafeUrls)}");
            }
            // A payload that ran would have opened a dialog; one that became an element would have logged its failed load.
            tab.AssertNoScriptErrors();
        }
    }

    /// <summary>Every page of the app that answers <paramref name="email"/> with HTML, with that HTML.</summary>
    private async Task<List<(string Path, string Html)>> HtmlPagesAsync(Drill drill, string email)
    {
        var client = await app.SignedInHttpClientAsync(email);
        var pages = new List<(string, string)>();
        foreach (var path in Pages(drill))
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
            HttpResponseMessage response;
            try
            {
                response = await client.GetAsync(path, timeout.Token);
            }
            catch (OperationCanceledException e)
            {
                throw new TimeoutException($"GET {path} as {email} did not answer within a minute", e);
            }
            Assert.True((int)response.StatusCode < 500, $"GET {path} as {email} answered {response.StatusCode}");
            if (response.StatusCode == HttpStatusCode.OK && response.Content.Headers.ContentType?.MediaType == "text/html")
            {
                pages.Add((path, await response.Content.ReadAsStringAsync()));
            }
        }
        return pages;
    }

    private IEnumerable<string> Pages(Drill drill)
    {
        var values = new Dictionary<string, string>
        {
            ["engagementId"] = drill.EngagementId.ToString(),
            ["taskId"] = drill.TaskId.ToString(),
            ["memberId"] = drill.MemberId.ToString(),
        };
        var provider = app.Factory.Services.GetRequiredService<IActionDescriptorCollectionProvider>();
        var templates = provider.ActionDescriptors.Items.OfType<ControllerActionDescriptor>()
            .Where(a => a.ActionConstraints?.OfType<Microsoft.AspNetCore.Mvc.ActionConstraints.HttpMethodActionConstraint>().SelectMany(c => c.HttpMethods).DefaultIfEmpty("GET").Contains("GET") ?? true)
            .Select(a => "/" + a.AttributeRouteInfo!.Template!.TrimStart('/'))
            .Distinct();
        foreach (var template in templates)
        {
            var parameters = Regex.Matches(template, "{([A-Za-z]+)[^}]*}").Select(m => m.Groups[1].Value).ToList();
            // Routes keyed by something else (a secret token, an error code) show no engagement text.
            if (parameters.All(values.ContainsKey))
            {
                yield return Regex.Replace(template, "{([A-Za-z]+)[^}]*}", m => values[m.Groups[1].Value]);
            }
        }
        yield return $"/engagements/{drill.EngagementId}/tasks/{drill.BlockedTaskId}";
        yield return $"/engagements?q=drill";
    }

    /// <summary>Whatever in the parsed page could run script or leave for an unsafe URL.</summary>
    private static IEnumerable<string> ActiveContent(IDocument document)
    {
        foreach (var element in document.All)
        {
            var name = element.LocalName;
            if (name == "iframe" && element.GetAttribute("sandbox") == "" && !element.HasAttribute("src"))
            {
                // A fully sandboxed frame (the digest preview) runs no script; what it shows must be clean too.
                foreach (var problem in ActiveContent(new HtmlParser().ParseDocument(element.GetAttribute("srcdoc") ?? "")))
                {
                    yield return $"in sandboxed frame: {problem}";
                }
            }
            else if (EmbeddingElements.Contains(name))
            {
                yield return $"<{name}> element: {Snippet(element)}";
            }
            if (name == "script" && (element.TextContent.Contains(Marker) || element.GetAttribute("src") is { } src && !src.StartsWith('/')))
            {
                yield return $"script: {Snippet(element)}";
            }
            if (name == "meta" && element.HasAttribute("http-equiv"))
            {
                yield return $"meta http-equiv: {Snippet(element)}";
            }
            foreach (var attribute in element.Attributes)
            {
                if (attribute.Name.StartsWith("on", StringComparison.OrdinalIgnoreCase) && attribute.Value.Contains(Marker))
                {
                    yield return $"handler {attribute.Name}: {Snippet(element)}";
                }
                if (UrlAttributes.Contains(attribute.Name.ToLowerInvariant()) && Scheme(attribute.Value) is { } scheme && !AllowedSchemes.Contains(scheme))
                {
                    yield return $"{scheme}: URL in {attribute.Name}: {Snippet(element)}";
                }
            }
        }
    }

    /// <summary>
    /// The scheme a browser would read from a URL attribute, or null for a relative URL. Written
    /// here on its own rather than borrowed from the app's SafeUrl, so the two check each other.
    /// </summary>
    private static string? Scheme(string value)
    {
        // Browsers ignore ASCII whitespace and control characters anywhere in a URL's scheme.
        var compact = new string(value.Where(c => c > ' ' && c != '\u007f').ToArray()).ToLowerInvariant();
        var match = Regex.Match(compact, "^([a-z][a-z0-9+.-]*):");
        return match.Success ? match.Groups[1].Value : null;
    }

    private static string Snippet(IElement element) => element.OuterHtml.Length > 200 ? element.OuterHtml[..200] : element.OuterHtml;

    private sealed record Drill(int EngagementId, int TaskId, int BlockedTaskId, int MemberId);

    /// <summary>The drill engagement, made once for both tests, with a payload in every field people type.</summary>
    private async Task<Drill> SeedAsync()
    {
        using var scope = app.Factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<OnboardingDbContext>();
        var existing = await db.Engagements.Where(e => e.Name == EngagementName).Select(e => e.Id).FirstOrDefaultAsync();
        if (existing > 0)
        {
            var tasks = await db.PlanTasks.Where(t => t.EngagementId == existing).OrderBy(t => t.Id).Select(t => t.Id).ToListAsync();
            var member = await db.Members.Where(m => m.EngagementId == existing).Select(m => m.Id).FirstAsync();
            return new Drill(existing, tasks[0], tasks[1], member);
        }

        var now = app.Factory.Clock.GetUtcNow();
        var provider = await db.Organisations.FirstAsync(o => o.Kind == OrganisationKind.Provider);
        var client = new Organisation { Name = $"Client {Short}", Kind = OrganisationKind.Client, ProviderId = provider.Id, CreatedAt = now };
        db.Organisations.Add(client);
        await db.SaveChangesAsync();
        var user = new AppUser
        {
            UserName = Victim,
            Email = Victim,
            EmailConfirmed = true,
            DisplayName = $"Ivy {Short}",
            OrganisationId = client.Id,
            CreatedAt = now,
        };
        var created = await scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>().CreateAsync(user, OnboardingFactory.DemoPassword);
        Assert.True(created.Succeeded, string.Join(" ", created.Errors.Select(e => e.Description)));

        var ivy = TestPeople.NewMember($"Ivy {Short}", Victim, EngagementRole.Recruiter, userId: user.Id, title: Short);
        ivy.CreatedAt = now;
        PlanTask Task(string key, PlanTaskStatus status) => new()
        {
            Key = key,
            Title = $"{key} {Short}",
            PhaseKey = "days-1-30",
            PhaseTitle = $"Days 1–30 {Short}",
            Start = new DateOnly(2026, 11, 16),
            Due = new DateOnly(2026, 11, 27),
            OwnerRole = EngagementRole.Recruiter,
            Owner = ivy,
            Status = status,
            BlockedReason = status == PlanTaskStatus.Blocked ? Short : null,
            What = Markdown,
            Why = Markdown,
            IsMilestone = key == "open",
            Checklist = [new ChecklistItem { Text = Short, Position = 0 }],
            Comments = [new TaskComment { AuthorName = $"Mallory {Short}", Body = Markdown, CreatedAt = now }],
        };
        var open = Task("open", PlanTaskStatus.InProgress);
        var blocked = Task("blocked", PlanTaskStatus.Blocked);
        var engagement = new Engagement
        {
            Name = EngagementName,
            ProviderId = provider.Id,
            ClientId = client.Id,
            TimeZone = "Europe/London",
            Kickoff = new DateOnly(2026, 11, 16),
            GoLive = new DateOnly(2026, 12, 14),
            SharedPurpose = Markdown,
            CreatedAt = now,
            Outcomes = [new BusinessOutcome { Title = Short, HowMeasured = Markdown, Position = 0 }],
            Members = [ivy],
            Tasks = [open, blocked],
            Glossary = [new GlossaryTerm { ClientTerm = Short, ProviderTerm = Short, Definition = Markdown, UpdatedAt = now }],
            Metrics =
            [
                new Metric
                {
                    Name = Short, Unit = "<b onmouseover=alert('pwned')>u", HowMeasured = Markdown, Baseline = 10, Target = 5,
                    Measurements = [new Measurement { MeasuredOn = new DateOnly(2026, 11, 20), Value = 7, Note = Short, RecordedAt = now }],
                },
            ],
            Wins = [new Win { Kind = WinKind.Kudos, Title = Short, Body = Markdown, AuthorName = $"Mallory {Short}", CreatedAt = now }],
        };
        db.Engagements.Add(engagement);
        await db.SaveChangesAsync();
        db.Milestones.Add(new Milestone { EngagementId = engagement.Id, Title = $"Milestone {Short}", Date = open.Due, TaskId = open.Id });
        db.Activity.Add(new ActivityEntry { EngagementId = engagement.Id, At = now, ActorName = $"Mallory {Short}", Description = Short, TaskId = open.Id });
        await db.SaveChangesAsync();
        return new Drill(engagement.Id, open.Id, blocked.Id, ivy.Id);
    }
}
