using System.Globalization;
using System.Net;
using System.Reflection;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.ActionConstraints;
using Microsoft.AspNetCore.Mvc.Controllers;
using Microsoft.AspNetCore.Mvc.Infrastructure;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Onboarding.Core.Accounts;
using Onboarding.Core.Data;
using Onboarding.Core.Digests;
using Onboarding.Core.Engagements;
using Onboarding.Core.Governance;
using Onboarding.Core.Governance.CheckIns;
using Onboarding.Core.Locations;
using Onboarding.Core.Templates;
using Onboarding.Tests.Integration.Governance;
using Onboarding.Tests.Support;

namespace Onboarding.Tests.Integration;

/// <summary>What every field of a form gets in one run of <see cref="FormFuzzTests"/>.</summary>
public enum BadInput
{
    /// <summary>No field at all, only the antiforgery token.</summary>
    Empty,

    /// <summary>Every field sent, and empty, as a browser sends an untouched form.</summary>
    Blank,

    /// <summary>Every field 10,000 characters long, numbers and dates included.</summary>
    Huge,

    /// <summary>Free text 10,000 characters long; the other fields valid.</summary>
    LongText,

    /// <summary>Numbers, dates, enums, zones and emails that do not parse.</summary>
    Malformed,

    /// <summary>Dates on 9999-12-31 and numbers at their type's maximum.</summary>
    FarDates,

    /// <summary>Dates on 0001-01-01 and numbers at their type's minimum.</summary>
    AncientDates,

    /// <summary>Free text of 200 nested block quotes ('>' × 200).</summary>
    NestedQuotes,

    /// <summary>Free text of a list nested 200 deep ("- - - … item").</summary>
    NestedLists,
}

/// <summary>
/// Every POST endpoint, found from the app's routes as <see cref="AccessTests"/> finds them, gets each kind of
/// bad input in every field its bound parameters have (found by reflection, so a new form is covered without
/// editing this test), on PostgreSQL and on SQLite. No answer may be a 500, and the pages showing the data
/// (engagement pages, the pack PDF, the calendar feed, the person's own pages) must still answer 200.
/// </summary>
public sealed class FormFuzzTests(FormFuzzTests.Apps apps) : IClassFixture<FormFuzzTests.Apps>
{
    private const int Long = 10_000;
    private const string Today = "2026-11-23";

    public static TheoryData<DatabaseProvider, BadInput> Cases()
    {
        var cases = new TheoryData<DatabaseProvider, BadInput>();
        foreach (var provider in Enum.GetValues<DatabaseProvider>())
        {
            foreach (var kind in Enum.GetValues<BadInput>())
            {
                cases.Add(provider, kind);
            }
        }
        return cases;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Bad_input_in_every_form_never_answers_500_and_the_pages_showing_it_still_work(DatabaseProvider provider, BadInput kind)
    {
        var app = await apps.ForAsync(provider);
        var world = await FuzzWorld.CreateAsync(app, kind);
        var endpoints = PostEndpoints(app).ToList();
        Assert.True(endpoints.Count >= 20, $"only {endpoints.Count} POST endpoints found");
        Assert.Contains(endpoints, e => e.Fields.Count > 10);

        var failures = new List<string>();
        // A page stays broken by what an earlier post saved: it is reported once, after the post that broke it.
        var broken = new HashSet<string>();
        foreach (var endpoint in endpoints)
        {
            // An endpoint without fields gets the same request for every kind: once is enough.
            if (endpoint.Fields.Count == 0 && kind != BadInput.Empty)
            {
                continue;
            }
            var route = await world.PrepareAsync();
            var client = endpoint.Anonymous ? app.AnonymousClient() : world.Leader;
            var path = Regex.Replace(endpoint.Template, "{([A-Za-z]+)[^}]*}", m => route(endpoint.Template, m.Groups[1].Value));
            var revision = await world.RevisionAsync();

            var form = endpoint.Fields.SelectMany(f => world.Values(f, kind).Select(v => KeyValuePair.Create(f.Name, v))).ToList();
            form.Add(KeyValuePair.Create("__RequestVerificationToken", await OnboardingFactory.AntiforgeryTokenAsync(client, endpoint.Anonymous ? "/sign-in" : "/engagements")));
            var response = await client.PostAsync(path, new FormUrlEncodedContent(form));
            var what = $"POST {endpoint.Template} ({kind}, {provider})";
            if (response.StatusCode == HttpStatusCode.InternalServerError)
            {
                failures.Add($"{what} answered 500: {LastError(app)}");
                continue;
            }
            if (response.StatusCode == HttpStatusCode.Redirect && response.Headers.Location is { IsAbsoluteUri: false } next && !next.ToString().StartsWith("/sign-in", StringComparison.Ordinal))
            {
                var followed = await client.GetAsync(next.ToString());
                if (followed.StatusCode == HttpStatusCode.InternalServerError)
                {
                    failures.Add($"{what}, then GET {next} answered 500: {LastError(app)}");
                }
            }

            // A post that changed nothing of the engagement cannot have broken a page showing it.
            if (endpoint.Template.Contains("{engagementId", StringComparison.Ordinal) && await world.RevisionAsync() == revision && !endpoint.Template.StartsWith("/engagements/new", StringComparison.Ordinal))
            {
                continue;
            }
            await world.EnsureSignedInAsync();
            foreach (var page in await world.PagesAsync())
            {
                var shown = await world.Leader.GetAsync(page);
                if (shown.StatusCode != HttpStatusCode.OK && broken.Add(page))
                {
                    failures.Add($"{what}, then GET {page} answered {(int)shown.StatusCode}: {(shown.StatusCode == HttpStatusCode.InternalServerError ? LastError(app) : "")}");
                }
            }
        }
        Assert.True(failures.Count == 0, $"{failures.Count} failure(s):\n" + string.Join("\n", failures));
    }

    /// <summary>The exception behind the last 500, named as the nested-Markdown case when Markdig threw it.</summary>
    private static string LastError(OnboardingFactory app)
    {
        var errors = app.ServerErrors.ToArray();
        if (errors.Length == 0)
        {
            return "(no exception recorded)";
        }
        var error = errors[^1];
        var text = error.ToString();
        var frames = text.Split('\n').Select(l => l.Trim()).Where(l => l.StartsWith("at ", StringComparison.Ordinal)).ToList();
        var ours = frames.FirstOrDefault(f => f.Contains("Onboarding.", StringComparison.Ordinal)) ?? "";
        return $"{error.GetType().Name}: {TextFit(error.Message)} {frames.FirstOrDefault()} {ours}";
    }

    private static string TextFit(string text) => text.Length <= 300 ? text : text[..300] + "…";

    /// <summary>A form field as a browser would post it, with the type it binds to.</summary>
    public sealed record FormField(string Name, string Property, Type? DeclaringType, Type Type);

    public sealed record PostEndpoint(string Template, bool Anonymous, IReadOnlyList<FormField> Fields);

    private static IEnumerable<PostEndpoint> PostEndpoints(OnboardingFactory app)
    {
        var provider = app.Services.GetRequiredService<IActionDescriptorCollectionProvider>();
        foreach (var action in provider.ActionDescriptors.Items.OfType<ControllerActionDescriptor>())
        {
            var methods = action.ActionConstraints?.OfType<HttpMethodActionConstraint>().SelectMany(c => c.HttpMethods).ToList() ?? [];
            if (!methods.Contains("POST"))
            {
                continue;
            }
            var template = "/" + action.AttributeRouteInfo!.Template!.TrimStart('/');
            var routeNames = Regex.Matches(template, "{([A-Za-z]+)").Select(m => m.Groups[1].Value).ToHashSet(StringComparer.OrdinalIgnoreCase);
            var fields = new List<FormField>();
            foreach (var parameter in action.Parameters.OfType<ControllerParameterDescriptor>())
            {
                var source = parameter.BindingInfo?.BindingSource;
                if (routeNames.Contains(parameter.Name) || source == BindingSource.Services || source == BindingSource.Special || parameter.ParameterType == typeof(CancellationToken))
                {
                    continue;
                }
                fields.AddRange(Fields(parameter.ParameterType, IsSimple(parameter.ParameterType) || IsCollection(parameter.ParameterType) ? parameter.Name : "", parameter.Name, null, depth: 0));
            }
            var anonymous = action.MethodInfo.GetCustomAttribute<AllowAnonymousAttribute>() is not null;
            yield return new PostEndpoint(template, anonymous, fields);
        }
    }

    /// <summary>The fields a type binds from: itself when simple, else its settable properties, lists as row 0.</summary>
    private static IEnumerable<FormField> Fields(Type type, string name, string property, Type? declaringType, int depth)
    {
        if (IsSimple(type))
        {
            yield return new FormField(name, property, declaringType, type);
            yield break;
        }
        if (IsCollection(type))
        {
            var element = type.IsArray ? type.GetElementType()! : type.GetGenericArguments()[0];
            foreach (var field in IsSimple(element) ? Fields(element, name, property, declaringType, depth) : Fields(element, $"{name}[0]", property, declaringType, depth + 1))
            {
                yield return field;
            }
            yield break;
        }
        if (depth > 3)
        {
            yield break;
        }
        foreach (var p in type.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.CanWrite && p.SetMethod!.IsPublic))
        {
            var prefix = name.Length == 0 ? p.Name : $"{name}.{p.Name}";
            foreach (var field in Fields(p.PropertyType, prefix, p.Name, type, depth + 1))
            {
                yield return field;
            }
        }
    }

    private static bool IsSimple(Type type)
    {
        var t = Nullable.GetUnderlyingType(type) ?? type;
        return t.IsPrimitive || t.IsEnum || t == typeof(string) || t == typeof(decimal) || t == typeof(DateOnly) || t == typeof(DateTime)
            || t == typeof(DateTimeOffset) || t == typeof(TimeOnly) || t == typeof(Guid);
    }

    private static bool IsCollection(Type type) =>
        type.IsArray || (type.IsGenericType && type.GetGenericTypeDefinition() is var g && (g == typeof(List<>) || g == typeof(IList<>) || g == typeof(IEnumerable<>) || g == typeof(IReadOnlyList<>)));

    /// <summary>One account leader (a provider administrator) and their engagement per test case, so cases never see each other's data.</summary>
    private sealed class FuzzWorld
    {
        private readonly OnboardingFactory app;
        private readonly string suffix;
        private string leaderEmail = "";
        private int engagementId;
        private int leaderMemberId;
        private int recruiterMemberId;
        private int recruiterPersonId;
        private int hiringManagerMemberId;
        private string otherUserId = "";
        private int invitationId;
        private long digestId;
        private int taskId;
        private int entryId;

        private FuzzWorld(OnboardingFactory app, BadInput kind)
        {
            this.app = app;
            suffix = $"{kind.ToString().ToLowerInvariant()}-{Guid.NewGuid():N}"[..24];
        }

        public HttpClient Leader { get; private set; } = null!;

        public static async Task<FuzzWorld> CreateAsync(OnboardingFactory app, BadInput kind)
        {
            var world = new FuzzWorld(app, kind);
            await world.SeedAsync();
            world.Leader = await app.SignedInClientAsync(world.leaderEmail);
            return world;
        }

        private async Task SeedAsync()
        {
            using var scope = app.Services.CreateScope();
            var db = scope.ServiceProvider.GetRequiredService<OnboardingDbContext>();
            var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
            var catalog = scope.ServiceProvider.GetRequiredService<TemplateCatalog>();
            var now = app.Clock.GetUtcNow();
            var providerOrg = await db.Organisations.FirstAsync(o => o.Kind == OrganisationKind.Provider);
            var client = await db.Organisations.FirstAsync(o => o.Kind == OrganisationKind.Client);

            leaderEmail = $"leader-{suffix}@northstar.example";
            var leader = new AppUser { UserName = leaderEmail, Email = leaderEmail, DisplayName = $"Leader {suffix}", OrganisationId = providerOrg.Id, AccountRole = AccountRole.Administrator, CreatedAt = now };
            Assert.True((await users.CreateAsync(leader, OnboardingFactory.DemoPassword)).Succeeded);
            var otherEmail = $"other-{suffix}@acme.example";
            var other = new AppUser { UserName = otherEmail, Email = otherEmail, DisplayName = $"Other {suffix}", OrganisationId = client.Id, CreatedAt = now };
            Assert.True((await users.CreateAsync(other, OnboardingFactory.DemoPassword)).Succeeded);
            otherUserId = other.Id;

            Member Person(string name, string email, EngagementRole role, string? userId, int order)
            {
                var member = TestPeople.NewMember(name, email, role, userId: userId);
                member.CreatedAt = now.AddTicks(order);
                return member;
            }
            var engagement = new Engagement
            {
                Name = $"Fuzz {suffix}",
                ProviderId = providerOrg.Id,
                ClientId = client.Id,
                Kickoff = new DateOnly(2026, 11, 16),
                GoLive = new DateOnly(2026, 12, 14),
                TimeZone = "Europe/London",
                SharedPurpose = "Hire **well**.",
                CreatedAt = now,
                Members =
                [
                    Person(leader.DisplayName, leaderEmail, EngagementRole.AccountLeader, leader.Id, 0),
                    Person("Rita Recruiter", $"rita-{suffix}@northstar.example", EngagementRole.Recruiter, null, 1),
                    Person("Tara Lead", $"tara-{suffix}@acme.example", EngagementRole.TaLead, null, 2),
                    Person("Hugo Manager", $"hugo-{suffix}@acme.example", EngagementRole.HiringManager, null, 3),
                    Person("Sam Sponsor", $"sam-{suffix}@acme.example", EngagementRole.ExecutiveSponsor, null, 4),
                ],
                Metrics = [new Metric { Name = "Time to fill", Unit = "days", Direction = MetricDirection.LowerIsBetter, Baseline = 60, Target = 40 }],
            };
            db.Engagements.Add(engagement);
            await db.SaveChangesAsync();
            ApplyTemplate(engagement, catalog, now);
            var token = Secrets.NewToken();
            var invitation = new Invitation { Email = otherEmail, TokenHash = Secrets.Hash(token), UserId = other.Id, EngagementId = engagement.Id, CreatedAt = now, ExpiresAt = now.AddDays(7) };
            db.Invitations.Add(invitation);
            var digest = new DigestRecord
            {
                Recipient = leaderEmail,
                Period = new DateOnly(2026, 11, 20),
                EngagementIds = [engagement.Id],
                Status = DigestStatus.Failed,
                Attempts = 5,
                Subject = "Your digest",
                HtmlBody = "<p>Hi</p>",
                TextBody = "Hi",
                MessageId = $"{suffix}@onboarding.test",
                CreatedAt = now,
            };
            db.Digests.Add(digest);
            await db.SaveChangesAsync();

            engagementId = engagement.Id;
            leaderMemberId = engagement.Members.Single(m => m.Email == leaderEmail).Id;
            recruiterMemberId = engagement.Members.Single(m => m.Role == EngagementRole.Recruiter).Id;
            recruiterPersonId = engagement.Members.Single(m => m.Role == EngagementRole.Recruiter).PersonId;
            hiringManagerMemberId = engagement.Members.Single(m => m.Role == EngagementRole.HiringManager).Id;
            invitationId = invitation.Id;
            invitationToken = token;
            digestId = digest.Id;
        }

        private string invitationToken = "";
        private string pulseToken = "";
        private int pulseId;
        private int seriesId;
        private string meetingDate = "";

        private static void ApplyTemplate(Engagement engagement, TemplateCatalog catalog, DateTimeOffset now)
        {
            var applications = PlanWriter.Applications([catalog.Find("first-time-buyer")!], engagement.Members);
            PlanWriter.Add(engagement, PlanWriter.Generate(engagement, applications), applications, now);
        }

        /// <summary>
        /// Puts back what earlier posts may have taken away (an open engagement, a template applied, a metric) and
        /// adds a fresh open milestone task; returns the route values to post to.
        /// </summary>
        public async Task<Func<string, string, string>> PrepareAsync()
        {
            using (var scope = app.Services.CreateScope())
            {
                var db = scope.ServiceProvider.GetRequiredService<OnboardingDbContext>();
                var engagement = await db.Engagements.Include(e => e.Members).Include(e => e.Glossary).FirstAsync(e => e.Id == engagementId);
                engagement.Status = EngagementStatus.Active;
                engagement.ClosedAt = null;
                if (!await db.TemplateSnapshots.AnyAsync(s => s.EngagementId == engagementId))
                {
                    ApplyTemplate(engagement, scope.ServiceProvider.GetRequiredService<TemplateCatalog>(), app.Clock.GetUtcNow());
                }
                if (!await db.Metrics.AnyAsync(m => m.EngagementId == engagementId))
                {
                    db.Metrics.Add(new Metric { EngagementId = engagementId, Name = "Time to fill", Unit = "days", Baseline = 60, Target = 40, Direction = MetricDirection.LowerIsBetter });
                }
                if (!await db.HiringLocations.AnyAsync(l => l.EngagementId == engagementId))
                {
                    db.HiringLocations.Add(new HiringLocation { EngagementId = engagementId, CountryCode = "PL", City = "Kraków", TimeZone = "Europe/Warsaw", Language = "pl" });
                }
                if (!await db.CheckInSeries.AnyAsync(c => c.EngagementId == engagementId))
                {
                    CheckInDefaults.Add(engagement, app.Clock.GetUtcNow());
                }
                await db.SaveChangesAsync();
            }
            taskId = await TestPlans.AddTaskAsync(app, engagementId, "Hold the kickoff", leaderEmail, milestone: true);
            entryId = await app.WithDbAsync(async db =>
            {
                var entry = LogEntries.Open(engagementId, LogEntryKind.Issue, "ATS access missing", LogSeverity.High, LogSide.Client, null, null, "", false, "Fuzz", app.Clock.GetUtcNow());
                db.LogEntries.Add(entry);
                await db.SaveChangesAsync();
                db.LogEntryTasks.Add(new LogEntryTask { LogEntryId = entry.Id, TaskId = taskId });
                await db.SaveChangesAsync();
                return entry.Id;
            });
            var snapshotId = await app.WithDbAsync(db => db.TemplateSnapshots.Where(s => s.EngagementId == engagementId).Select(s => s.Id).FirstAsync());
            var metricId = await app.WithDbAsync(db => db.Metrics.Where(m => m.EngagementId == engagementId).Select(m => m.Id).FirstAsync());
            var locationId = await app.WithDbAsync(db => db.HiringLocations.Where(l => l.EngagementId == engagementId).Select(l => l.Id).FirstAsync());
            var unsubscribe = await app.WithDbAsync(db => db.Members.Where(m => m.Id == leaderMemberId).Select(m => m.UnsubscribeToken).FirstAsync());
            // A fresh open pulse for the answer page, and an answered one for the leader's response.
            (_, pulseToken) = await PulseSteps.SendAsync(app, engagementId, hiringManagerMemberId, $"fuzz:{Guid.NewGuid():N}");
            (pulseId, var answeredToken) = await PulseSteps.SendAsync(app, engagementId, hiringManagerMemberId, $"fuzz:{Guid.NewGuid():N}");
            await PulseSteps.AnswerAsync(app, answeredToken, 4, "Fine");
            var checkIn = await app.WithDbAsync(db => db.CheckInSeries.Where(c => c.EngagementId == engagementId && c.Kind == CheckInKind.Engagement).FirstAsync());
            seriesId = checkIn.Id;
            meetingDate = checkIn.NextOnOrAfter(new DateOnly(2026, 11, 23)).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            return (template, name) => name switch
            {
                "seriesId" => seriesId.ToString(CultureInfo.InvariantCulture),
                "date" => meetingDate,
                "engagementId" => engagementId.ToString(CultureInfo.InvariantCulture),
                "memberId" => recruiterMemberId.ToString(CultureInfo.InvariantCulture),
                "personId" => recruiterPersonId.ToString(CultureInfo.InvariantCulture),
                "taskId" => taskId.ToString(CultureInfo.InvariantCulture),
                "entryId" => entryId.ToString(CultureInfo.InvariantCulture),
                "snapshotId" => snapshotId.ToString(CultureInfo.InvariantCulture),
                "metricId" => metricId.ToString(CultureInfo.InvariantCulture),
                "locationId" => locationId.ToString(CultureInfo.InvariantCulture),
                "userId" => otherUserId,
                "invitationId" => invitationId.ToString(CultureInfo.InvariantCulture),
                "id" => digestId.ToString(CultureInfo.InvariantCulture),
                "token" when template.Contains("invitations", StringComparison.Ordinal) => invitationToken,
                "token" when template.StartsWith("/pulse/", StringComparison.Ordinal) => pulseToken,
                "pulseId" => pulseId.ToString(CultureInfo.InvariantCulture),
                "token" => unsubscribe,
                _ => throw new InvalidOperationException($"{template}: no value for the route value '{name}'; add one here."),
            };
        }

        public Task<Guid> RevisionAsync() => app.WithDbAsync(db => db.Engagements.Where(e => e.Id == engagementId).Select(e => e.Revision).FirstAsync());

        /// <summary>Signing out is one of the endpoints: sign in again when it happened.</summary>
        public async Task EnsureSignedInAsync()
        {
            var check = await Leader.GetAsync("/engagements");
            if (check.StatusCode != HttpStatusCode.OK)
            {
                Leader = await app.SignedInClientAsync(leaderEmail);
            }
        }

        /// <summary>The pages that show what the forms save.</summary>
        public async Task<IReadOnlyList<string>> PagesAsync()
        {
            var calendar = await app.WithDbAsync(db => db.Members.Where(m => m.Id == leaderMemberId).Select(m => m.CalendarToken).FirstAsync());
            // Removing the task is one of the endpoints; its page is gone then, as it should be.
            var taskExists = await app.WithDbAsync(db => db.PlanTasks.AnyAsync(t => t.Id == taskId));
            var e = $"/engagements/{engagementId}";
            return
            [
                e, $"{e}/plan", $"{e}/glossary", $"{e}/metrics", $"{e}/stakeholders", $"{e}/locations", $"{e}/wins", $"{e}/activity", $"{e}/log?status=all", $"{e}/log/{entryId}", "/portfolio",
                $"{e}/check-ins", $"{e}/check-ins/{seriesId}/{meetingDate}", $"{e}/pulses",
                .. taskExists ? [$"{e}/tasks/{taskId}"] : Array.Empty<string>(),
                $"{e}/digests/preview", $"{e}/pack", $"{e}/pack.pdf", $"{e}/pack/members/{recruiterMemberId}.pdf",
                "/engagements", "/my/checklist", "/digests/preferences", "/profile", $"/people/{recruiterPersonId}", $"/calendar/{calendar}.ics",
            ];
        }

        /// <summary>The values a field gets for a kind of bad input (several for a list of simple values).</summary>
        public IReadOnlyList<string> Values(FormField field, BadInput kind)
        {
            var type = Nullable.GetUnderlyingType(field.Type) ?? field.Type;
            var shape = ShapeOf(field, type);
            return kind switch
            {
                BadInput.Blank => [""],
                BadInput.Huge => [new string(shape == FieldShape.Text ? 'x' : '9', Long)],
                BadInput.LongText when shape == FieldShape.Text => [new string('x', Long)],
                BadInput.Malformed => [shape switch
                {
                    FieldShape.Integer => "12abc",
                    FieldShape.Decimal => "1,2.3.4",
                    FieldShape.Date or FieldShape.DateText => "2026-02-30",
                    FieldShape.Enum => "NoSuchValue",
                    FieldShape.Bool => "maybe",
                    FieldShape.Zone => "Mars/Olympus_Mons",
                    FieldShape.Email => "not an email",
                    _ => "x",
                }],
                BadInput.FarDates when shape is FieldShape.Date or FieldShape.DateText => ["9999-12-31"],
                BadInput.FarDates when shape is FieldShape.Integer => [int.MaxValue.ToString(CultureInfo.InvariantCulture)],
                BadInput.FarDates when shape is FieldShape.Decimal => [decimal.MaxValue.ToString(CultureInfo.InvariantCulture)],
                BadInput.FarDates when shape is FieldShape.Enum => [int.MaxValue.ToString(CultureInfo.InvariantCulture)],
                BadInput.AncientDates when shape is FieldShape.Date or FieldShape.DateText => ["0001-01-01"],
                BadInput.AncientDates when shape is FieldShape.Integer => [int.MinValue.ToString(CultureInfo.InvariantCulture)],
                BadInput.AncientDates when shape is FieldShape.Decimal => [decimal.MinValue.ToString(CultureInfo.InvariantCulture)],
                BadInput.AncientDates when shape is FieldShape.Enum => ["-1"],
                BadInput.NestedQuotes when shape == FieldShape.Text => [new string('>', 200) + " quoted"],
                BadInput.NestedLists when shape == FieldShape.Text => [string.Concat(Enumerable.Repeat("- ", 200)) + "item"],
                _ => Valid(field, type, shape),
            };
        }

        private enum FieldShape { Text, Integer, Decimal, Date, DateText, Enum, Bool, Zone, Email }

        /// <summary>Names that say a text field holds a date, a zone or an email, so the valid case reaches past parsing.</summary>
        private static FieldShape ShapeOf(FormField field, Type type) => type switch
        {
            _ when type.IsEnum => FieldShape.Enum,
            _ when type == typeof(bool) => FieldShape.Bool,
            _ when type == typeof(decimal) || type == typeof(double) || type == typeof(float) => FieldShape.Decimal,
            _ when type.IsPrimitive => FieldShape.Integer,
            _ when type == typeof(DateOnly) || type == typeof(DateTime) || type == typeof(DateTimeOffset) => FieldShape.Date,
            _ when field.Property is "Kickoff" or "GoLive" or "Start" or "Due" or "Date" or "Holidays" => FieldShape.DateText,
            _ when field.Property == "TimeZone" => FieldShape.Zone,
            _ when field.Property == "Email" => FieldShape.Email,
            _ => FieldShape.Text,
        };

        private IReadOnlyList<string> Valid(FormField field, Type type, FieldShape shape)
        {
            string Id(int id) => id.ToString(CultureInfo.InvariantCulture);
            return (field.DeclaringType?.Name, field.Property, shape) switch
            {
                ("PreferenceForm", "MemberId", _) => [Id(leaderMemberId)],
                (_, "MemberId" or "OwnerId", _) => [Id(field.DeclaringType?.Name == "NewTaskForm" ? leaderMemberId : recruiterMemberId)],
                (_, "TaskId", _) => [Id(taskId)],
                (_, "RecruiterId", _) => [Id(recruiterMemberId)],
                (_, "HiringManagerId", _) => [Id(hiringManagerMemberId)],
                (_, "EngagementId", _) => [Id(engagementId)],
                (_, "Hour" or "DigestHour", _) => ["9"],
                (_, "FromVersion" or "ToVersion", _) => ["1"],
                (_, "Status", _) => ["Done"],
                (_, "Role", _) => ["Recruiter"],
                (_, "WorkingDays", _) => ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"],
                ("RescheduleForm", "Target", _) => ["GoLive"],
                ("MetricForm", "Target", _) => ["35"],
                (_, "Phase", _) => ["days-1-30|Days 1–30"],
                (_, "TemplateKey" or "Templates", _) => ["first-time-buyer"],
                ("ApplyTemplateForm", "Action", _) => ["apply"],
                (_, "Action", _) => ["launch"],
                (_, "ReturnUrl", _) => ["/"],
                (_, "Kickoff", _) => ["2026-12-07"],
                (_, "GoLive", _) => ["2027-01-11"],
                (_, "Date", _) => ["2026-11-30"],
                (_, "Holidays", _) => ["2026-12-25"],
                (_, _, FieldShape.DateText or FieldShape.Date) => [Today],
                (_, _, FieldShape.Zone) => ["Europe/London"],
                (_, _, FieldShape.Email) => [$"person-{suffix}-{Guid.NewGuid():N}"[..40] + "@example.test"],
                (_, _, FieldShape.Integer) => ["3"],
                (_, _, FieldShape.Decimal) => ["42.5"],
                (_, _, FieldShape.Bool) => ["true"],
                (_, _, FieldShape.Enum) => [Enum.GetNames(type)[0]],
                _ => ["Plain **text** with a [link](https://example.com)"],
            };
        }
    }

    /// <summary>One app per database provider, started when a case first needs it.</summary>
    public sealed class Apps : IAsyncLifetime
    {
        private readonly Dictionary<DatabaseProvider, OnboardingFactory> started = [];
        private readonly SemaphoreSlim starting = new(1, 1);

        public async Task<OnboardingFactory> ForAsync(DatabaseProvider provider)
        {
            await starting.WaitAsync();
            try
            {
                if (!started.TryGetValue(provider, out var app))
                {
                    app = new OnboardingFactory { Provider = provider };
                    await ((IAsyncLifetime)app).InitializeAsync();
                    started[provider] = app;
                }
                return app;
            }
            finally
            {
                starting.Release();
            }
        }

        public Task InitializeAsync() => Task.CompletedTask;

        public async Task DisposeAsync()
        {
            foreach (var app in started.Values)
            {
                await ((IAsyncLifetime)app).DisposeAsync();
            }
            starting.Dispose();
        }
    }
}
